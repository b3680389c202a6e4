package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/dates"
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
	arts, probs := corpus.Collect(Open(context.Background(), fs.Args()))
	for _, p := range probs {
		fmt.Fprintf(stderr, "sahifa dates: %s: %s\n", field(p.Path), field(p.Reason))
	}
	w := bufio.NewWriter(stdout)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		e := articleDates(a)
		if *asJSON {
			line.Reset()
			enc.Encode(e)
			bidiEscaper.WriteString(w, line.String())
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
		fmt.Fprintf(stderr, "sahifa dates: %v\n", err)
		return 1
	}
	if len(arts) == 0 && len(probs) > 0 {
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
func articleDates(a *corpus.Article) datesJSON {
	r := dates.Read(a)
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

// dateSelection is what `sahifa list --from --to --sort` asks of the
// articles' own dates (read as `sahifa dates` reads them).
type dateSelection struct {
	from, to time.Time // zero when unbounded
	byDate   bool
}

func newDateSelection(from, to, sortBy string) (dateSelection, error) {
	var sel dateSelection
	var err error
	if from != "" {
		if sel.from, _, err = dates.ParseRange(from); err != nil {
			return sel, fmt.Errorf("--from %q: %w", from, err)
		}
	}
	if to != "" {
		if _, sel.to, err = dates.ParseRange(to); err != nil {
			return sel, fmt.Errorf("--to %q: %w", to, err)
		}
	}
	switch sortBy {
	case "file", "":
	case "date":
		sel.byDate = true
	default:
		return sel, fmt.Errorf("--sort: %q is neither file nor date", sortBy)
	}
	return sel, nil
}

// apply keeps the articles whose own date is within the bounds (none
// without an own date when there is a bound) and sorts them newest first
// when asked, keeping file order among equal dates and the undated last.
func (sel dateSelection) apply(arts []*corpus.Article) []*corpus.Article {
	if sel.from.IsZero() && sel.to.IsZero() && !sel.byDate {
		return arts
	}
	type dated struct {
		a   *corpus.Article
		day time.Time // zero when unknown
	}
	var kept []dated
	for _, a := range arts {
		own := dates.OwnDate(a)
		var d time.Time
		if own.From != dates.Unknown {
			d = time.Date(own.Date.Year(), own.Date.Month(), own.Date.Day(), 0, 0, 0, 0, time.UTC)
		}
		if (!sel.from.IsZero() || !sel.to.IsZero()) &&
			(d.IsZero() || !sel.from.IsZero() && d.Before(sel.from) || !sel.to.IsZero() && d.After(sel.to)) {
			continue
		}
		kept = append(kept, dated{a, d})
	}
	if sel.byDate {
		slices.SortStableFunc(kept, func(x, y dated) int { return y.day.Compare(x.day) })
	}
	out := make([]*corpus.Article, len(kept))
	for i, k := range kept {
		out[i] = k.a
	}
	return out
}
