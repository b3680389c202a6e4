package dates_test

import (
	"context"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/dates"
	"sahifa/seeds"
)

// goldSet is testdata/gold.json, the hand-checked date expressions
// (testdata/README.md says how they were drawn and checked).
type goldSet struct {
	Articles []struct {
		From  string     `json:"from"` // saudinewsnet, seeds or constructed
		File  string     `json:"file"`
		Index int        `json:"index"`
		ID    string     `json:"id"`
		Ref   string     `json:"ref"`
		Paras []int      `json:"paras"` // the paragraphs checked; all when empty
		Text  string     `json:"text"`  // a constructed article's one paragraph
		Dates []goldDate `json:"dates"`
	} `json:"articles"`
}

type goldDate struct {
	Para     int    `json:"para"`
	Text     string `json:"text"`
	Value    string `json:"value"`
	EndValue string `json:"end_value"`
	Kind     string `json:"kind"`
}

// score counts, for one kind, the mentions found and how many of them
// are right (span and value), and the mentions expected and how many of
// them were found right. A mention found right as another kind than the
// gold's (a date without its year read as relative) counts for each side
// under its own kind.
type score struct{ found, foundRight, expected, expectedRight int }

func (s score) precision() float64 { return 100 * float64(s.foundRight) / float64(max(s.found, 1)) }
func (s score) recall() float64    { return 100 * float64(s.expectedRight) / float64(max(s.expected, 1)) }
func (s score) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// TestGoldSet measures precision and recall of values per kind on the
// hand-checked set the extractor was tuned on: a mention is right when its
// span overlaps the expected expression's and its value (and end) are the
// expected ones. Without the shared data only the seeds and constructed
// sentences count.
func TestGoldSet(t *testing.T) {
	for kind, s := range scoreSet(t, "gold.json") {
		if s.expected > 0 && s.f1() < goldFloor {
			t.Errorf("%s: F1 %.1f, want at least %.0f", kind, s.f1(), goldFloor)
		}
	}
}

// TestHeldOutSet measures the same on articles drawn and checked after
// the extractor was tuned, which say how it does on text it has not seen.
func TestHeldOutSet(t *testing.T) {
	corpustest.Shared(t, "data/saudinewsnet")
	all := score{}
	for _, s := range scoreSet(t, "heldout.json") {
		all.found, all.foundRight = all.found+s.found, all.foundRight+s.foundRight
		all.expected, all.expectedRight = all.expected+s.expected, all.expectedRight+s.expectedRight
	}
	if all.f1() < heldOutFloor {
		t.Errorf("held out: F1 %.1f, want at least %.0f", all.f1(), heldOutFloor)
	}
}

