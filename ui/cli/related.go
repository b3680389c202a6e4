package cli

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"sahifa/corpus/collection"
)

// relatedCmd implements `sahifa related`: the articles of the collection
// (the seeds without PATH) on the same story as ARTICLE, then those
// related to it, each with why, one per line; with --queries FILE the same
// for every article FILE names, against one load and one index, with
// timings on standard error.
func relatedCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("related", stderr,
		"usage: sahifa related [--json] [-n K] ARTICLE [PATH...]",
		"       sahifa related [--json] [-n K] --queries FILE [PATH...]",
		"Lists the articles on the same story as ARTICLE, then those related to it, with why",
		"(the seeds without PATH). ARTICLE is an id (as `sahifa list` prints it), a URL or a title.",
		"Columns: rank, id, date, source, score, S (same story) or R (related), title, reasons, copies.",
	)
	asJSON := fs.Bool("json", false, "print one JSON object per result and line")
	limit := fs.Int("n", 10, "print at most `K` rows per article")
	queries := fs.String("queries", "", "read one ARTICLE a line from `FILE` (- for standard input)")
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

	// Articles are looked up in order, answered by a few workers, and
	// printed in order.
	out := make([][]RelatedRow, len(qs))
	lat := make([]time.Duration, len(qs))
	status = 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := 0
	for range min(runtime.GOMAXPROCS(0), len(qs)) {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(qs) {
					return
				}
				a := c.Lookup(qs[i])
				if a == nil {
					mu.Lock()
					fs.say("line %d: no article %q", i+1, field(qs[i]))
					status = 1
					mu.Unlock()
					continue
				}
				t0 := time.Now()
				out[i] = relatedRows(c, a, *limit)
				lat[i] = time.Since(t0)
			}
		})
	}
	wg.Wait()

	w := bufio.NewWriter(stdout)
	enc := newJSONLines(w)
	for i, rows := range out {
		for _, r := range rows {
			if *asJSON {
				if *queries != "" {
					r.QueryLine = i + 1
				}
				enc.Encode(r)
				continue
			}
			if *queries != "" {
				fmt.Fprintf(w, "%d\t", i+1)
			}
			kind := "R"
			if r.SameStory {
				kind = "S"
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%.3f\t%s\t%s\t%s\t%d\n", r.Rank, r.ID, orDash(r.Date), orDash(field(r.Source)),
				r.Score, kind, orDash(field(r.Title)), orDash(field(r.Reasons.String())), len(r.Copies))
		}
	}
	if err := w.Flush(); err != nil {
		fs.fail(err)
		return 1
	}
	if *queries != "" {
		var ls []time.Duration
		for i, l := range lat {
			if out[i] != nil || l > 0 {
				ls = append(ls, l)
			}
		}
		if len(ls) > 0 {
			slices.Sort(ls)
			fs.say("%d articles loaded and indexed in %v; %d articles asked, all answered in %v; latency p50 %v, p99 %v, max %v",
				c.Len(), loaded.Round(time.Millisecond), len(qs), time.Since(start).Round(time.Millisecond),
				ls[len(ls)/2], ls[len(ls)*99/100], ls[len(ls)-1])
		}
	}
	return status
}

// RelatedRow is one row of `sahifa related`, as --json prints it.
type RelatedRow struct {
	QueryLine int                       `json:"query_line,omitempty"` // with --queries: the article's line in FILE, from 1
	Rank      int                       `json:"rank"`
	ID        string                    `json:"id"`
	URL       string                    `json:"url"`
	Title     string                    `json:"title"`
	Source    string                    `json:"source"`
	Date      string                    `json:"date"`
	Score     float64                   `json:"score"`
	SameStory bool                      `json:"same_story"`
	Reasons   collection.RelatedReasons `json:"reasons"`
	Copies    []string                  `json:"copies,omitempty"` // ids of the near-copies shown in this row
}

// relatedRows returns the rows of the articles related to a, up to k.
func relatedRows(c *collection.Collection, a *collection.Article, k int) []RelatedRow {
	res := c.Related(a, k)
	rows := make([]RelatedRow, len(res))
	for i, r := range res {
		b := r.Article
		rows[i] = RelatedRow{
			Rank: i + 1, ID: b.ID, URL: b.URL, Title: b.Title, Source: b.Source, Date: listDate(b),
			Score: math.Round(r.Score*1000) / 1000, SameStory: r.SameStory, Reasons: r.Reasons,
		}
		if rows[i].Date == "-" {
			rows[i].Date = ""
		}
		for _, cp := range r.Copies {
			rows[i].Copies = append(rows[i].Copies, cp.ID)
		}
	}
	return rows
}
