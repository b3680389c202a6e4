//go:build unix

package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"sahifa/corpus/corpustest"
)

// BenchmarkCommandsSaudiNewsNet runs the real binary over SaudiNewsNet and
// reports what a user sees: wall time and the process's peak memory, for
// loading alone (sahifa list) and for loading and indexing with a few
// queries (sahifa search --queries). Benchmarks inside the test process
// cannot show this: their heap holds every iteration.
func BenchmarkCommandsSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	bin := filepath.Join(b.TempDir(), "sahifa")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	queries := filepath.Join(b.TempDir(), "queries")
	if err := os.WriteFile(queries, []byte("الملك سلمان\nاسد\nوزارة الصحة\n\"مجلس الوزراء\"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
	}{
		{"list", []string{"list", dir}},
		{"search", []string{"search", "--queries", queries, dir}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var peak int64
			for b.Loop() {
				cmd := exec.Command(bin, c.args...)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %v\n%.500s", c.args, err, out)
				}
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					peak = max(peak, ru.Maxrss)
				}
			}
			b.ReportMetric(float64(peak)/1024, "peak-MB")
		})
	}
}

// BenchmarkCacheSaudiNewsNet opens SaudiNewsNet as a user does, the real
// binary answering a few queries (sahifa search --queries: load, index,
// search), cold (no cache: read, index, write the cache) and warm (from
// the cache). It reports wall and CPU time, the process's peak RSS, and
// the size of the cache against that of the source files. On a machine
// shared with other work the wall time is the noisiest of these.
func BenchmarkCacheSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	bin := filepath.Join(b.TempDir(), "sahifa")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	queries := filepath.Join(b.TempDir(), "queries")
	if err := os.WriteFile(queries, []byte("الملك سلمان\nاسد\nوزارة الصحة\n\"مجلس الوزراء\"\nوزار*\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	home := b.TempDir()
	run := func(b *testing.B) (cpu time.Duration, peak int64) {
		cmd := exec.Command(bin, "search", "--queries", queries, dir)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+home)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%.500s", err, out)
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), ru.Maxrss
	}
	measure := func(b *testing.B, before func()) {
		var cpu time.Duration
		var peak int64
		for b.Loop() {
			b.StopTimer()
			before()
			b.StartTimer()
			c, p := run(b)
			cpu += c
			peak = max(peak, p)
		}
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
		b.ReportMetric(float64(peak)/1024, "peak-MB")
	}
	b.Run("cold", func(b *testing.B) {
		measure(b, func() { os.RemoveAll(filepath.Join(home, "sahifa")) })
	})
	b.Run("warm", func(b *testing.B) {
		// The first opening from a cache written by a cold one may keep
		// another copy of a duplicated article, and index again once.
		run(b)
		run(b)
		measure(b, func() {})
		b.ReportMetric(float64(dirSize(filepath.Join(home, "sahifa")))/(1<<20), "cache-MB")
		b.ReportMetric(float64(dirSize(dir))/(1<<20), "source-MB")
	})
}

// dirSize is the bytes of the files in dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