// scoreSet scores the extractor on testdata/name and logs the figures.
func scoreSet(t *testing.T, name string) map[string]*score {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldSet
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	seedArts, _ := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	snnDir := filepath.Join(corpustest.Root(t), "..", "shared", "data", "saudinewsnet")
	_, statErr := os.Stat(snnDir)
	files := map[string][]*corpus.Article{}
	scores := map[string]*score{"absolute": {}, "hijri": {}, "relative": {}}
	articles := 0
	for _, g := range gold.Articles {
		var paras []string
		var found []dates.Located
		switch g.From {
		case "constructed":
			ref, _ := time.Parse("2006-01-02", g.Ref)
			paras = []string{g.Text}
			for _, m := range dates.Extract(g.Text, ref) {
				found = append(found, dates.Located{Para: 0, Mention: m})
			}
		case "seeds", "saudinewsnet":
			var a *corpus.Article
			if g.From == "seeds" {
				for _, s := range seedArts {
					if path.Base(s.Path) == g.File {
						a = s
					}
				}
			} else {
				if statErr != nil {
					continue
				}
				if _, ok := files[g.File]; !ok {
					files[g.File], _ = corpus.Collect(corpus.Load(context.Background(), []string{filepath.Join(snnDir, g.File)}))
				}
				for _, s := range files[g.File] {
					if s.Index == g.Index && s.ID == g.ID {
						a = s
					}
				}
			}
			if a == nil {
				t.Fatalf("%s#%d: not found", g.File, g.Index)
			}
			for _, p := range a.Paragraphs {
				paras = append(paras, p.Text)
			}
			for _, m := range dates.Read(a).Mentions {
				if len(g.Paras) == 0 || contains(g.Paras, m.Para) {
					found = append(found, m)
				}
			}
		}
		articles++
		// Where each expected expression is: its nth occurrence in its
		// paragraph when the paragraph names it n times.
		type span struct{ start, end int }
		// Where each expected expression is: the first occurrence of its
		// words in its paragraph that no longer expression took (الاثنين
		// is also inside أمس الاثنين), longest first.
		spans := make([]span, len(g.Dates))
		order := make([]int, len(g.Dates))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return len(g.Dates[order[a]].Text) > len(g.Dates[order[b]].Text) })
		taken := map[int][]span{}
		for _, i := range order {
			d := g.Dates[i]
			text, from := paras[d.Para], 0
			for {
				at := strings.Index(text[from:], d.Text)
				if at < 0 {
					t.Fatalf("%s#%d: %q not in paragraph %d", g.File, g.Index, d.Text, d.Para)
				}
				sp := span{from + at, from + at + len(d.Text)}
				if !slices.ContainsFunc(taken[d.Para], func(o span) bool { return sp.start < o.end && o.start < sp.end }) {
					spans[i] = sp
					taken[d.Para] = append(taken[d.Para], sp)
					break
				}
				from = sp.end
			}
			scores[d.Kind].expected++
		}
		matched := make([]bool, len(g.Dates))
		for _, m := range found {
			s := scores[m.Kind().String()]
			s.found++
			hit := false
			for i, d := range g.Dates {
				if !matched[i] && d.Para == m.Para && m.Start < spans[i].end && spans[i].start < m.End &&
					d.Value == m.Value() && d.EndValue == m.EndValue() {
					matched[i], hit = true, true
					s.foundRight++
					scores[d.Kind].expectedRight++
					break
				}
			}
			// One mention may join what the gold has as two names of one
			// day (يوم الجمعة بتاريخ 22/10/1436هـ): both are found.
			for i, d := range g.Dates {
				if hit && !matched[i] && d.Para == m.Para && m.Start < spans[i].end && spans[i].start < m.End &&
					d.Value == m.Value() && d.EndValue == m.EndValue() {
					matched[i] = true
					scores[d.Kind].expectedRight++
				}
			}
			if !hit && testing.Verbose() {
				t.Logf("wrong or extra: %s#%d p%d %q = %s %s (%v)", g.File, g.Index, m.Para, m.Text, m.Value(), m.EndValue(), m.Kind())
			}
		}
		for i, d := range g.Dates {
			if !matched[i] && testing.Verbose() {
				t.Logf("missed: %s#%d p%d %q = %s %s (%s)", g.File, g.Index, d.Para, d.Text, d.Value, d.EndValue, d.Kind)
			}
		}
	}
	var all score
	for _, kind := range []string{"absolute", "hijri", "relative"} {
		s := scores[kind]
		all.found, all.foundRight = all.found+s.found, all.foundRight+s.foundRight
		all.expected, all.expectedRight = all.expected+s.expected, all.expectedRight+s.expectedRight
		t.Logf("%-8s %3d expected, %3d found: P %.1f R %.1f F1 %.1f", kind, s.expected, s.found, s.precision(), s.recall(), s.f1())
	}
	t.Logf("all      %3d expected in %d articles, %3d found: P %.1f R %.1f F1 %.1f", all.expected, articles, all.found, all.precision(), all.recall(), all.f1())
	return scores
}

// goldFloor is the F1 each kind must reach on the set the extractor was
// tuned on; heldOutFloor, the F1 of all kinds on the held-out set.
const (
	goldFloor    = 90.0
	heldOutFloor = 85.0
)

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
