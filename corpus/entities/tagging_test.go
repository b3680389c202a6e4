package entities

import (
	"context"
	"path/filepath"
	"reflect"
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
