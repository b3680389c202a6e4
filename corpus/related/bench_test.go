package related

import (
	"slices"
	"testing"
	"time"
)

// BenchmarkRelated asks for the related articles of every 300th article of
// SaudiNewsNet, their entities already read as the collection reads them,
// and reports the latencies' p50 and p99.
func BenchmarkRelated(b *testing.B) {
	arts, _, f := saudiFinder(b)
	var qs []int
	for i := 7; i < len(arts); i += 300 {
		qs = append(qs, i)
	}
	for _, i := range qs {
		f.Related(arts[i], 10) // reads the names of the query and its candidates once
	}
	var lat []time.Duration
	b.ResetTimer()
	for n := 0; b.Loop(); n++ {
		a := arts[qs[n%len(qs)]]
		t0 := time.Now()
		f.Related(a, 10)
		lat = append(lat, time.Since(t0))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkSketch makes the sketch of every article of SaudiNewsNet.
func BenchmarkSketch(b *testing.B) {
	arts, _, _ := saudiFinder(b)
	for b.Loop() {
		for _, a := range arts {
			NewSketch(a)
		}
	}
}

// BenchmarkRelatedBeforeAndNow asks as BenchmarkRelated does, each
// article once with the measure before relevance feedback, once with the
// measure before the ledes and once with today's, in turn, so that all
// meet the same machine: the cost of the feedback and of the ledes, like
// for like.
func BenchmarkRelatedBeforeAndNow(b *testing.B) {
	arts, _, f := saudiFinder(b)
	defer func(m measure) { f.m = m }(f.m)
	var qs []int
	for i := 7; i < len(arts); i += 300 {
		qs = append(qs, i)
	}
	for _, i := range qs {
		f.Related(arts[i], 10)
	}
	measures := []measure{before, beforeLedes, defaultMeasure}
	names := []string{"before", "noledes", "now"}
	lat := make([][]time.Duration, len(measures))
	b.ResetTimer()
	for n := 0; b.Loop(); n++ {
		a := arts[qs[(n/len(measures))%len(qs)]]
		f.m = measures[n%len(measures)]
		t0 := time.Now()
		f.Related(a, 10)
		lat[n%len(measures)] = append(lat[n%len(measures)], time.Since(t0))
	}
	for i, name := range names {
		l := lat[i]
		if len(l) == 0 {
			continue
		}
		slices.Sort(l)
		b.ReportMetric(float64(l[len(l)/2].Microseconds())/1000, name+"-p50-ms")
		b.ReportMetric(float64(l[len(l)*99/100].Microseconds())/1000, name+"-p99-ms")
	}
}
