// Package cli holds Sahifa's commands that print to standard output instead
// of opening the reader: render, list, search and entities. Each reads its
// own flags, so that `sahifa COMMAND -h` documents it.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"sahifa/corpus"
	"sahifa/seeds"
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

// Open starts loading the files and folders at paths, or the embedded seed
// articles when there are none: every command, and the reader, default to
// the seeds so that a fresh checkout has something to show.
func Open(ctx context.Context, paths []string) <-chan corpus.Batch {
	if len(paths) == 0 {
		return corpus.LoadFS(ctx, seeds.FS)
	}
	return corpus.Load(ctx, paths)
}

// newFlags returns the flag set of command name: on -h or a bad flag it
// prints the usage lines, then the flags, on stderr.
func newFlags(name string, stderr io.Writer, usage ...string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
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
