// Sahifa is a terminal reader for collections of Arabic news articles.
//
// Usage:
//
//	sahifa [flags] [PATH...]   open the reader on files and folders (the seeds without PATH)
//	sahifa COMMAND [args]      run a command: render, list, search, entities
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"sahifa/corpus/background"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"sahifa/bidi"
	"sahifa/corpus/collection"
	"sahifa/ui"
	"sahifa/ui/cli"
	"sahifa/ui/lang"
)

func main() {
	if len(os.Args) > 1 {
		if c, ok := cli.Lookup(os.Args[1]); ok {
			os.Exit(c.Run(os.Args[2:], os.Stdin, os.Stdout, os.Stderr))
		}
	}
	os.Exit(run(os.Args[1:], os.Stderr))
}

// choice is a flag that takes one of a fixed set of words.
type choice struct {
	value string
	words []string
}

func (c *choice) String() string { return c.value }

func (c *choice) Set(s string) error {
	for _, w := range c.words {
		if s == w {
			c.value = s
			return nil
		}
	}
	// The flag package wraps this in its own message, which
	// cli.FlagError words in the interface's language.
	return fmt.Errorf("want one of %v", c.words)
}

// options are the reader's command-line flags.
type options struct {
	layout, bidi, shape, theme choice
	lang, digits               choice
	noCache                    bool
	db                         string
	paths                      []string
	// colors and keys come from the settings file only.
	colors map[string]string
	keys   map[string][]string
	// given holds the flags set on the command line, which override the
	// settings file.
	given map[string]bool
}

// parseFlags reads the reader's flags. The flag package's own messages
// are English: on -h or a fault it is quiet, and run reports through the
// catalog (usage).
func parseFlags(args []string) (options, *flag.FlagSet, error) {
	o := options{
		layout: choice{"auto", []string{"auto", "rtl", "ltr"}},
		bidi:   choice{"app", []string{"app", "terminal"}},
		shape:  choice{"on", []string{"on", "off"}},
		theme:  choice{"auto", []string{"auto", "light", "dark"}},
		lang:   choice{"auto", []string{"auto", "ar", "en"}},
		digits: choice{"auto", []string{"auto", "arabic", "western"}},
	}
	fs := flag.NewFlagSet("sahifa", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.Var(&o.layout, "layout", "`side` of the article list: rtl (right), ltr (left), auto (right when most articles are Arabic)")
	fs.Var(&o.bidi, "bidi", "who orders right-to-left text: app (Sahifa, the default) or terminal (for terminals that do bidi themselves)")
	fs.Var(&o.shape, "shape", "join Arabic letters (on) or leave them to the terminal (off)")
	fs.Var(&o.theme, "theme", "colours for a light or dark background, or auto (as the terminal says)")
	fs.Var(&o.lang, "lang", "interface `language`: ar (Arabic, laid out right to left), en, or auto (as LC_ALL, LC_MESSAGES or LANG say)")
	fs.Var(&o.digits, "digits", "digits of numbers: arabic (٠١٢…), western (012…), or auto (Arabic-Indic in Arabic)")
	fs.BoolVar(&o.noCache, "no-cache", false, "read every file again, neither using nor writing the cache (see sahifa cache)")
	fs.StringVar(&o.db, "db", "", "read the PostgreSQL archive at `URL` (see sahifa import) instead of files; $SAHIFA_DB when no PATH is given")
	err := fs.Parse(args)
	o.paths = fs.Args()
	o.given = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.given[f.Name] = true })
	return o, fs, err
}

// usage prints how to run sahifa, its flags and its commands, in tr's
// language.
func usage(tr *lang.Printer, fs *flag.FlagSet, stderr io.Writer) {
	fmt.Fprintln(stderr, tr.Text("usage:"), "sahifa [flags] [PATH...]  ", tr.Text("read articles (the built-in seeds without PATH)"))
	fmt.Fprintln(stderr, strings.Repeat(" ", utf8.RuneCountInString(tr.Text("usage:"))), "sahifa COMMAND [args]")
	fmt.Fprintln(stderr, "\n"+tr.Sprintf("flags (they override the settings file, %s):", cmp.Or(settingsPath(os.Getenv), "config.toml")))
	cli.PrintDefaults(tr, fs, stderr)
	fmt.Fprintln(stderr, "\n"+tr.Text("commands:"))
	for _, c := range cli.Commands {
		fmt.Fprintf(stderr, "  %-10s %s\n", c.Name, tr.Text(c.Summary))
	}
}

// config turns the flags and the environment into the screen's settings.
func (o options) config(getenv func(string) string) ui.Config {
	cfg := ui.Config{
		Logical:  o.bidi.value == "terminal",
		NoShape:  o.shape.value == "off",
		NoColor:  getenv("NO_COLOR") != "",
		Language: o.language(getenv),
		Colors:   o.colors,
		Keys:     o.keys,
	}
	cfg.Digits, _ = lang.ParseDigits(o.digits.value)
	switch o.layout.value {
	case "rtl":
		cfg.Layout = ui.LayoutRTL
	case "ltr":
		cfg.Layout = ui.LayoutLTR
	}
	switch o.theme.value {
	case "light":
		cfg.Theme = ui.ThemeLight
	case "dark":
		cfg.Theme = ui.ThemeDark
	}
	return cfg
}

