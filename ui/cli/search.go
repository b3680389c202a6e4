package cli

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"sahifa/corpus/collection"
)

// snippetRunes is about how long a snippet is.
const snippetRunes = 100

// searchCmd implements `sahifa search`: the ranked articles of the
// collection (the seeds without PATH) that match a query, one per line: id,
// score, title and a snippet around the best match, tab-separated, or with
// --json one object per line with the matched ranges. With --queries FILE
// it runs every line of FILE as a query against one index and tags each
// result with the line's number, then reports timings on standard error.
func searchCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("search", stderr,
		"usage: sahifa search [--json] [-n K] QUERY [PATH...]",
		"       sahifa search [--json] [-n K] --queries FILE [PATH...]",
		"Searches the articles in the files and folders (the seeds without PATH).",
		`QUERY: words (all required), "exact phrase", prefix*, -excluded;`,
		`a QUERY that starts with - goes after --.`,
	)
	asJSON := fs.Bool("json", false, "print one JSON object per result and line, with the matched ranges")
	limit := fs.Int("n", 10, "print at most `K` results per query (0: all)")
	queries := fs.String("queries", "", "run each line of `FILE` as a query (- for standard input)")
	if status, done := parseFlags(fs, args); done {
		return status
	}
	qs, rest, status := queriesAndPaths(fs, *queries, stdin)
	if status >= 0 {
		return status
	}

	start := time.Now()
	c, ok := load(fs, rest)
	if c == nil {
		return 2
	}
	defer c.Close()
	loaded := time.Since(start)
	if !ok {
		return 1
	}

	w := bufio.NewWriter(stdout)
	enc := newJSONLines(w)
	lat := make([]time.Duration, 0, len(qs))
	found := 0
	for i, q := range qs {
		if dropped := c.Dropped(q); len(dropped) > 0 {
			words := field(strings.Join(dropped, " "))
			if *queries != "" {
				fs.say("line %d: left out of the query, as no word to search by: %s", i+1, words)
			} else {
				fs.say("left out of the query, as no word to search by: %s", words)
			}
		}
		t0 := time.Now()
		res := c.Query(collection.Filter{Terms: []collection.Term{{Field: collection.ByQuery, Value: q}}}, *limit)
		lat = append(lat, time.Since(t0))
		if len(res.Articles) > 0 {
			found++
		}
		for rank, a := range res.Articles {
			h := res.Hits[a.ID]
			snip, hl := h.Snippet(snippetRunes)
			if *asJSON {
				e := searchJSON{
					Query: q, Rank: rank + 1, ID: h.Article.ID, Path: h.Article.Path, Index: h.Article.Index,
					Score: h.Score, Title: h.Article.Title, Snippet: snip,
					Matches: ranges(h.Matches), SnippetMatches: ranges(hl),
				}
				if *queries != "" {
					e.Line = i + 1
				}
				enc.Encode(e)
				continue
			}
			if *queries != "" {
				fmt.Fprintf(w, "%d\t", i+1)
			}
			fmt.Fprintf(w, "%s\t%.3f\t%s\t%s\n", h.Article.ID, h.Score, orDash(field(h.Article.Title)), orDash(field(snip)))
		}
	}
	if err := w.Flush(); err != nil {
		fs.fail(err)
		return 1
	}
	if *queries != "" && len(lat) > 0 {
		slices.Sort(lat)
		fs.say("%d articles loaded and indexed in %v; %d queries, %d with results; latency p50 %v, p99 %v, max %v",
			c.Len(), loaded.Round(time.Millisecond), len(qs), found,
			lat[len(lat)/2], lat[len(lat)*99/100], lat[len(lat)-1])
	}
	if *queries == "" && found == 0 {
		return 1 // like grep: nothing found
	}
	return 0
}

type searchJSON struct {
	Line           int        `json:"line,omitempty"` // with --queries: the query's line in FILE, from 1
	Query          string     `json:"query"`
	Rank           int        `json:"rank"`
	ID             string     `json:"id"`
	Path           string     `json:"path"`
	Index          int        `json:"index"`
	Score          float64    `json:"score"`
	Title          string     `json:"title"`
	Snippet        string     `json:"snippet"`
	Matches        []rangeOut `json:"matches"`         // byte ranges in the title (para -1) or a paragraph
	SnippetMatches []rangeOut `json:"snippet_matches"` // byte ranges in snippet
}

type rangeOut struct {
	Para  int `json:"para"`
	Start int `json:"start"`
	End   int `json:"end"`
}

func ranges(ms []collection.Span) []rangeOut {
	out := make([]rangeOut, len(ms))
	for i, m := range ms {
		out[i] = rangeOut{m.Para, m.Start, m.End}
	}
	return out
}
