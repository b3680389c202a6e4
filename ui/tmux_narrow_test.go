package ui

import (
	"fmt"
	"strings"
	"testing"

	"sahifa/corpus"
)

// TestTmuxMentionShowsReader: at 100 columns the Entities panel, focused,
// takes the reader's place; n there jumps to the next mention and brings
// the reader back to show it, the counter on it.
func TestTmuxMentionShowsReader(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	as := seedArticles(t)
	c := loadedCollection(t, corpus.Batch{Articles: as, Done: true})
	e := inOrder(c.Entities(as[0]).Entities[0])
	if len(e.Mentions) < 2 {
		t.Fatalf("%s is mentioned %d times: nothing to jump to", e.Label, len(e.Mentions))
	}

	const w, h = 100, 30
	if _, both := computeLayout(w, h, layoutOptions{Focus: paneSide}).find(paneReader); both {
		t.Fatalf("at %d columns the reader shows beside the side column: the test proves nothing", w)
	}
	// Opened at 120 columns, where the names show beside the reader
	// once read, then narrowed to 100.
	tm := startTmux(t, 120, h)
	tm.typeText(bin)
	tm.keys("Enter")
	tm.waitFor("the five titles", func(s string) bool { return containsAll(s, listTitles(as, 120, h)) })
	tm.keys("Enter")
	count := fmt.Sprintf(" %d× ", len(e.Mentions))
	tm.waitFor("the reader and the article's names", func(s string) bool {
		return strings.Contains(s, "Reader") && rowHas(s, count, shownLabel(e.Label))
	})
	tm.resize(w, h)
	tm.waitFor("the side column hidden", func(s string) bool { return !strings.Contains(s, "People") })
	tm.keys("Tab")
	tm.waitFor("the Entities panel in the reader's place, on its first name", func(s string) bool {
		return !strings.Contains(s, "Reader") && strings.Contains(s, "enter articles naming it") && strings.Contains(s, "n next mention")
	})
	tm.keys("n")
	second := fmt.Sprintf("2/%d  ", len(e.Mentions))
	tm.waitFor("the reader back, on the second mention", func(s string) bool {
		return strings.Contains(s, "Reader") && strings.Contains(s, second)
	})
	tm.keys("n")
	tm.waitFor("n going on in the reader", func(s string) bool {
		return strings.Contains(s, fmt.Sprintf("3/%d  ", len(e.Mentions))) || len(e.Mentions) == 2 && strings.Contains(s, fmt.Sprintf("1/%d  ", len(e.Mentions)))
	})
}
