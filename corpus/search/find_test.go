package search

import (
	"slices"
	"strings"
	"testing"

	"sahifa/corpus"
)

// TestFindInArticleFrom: searched piece by piece, from any paragraph and
// with any budget, an article gives the matches FindInArticle gives whole,
// in the same order.
func TestFindInArticleFrom(t *testing.T) {
	a := &corpus.Article{Title: "الأسد في دمشق"}
	for i := range 50 {
		a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Text: strings.Repeat("قال الأسد اليوم ", i%4)})
	}
	whole := FindInArticle(a, "الأسد")
	if len(whole) == 0 {
		t.Fatal("no match")
	}
	for _, start := range []int{corpus.TitlePara, 0, 7, 49} {
		for _, budget := range []int{1, 30, 200, 1 << 20} {
			// After start first, then what comes before it, as the
			// reader asks.
			var after, before []Match
			for from := start; from < len(a.Paragraphs); {
				ms, next := FindInArticleFrom(a, "الأسد", from, len(a.Paragraphs), budget)
				if next <= from {
					t.Fatalf("start %d budget %d: no progress at %d", start, budget, from)
				}
				after, from = append(after, ms...), next
			}
			for from := corpus.TitlePara; from < start; {
				ms, next := FindInArticleFrom(a, "الأسد", from, start, budget)
				before, from = append(before, ms...), next
			}
			if got := append(before, after...); !slices.Equal(got, whole) {
				t.Errorf("start %d budget %d: %d matches, want %d", start, budget, len(got), len(whole))
			}
		}
	}
}
