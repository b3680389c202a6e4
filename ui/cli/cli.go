// Package cli holds Sahifa's commands that print to standard output instead
// of opening the reader: render, list, search and entities. Each reads its
// own flags, so that `sahifa COMMAND -h` documents it. import is the one
// that writes: it stores articles in a PostgreSQL archive. Their usage and
// messages are in the language --lang or the locale chooses (ui/lang's
// catalog); what they print on standard output as data is the same in
// every language.
package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"unicode/utf8"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
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
func load(fs *flags, paths []string) (c *collection.Collection, ok bool) {
	name := fs.Name()
	db := ""
	if f := fs.Lookup("db"); f != nil && name != "import" {
		db = ArchiveURL(f.Value.String(), paths, os.Getenv)
	}
	switch {
	case db != "" && len(paths) > 0:
		fs.say("--db reads an archive: give no PATH with it")
		return nil, false
	case db != "":
		c = collection.OpenArchive(context.Background(), db)
	default:
		dir := ""
		if f := fs.Lookup("no-cache"); f == nil || f.Value.String() != "true" {
			dir = cacheDir(fs)
		}
		c = collection.OpenCached(context.Background(), paths, dir)
	}
	c.WaitLoaded(context.Background())
	// The loader's fixed reasons are keys of the catalog; any other is
	// shown as it is.
	for _, p := range c.Problems() {
		fmt.Fprintf(fs.stderr, "sahifa %s: %s: %s\n", name, shown(p.Path), shown(fs.tr.Text(p.Reason)))
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
func cacheDir(fs *flags) string {
	dir, err := collection.CacheDir()
	if err != nil {
		fs.say("no cache: %v", fault(fs.tr, err))
	}
	return dir
}

// flags is a command's flag set and the language it reports in. The flag
// package's own messages and usage are English: its output is discarded,
// and parse reports its faults, and Usage the flags, through the catalog.
type flags struct {
	*flag.FlagSet
	tr     *lang.Printer
	stderr io.Writer
	usage  []string
}

// newFlags returns the flag set of command name: on -h or a bad flag it
// prints the usage lines (those that start "usage:" or with spaces are the
// command's syntax, the rest one text of the catalog), then the flags, on
// stderr. Every command takes --lang; those that open a collection take
// --no-cache.
func newFlags(name string, stderr io.Writer, usage ...string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.String("lang", "auto", "language of messages: ar, en, or auto (as LC_ALL, LC_MESSAGES or LANG say)")
	if name != "render" && name != "cache" {
		fs.Bool("no-cache", false, "read every file again, neither using nor writing the cache")
	}
	if name != "render" && name != "cache" && name != "import" {
		fs.String("db", "", "read the PostgreSQL archive at `URL` (see sahifa import) instead of files; $SAHIFA_DB when no PATH is given")
	}
	return &flags{FlagSet: fs, stderr: stderr, usage: usage}
}

// Usage prints the command's usage and flags on stderr.
func (f *flags) Usage() {
	var about []string
	for _, l := range f.usage {
		switch {
		case strings.HasPrefix(l, "usage: "):
			fmt.Fprintln(f.stderr, f.tr.Text("usage:"), strings.TrimPrefix(l, "usage: "))
		case strings.HasPrefix(l, " "):
			fmt.Fprintln(f.stderr, strings.Repeat(" ", utf8.RuneCountInString(f.tr.Text("usage:"))), strings.TrimLeft(l, " "))
		default:
			about = append(about, l)
		}
	}
	if len(about) > 0 {
		fmt.Fprintln(f.stderr, f.tr.Text(strings.Join(about, "\n")))
	}
	PrintDefaults(f.tr, f.FlagSet, f.stderr)
}

// say prints a message of the command on stderr: "sahifa NAME: " and
// the text of key, in the command's language.
func (f *flags) say(key string, args ...any) {
	fmt.Fprintf(f.stderr, "sahifa %s: %s\n", f.Name(), f.tr.Sprintf(key, args...))
}

// fail says what went wrong: err, worded in the command's language as far
// as the catalog knows it (fault).
func (f *flags) fail(err error) { f.say("%s", fault(f.tr, err)) }

// pathFaults are the faults of opening a file that the catalog words,
// each with its key: those a user meets (a mistyped name, a folder
// named for a file, a file not theirs).
var pathFaults = []struct {
	err error
	key string
}{
	{fs.ErrNotExist, "no such file or folder"},
	{fs.ErrPermission, "permission denied"},
	{syscall.EISDIR, "is a folder"},
	{syscall.ENOTDIR, "a part of the path is no folder"},
}

// fault words err in tr's language: a fault of a file as "PATH: reason"
// when pathFaults knows the reason, anything else as it is (shown).
func fault(tr *lang.Printer, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		for _, f := range pathFaults {
			if errors.Is(pe.Err, f.err) {
				return shown(pe.Path) + ": " + tr.Text(f.key)
			}
		}
	}
	return shown(err.Error())
}

// parseFlags parses args into fs and chooses the language the command
// speaks. When the command must stop there it returns done with the exit
// status: 0 after -h, 2 after a bad flag.
func parseFlags(fs *flags, args []string) (status int, done bool) {
	err := fs.Parse(args)
	l, ok := lang.Parse(fs.Lookup("lang").Value.String())
	if !ok {
		l = Language(args, os.Getenv)
	}
	fs.tr = lang.New(l, lang.DigitsDefault)
	switch {
	case err == nil && !ok && fs.Lookup("lang").Value.String() != "auto":
		fs.say("--lang: %q is neither ar, en nor auto", fs.Lookup("lang").Value.String())
		return 2, true
	case err == nil:
		return 0, false
	case errors.Is(err, flag.ErrHelp):
		fs.Usage()
		return 0, true
	default:
		fmt.Fprintf(fs.stderr, "sahifa %s: %s\n", fs.Name(), FlagError(fs.tr, err))
		fs.Usage()
		return 2, true
	}
}

// Language returns the language a command's messages are in: the one a
// --lang among args names, else the environment's (lang.FromEnv). The
// arguments are read before the flags are parsed so that a fault in the
// flags is reported in that language too.
func Language(args []string, getenv func(string) string) lang.Language {
	if l, ok := LangArg(args); ok {
		return l
	}
	return lang.FromEnv(getenv)
}

// LangArg returns the language a -lang or --lang among args names (as
// --lang=ar or --lang ar); ok is false when there is none.
func LangArg(args []string) (l lang.Language, ok bool) {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(a, "=")
		if name != "-lang" && name != "--lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if l, ok := lang.Parse(value); ok {
			return l, true
		}
	}
	return lang.English, false
}

