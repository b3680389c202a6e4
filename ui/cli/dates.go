package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// datesCmd implements `sahifa dates`: each article's own date (or the
// date it cannot be older than) and the dates its text names, or with
// --json one JSON object per article and line.
func datesCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("dates", stderr,
		"usage: sahifa dates [--json] [PATH...]",
		"Lists each article's own date and where it comes from (metadata, dateline or text), or the",
		"date it cannot be older than (not before), then the dates its text names: paragraph:start-end",
		"byte offsets, value (a range as FIRST..LAST), calendar, and the words as written.",
	)
	asJSON := fs.Bool("json", false, "print one JSON object per article and line")
	if status, done := parseFlags(fs, args); done {
		return status
	}
	c, ok := load(fs, fs.Args())
	if c == nil {
		return 2
	}
	defer c.Close()
	w := bufio.NewWriter(stdout)
	enc := newJSONLines(w)
	for _, a := range c.Articles() {
		e := articleDates(c, a)
		if *asJSON {
			enc.Encode(e)
			continue
		}
		own, from := e.Date, e.DateFrom
		if own == "" {
			own, from = orDash(e.NotBefore), "not before"
			if e.NotBefore == "" {
				from = "unknown"
			}
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", a.ID, own, from, orDash(field(a.Title)))
		for _, d := range e.Dates {
			value := d.Value
			if d.EndValue != "" {
				value += ".." + d.EndValue
			}
			fmt.Fprintf(w, "\t%d:%d-%d\t%s\t%s\t%s\n", d.Para, d.Start, d.End, value, d.Calendar, field(d.Text))
		}
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

// datesJSON is one line of `sahifa dates --json`.
type datesJSON struct {
	ID        string        `json:"id"`
	Path      string        `json:"path"`
	Index     int           `json:"index"`
	Title     string        `json:"title"`
	URL       string        `json:"url,omitempty"`
	Date      string        `json:"date,omitempty"`
	DateFrom  string        `json:"date_from,omitempty"`
	NotBefore string        `json:"not_before,omitempty"`
	Dates     []mentionJSON `json:"dates"`
}

type mentionJSON struct {
	Text     string `json:"text"`
	Para     int    `json:"para"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Value    string `json:"value"`
	EndValue string `json:"end_value,omitempty"`
	Calendar string `json:"calendar"`
	Hijri    string `json:"hijri,omitempty"`
	Relative bool   `json:"relative"`
	Conflict bool   `json:"conflict,omitempty"`
}

// articleDates reads an article's own date and the dates it names, as
// `sahifa dates --json` prints them.
func articleDates(c *collection.Collection, a *collection.Article) datesJSON {
	r := c.Dates(a)
	e := datesJSON{
		ID: a.ID, Path: a.Path, Index: a.Index, Title: a.Title, URL: a.URL,
		Date: r.Own.Value(), DateFrom: r.Own.From.String(), NotBefore: r.Own.NotBeforeValue(),
		Dates: make([]mentionJSON, 0, len(r.Mentions)),
	}
	for _, m := range r.Mentions {
		e.Dates = append(e.Dates, mentionJSON{
			Text: m.Text, Para: m.Para, Start: m.Start, End: m.End, Value: m.Value(), EndValue: m.EndValue(),
			Calendar: m.Calendar.String(), Hijri: m.Hijri, Relative: m.Relative, Conflict: m.Conflict,
		})
	}
	return e
}

// listFilter is what `sahifa list --from --to --sort` asks of the
// articles' own dates (read as `sahifa dates` reads them); a fault is
// worded in tr's language.
func listFilter(tr *lang.Printer, from, to, sortBy string) (collection.Filter, error) {
	var f collection.Filter
	if from != "" || to != "" {
		t := collection.Term{Field: collection.ByDates, To: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}
		if from != "" {
			r, err := collection.DateTerm(from)
			if err != nil {
				return f, fmt.Errorf("--from %q: %s", from, dateFault(tr, err))
			}
			t.From = r.From
		}
		if to != "" {
			r, err := collection.DateTerm(to)
			if err != nil {
				return f, fmt.Errorf("--to %q: %s", to, dateFault(tr, err))
			}
			t.To = r.To
		}
		f = f.With(t)
	}
	switch sortBy {
	case "file", "":
	case "date":
		f.Order = collection.OrderNewest
	default:
		return f, errors.New(tr.Sprintf("--sort: %q is neither file nor date", sortBy))
	}
	return f, nil
}

// dateFaults are the faults collection.DateTerm reports (corpus/dates'
// ParseRange), each a key of the catalog.
var dateFaults = []string{
	"the range ends before it starts",
	`not a date: write 2018, 2018-03, 2018-03-15, مارس 2018, رمضان 1436 or 1436, or two joined by ".."`,
}

// dateFault words a fault of collection.DateTerm in tr's language.
func dateFault(tr *lang.Printer, err error) string {
	if slices.Contains(dateFaults, err.Error()) {
		return tr.Text(err.Error())
	}
	return shown(err.Error())
}
