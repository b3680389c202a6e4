package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"sahifa/corpus"
)

// TestEqualScoresInPlaceOrder: articles that score the same for a query
// come in order of place (path, position in the file) whatever order they
// were added in, and MoreLike's ties likewise; thirty orders, one answer.
func TestEqualScoresInPlaceOrder(t *testing.T) {
	var arts []*corpus.Article
	for i := range 12 {
		arts = append(arts, &corpus.Article{
			ID: fmt.Sprintf("%02d", 11-i), Path: fmt.Sprintf("f%d.json", i/3), Index: i % 3, Title: "خبر",
			Paragraphs: []corpus.Paragraph{{Text: "قال الرئيس بشار الأسد في دمشق اليوم"}},
		})
	}
	var want, wantLike string
	for run := range 30 {
		shuffled := append([]*corpus.Article(nil), arts...)
		rand.New(rand.NewPCG(uint64(run), 3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		ix := NewIndex()
		for _, a := range shuffled {
			ix.Add(a) // one at a time: each its own document number
		}
		var got []string
		for _, h := range ix.Search("الأسد", 5) {
			got = append(got, corpus.Place(h.Article.Path, h.Article.Index))
		}
		var like []string
		for _, l := range ix.MoreLike(ix.Terms(arts[0], 5), 5) {
			like = append(like, corpus.Place(l.Article.Path, l.Article.Index))
		}
		g, gl := strings.Join(got, " "), strings.Join(like, " ")
		if run == 0 {
			want, wantLike = g, gl
			if want != "f0.json#0 f0.json#1 f0.json#2 f1.json#0 f1.json#1" {
				t.Fatalf("first five results %s, want the first five places", want)
			}
			if wantLike != want {
				t.Fatalf("MoreLike's first five %s, want %s", wantLike, want)
			}
		} else if g != want || gl != wantLike {
			t.Fatalf("run %d: %s / %s, run 0: %s / %s", run, g, gl, want, wantLike)
		}
	}
}
