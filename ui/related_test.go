package ui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// TestRelatedPanelOnSeeds: the seeds' gold has one same-story pair, 000
// and 003. Opened on 000 the panel lists 003 first, as the same story,
// with its reasons; tab reaches the panel, enter opens 003, esc comes back.
func TestRelatedPanelOnSeeds(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	if s := screenText(m); !strings.Contains(s, "Open an article to see") {
		t.Fatalf("no article open:\n%s", s)
	}
	press(m, keyEnter) // seed 000, its related articles found by the command
	want := m.coll.Related(as[0], relatedCount)
	if len(m.rel.rows) != len(want) || len(want) == 0 {
		t.Fatalf("panel has %d rows, the collection %d", len(m.rel.rows), len(want))
	}
	top := m.rel.rows[0]
	if top.Article != as[3] || !top.SameStory {
		t.Fatalf("first row %q (same story %v), want seed 003", top.Article.Title, top.SameStory)
	}
	for _, r := range m.rel.rows[1:] {
		if r.Article == as[3] {
			t.Fatal("seed 003 listed twice")
		}
	}
	s := screenText(m)
	l := m.rel.layOut(top, textWidth(m.size(paneSide).W))
	if !strings.Contains(s, "Related "+strconv.Itoa(len(want))) || !strings.Contains(s, l.title.Text) {
		t.Fatalf("the panel lacks its title or 003's title %q:\n%s", l.title.Text, s)
	}
	if !strings.Contains(why(top, nil), "same story; ") || !strings.Contains(why(top, nil), "names: ") ||
		!strings.Contains(s, "same story;") {
		t.Fatalf("003's row does not say why: %q\n%s", why(top, nil), s)
	}

	press(m, keyTab, keyTab, keyTab) // the reader has the focus: Entities, Dates, then Related
	if m.focus != paneSide || m.side.focused() != sidePanel(m.rel) {
		t.Fatalf("tab three times from the reader: focus %v, panel %T", m.focus, m.side.focused())
	}
	if b := bar(m); !strings.Contains(b, "enter open related") {
		t.Fatalf("help bar in the panel: %q", b)
	}
	press(m, keyEnter)
	if m.reader.art != as[3] || m.focus != paneReader || m.list.selected() != as[3] {
		t.Fatalf("enter opened %v, focus %v, list on %v", m.reader.art.ID, m.focus, m.list.selected().ID)
	}
	if m.rel.art != as[3] || len(m.rel.rows) == 0 || m.rel.rows[0].Article != as[0] {
		t.Fatal("the panel does not follow 003, or misses 000 as its first row")
	}
	press(m, keyEsc)
	if m.reader.art != as[0] || m.list.selected() != as[0] {
		t.Fatalf("esc: %s, list on %s", m.reader.art.ID, m.list.selected().ID)
	}
	press(m, keyTab, keyTab, keyTab, keyTab) // Entities, Dates, Related, then back to the list
	if m.focus != paneList {
		t.Fatalf("tab past the last panel: %v", m.focus)
	}
}

func bar(m *Model) string { ls := strings.Split(screenText(m), "\n"); return ls[len(ls)-1] }

// TestRelatedRowSaysCopiesAndWhy: a row stands for its near-copies and
// says so; the reasons follow whether it is the same story.
func TestRelatedRowSaysCopiesAndWhy(t *testing.T) {
	a := &corpus.Article{Title: "t", Source: "سبق", Date: time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC)}
	r := collection.RelatedArticle{Article: a, Copies: []*corpus.Article{{}, {}}, SameStory: true,
		Reasons: collection.RelatedReasons{SameDay: true, Names: []string{"بوتين"}}}
	if got := rowInfo(r, nil); got != "سبق · 2015-07-01 · +2 copies" {
		t.Fatalf("rowInfo: %q", got)
	}
	if got := why(r, nil); got != "same story; same day; names: بوتين" {
		t.Fatalf("why: %q", got)
	}
	r.Copies, r.SameStory, r.Reasons = r.Copies[:1], false, collection.RelatedReasons{Terms: []string{"نفط"}}
	if got, w := rowInfo(r, nil)+" | "+why(r, nil), "سبق · 2015-07-01 · +1 copy | related; words: نفط"; got != w {
		t.Fatalf("got %q, want %q", got, w)
	}
}

// TestRelatedPanelFitsAndFollowsCursor: at every size the panel draws in
// its place, its cursor row on screen when moved to the last.
func TestRelatedPanelFitsAndFollowsCursor(t *testing.T) {
	as := seedArticles(t)
	for _, sz := range [][2]int{{80, 24}, {130, 40}, {40, 10}, {1, 1}, {200, 12}} {
		m := newLoaded(t, Config{}, sz[0], sz[1], as, nil)
		press(m, keyEnter, keyTab, keyTab, keyTab, text("G"))
		checkFits(t, "related", m, sz[0], sz[1])
		if m.rel.len() > 0 && m.rel.cursor != m.rel.len()-1 {
			t.Fatalf("%v: G in the panel: cursor %d of %d", sz, m.rel.cursor, m.rel.len())
		}
	}
}

// TestRelatedFollowsTheLoad: opened while the collection still loads, the
// panel asks again as articles arrive, and 003 comes once it is read.
func TestRelatedFollowsTheLoad(t *testing.T) {
	as := seedArticles(t)
	c, push := streamed(t)
	m := New(Config{}, c)
	send(m, tea.WindowSizeMsg{Width: 130, Height: 40})
	push(corpus.Batch{Articles: as[:1], FilesFound: len(as), FilesRead: 1, ArticlesRead: 1})
	catchUp(m)
	m.updateKeys() // as Update does after a change notice
	press(m, keyEnter)
	if m.reader.art != as[0] || !m.rel.read || m.rel.len() != 0 {
		t.Fatalf("alone in the collection, 000 has %d related (open %v, read %v, list %d)", m.rel.len(), m.reader.art, m.rel.read, m.list.len())
	}
	if s := screenText(m); !strings.Contains(s, "No related articles") {
		t.Fatalf("no row and no sentence saying so:\n%s", s)
	}
	push(corpus.Batch{Articles: as[1:], FilesFound: len(as), FilesRead: len(as), ArticlesRead: len(as), Done: true})
	if err := c.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	catchUp(m)
	if m.rel.len() == 0 || m.rel.rows[0].Article != as[3] {
		t.Fatalf("after the load the panel has %d rows", m.rel.len())
	}
}
