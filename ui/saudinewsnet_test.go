package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
)

// TestSaudiNewsNetOnScreen streams the whole SaudiNewsNet dump into the
// screen as the program does, batch by batch, and checks that every
// article reaches the list, that the screen is mirrored for this Arabic
// corpus, and that a frame of the full list draws quickly.
func TestSaudiNewsNetOnScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 31,030 articles")
	}
	dir := corpustest.Shared(t, "data/saudinewsnet")
	m := New(Config{}, corpus.Load(context.Background(), []string{dir}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	start := time.Now()
	var inUpdate time.Duration
	batches := 0
	for m.loading {
		msg := m.next()()
		t0 := time.Now()
		m.Update(msg)
		inUpdate += time.Since(t0)
		batches++
	}
	t.Logf("%d articles (%d copies left out, %d problems) in %d batches, %v in all, %v of it in Update",
		len(m.list.all), m.progress.DuplicatesFound, len(m.problems), batches, time.Since(start), inUpdate)
	// Every article of the dump is on screen, or counted as a copy of
	// one that is, or reported as a problem (the empty ones).
	if n := len(m.list.all) + m.progress.DuplicatesFound + len(m.problems); n != 31030 {
		t.Fatalf("%d articles accounted for, want 31,030", n)
	}
	if !m.mirrored() {
		t.Fatal("an Arabic corpus should put the list on the right")
	}
	send(m, text("G"))
	t0 := time.Now()
	s := screenText(m)
	t.Logf("frame at the end of the list: %v", time.Since(t0))
	if !strings.Contains(s, strconv.Itoa(len(m.list.all))+" articles") {
		t.Fatalf("status line:\n%s", s)
	}
	checkFits(t, "saudinewsnet", m, 120, 40)
}
