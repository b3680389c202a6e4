package search

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sahifa/corpus"
	"sahifa/seeds"
)

// seedArticles reads the five seeds as articles: the first line is the
// title, every other non-blank line a paragraph. (A stand-in for
// corpus.LoadFS, which removes page furniture too; the search tests do not
// depend on that.)
func seedArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(names) != 5 {
		t.Fatalf("seeds: %v %v", names, err)
	}
	var out []*corpus.Article
	for _, name := range names {
		b, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		a := &corpus.Article{ID: name, Path: name, Index: -1}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			if a.Title == "" {
				a.Title = line
			} else {
				a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Text: line})
			}
		}
		out = append(out, a)
	}
	return out
}

func seedIndex(t testing.TB) (*Index, []*corpus.Article) {
	arts := seedArticles(t)
	ix := NewIndex()
	ix.Add(arts...)
	if ix.Len() != len(arts) {
		t.Fatalf("Len = %d, want %d", ix.Len(), len(arts))
	}
	return ix, arts
}

func ids(hits []Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Article.ID)
	}
	slices.Sort(out)
	return out
}

// holds reports whether any text of a contains s, as written.
func holds(a *corpus.Article, s string) bool {
	if strings.Contains(a.Title, s) {
		return true
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p.Text, s) {
			return true
		}
	}
	return false
}

func TestSeedsAsad(t *testing.T) {
	ix, arts := seedIndex(t)
	hits := ix.Search("اسد", 0)
	if len(hits) != 5 {
		t.Fatalf("اسد: %d hits %v, want all 5", len(hits), ids(hits))
	}
	for _, h := range hits {
		if len(h.Matches) == 0 {
			t.Errorf("%s: no matches to highlight", h.Article.ID)
		}
		for _, m := range h.Matches {
			got := textOf(h.Article, m.Para)[m.Start:m.End]
			if !strings.Contains(got, "أسد") && !strings.Contains(got, "اسد") {
				t.Errorf("%s: match %q is not a form of اسد", h.Article.ID, got)
			}
		}
	}
	_ = arts
}

func TestSeedsHmeimim(t *testing.T) {
	ix, arts := seedIndex(t)
	var want []string
	for _, a := range arts {
		if holds(a, "حميميم") {
			want = append(want, a.ID)
		}
	}
	if len(want) != 4 {
		t.Fatalf("the seeds should name حميميم in four articles, found %v", want)
	}
	if got := ids(ix.Search("حميميم", 0)); !slices.Equal(got, want) {
		t.Errorf("حميميم: %v, want %v", got, want)
	}
}

// phraseRE is "القوات الروسية" with any proclitics on its first word.
var phraseRE = regexp.MustCompile(`(^|[^\p{L}])[وف]?[بكل]?(ال|ل)قوات الروسي[ةه]`)

func holdsRE(a *corpus.Article, re *regexp.Regexp) bool {
	if re.MatchString(a.Title) {
		return true
	}
	for _, p := range a.Paragraphs {
		if re.MatchString(p.Text) {
			return true
		}
	}
	return false
}

func TestSeedsPhrase(t *testing.T) {
	ix, arts := seedIndex(t)
	var phrase, both []string
	for _, a := range arts {
		if holdsRE(a, phraseRE) {
			phrase = append(phrase, a.ID)
		}
	}
	for _, h := range ix.Search("القوات الروسية", 0) {
		both = append(both, h.Article.ID)
	}
	hits := ix.Search(`"القوات الروسية"`, 0)
	got := ids(hits)
	if !slices.Equal(got, phrase) {
		t.Errorf(`"القوات الروسية": %v, want %v`, got, phrase)
	}
	if len(both) <= len(phrase) {
		t.Logf("note: every article with both words has the phrase (%d)", len(both))
	}
	for _, h := range hits {
		for _, m := range h.Matches {
			s := textOf(h.Article, m.Para)[m.Start:m.End]
			if !phraseRE.MatchString(" " + s) {
				t.Errorf("%s: phrase match %q", h.Article.ID, s)
			}
		}
	}
}

func TestSeedsExclude(t *testing.T) {
	ix, arts := seedIndex(t)
	var want []string
	for _, a := range arts {
		if holds(a, "شويغو") && !holds(a, "لافروف") {
			want = append(want, a.ID)
		}
	}
	if len(want) == 0 {
		t.Fatal("the seeds should have an article naming شويغو without لافروف")
	}
	if got := ids(ix.Search("شويغو -لافروف", 0)); !slices.Equal(got, want) {
		t.Errorf("شويغو -لافروف: %v, want %v", got, want)
	}
	with := ids(ix.Search("شويغو لافروف", 0))
	for _, id := range with {
		if slices.Contains(want, id) {
			t.Errorf("%s both names and excludes لافروف", id)
		}
	}
	if len(with) == 0 {
		t.Error("no seed names both شويغو and لافروف")
	}
}
