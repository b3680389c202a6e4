package collection

import (
	"context"
	"runtime"
	"testing"

	"sahifa/corpus/corpustest"
)

// loadedSaudiNewsNet opens all of SaudiNewsNet, waits until its background
// work is over and reads every article's own date once, as the first date
// filter or timeline does, so that the benchmarks time the filtering alone
// and not the names worker sharing the cores.
func loadedSaudiNewsNet(b *testing.B) *Collection {
	b.Helper()
	dir := corpustest.Shared(b, "data/saudinewsnet")
	c := Open(context.Background(), []string{dir})
	b.Cleanup(c.Close)
	if err := c.Wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	if _, undated := c.Timeline(Filter{}); undated == c.Len() {
		b.Fatal("no article of SaudiNewsNet is dated")
	}
	// The load leaves a large heap of garbage behind; collecting it here
	// keeps its cost out of the first sub-benchmark's figure.
	runtime.GC()
	return c
}

// BenchmarkDateFilterSaudiNewsNet narrows SaudiNewsNet's 31,030 articles
// (30,196 once copies of one text are one article) to a month, a range of
// days and a Hijri month, as the list does after
// t or enter in the Dates panel (target: under 5 ms).
func BenchmarkDateFilterSaudiNewsNet(b *testing.B) {
	c := loadedSaudiNewsNet(b)
	for _, r := range []string{"2015-08", "2015-07-25..2015-08-05", "شوال 1436"} {
		t, err := DateTerm(r)
		if err != nil {
			b.Fatal(err)
		}
		f := Filter{Terms: []Term{t}}
		b.Run(r, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = len(c.Query(f, 0).Articles)
			}
			if n == 0 {
				b.Fatalf("%s keeps no article", r)
			}
			b.ReportMetric(float64(n), "kept")
			b.ReportMetric(float64(c.Len()), "articles")
		})
	}
}

// BenchmarkTimelineSaudiNewsNet counts SaudiNewsNet's articles by day, as
// the Dates panel's timeline does whenever the list's filter changes.
func BenchmarkTimelineSaudiNewsNet(b *testing.B) {
	c := loadedSaudiNewsNet(b)
	for b.Loop() {
		c.Timeline(Filter{})
	}
}
