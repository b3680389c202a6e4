package entities

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
)

// snnDay loads one day of SaudiNewsNet, or skips.
func snnDay(tb testing.TB, day string) []*corpus.Article {
	tb.Helper()
	dir := corpustest.Shared(tb, "data/saudinewsnet")
	arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{filepath.Join(dir, day+".json")}))
	if len(arts) == 0 {
		tb.Skipf("no articles in %s.json", day)
	}
	return arts
}

// TestResolveEqualsExtract: tagging once and resolving gives what Extract
// gives without a catalog and what Catalog.Extract gives with one, on the
// seeds and, when present, on part of a day of SaudiNewsNet.
func TestResolveEqualsExtract(t *testing.T) {
	t.Run("seeds", func(t *testing.T) { checkResolve(t, mapValues(seedArticles(t))) })
	t.Run("saudinewsnet", func(t *testing.T) {
		arts := snnDay(t, "2015-07-21")
		checkResolve(t, arts[:min(len(arts), 300)])
	})
}

func checkResolve(t *testing.T, arts []*corpus.Article) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	c := NewCatalog()
	tags := make([]Tagging, len(arts))
	for i, a := range arts {
		tags[i] = m.Tag(a)
		var none *Catalog
		if got, want := none.Resolve(a, tags[i]), Extract(a); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Resolve without a catalog = %+v, Extract = %+v", a.ID, got, want)
		}
		c.Add(a, Extract(a))
	}
	for i, a := range arts {
		if got, want := c.Resolve(a, tags[i]), c.Extract(a); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Resolve through the catalog = %+v, Catalog.Extract = %+v", a.ID, got, want)
		}
	}
	// Another article's tagging gives nothing rather than wrong spans.
	for i := 1; i < len(arts); i++ {
		if tags[0].tokens != tags[i].tokens {
			if got := c.Resolve(arts[i], tags[0]); got != nil {
				t.Errorf("Resolve with another article's tagging = %+v", got)
			}
			break
		}
	}
	if got := c.Resolve(nil, Tagging{}); got != nil {
		t.Errorf("Resolve(nil) = %+v", got)
	}
}

// BenchmarkSecondReading compares the second reading of a day of
// SaudiNewsNet through a catalog frozen after the first: Catalog.Extract
// tags every article again, Resolve reuses the first reading's Tagging.
func BenchmarkSecondReading(b *testing.B) {
	arts := snnDay(b, "2015-07-21")
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	c := NewCatalog()
	tags := make([]Tagging, len(arts))
	for i, a := range arts {
		tags[i] = m.Tag(a)
		c.Add(a, c.Resolve(a, tags[i]))
	}
	perArticle := func(b *testing.B, read func(i int)) {
		cpu0 := corpustest.CPUTime()
		for b.Loop() {
			for i := range arts {
				read(i)
			}
		}
		n := float64(b.N * len(arts))
		b.ReportMetric(float64(b.Elapsed())/n/float64(time.Microsecond), "µs/article")
		b.ReportMetric(float64(corpustest.CPUTime()-cpu0)/n/float64(time.Microsecond), "cpu-µs/article")
	}
	b.Run("Extract", func(b *testing.B) { perArticle(b, func(i int) { c.Extract(arts[i]) }) })
	b.Run("Resolve", func(b *testing.B) { perArticle(b, func(i int) { c.Resolve(arts[i], tags[i]) }) })
}

// readCollection reads the articles twice as a collection does: each with
// the model alone, then each again through the catalog the first reading
// made.
func readCollection(tb testing.TB, arts []*corpus.Article) *Catalog {
	m, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	c := NewCatalog()
	tags := make([]Tagging, len(arts))
	first := make([][]Entity, len(arts))
	for i, a := range arts {
		tags[i] = m.Tag(a)
		first[i] = c.Resolve(a, tags[i])
		c.Add(a, first[i])
	}
	for i, a := range arts {
		c.Replace(a, first[i], c.Resolve(a, tags[i]))
	}
	return c
}

