package corpus_test

import (
	"context"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
)

// saudiNewsNetArticles is the number of article objects in the corpus's 18
// files (its README).
const saudiNewsNetArticles = 31030

// TestSaudiNewsNet reads the whole corpus: every object is accounted for as
// an article, a duplicate or an empty article, none of them fatal.
func TestSaudiNewsNet(t *testing.T) {
	dir := corpustest.Shared(t, "data/saudinewsnet")
	var batches, dups, biggest int
	var last, first corpus.Batch
	ch := corpus.Load(context.Background(), []string{dir})
	relay := make(chan corpus.Batch, 1)
	go func() {
		for b := range ch {
			if batches == 0 {
				first = b
			}
			batches++
			dups += len(b.Duplicates)
			biggest = max(biggest, len(b.Articles))
			last = b
			relay <- b
		}
		close(relay)
	}()
	arts, probs := corpus.Collect(relay)

	empty := 0
	for _, p := range probs {
		if strings.Contains(p.Reason, "is empty (no title, no text)") {
			empty++
			continue
		}
		t.Errorf("unexpected problem: %v", p)
	}
	withDups := 0
	for _, a := range arts {
		withDups += len(a.Duplicates)
		if a.Title == "" && len(a.Paragraphs) == 0 {
			t.Errorf("%s#%d: empty article loaded", a.Path, a.Index)
		}
		if a.DateFrom != corpus.DateMetadata {
			t.Errorf("%s#%d: no date from date_extracted", a.Path, a.Index)
		}
	}
	t.Logf("%d articles, %d duplicates left out, %d empty articles reported, %d batches",
		len(arts), last.DuplicatesFound, empty, batches)
	if got := len(arts) + last.DuplicatesFound + empty; got != saudiNewsNetArticles {
		t.Errorf("articles + duplicates + empty = %d, want all %d objects read", got, saudiNewsNetArticles)
	}
	if empty == 0 || last.DuplicatesFound == 0 {
		t.Errorf("the corpus has empty and duplicated articles; got %d empty, %d duplicates", empty, last.DuplicatesFound)
	}
	if withDups != last.DuplicatesFound || dups != last.DuplicatesFound {
		t.Errorf("duplicates: %d in articles, %d in batches, count %d", withDups, dups, last.DuplicatesFound)
	}
	// Streamed: the first articles come alone, long before the end, and
	// no Batch is much larger than the few hundred articles promised.
	if first.Done || len(first.Articles) == 0 || first.FilesRead == 18 || batches < 30 || biggest > 512 {
		t.Errorf("not streamed: first batch has %d articles after %d files (done %v); %d batches, the biggest of %d articles",
			len(first.Articles), first.FilesRead, first.Done, batches, biggest)
	}
	if !last.Done || last.FilesRead != 18 || last.FilesFound != 18 || last.ArticlesRead != len(arts) {
		t.Errorf("last batch %+v", last)
	}
}

// TestSaudiNewsNetFurniture checks the page furniture SaudiNewsNet's
// newspapers leave in their text is removed and body text is not.
func TestSaudiNewsNetFurniture(t *testing.T) {
	dir := corpustest.Shared(t, "data/saudinewsnet")
	arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{dir + "/2015-08-10.json"}))
	furniture := []string{"// انتهى //", "88591 - Stc", "للتواصل مع الكاتب ارسل رسالة SMS", "Next Previous"}
	removed, kept := 0, 0
	for _, a := range arts {
		removed += len(a.Removed)
		for _, p := range a.Paragraphs {
			kept++
			for _, f := range furniture {
				if strings.HasPrefix(p.Text, f) {
					t.Errorf("%s#%d: furniture %q kept: %q", a.Path, a.Index, f, p.Text)
				}
			}
			if !utf8.ValidString(p.Text) {
				t.Errorf("%s#%d: invalid UTF-8", a.Path, a.Index)
			}
		}
	}
	t.Logf("%d articles: %d paragraphs kept, %d lines removed", len(arts), kept, removed)
	if removed*20 > kept {
		t.Errorf("%d lines removed for %d kept: furniture removal is eating text", removed, kept)
	}
}

// BenchmarkLoadSaudiNewsNet loads the whole corpus per iteration and
// reports the peak heap seen while loading, sampled every 5 ms
// through runtime/metrics (which, unlike ReadMemStats, does not stop the
// world and so does not slow the load it measures).
func BenchmarkLoadSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	var peak atomic.Uint64
	stop, stopped := make(chan bool), make(chan bool)
	go func() {
		defer close(stopped)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				metrics.Read(sample)
				if v := sample[0].Value.Uint64(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	n := 0
	for b.Loop() {
		arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{dir}))
		n = len(arts)
	}
	close(stop)
	<-stopped
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-MB")
	b.ReportMetric(float64(n), "articles")
}

// BenchmarkFirstBatch measures the time from Load to the first Batch that
// holds articles, for the whole SaudiNewsNet folder.
func BenchmarkFirstBatch(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	var total time.Duration
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		start := time.Now()
		ch := corpus.Load(ctx, []string{dir})
		for batch := range ch {
			if len(batch.Articles) > 0 {
				break
			}
		}
		total += time.Since(start)
		cancel()
		for range ch {
		}
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-to-first")
}
