package search

import (
	"slices"
	"testing"
)

// TestNoWordsInQuery: a query word that is no word to search by (a lone
// tatweel, a proclitic drawn out by one) is left out and reported, and the
// rest of the query still finds what it finds alone; a phrase runs across
// such tokens and across punctuation, as the index cuts the text.
func TestNoWordsInQuery(t *testing.T) {
	ix, _ := indexOf(
		"قال الرئيس بشار الأسد. وزير الخارجية في دمشق",
		"مصدر لـ «الحياة»: الأسد باق ـ وزير",
		"nothing here at all",
		"الأسد ـــ دمشق وبـ الرياض",
	)
	for _, tc := range []struct {
		query   string
		want    []string
		dropped []string
	}{
		{"الأسد", []string{"0", "1", "3"}, nil},
		{"الأسد ـ", []string{"0", "1", "3"}, []string{"ـ"}},
		{"ـ الأسد ـــ", []string{"0", "1", "3"}, []string{"ـ", "ـــ"}},
		{"لـ الحياة", []string{"1"}, []string{"لـ"}},
		{"بـ الرياض", []string{"3"}, []string{"بـ"}},
		{"ـ", nil, []string{"ـ"}},
		{`"الأسد. وزير"`, []string{"0"}, nil},
		{`"الأسد وزير"`, []string{"0"}, nil},
		{`"باق وزير"`, []string{"1"}, nil},    // across a lone tatweel in the text
		{`"الأسد دمشق"`, []string{"3"}, nil},  // across a drawn-out one
		{`"مصدر الحياة"`, []string{"1"}, nil}, // across لـ and «
		{`"مصدر لـ الحياة"`, []string{"1"}, []string{"لـ"}},
		{`"دمشق الرياض"`, []string{"3"}, nil},
		{"-الأسد", []string{"2"}, nil},
		{"-nothing -دمشق", []string{"1"}, nil},
		{"-ـ", nil, []string{"ـ"}},
	} {
		if got := found(ix, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("%q found %v, want %v", tc.query, got, tc.want)
		}
		if got := Dropped(tc.query); !slices.Equal(got, tc.dropped) {
			t.Errorf("%q dropped %q, want %q", tc.query, got, tc.dropped)
		}
	}
}

// TestMatchesSkipNoWords: the ranges a hit reports and those FindInArticle
// finds cover the words a phrase matched, never a tatweel beside them.
func TestMatchesSkipNoWords(t *testing.T) {
	ix, arts := indexOf("مصدر لـ «الحياة»: الأسد باق ـ وزير الخارجية")
	text := arts[0].Paragraphs[0].Text
	for _, q := range []string{`"باق وزير"`, `"مصدر الحياة"`, "الخارجية"} {
		hits := ix.Search(q, 0)
		if len(hits) != 1 || len(hits[0].Matches) != 1 {
			t.Fatalf("%q: hits %+v", q, hits)
		}
		m := hits[0].Matches[0]
		f := FindInArticle(arts[0], q)
		if len(f) != 1 || f[0] != m {
			t.Errorf("%q: index match %+v, FindInArticle %+v", q, m, f)
		}
		want := map[string]string{`"باق وزير"`: "باق ـ وزير", `"مصدر الحياة"`: "مصدر لـ «الحياة", "الخارجية": "الخارجية"}[q]
		if got := text[m.Start:m.End]; got != want {
			t.Errorf("%q matched %q, want %q", q, got, want)
		}
	}
}
