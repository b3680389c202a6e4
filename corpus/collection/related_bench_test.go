package collection

import (
	"context"
	"slices"
	"testing"
	"time"

	"sahifa/corpus/corpustest"
)

// BenchmarkRelatedSaudiNewsNet asks the collection, as the Related panel
// does when an article opens, for the related articles of every 150th
// article of SaudiNewsNet (31,030 articles), once the collection is idle:
// loaded, indexed, its names read. Nothing is asked before the timing
// starts, so each article's first ask, what a user meets opening it, is
// among those timed (all of them with -benchtime=207x). It reports the
// latencies' p50, p99 and maximum (the panel's target: p99 under 30 ms).
func BenchmarkRelatedSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	c := Open(context.Background(), []string{dir})
	defer c.Close()
	if err := c.Wait(context.Background()); err != nil {
		b.Fatal(err)
	}
	arts := c.Articles()
	if len(arts) < 30000 {
		b.Fatalf("SaudiNewsNet holds %d articles", len(arts))
	}
	var qs []int
	for i := 11; i < len(arts); i += 150 {
		qs = append(qs, i)
	}
	var lat []time.Duration
	found := 0
	for n := 0; b.Loop(); n++ {
		a := arts[qs[n%len(qs)]]
		t0 := time.Now()
		rs := c.Related(a, 10)
		lat = append(lat, time.Since(t0))
		found += len(rs)
	}
	if found == 0 {
		b.Fatal("no article has any related article")
	}
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
	b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
	b.ReportMetric(ms(lat[len(lat)-1]), "max-ms")
	b.ReportMetric(float64(found)/float64(len(lat)), "rows/ask")
}
