package search

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/seeds"
)

// seedArticles loads the five seeds as the reader does.
func seedArticles(t testing.TB) []*corpus.Article {
	t.Helper()
	arts, problems := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	if len(arts) != 5 || len(problems) > 0 {
		t.Fatalf("seeds: %d articles, problems %v", len(arts), problems)
	}
	return arts
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
	slices.Sort(want)
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
	slices.Sort(phrase)
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
	slices.Sort(want)
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

// TestMatchesAgree checks that the matches Search reads from the index
// are those FindInArticle finds by reading the article again.
func TestMatchesAgree(t *testing.T) {
	ix, arts := seedIndex(t)
	queries := []string{"اسد", "بوتين الأسد", `"القوات الروسية"`, "سوريا", "روس*", "2015", "قاعدة حميميم", `"بشار الأسد" موسكو`, "في", `بوتين "الرئيس السوري"`, "شويغو -لافروف"}
	// Every word of a title, and its first three words as a phrase.
	for _, a := range arts {
		queries = append(queries, a.Title)
		toks := arabic.Words(a.Title)
		if len(toks) >= 3 {
			queries = append(queries, `"`+a.Title[toks[0].Start:toks[2].End]+`"`)
		}
	}
	for _, q := range queries {
		for _, h := range ix.Search(q, 0) {
			want := FindInArticle(h.Article, q)
			if !slices.Equal(h.Matches, want) {
				t.Errorf("%q in %s: Search matches %v, FindInArticle %v", q, h.Article.ID, h.Matches, want)
			}
			if len(want) == 0 {
				t.Errorf("%q in %s: a hit with no match", q, h.Article.ID)
			}
		}
	}
}

// TestConcurrentAddSearch adds the seeds over and over while other
// goroutines search, as the reader does while a collection streams in;
// run with -race.
func TestConcurrentAddSearch(t *testing.T) {
	arts := seedArticles(t)
	ix := NewIndex()
	const rounds = 40
	done := make(chan struct{})
	go func() {
		defer close(done)
		for r := range rounds {
			batch := make([]*corpus.Article, len(arts))
			for i, a := range arts {
				c := *a
				c.ID = fmt.Sprintf("%s-%d", a.ID, r)
				batch[i] = &c
			}
			ix.Add(batch...)
		}
	}()
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() {
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				n := ix.Len()
				if n < last {
					t.Errorf("Len went back from %d to %d", last, n)
				}
				last = n
				for _, q := range []string{"اسد", `"القوات الروسية"`, "روس*", "شويغو -لافروف"} {
					for _, h := range ix.Search(q, 10) {
						if len(h.Matches) == 0 {
							t.Errorf("%q: hit %s without matches", q, h.Article.ID)
						}
					}
				}
			}
		})
	}
	wg.Wait()
	<-done
	if got := len(ix.Search("اسد", 0)); got != rounds*len(arts) {
		t.Errorf("اسد finds %d articles after the load, want %d", got, rounds*len(arts))
	}
}

// TestSeedsExcludeOnly: a query of excluded words only keeps every
// article without them, in the order they were added, with no matches;
// SearchTotal counts them whatever the limit.
func TestSeedsExcludeOnly(t *testing.T) {
	ix, arts := seedIndex(t)
	var want []string
	for _, a := range arts {
		if !holds(a, "حميميم") {
			want = append(want, a.ID)
		}
	}
	if len(want) == 0 || len(want) == len(arts) {
		t.Fatalf("the seeds should have articles with and without حميميم: %d of %d without", len(want), len(arts))
	}
	hits, total := ix.SearchTotal("-حميميم", 0)
	var got []string
	for _, h := range hits {
		got = append(got, h.Article.ID)
		if len(h.Matches) != 0 {
			t.Errorf("%s: matches %v for a query with nothing to match", h.Article.ID, h.Matches)
		}
	}
	if !slices.Equal(got, want) || total != len(want) {
		t.Errorf("-حميميم: %v (total %d), want %v in order added", got, total, want)
	}
	all, total := ix.SearchTotal("-كلمةلاتوجد", 2)
	if len(all) != 2 || total != len(arts) {
		t.Errorf("excluding a word no article holds, limit 2: %d hits, total %d; want 2 of %d", len(all), total, len(arts))
	}
	if hits, total := ix.SearchTotal("بوتين", 1); len(hits) != 1 || total != len(ix.Search("بوتين", 0)) || total < 2 {
		t.Errorf("بوتين, limit 1: %d hits, total %d", len(hits), total)
	}
}
