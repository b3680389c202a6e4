package search

import (
	"cmp"
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/corpus/corpustest"
)

var saudi struct {
	once sync.Once
	arts []*corpus.Article
}

// saudiArticles loads ../shared/data/saudinewsnet once per test binary, in
// a fixed order (by file and place in it), or skips.
func saudiArticles(tb testing.TB) []*corpus.Article {
	tb.Helper()
	dir := corpustest.Shared(tb, "data/saudinewsnet")
	saudi.once.Do(func() {
		arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{dir}))
		slices.SortFunc(arts, func(a, b *corpus.Article) int {
			return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Index, b.Index))
		})
		saudi.arts = arts
	})
	if len(saudi.arts) < 30000 {
		tb.Fatalf("SaudiNewsNet: %d articles, want about 31,000", len(saudi.arts))
	}
	return saudi.arts
}

// sameText reports whether a and b are copies of one article: the same
// words in title and text once folded (the loader has already merged
// byte-for-byte copies; these differ in punctuation, spacing or spelling
// of hamza).
func sameText(a, b *corpus.Article) bool {
	words := func(a *corpus.Article) []string {
		var out []string
		for _, s := range append([]string{a.Title}, paragraphTexts(a)...) {
			arabic.FoldWords(s, nil, func(_ arabic.Token, f []byte) { out = append(out, string(f)) })
		}
		return out
	}
	return slices.Equal(words(a), words(b))
}

func paragraphTexts(a *corpus.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

// TestRelevanceTitles searches the title of 500 articles spread over
// SaudiNewsNet and counts how often the article itself comes first. An
// exact copy of it (same title and text) coming first counts too.
func TestRelevanceTitles(t *testing.T) {
	arts := saudiArticles(t)
	ix := NewIndex()
	ix.Add(arts...)
	var sample []*corpus.Article
	step := len(arts) / 500
	for i := 0; len(sample) < 500 && i < len(arts); i += step {
		j := i
		for j < len(arts) && strings.TrimSpace(arts[j].Title) == "" {
			j++
		}
		if j < len(arts) {
			sample = append(sample, arts[j])
		}
	}
	first, copies, twins := 0, 0, 0
	var misses []string
	for _, a := range sample {
		hits := ix.Search(a.Title, 3)
		switch {
		case len(hits) > 0 && hits[0].Article == a:
			first++
		case len(hits) > 0 && sameText(hits[0].Article, a):
			first++
			copies++
		default:
			if len(hits) > 0 && arabic.Fold(hits[0].Article.Title) == arabic.Fold(a.Title) {
				twins++ // another article under the very same title
			}
			got := "nothing"
			if len(hits) > 0 {
				got = hits[0].Article.Title
			}
			misses = append(misses, a.Title+"  →  "+got)
		}
	}
	rate := float64(first) / float64(len(sample))
	t.Logf("%d of %d titles find their article first (%.1f%%; %d of them an exact copy); %d of the %d misses find another article with the same title", first, len(sample), 100*rate, copies, twins, len(misses))
	for i, m := range misses {
		if i < 10 {
			t.Logf("miss: %s", m)
		}
	}
	if rate < 0.96 {
		t.Errorf("%.1f%% of titles rank their own article first, want ≥ 96%%", 100*rate)
	}
}

// benchQueries draws 1–4-word queries from the titles and texts of the
// collection with a fixed seed: what a reader might type.
func benchQueries(arts []*corpus.Article, n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	var out []string
	for len(out) < n {
		a := arts[r.IntN(len(arts))]
		text := a.Title
		if r.IntN(2) == 0 && len(a.Paragraphs) > 0 {
			text = a.Paragraphs[r.IntN(len(a.Paragraphs))].Text
		}
		toks := arabic.Words(text)
		k := 1 + r.IntN(4)
		if len(toks) < k {
			continue
		}
		i := r.IntN(len(toks) - k + 1)
		var words []string
		for _, t := range toks[i : i+k] {
			words = append(words, text[t.Start:t.End])
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

// BenchmarkBuild indexes SaudiNewsNet and reports the processor time it
// takes (cpu-s/op, all goroutines together), the live heap of the
// articles and of the index after a collection, and the most memory the
// process held since it started, which covers loading the articles and
// building the index (on Linux, with Go's default GC settings; run the
// benchmark alone, as other tests in the same process add to it).
func BenchmarkBuild(b *testing.B) {
	arts := saudiArticles(b)
	heap := func() float64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.GC() // a second time for what pools let go of at the first
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	corpusMB := heap()
	var indexMB float64
	var cpu time.Duration
	for b.Loop() {
		c0 := corpustest.CPUTime()
		ix := NewIndex()
		ix.Add(arts...)
		cpu += corpustest.CPUTime() - c0
		b.StopTimer()
		indexMB = heap() - corpusMB
		runtime.KeepAlive(ix)
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(corpusMB, "MB-articles")
	b.ReportMetric(indexMB, "MB-index")
	b.ReportMetric(corpustest.PeakRSS(), "MB-peak-RSS")
}

// BenchmarkQuery runs a fixed set of 1–4-word queries over SaudiNewsNet
// and reports the median and 99th-percentile latency of one query (top 20
// hits with their matches): over all runs (p50-ms, p99-ms), and over each
// query's fastest run (best-p50-ms, best-p99-ms), which discounts other
// processes taking the CPU on a shared machine.
func BenchmarkQuery(b *testing.B) {
	arts := saudiArticles(b)
	ix := NewIndex()
	ix.Add(arts...)
	qs := benchQueries(arts, 1000)
	var lat []time.Duration
	best := make([]time.Duration, len(qs))
	for b.Loop() {
		for i, q := range qs {
			t0 := time.Now()
			ix.Search(q, 20)
			d := time.Since(t0)
			lat = append(lat, d)
			if best[i] == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	report := func(lat []time.Duration, prefix string) {
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, prefix+"p50-ms")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, prefix+"p99-ms")
	}
	report(lat, "")
	report(best, "best-")
}
