package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
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
	start := time.Now()
	c := collection.Open(context.Background(), []string{dir})
	defer c.Close()
	m := New(Config{}, c)
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	var inUpdate time.Duration
	updates := 0
	for m.status.Loading {
		<-c.Changes()
		t0 := time.Now()
		catchUp(m)
		inUpdate += time.Since(t0)
		updates++
	}
	s := m.status
	t.Logf("%d articles (%d copies left out, %d problems) in %d updates, %v in all, %v of it in Update",
		s.Articles, s.Copies, s.Problems, updates, time.Since(start), inUpdate)
	// Every article of the dump is on screen, or counted as a copy of
	// one that is, or reported as a problem (the empty ones).
	if n := m.list.len() + s.Copies + s.Problems; n != 31030 {
		t.Fatalf("%d articles accounted for, want 31,030", n)
	}
	if !m.mirrored() {
		t.Fatal("an Arabic corpus should put the list on the right")
	}
	send(m, text("G"))
	t0 := time.Now()
	shown := screenText(m)
	t.Logf("frame at the end of the list: %v", time.Since(t0))
	// Counts are written as CLDR's English writes them: 30,196.
	if !strings.Contains(shown, m.tr.Sprintf("%d", m.list.len())) {
		t.Fatalf("status line:\n%s", shown)
	}
	checkFits(t, "saudinewsnet", m, 120, 40)
}
