//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

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
	if out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", bin, ".").CombinedOutput(); err != nil {
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
