package related

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// judgedQuery is one line of testdata/judged.tsv: an article and every
// article of the collection judged to report the same story.
type judgedQuery struct {
	id   string
	same map[string]bool
}

func readJudged(t *testing.T) []judgedQuery {
	t.Helper()
	f, err := os.Open("testdata/judged.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []judgedQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		q := judgedQuery{id: fields[0], same: map[string]bool{}}
		if len(fields) > 1 {
			for _, id := range strings.Fields(fields[1]) {
				q.same[id] = true
			}
		}
		qs = append(qs, q)
	}
	return qs
}

// ranked is one row of a list under evaluation: the articles it stands
// for (more than one for a row of near-copies) and its same-story flag.
type ranked struct {
	ids  []string
	flag bool
}

// scores are the figures the issue asks for over a judged set.
type scores struct {
	recall, precision float64 // means over the queries with same-story articles
	flagP, flagR      float64 // over every row of every top 10
	queries           int
}

// evaluate scores the top 10 of each query: normalised recall@10 (the
// same-story articles found over min(10, n)), precision at min(5, n),
// and the precision and recall of the flag among the top 10. A row of
// Related's near-copies counts as its articles one after another.
func evaluate(qs []judgedQuery, list func(id string) []ranked) scores {
	var s scores
	var flagged, flaggedRight, relevant, relevantFlagged int
	for _, q := range qs {
		rows := list(q.id)
		rows = rows[:min(10, len(rows))]
		n := len(q.same)
		found := map[string]bool{}
		for i, r := range rows {
			hit := false
			for _, id := range r.ids {
				if q.same[id] {
					hit = true
					found[id] = true
				}
			}
			if hit {
				relevant++
			}
			if r.flag {
				flagged++
				if hit {
					flaggedRight++
				}
			}
			if hit && r.flag {
				relevantFlagged++
			}
			if k := min(5, n); i < k && hit {
				s.precision += 1 / float64(k)
			}
		}
		if n > 0 {
			s.queries++
			s.recall += min(1, float64(len(found))/float64(min(10, n)))
		}
	}
	s.recall /= float64(s.queries)
	s.precision /= float64(s.queries)
	if flagged > 0 {
		s.flagP = float64(flaggedRight) / float64(flagged)
	}
	if relevant > 0 {
		s.flagR = float64(relevantFlagged) / float64(relevant)
	}
	return s
}

// rows lists Related's results for evaluate: a row's copies follow it,
// so that Related and the baseline are scored article by article.
func rows(rs []Result) []ranked {
	var out []ranked
	for _, r := range rs {
		out = append(out, ranked{ids: []string{r.Article.ID}, flag: r.SameStory})
		for _, c := range r.Copies {
			out = append(out, ranked{ids: []string{c.ID}, flag: r.SameStory})
		}
	}
	return out
}

// TestJudged measures Related on the judged set of testdata/ (see its
// README) beside the baseline, a plain TF-IDF cosine over title and body
// within 15 days whose flag is a cosine threshold, the one of 0.05, 0.10…
// 0.95 that serves it best, and asserts floors at the figures reached.
func TestJudged(t *testing.T) {
	arts, _, f := saudiFinder(t)
	qs := readJudged(t)
	if len(qs) < 30 {
		t.Fatalf("%d judged queries, want at least 30", len(qs))
	}
	byID := articlesByID(arts)
	for _, q := range qs {
		if byID[q.id] == nil {
			t.Fatalf("judged article %s is not in the collection", q.id)
		}
	}
	debug := os.Getenv("RELATED_DEBUG") != ""
	ours := evaluate(qs, func(id string) []ranked {
		rs := f.Related(byID[id], 10)
		for _, r := range rs {
			if debug {
				mark := " "
				for _, q := range qs {
					if q.id == id && q.same[r.Article.ID] {
						mark = "*"
					}
				}
				t.Logf("%s %s %v %5.3f d=%4.1f %s %s", id, mark, r.SameStory, r.Score, r.Reasons.Days, r.Article.Source, r.Article.Title)
			}
		}
		return rows(rs)
	})

	base := newTFIDF(arts)
	tops := map[string][]scored{}
	for _, q := range qs {
		tops[q.id] = base.related(byID[q.id], 10)
	}
	var baseline scores
	bestF, bestCut := -1.0, 0.0
	for cut := 0.05; cut < 1; cut += 0.05 {
		s := evaluate(qs, func(id string) []ranked {
			var out []ranked
			for _, sc := range tops[id] {
				out = append(out, ranked{ids: []string{sc.a.ID}, flag: sc.cos >= cut})
			}
			return out
		})
		if f := 2 * s.flagP * s.flagR / (s.flagP + s.flagR + 1e-9); f > bestF {
			bestF, bestCut, baseline = f, cut, s
		}
	}
	t.Logf("%d queries, %d with same-story articles", len(qs), ours.queries)
	t.Logf("%-28s %8s %8s %8s %8s", "", "R@10", "P@min5n", "flag P", "flag R")
	t.Logf("%-28s %8.3f %8.3f %8.3f %8.3f", "related", ours.recall, ours.precision, ours.flagP, ours.flagR)
	t.Logf("%-28s %8.3f %8.3f %8.3f %8.3f", "TF-IDF cosine ±15 days", baseline.recall, baseline.precision, baseline.flagP, baseline.flagR)
	t.Logf("(baseline flag: cosine ≥ %.2f)", bestCut)

	floors := scores{recall: 0.96, precision: 0.95, flagP: 0.85, flagR: 0.83}
	if ours.recall < floors.recall || ours.precision < floors.precision || ours.flagP < floors.flagP || ours.flagR < floors.flagR {
		t.Errorf("below the floors %+v", floors)
	}
}

// TestJudgedPairsResemblance measures the sketch on the judged
// same-story pairs: how their resemblance spreads (most are reports
// written apart, some are copies) and how often the estimate falls on the
// same side of copyResemblance as the exact resemblance.
func TestJudgedPairsResemblance(t *testing.T) {
	arts, _, _ := saudiFinder(t)
	byID := articlesByID(arts)
	tenths := make([]int, 11)
	pairs, copies, agree := 0, 0, 0
	for _, q := range readJudged(t) {
		for id := range q.same {
			a, b := byID[q.id], byID[id]
			est := NewSketch(a).Resemblance(NewSketch(b))
			exact := exactResemblance(a, b)
			tenths[int(est*10)]++
			pairs++
			if est >= copyResemblance {
				copies++
			}
			if (est >= copyResemblance) == (exact >= copyResemblance) {
				agree++
			}
		}
	}
	t.Logf("%d same-story pairs by tenths of estimated resemblance %v; %d near-copies; the estimate agrees with the exact resemblance on %d",
		pairs, tenths, copies, agree)
	if float64(agree) < 0.97*float64(pairs) {
		t.Errorf("the sketch agrees with the exact resemblance on %d of %d pairs, want 97%%", agree, pairs)
	}
}