// language is the interface's language: the flag's or the settings
// file's, else the locale's.
func (o options) language(getenv func(string) string) lang.Language {
	if l, ok := lang.Parse(o.lang.value); ok {
		return l
	}
	return lang.FromEnv(getenv)
}

// quitWait is how long the reader's exit waits for a cache being written.
const quitWait = 10 * time.Millisecond

// run opens the reader and returns the exit status.
func run(args []string, stderr io.Writer) int {
	o, fs, err := parseFlags(args)
	set, setErr := readSettings(settingsPath(os.Getenv))
	o = o.withSettings(set)
	// A fault in the flags is reported in the language --lang names
	// even when it comes after the fault, which stops the parse.
	tr := lang.New(o.language(os.Getenv), lang.DigitsDefault)
	if l, ok := cli.LangArg(args); ok && err != nil {
		tr = lang.New(l, lang.DigitsDefault)
	}
	if errors.Is(err, flag.ErrHelp) {
		usage(tr, fs, stderr)
		return 0
	} else if err != nil {
		fmt.Fprintln(stderr, "sahifa:", cli.FlagError(tr, err))
		usage(tr, fs, stderr)
		return 2
	}
	if err := checkPaths(o.paths, tr); err != nil {
		fmt.Fprintln(stderr, "sahifa:", err)
		return 2
	}
	db := cli.ArchiveURL(o.db, o.paths, os.Getenv)
	if db != "" && len(o.paths) > 0 {
		fmt.Fprintln(stderr, "sahifa:", tr.Text("--db reads an archive: give no PATH with it"))
		return 2
	}
	background.KeepSlotForScreen()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var coll *collection.Collection
	if db != "" {
		// The reader stays open: it shows what imports store meanwhile.
		coll = collection.FollowArchive(ctx, db)
	} else {
		cacheDir := ""
		if !o.noCache {
			if cacheDir, err = collection.CacheDir(); err != nil {
				fmt.Fprintln(stderr, "sahifa:", tr.Sprintf("no cache: %v", err))
			}
		}
		coll = collection.OpenCached(ctx, o.paths, cacheDir)
	}
	// The screen is gone once the program ends: the exit must not wait
	// for a cache being written, which for a large file takes seconds.
	defer coll.CloseWithin(quitWait)
	cfg := o.config(os.Getenv)
	if !cfg.Logical {
		cfg.Hint = ui.TerminalHint(os.Getenv)
	}
	var problem string
	if cfg.Marks, problem = openMarks(o.paths, os.Getenv, lang.New(cfg.Language, cfg.Digits)); problem != "" {
		cfg.Hint = problem
	}
	if setErr != nil {
		tr := lang.New(cfg.Language, cfg.Digits)
		why := setErr.Error()
		if f, ok := setErr.(settingsFault); ok {
			why = f.In(tr)
		}
		cfg.Hint = tr.Sprintf("defaults used: %v", why)
	}
	p := tea.NewProgram(ui.New(cfg, coll), tea.WithContext(ctx))

	// Sahifa's lines are already in visual order: the terminal must not
	// reorder them again, and must get its own bidi back however the
	// program ends (normally, by a panic, or by a signal).
	restore := func() {}
	if !cfg.Logical {
		restore = bidi.EnterExplicitMode(os.Stdout)
	}
	defer restore()
	defer func() {
		if r := recover(); r != nil {
			restore()
			panic(r)
		}
	}()

	// Bubble Tea quits on SIGINT and SIGTERM itself (listening to SIGTERM
	// here too would leave its handler blocked on a second quit message,
	// and its shutdown waiting for it). A hang-up would kill the process
	// without leaving the alternate screen, so it quits too; should the
	// program not stop, the terminal is restored anyway.
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGHUP)
	defer signal.Stop(sig)
	go func() {
		if _, ok := <-sig; ok {
			p.Quit()
			time.Sleep(5 * time.Second)
			restore()
			os.Exit(1)
		}
	}()

	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) {
		fmt.Fprintln(stderr, "sahifa:", err)
		return 1
	}
	return 0
}

// checkPaths makes sure every path given exists before the reader opens on
// them: an empty reader is no answer to a typo. A word that is no file and
// looks like a command is reported as an unknown command.
func checkPaths(paths []string, tr *lang.Printer) error {
	for _, p := range paths {
		_, err := os.Stat(p)
		if err == nil {
			continue
		}
		if errors.Is(err, fs.ErrNotExist) && looksLikeCommand(p) {
			names := make([]string, len(cli.Commands))
			for i, c := range cli.Commands {
				names[i] = c.Name
			}
			return errors.New(tr.Sprintf("unknown command %q (commands: %s; a file or folder of that name does not exist either)",
				p, strings.Join(names, ", ")))
		}
		// The path is shown with its controls visible, as the commands
		// show names: it may hold escapes a terminal would act on.
		if errors.Is(err, fs.ErrNotExist) {
			return errors.New(tr.Sprintf("%s: no such file or folder", bidi.Visible(p)))
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s: %w", bidi.Visible(p), pe.Err)
		}
		return err
	}
	return nil
}

// looksLikeCommand reports whether arg is a bare lower-case word, as
// command names are, rather than something naming a file.
func looksLikeCommand(arg string) bool {
	if arg == "" {
		return false
	}
	for _, r := range arg {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
