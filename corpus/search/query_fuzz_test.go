package search

import (
	"math"
	"testing"
	"unicode/utf8"
)

// FuzzQuery parses arbitrary queries and runs them on a few articles, in
// the index and in one article: no panic, no score that is not a number,
// every match a non-empty range of whole characters inside its text.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{`الأسد`, `"بشار الأسد" -دمشق`, `وزير* ـ لـ`, `-x -"y z"`, `"`, `- * "" ""`, "\u202eاسد\x00"} {
		f.Add(q)
	}
	ix, arts := indexOf(
		"قال الرئيس بشار الأسد. وزير الخارجية في دمشق",
		"مصدر لـ «الحياة»: الأسد باق ـ وزير",
		"nothing here at all, covid-19 ١٤٣٦هـ",
		"\u202eعكس\u202c والأسد \xff للأسد",
	)
	f.Fuzz(func(t *testing.T, q string) {
		check := func(where string, text func(para int) string, para, start, end int) {
			s := text(para)
			if start < 0 || end > len(s) || start >= end {
				t.Fatalf("%q: %s match %d:%d-%d in %d bytes", q, where, para, start, end, len(s))
			}
			if utf8.ValidString(s) && (!utf8.RuneStart(s[start]) || end < len(s) && !utf8.RuneStart(s[end])) {
				t.Fatalf("%q: %s match %d:%d-%d cuts a character", q, where, para, start, end)
			}
		}
		for _, h := range ix.Search(q, 0) {
			if math.IsNaN(h.Score) || math.IsInf(h.Score, 0) {
				t.Fatalf("%q: score %v", q, h.Score)
			}
			for _, m := range h.Matches {
				check("hit", func(p int) string { return textOf(h.Article, p) }, m.Para, m.Start, m.End)
			}
			h.Snippet(40)
		}
		for _, a := range arts {
			for _, m := range FindInArticle(a, q) {
				check("find", func(p int) string { return textOf(a, p) }, m.Para, m.Start, m.End)
			}
		}
		Dropped(q)
	})
}