// notNames are words a reader never calls a name on their own, which the
// catalog once ranked among a SaudiNewsNet day's most named people.
var notNames = []string{"الله", "رحمة الله", "رحمه الله", "خادم الحرمين", "خادم الحرمين الشريفين", "معالي",
	"سمو", "فيا معالي", "صاحب السمو", "رمضان", "شوال", "ذو الحجة", "أمام", "بحضور", "لدى"}

// commonNouns are words that name a person only as part of a name (صلاح
// الدين, عبد الخير) and are otherwise nouns and adjectives.
var commonNouns = []string{"الدين", "الأمن", "الوطن", "العربي", "الخير", "الصادق", "الجبار"}

// TestCollectionNamesAreNames reads a day of SaudiNewsNet as a
// collection and checks that the collection's most named entities hold no
// function word, title, month or formula, no common noun as a person, no
// label with a clitic; and that the catalog gives the article مصر
// والقناة الجديدة the names it names.
func TestCollectionNamesAreNames(t *testing.T) {
	arts := snnDay(t, "2015-08-06")
	c := readCollection(t, arts)
	top := c.Top(300)
	if len(top) < 300 {
		t.Fatalf("Top(300) has %d entities", len(top))
	}
	for _, r := range top {
		e := r.Entity
		for _, w := range notNames {
			if e.Key == KeyOf(w) {
				t.Errorf("ranked %d: %v %q", r.Articles, e.Kind, e.Label)
			}
		}
		for _, w := range commonNouns {
			if e.Key == KeyOf(w) && e.Kind == Person {
				t.Errorf("ranked %d: the common noun %q as a person", r.Articles, e.Label)
			}
		}
		if strings.HasPrefix(e.Label, "لبي ") || strings.HasPrefix(e.Label, "لأ") {
			t.Errorf("ranked %d: label with a clitic %q", r.Articles, e.Label)
		}
	}
	var article *corpus.Article
	for _, a := range arts {
		if a.Title == "مصر والقناة الجديدة" {
			article = a
		}
	}
	if article == nil {
		t.Fatal("no article مصر والقناة الجديدة")
	}
	labels := map[string]bool{}
	for _, e := range c.Extract(article) {
		labels[e.Label] = true
	}
	for _, want := range []string{"سعود الفيصل", "مصر", "السويس"} {
		if !labels[want] {
			t.Errorf("مصر والقناة الجديدة: no %q in %v", want, labels)
		}
	}
	for _, not := range []string{"الخير", "الله", "الصادق", "الجبار", "الأمن", "العربي", "الوطن"} {
		if labels[not] {
			t.Errorf("مصر والقناة الجديدة: %q in %v", not, labels)
		}
	}
}

// BenchmarkCatalogTop ranks the names of all of SaudiNewsNet (31,030
// articles, read once with the model), as the reader's list of the most
// named does on every frame: "cached" with the catalog unchanged since the
// last call, "changed" after one article's names were replaced, and
// "new-names" after they were taken away and added back.
func BenchmarkCatalogTop(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	arts, _ := corpus.Collect(corpus.Load(context.Background(), files))
	if len(arts) == 0 {
		b.Skip("no SaudiNewsNet articles")
	}
	c := NewCatalog()
	read := make([][]Entity, len(arts))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := w; i < len(arts); i += 2 {
				read[i] = Extract(arts[i])
				c.Add(arts[i], read[i])
			}
		})
	}
	wg.Wait()
	b.Logf("%d articles, %d entries", len(arts), len(c.entries))
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			c.Top(20)
		}
	})
	b.Run("changed", func(b *testing.B) {
		i := 0
		for b.Loop() {
			b.StopTimer()
			c.Replace(arts[i], read[i], read[i])
			b.StartTimer()
			c.Top(20)
			i = (i + 1) % len(arts)
		}
	})
	// An article read again with new names: entries come and go, and
	// which family name stands for which full name is worked out again.
	b.Run("new-names", func(b *testing.B) {
		i := 0
		for b.Loop() {
			b.StopTimer()
			c.Replace(arts[i], read[i], nil)
			c.Replace(arts[i], nil, read[i])
			b.StartTimer()
			c.Top(20)
			i = (i + 1) % len(arts)
		}
	})
}
