//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"sahifa/corpus/corpustest"
)

// BenchmarkRelatedBatchSaudiNewsNet runs `sahifa related --json -n 10
// --queries FILE` as a process over SaudiNewsNet, FILE naming 100
// articles (every 300th that `sahifa list` prints): the whole batch, load
// and index included, as a user waits for it, with the process's peak
// memory.
func BenchmarkRelatedBatchSaudiNewsNet(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	bin := filepath.Join(b.TempDir(), "sahifa")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	list, err := exec.Command(bin, "list", dir).Output()
	if err != nil {
		b.Fatal(err)
	}
	var ids []string
	for i, l := range strings.Split(string(list), "\n") {
		if id, _, ok := strings.Cut(l, "\t"); ok && i%300 == 7 && len(ids) < 100 {
			ids = append(ids, id)
		}
	}
	queries := filepath.Join(b.TempDir(), "queries")
	if err := os.WriteFile(queries, []byte(strings.Join(ids, "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	var peak int64
	for b.Loop() {
		cmd := exec.Command(bin, "related", "--json", "-n", "10", "--queries", queries, dir)
		if out, err := cmd.Output(); err != nil || len(out) == 0 {
			b.Fatalf("related: %v", err)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss)
		}
	}
	b.ReportMetric(float64(peak)/1024, "peak-MB")
}