// PrintDefaults writes the flags of fs to w as flag.PrintDefaults does,
// their help and defaults through the catalog. A help's `name` is taken
// from its translation, which keeps it in Latin letters.
func PrintDefaults(tr *lang.Printer, fs *flag.FlagSet, w io.Writer) {
	fs.VisitAll(func(fl *flag.Flag) {
		translated := *fl
		translated.Usage = tr.Text(fl.Usage)
		name, usage := flag.UnquoteUsage(&translated)
		var b strings.Builder
		b.WriteString("  -" + fl.Name)
		if name != "" {
			b.WriteString(" " + name)
		}
		// One-letter flags with no value keep their help on their line,
		// as the flag package prints them.
		if b.Len() <= 4 {
			b.WriteString("\t")
		} else {
			b.WriteString("\n    \t")
		}
		b.WriteString(strings.ReplaceAll(usage, "\n", "\n    \t"))
		switch def := fl.DefValue; {
		case def == "" || def == "false" || def == "0":
		case fmt.Sprintf("%T", fl.Value) == "*flag.stringValue":
			b.WriteString(tr.Sprintf(" (default %q)", def))
		default:
			b.WriteString(tr.Sprintf(" (default %v)", def))
		}
		fmt.Fprintln(w, b.String())
	})
}

// flagFaults reads the faults the flag package reports (flag.go's failf
// calls, Go 1.26), each with its wording in the catalog: the groups of
// the expression are its arguments.
var flagFaults = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: (.*)$`), "unknown flag %s"},
	{regexp.MustCompile(`^flag needs an argument: (.*)$`), "the flag %s needs a value"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "bad flag syntax: %s"},
	{regexp.MustCompile(`^invalid boolean value (".*") for (\S+): (.*)$`), "%[2]s: %[1]s is neither true nor false (%[3]s)"},
	{regexp.MustCompile(`^invalid boolean flag (\S+): (.*)$`), "%[1]s: no true or false value (%[2]s)"},
	{regexp.MustCompile(`^invalid value (".*") for flag (\S+): (.*)$`), "%[2]s: %[1]s is no valid value (%[3]s)"},
}

// valueFaults are the reasons flag.Value.Set gives inside a fault.
var valueFaults = []string{"parse error", "value out of range"}

// FlagError words a fault of the flag package in tr's language.
func FlagError(tr *lang.Printer, err error) string {
	msg := err.Error()
	for _, f := range flagFaults {
		m := f.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, g := range m[1:] {
			if slices.Contains(valueFaults, g) {
				g = tr.Text(g)
			} else if words, ok := strings.CutPrefix(g, "want one of "); ok {
				g = tr.Sprintf("want one of %s", strings.Trim(words, "[]"))
			}
			args[i] = shown(g)
		}
		return tr.Sprintf(f.key, args...)
	}
	return shown(msg)
}

// queriesAndPaths reads what a command that answers queries is asked:
// with --queries FILE (- for standard input) every line of FILE and all
// the arguments as paths, else the first argument and the rest as paths.
// status is the exit status when the command must stop there, -1 if not.
func queriesAndPaths(fs *flags, file string, stdin io.Reader) (qs, paths []string, status int) {
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
			fs.fail(err)
			return nil, nil, 1
		}
		defer f.Close()
		r = f
	}
	qs, err := readQueries(r)
	if err != nil {
		fs.say("%s: %s", shown(file), fault(fs.tr, err))
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
