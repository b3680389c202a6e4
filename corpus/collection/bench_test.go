//go:build unix

package collection

import (
	"context"
	"runtime"
	"syscall"
	"testing"
	"time"

	"sahifa/corpus/corpustest"
)

// BenchmarkBackgroundSaudiNewsNet opens all of SaudiNewsNet and waits until
// the collection is idle: loaded, indexed, every article's names read
// twice. It reports the wall time to usable (loaded) and to idle, the CPU
// time of each names pass per ten thousand articles (from the worker's
// thread), the related preparation's CPU time (from its own), the
// process's CPU time over the whole run, and the heap in use once idle.
func BenchmarkBackgroundSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	for b.Loop() {
		cpu0 := processCPU()
		t0 := time.Now()
		c := Open(context.Background(), []string{dir})
		c.WaitLoaded(context.Background())
		loaded := time.Since(t0)
		c.Wait(context.Background())
		idle := time.Since(t0)
		b.ReportMetric(loaded.Seconds(), "s-loaded")
		b.ReportMetric(idle.Seconds(), "s-idle")
		b.ReportMetric((processCPU() - cpu0).Seconds(), "cpu-s-process")
		total := time.Duration(0)
		for _, cost := range c.Costs() {
			if cost.Name != JobRelated { // a thread of its own
				total += cost.CPU
			}
			switch cost.Name {
			case JobNames:
				b.ReportMetric(cost.Per10k().Seconds(), "cpu-s/10k-names")
			case JobCheck:
				b.ReportMetric(cost.Per10k().Seconds(), "cpu-s/10k-check")
			case JobRelated:
				b.ReportMetric(cost.CPU.Seconds(), "cpu-s-related")
			}
		}
		b.ReportMetric(total.Seconds(), "cpu-s-names-worker")
		b.ReportMetric(float64(c.Len()), "articles")
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB-idle")
		c.Close()
	}
}

// processCPU is the CPU time this process has used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWarmOpenSaudiNewsNet opens all of SaudiNewsNet from its cache
// (written by an opening before the timer starts) until the list is
// usable with search: loaded, indexed, one query answered. It reports the
// wall and CPU time of an opening and the heap in use once it is usable.
func BenchmarkWarmOpenSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	cacheDir := b.TempDir()
	open := func() *Collection {
		c := OpenCached(context.Background(), []string{dir}, cacheDir)
		c.WaitLoaded(context.Background())
		if len(c.Query(Filter{Terms: []Term{{Field: ByQuery, Value: "وزارة الصحة"}}}, 20).Articles) == 0 {
			b.Fatal("no article found")
		}
		return c
	}
	// The first opening writes the cache, names and dates included once
	// they are read; the next may index again once (see the README's
	// cache section).
	c := open()
	c.Wait(context.Background())
	c.Close()
	c = open()
	c.Wait(context.Background())
	c.Close()
	var cpu time.Duration
	var heap uint64
	t0 := time.Now()
	for b.Loop() {
		cpu0 := processCPU()
		c := open()
		cpu += processCPU() - cpu0
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = max(heap, ms.HeapInuse)
		c.Close()
		runtime.GC()
	}
	b.ReportMetric(time.Since(t0).Seconds()/float64(b.N), "wall-s/op")
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
}
