package entities

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/entities/conll"
)

// countTokens returns how many tokens Extract tags in the articles.
func countTokens(arts []*corpus.Article) int {
	n := 0
	for _, a := range arts {
		n += len(appendTokens(nil, a.Title, -1))
		for _, p := range a.Paragraphs {
			n += len(appendTokens(nil, p.Text, 0))
		}
	}
	return n
}

// benchExtract runs Extract over the articles on one goroutine and
// reports tokens per second of wall-clock time and of processor time (the
// rate per core, whatever else runs on the machine).
func benchExtract(b *testing.B, arts []*corpus.Article) {
	if _, err := Default(); err != nil {
		b.Fatal(err)
	}
	tokens := countTokens(arts)
	b.ResetTimer()
	cpu0 := corpustest.CPUTime()
	for b.Loop() {
		for _, a := range arts {
			Extract(a)
		}
	}
	total := float64(tokens) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "tokens/s")
	if cpu := corpustest.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(total/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkExtractSaudiNewsNet extracts the entities of one day of
// SaudiNewsNet (about 1,700 articles).
func BenchmarkExtractSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{filepath.Join(dir, "2015-07-21.json")}))
	if len(arts) == 0 {
		b.Skip("no articles in 2015-07-21.json")
	}
	benchExtract(b, arts)
}

// BenchmarkExtractSeeds extracts the entities of the five seed articles.
func BenchmarkExtractSeeds(b *testing.B) {
	benchExtract(b, mapValues(seedArticles(b)))
}

// BenchmarkExtractOneSeed is the wait before an opened article's entity
// panel can show (target: 5 ms).
func BenchmarkExtractOneSeed(b *testing.B) {
	a := seedArticles(b)["000_dce0dd7b891d417f.txt"]
	Default()
	for b.Loop() {
		Extract(a)
	}
	b.ReportMetric(float64(len(modelFile)), "model-bytes")
}

// BenchmarkTrain times training on ANERcorp's training part (target:
// under 10 minutes).
func BenchmarkTrain(b *testing.B) {
	data := readANERcorp(b)
	for b.Loop() {
		train(data, trainOptions{})
	}
}

func readANERcorp(t testing.TB) []conll.Sentence {
	f, err := os.Open(corpustest.Shared(t, "data/anercorp/train.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, err := conll.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func mapValues[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
