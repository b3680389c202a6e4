package search

import (
	"slices"
	"testing"

	"sahifa/corpus"
)

func TestTermsCountCliticForms(t *testing.T) {
	ix := NewIndex()
	arts := []*corpus.Article{
		{ID: "a", Title: "الأسد في موسكو", Paragraphs: []corpus.Paragraph{{Text: "التقى بوتين بالأسد وقال للأسد إن موسكو تدعم الأسد."}}},
		{ID: "b", Title: "الأسد يعود", Paragraphs: []corpus.Paragraph{{Text: "عاد الأسد إلى دمشق."}}},
		{ID: "c", Title: "بوتين", Paragraphs: []corpus.Paragraph{{Text: "قال بوتين إن روسيا باقية."}}},
		{ID: "d", Title: "طقس", Paragraphs: []corpus.Paragraph{{Text: "الجو حار اليوم."}}},
	}
	ix.Add(arts...)
	terms := ix.Terms(arts[0], 10)
	words := map[string]LikeTerm{}
	for _, tm := range terms {
		words[tm.Word] = tm
	}
	// بالأسد، للأسد and the title's الأسد all count for الاسد (folded).
	asad, ok := words["الاسد"]
	if !ok {
		t.Fatalf("Terms = %v, want الاسد among them", terms)
	}
	if _, ok := words["بالاسد"]; ok {
		t.Errorf("Terms = %v: بالاسد should count as الاسد", terms)
	}
	if _, ok := words["التقي"]; ok {
		t.Errorf("Terms = %v: a word of this article alone finds nothing and should be left out", terms)
	}
	if asad.Weight <= 1 || asad.IDF <= 0 {
		t.Errorf("الاسد = %+v, want a weight above 1 (title and body) and a positive idf", asad)
	}
	if !slices.IsSortedFunc(terms, func(x, y LikeTerm) int {
		switch {
		case x.Weight*x.IDF > y.Weight*y.IDF:
			return -1
		case x.Weight*x.IDF < y.Weight*y.IDF:
			return 1
		}
		return 0
	}) {
		t.Errorf("Terms not heaviest first: %v", terms)
	}

	likes := ix.MoreLike(terms, 0)
	var got []string
	for _, l := range likes {
		got = append(got, l.Article.ID)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Fatalf("MoreLike = %v, want a, b and c, never d", got)
	}
	for _, l := range likes {
		for i, tm := range terms {
			holds := l.Article.ID != "d" && (tm.Word != "بوتين" || l.Article.ID != "b") && (tm.Word != "الاسد" || l.Article.ID != "c")
			if tm.Word == "الاسد" || tm.Word == "بوتين" {
				if got := l.Shared&(1<<i) != 0; got != holds {
					t.Errorf("%s holds %s: Shared says %v", l.Article.ID, tm.Word, got)
				}
			}
		}
	}
	if ix.MoreLike(nil, 5) != nil || NewIndex().MoreLike(terms, 5) != nil || NewIndex().Terms(arts[0], 5) != nil {
		t.Error("an empty query or index should find nothing")
	}
}

func TestMoreLikeSeeds(t *testing.T) {
	ix, arts := seedIndex(t)
	for _, a := range arts {
		likes := ix.MoreLike(ix.Terms(a, 30), 5)
		if !slices.ContainsFunc(likes, func(l Like) bool { return l.Article == a }) {
			t.Errorf("%s: the article itself should be among its five likest, got %v", a.ID, likes)
		}
	}
}
