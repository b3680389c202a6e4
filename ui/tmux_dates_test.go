package ui

import (
	"slices"
	"strings"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// TestTmuxDates drives the real program on the seeds: the timeline drawn
// with no article open, the Dates panel of the dated seed with its own date
// and a mention jumped to in the reader, enter narrowing the list to that
// month, esc back to all five, and a typed range.
func TestTmuxDates(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	as := seedArticles(t)
	c := loadedCollection(t, corpus.Batch{Articles: as, Done: true})
	i := slices.IndexFunc(c.Articles(), func(a *corpus.Article) bool { return c.Own(a).From != collection.OwnUnknown })
	if i < 0 {
		t.Fatal("no seed has a known own date")
	}
	a := c.Articles()[i]
	r := c.Dates(a)
	own := r.Own.Date.Format("2006-01")
	// The mention to jump to: the first in the article's own month.
	k := slices.IndexFunc(r.Mentions, func(d collection.DateMention) bool {
		return !d.Range && d.Precision >= collection.PrecisionMonth && d.From.Format("2006-01") == own
	})
	if k < 0 {
		t.Fatalf("%q names no date in %s", a.Title, own)
	}

	const w, h = 120, 40
	tm := startTmux(t, w, h)
	tm.typeText(bin)
	tm.keys("Enter")
	tm.waitFor("the five titles", func(s string) bool { return containsAll(s, listTitles(as, w, h)) })
	tm.waitFor("the timeline", func(s string) bool {
		return strings.Contains(s, "1 by day · 4 undated") && rowHas(s, r.Own.Value()+" █", " 1 ")
	})

	for range i {
		tm.keys("j")
	}
	tm.keys("Enter")
	tm.waitFor("the article's own date", func(s string) bool {
		return strings.Contains(s, "Written "+r.Own.Value()) && strings.Contains(s, "(dateline)")
	})
	// Tab skips a panel with no rows: the names must be there first
	// (the names worker runs niced, so on a busy machine they come late).
	tm.waitFor("the article's names", func(s string) bool { return strings.Contains(s, "People ") })
	tm.keys("Tab", "Tab") // reader → Entities → Dates
	for range k {
		tm.keys("j")
	}
	d := r.Mentions[k]
	tm.waitFor("the mention chosen and highlighted", func(s string) bool {
		return rowHas(s, " "+mentionValue(d.Mention)+" ") && strings.Contains(s, "1/1")
	})

	tm.keys("Enter")
	tm.waitFor("the list narrowed to "+own, func(s string) bool {
		return strings.Contains(s, "dated "+own) && strings.Contains(s, "1 found")
	})
	tm.keys("Escape")
	tm.waitFor("all five again", func(s string) bool {
		return !strings.Contains(s, "dated "+own) && strings.Contains(s, "Articles 5")
	})

	// A range typed after t: a year none of the seeds was written in.
	tm.keys("t")
	tm.typeText("2016")
	tm.keys("Enter")
	tm.waitFor("the list narrowed to 2016", func(s string) bool {
		return strings.Contains(s, "dated 2016") && strings.Contains(s, "0 found")
	})
}
