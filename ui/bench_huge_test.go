package ui

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// BenchmarkHugeArticle is the 63 MB text file of 900,000 distinct lines
// (TestTmuxHugeArticle's) in the reader, each op from a fresh screen:
// "open" is enter to its first frame (target ≤ 200 ms), "bottom" G to the
// last screen's frame, "search" a query's first piece (what is on screen)
// to its frame, and "piece" one later piece of that search to its frame.
// No op may keep the screen from a ctrl+c for more than 100 ms. cpu-ms/op
// is the process's CPU time, the collection idle.
func BenchmarkHugeArticle(b *testing.B) {
	path := filepath.Join(b.TempDir(), "huge.txt")
	writeHugeText(b, path, corpus.MaxFileSize-1<<20)
	c := collection.Open(context.Background(), []string{path})
	b.Cleanup(c.Close)
	c.WaitLoaded(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	c.Wait(ctx)
	cancel()
	fresh := func() *Model {
		m := New(Config{}, c)
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m.View()
		return m
	}
	run := func(b *testing.B, setup func(m *Model), op func(m *Model)) {
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			m := fresh()
			setup(m)
			c0 := cpuTime()
			b.StartTimer()
			op(m)
			_ = m.View()
			cpu += cpuTime() - c0
		}
		b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
	}
	none := func(*Model) {}
	b.Run("open", func(b *testing.B) { run(b, none, func(m *Model) { m.Update(keyEnter) }) })
	b.Run("bottom", func(b *testing.B) {
		run(b, func(m *Model) { m.Update(keyEnter) }, func(m *Model) { m.Update(text("G")) })
	})
	// search types the query; its command is the first piece.
	search := func(m *Model) tea.Cmd {
		m.Update(keyEnter)
		m.Update(text("/"))
		return m.runSearch(paneReader, "الأسد")
	}
	b.Run("search", func(b *testing.B) {
		var cmd tea.Cmd
		run(b, func(m *Model) { cmd = search(m) }, func(m *Model) { m.Update(cmd()) })
	})
	b.Run("piece", func(b *testing.B) {
		var msg tea.Msg
		run(b, func(m *Model) {
			msg = m.gotMatches(search(m)().(articleSearchMsg))()
		}, func(m *Model) { m.Update(msg) })
	})
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
