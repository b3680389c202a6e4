package dates_test

import (
	"context"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/dates"
	"sahifa/seeds"
)

// BenchmarkExtract measures extraction throughput over the text of
// SaudiNewsNet's articles (the seeds without the shared data), in bytes
// of text per second; the target is 20 MB/s per core, so that reading
// dates never holds up a load. Besides MB/s by the wall clock it reports
// MB per CPU second (MB/cpu-s), which a busy shared machine does not
// blur: run it with -cpu 1.
func BenchmarkExtract(b *testing.B) {
	var arts []*corpus.Article
	if dir := corpustest.Shared(b, "data/saudinewsnet"); dir != "" {
		arts, _ = corpus.Collect(corpus.Load(context.Background(), []string{dir + "/2015-08-01.json", dir + "/2015-08-02.json"}))
	}
	var texts []string
	size := 0
	for _, a := range arts {
		for _, p := range a.Paragraphs {
			texts = append(texts, p.Text)
			size += len(p.Text)
		}
	}
	ref := time.Date(2015, 8, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(size))
	b.ResetTimer()
	n := 0
	cpu := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			n += len(dates.Extract(t, ref))
		}
	}
	if cpu := cpuTime() - cpu; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
	b.ReportMetric(float64(n)/float64(b.N), "mentions/op")
}

// BenchmarkReadSeeds measures Read on the seed articles.
func BenchmarkReadSeeds(b *testing.B) {
	arts, _ := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	for b.Loop() {
		for _, a := range arts {
			dates.Read(a)
		}
	}
}
