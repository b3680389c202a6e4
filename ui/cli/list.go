package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"sahifa/bidi"
	"sahifa/corpus/collection"
)

// list implements `sahifa list`: one line per article of the collection
// (the seeds without PATH), id, date, source and title separated by tabs,
// or with --json one JSON object per line. Problems go to standard error.
func list(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("list", stderr,
		"usage: sahifa list [--json] [--from DATE] [--to DATE] [--sort file|date] [PATH...]",
		"Lists the articles in the files and folders (the seeds without PATH): id, date, source, title.",
	)
	asJSON := fs.Bool("json", false, "print one JSON object per article and line")
	from := fs.String("from", "", "only articles whose own date is on or after `DATE` (2018, 2018-03, 2018-03-15, مارس 2018, 1436)")
	to := fs.String("to", "", "only articles whose own date is on or before `DATE` (2018, 2018-03, 2018-03-15, مارس 2018, 1436)")
	sortBy := fs.String("sort", "file", "order: file (as read) or date (newest first, undated last)")
	if status, done := parseFlags(fs, args); done {
		return status
	}
	f, err := listFilter(fs.tr, *from, *to, *sortBy)
	if err != nil {
		fs.say("%s", err)
		return 2
	}
	c, ok := load(fs, fs.Args())
	if c == nil {
		return 2
	}
	defer c.Close()
	arts := c.Query(f, 0).Articles
	w := bufio.NewWriter(stdout)
	enc := newJSONLines(w)
	for _, a := range arts {
		if *asJSON {
			enc.Encode(listEntry(a))
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", a.ID, listDate(a), orDash(field(a.Source)), orDash(field(a.Title)))
	}
	if err := w.Flush(); err != nil {
		fs.fail(err)
		return 1
	}
	if !ok {
		return 1
	}
	return 0
}

type listJSON struct {
	ID         string   `json:"id"`
	Path       string   `json:"path"`
	Index      int      `json:"index"`
	Date       string   `json:"date,omitempty"`
	DateFrom   string   `json:"date_from,omitempty"`
	Source     string   `json:"source,omitempty"`
	Credit     string   `json:"credit,omitempty"`
	Title      string   `json:"title"`
	URL        string   `json:"url,omitempty"`
	Author     string   `json:"author,omitempty"`
	Paragraphs int      `json:"paragraphs"`
	Dir        string   `json:"dir"`
	Duplicates []string `json:"duplicates,omitempty"`
}

// dateSources names how an article's date is known in --json output.
var dateSources = [...]string{collection.DateMetadata: "metadata", collection.DateDateline: "dateline"}

func listEntry(a *collection.Article) listJSON {
	e := listJSON{
		ID: a.ID, Path: a.Path, Index: a.Index, Source: a.Source, Credit: a.Credit, Title: a.Title, URL: a.URL, Author: a.Author,
		Paragraphs: len(a.Paragraphs), Dir: "ltr", Duplicates: a.Duplicates, DateFrom: dateSources[a.DateFrom],
	}
	if a.Dir == collection.RTL {
		e.Dir = "rtl"
	}
	if a.DateFrom != collection.DateUnknown {
		e.Date = a.Date.Format("2006-01-02T15:04:05")
	}
	return e
}

func listDate(a *collection.Article) string {
	if a.DateFrom == collection.DateUnknown {
		return "-"
	}
	return a.Date.Format("2006-01-02")
}

// field makes article text safe for one tab-separated column of a terminal
// line: escapes and controls neutralised, tabs and line breaks made spaces,
// and the bidi controls shown as what they are (⟨RLO⟩, bidi.Visible) rather
// than applied, since a terminal that applies them would let a title
// reorder the rest of its line (user⟨RLO⟩txt.exe shown as userexe.txt).
func field(s string) string {
	s, _ = bidi.Sanitize(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case unicode.Is(unicode.Bidi_Control, r):
			b.WriteString(bidi.Visible(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// shown is an error message, or a file name, as it may be printed: every
// control and invisible character written visibly (bidi.Visible), so that
// two names that differ only in them print differently.
func shown(s string) string { return bidi.Visible(s) }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
