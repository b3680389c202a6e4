// Package cli holds Sahifa's commands that print to standard output instead
// of opening the reader: render, list, search and entities. Each reads its
// own flags, so that `sahifa COMMAND -h` documents it. import is the one
// that writes: it stores articles in a PostgreSQL archive.
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"sahifa/corpus/collection"
)

// Command is one command of the sahifa binary.
type Command struct {
	Name    string
	Summary string
	// Run executes the command with the arguments that follow its name and
	// returns the process exit status.
	Run func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// Commands lists every command, in the order `sahifa -h` shows them.
var Commands = []Command{
	{Name: "render", Summary: "print text as terminal lines: Arabic reordered, joined and wrapped", Run: render},
	{Name: "list", Summary: "list the articles of files and folders: id, date, source, title", Run: list},
	{Name: "search", Summary: "search files and folders: words, \"phrases\", prefix*, -excluded; ranked", Run: searchCmd},
	{Name: "related", Summary: "list the articles on the same story as an article, then related ones, with why", Run: relatedCmd},
	{Name: "entities", Summary: "list each article's people, places and organisations; --conll tags CoNLL text", Run: entitiesCmd},
	{Name: "cache", Summary: "where the caches of opened collections are, how large; cache clear removes them", Run: cacheCmd},
	{Name: "dates", Summary: "list each article's own date and the dates its text names (Gregorian, Hijri, relative)", Run: datesCmd},
	{Name: "import", Summary: "store articles, with their names and dates, in a PostgreSQL archive (--db URL)", Run: importCmd},
}

// Lookup returns the command called name.
func Lookup(name string) (Command, bool) {
	for _, c := range Commands {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// load opens the collection of paths (the seeds when there are none), or
// the archive --db names, for command name and waits until every article
// is loaded and indexed, reporting the problems on stderr; ok is false
// when nothing could be read. c is nil, and the command must stop with
// status 2, when it was asked for both an archive and paths.
func load(fs *flag.FlagSet, paths []string, stderr io.Writer) (c *collection.Collection, ok bool) {
	name := fs.Name()
	db := ""
	if f := fs.Lookup("db"); f != nil && name != "import" {
		db = ArchiveURL(f.Value.String(), paths, os.Getenv)
	}
	switch {
	case db != "" && len(paths) > 0:
		fmt.Fprintf(stderr, "sahifa %s: --db reads an archive: give no PATH with it\n", name)
		return nil, false
	case db != "":
		c = collection.OpenArchive(context.Background(), db)
	default:
		dir := ""
		if f := fs.Lookup("no-cache"); f == nil || f.Value.String() != "true" {
			dir = cacheDir(name, stderr)
		}
		c = collection.OpenCached(context.Background(), paths, dir)
	}
	c.WaitLoaded(context.Background())
	for _, p := range c.Problems() {
		fmt.Fprintf(stderr, "sahifa %s: %s: %s\n", name, shown(p.Path), shown(p.Reason))
	}
	return c, c.Len() > 0 || len(c.Problems()) == 0
}

// ArchiveURL returns the archive a command or the screen reads: the one
// --db names, else $SAHIFA_DB when no path is given (paths on the command
// line win over the environment), else "" for files.
func ArchiveURL(flag string, paths []string, getenv func(string) string) string {
	if flag != "" || len(paths) > 0 {
		return flag
	}
	return getenv("SAHIFA_DB")
}

// cacheDir returns the folder of the collections' caches, "" (no cache)
// when there is none, which is said on stderr.
func cacheDir(name string, stderr io.Writer) string {
	dir, err := collection.CacheDir()
	if err != nil {
		fmt.Fprintf(stderr, "sahifa %s: no cache: %v\n", name, err)
	}
	return dir
}

// newFlags returns the flag set of command name: on -h or a bad flag it
// prints the usage lines, then the flags, on stderr. Commands that open a
// collection take --no-cache.
func newFlags(name string, stderr io.Writer, usage ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	if name != "render" && name != "cache" {
		fs.Bool("no-cache", false, "read every file again, neither using nor writing the cache")
	}
	if name != "render" && name != "cache" && name != "import" {
		fs.String("db", "", "read the PostgreSQL archive at `URL` (see sahifa import) instead of files; $SAHIFA_DB when no PATH is given")
	}
	fs.Usage = func() {
		for _, l := range usage {
			fmt.Fprintln(stderr, l)
		}
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args into fs. When the command must stop there it
// returns done with the exit status: 0 after -h, 2 after a bad flag (the
// flag package has already said why).
func parseFlags(fs *flag.FlagSet, args []string) (status int, done bool) {
	switch err := fs.Parse(args); {
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		return 0, true
	default:
		return 2, true
	}
}

// queriesAndPaths reads what a command that answers queries is asked:
// with --queries FILE (- for standard input) every line of FILE and all
// the arguments as paths, else the first argument and the rest as paths.
// status is the exit status when the command must stop there, -1 if not.
func queriesAndPaths(fs *flag.FlagSet, name, file string, stdin io.Reader, stderr io.Writer) (qs, paths []string, status int) {
	paths = fs.Args()
	if file == "" {
		if len(paths) == 0 {
			fs.Usage()
			return nil, nil, 2
		}
		return paths[:1], paths[1:], -1
	}
	r := stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			fmt.Fprintf(stderr, "sahifa %s: %s\n", name, shown(err.Error()))
			return nil, nil, 1
		}
		defer f.Close()
		r = f
	}
	qs, err := readQueries(r)
	if err != nil {
		fmt.Fprintf(stderr, "sahifa %s: %s: %s\n", name, shown(file), shown(err.Error()))
		return nil, nil, 1
	}
	return qs, paths, -1
}

// maxQueryLine is the longest line a --queries file may have.
const maxQueryLine = 1 << 20

// readQueries returns the lines of a --queries file, a line longer than
// maxQueryLine being an error.
func readQueries(r io.Reader) ([]string, error) {
	var qs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxQueryLine)
	for sc.Scan() {
		qs = append(qs, sc.Text())
	}
	return qs, sc.Err()
}
