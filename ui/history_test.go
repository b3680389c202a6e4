package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/collection"
)

var (
	keyCtrlO = tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl}
	keyCtrlC = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	keyBS    = tea.KeyPressMsg{Code: tea.KeyBackspace}
)

func TestHistoryStacks(t *testing.T) {
	a, b, c, d := &corpus.Article{ID: "a"}, &corpus.Article{ID: "b"}, &corpus.Article{ID: "c"}, &corpus.Article{ID: "d"}
	var h history
	if _, ok := h.goBack(headLine(0)); ok || h.canBack() || h.canForward() {
		t.Fatal("an empty history goes nowhere")
	}
	h.open(visit{art: a}, headLine(0))
	h.open(visit{art: b}, headLine(7)) // a left at line 7
	h.open(visit{art: c}, headLine(3)) // b left at line 3
	v, ok := h.goBack(headLine(5))     // c left at line 5
	if !ok || v.art != b || v.top != headLine(3) {
		t.Fatalf("back from c: %v at %v", v.art, v.top)
	}
	if v, _ = h.goBack(headLine(4)); v.art != a || v.top != headLine(7) || h.canBack() {
		t.Fatalf("back from b: %v at %v", v.art, v.top)
	}
	if v, _ = h.goForward(headLine(0)); v.art != b || v.top != headLine(4) {
		t.Fatalf("forward to b: %v at %v", v.art, v.top)
	}
	if v, _ = h.goForward(headLine(0)); v.art != c || v.top != headLine(5) || h.canForward() {
		t.Fatalf("forward to c: %v at %v", v.art, v.top)
	}
	h.goBack(headLine(0))
	h.open(visit{art: d}, headLine(1)) // a new article drops what was ahead
	if h.canForward() {
		t.Fatal("opening an article keeps the forward stack")
	}
	if v, _ = h.goBack(headLine(0)); v.art != b || v.top != headLine(1) {
		t.Fatalf("back from d: %v at %v", v.art, v.top)
	}
	for i := 0; i < historyLimit+10; i++ {
		h.open(visit{art: a}, headLine(i))
	}
	if len(h.back) != historyLimit || h.back[len(h.back)-1].top != headLine(historyLimit+9) {
		t.Fatalf("bounded history: %d visits", len(h.back))
	}
}

// TestBackAndForward walks the history with every key: esc and backspace
// from the reader, H and ctrl+o, L; each visit comes back at the line it
// was left at, the list's cursor on it.
func TestBackAndForward(t *testing.T) {
	m := newLoaded(t, Config{}, 100, 24, testArticles(), nil)
	press(m, text("j"), keyEnter, keySpace, keySpace) // a2, two pages down
	top := m.readerLine()
	if top == 0 {
		t.Fatal("space did not scroll: the test proves nothing")
	}
	press(m, text("J")) // a3
	if m.reader.art.ID != "a3" || m.readerLine() != 0 {
		t.Fatalf("J: %s at %d", m.reader.art.ID, m.readerLine())
	}
	press(m, keyEsc)
	if m.reader.art.ID != "a2" || m.readerLine() != top || m.list.selected().ID != "a2" || m.focus != paneReader {
		t.Fatalf("esc: %s at %d (want %d), list on %s, focus %v", m.reader.art.ID, m.readerLine(), top, m.list.selected().ID, m.focus)
	}
	press(m, text("L"))
	if m.reader.art.ID != "a3" || m.list.selected().ID != "a3" {
		t.Fatalf("L: %s, list on %s", m.reader.art.ID, m.list.selected().ID)
	}
	press(m, keyCtrlO)
	if m.reader.art.ID != "a2" || m.readerLine() != top {
		t.Fatalf("ctrl+o: %s at %d", m.reader.art.ID, m.readerLine())
	}
	press(m, text("K"), keyBS) // a1, then backspace back to a2
	if m.reader.art.ID != "a2" || m.readerLine() != top || m.list.selected().ID != "a2" {
		t.Fatalf("backspace: %s at %d", m.reader.art.ID, m.readerLine())
	}
	press(m, text("H"), text("H")) // the first article opened has none before
	if m.reader.art.ID != "a2" || m.hist.canBack() {
		t.Fatalf("H past the start: %s", m.reader.art.ID)
	}
	press(m, keyEsc) // nothing before: the list
	if m.focus != paneList || m.reader.art.ID != "a2" {
		t.Fatalf("esc with no history: focus %v", m.focus)
	}
	press(m, text("L")) // forward from the list too
	if m.reader.art.ID != "a1" || m.focus != paneReader || m.list.selected().ID != "a1" {
		t.Fatalf("L from the list: %s, focus %v", m.reader.art.ID, m.focus)
	}
}

// TestBackAfterFilterChange: open an article, narrow the list to a name it
// gives, open another from there; back shows the first article at its
// line with the whole list and the cursor on it, forward the narrowed list.
func TestBackAfterFilterChange(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 30, as, nil)
	press(m, text("j"), text("j"), keyEnter) // seed 002
	first := m.reader.art
	press(m, keyTab, keyEnter) // the Entities panel: the list of its first name
	narrowed := m.list.filter()
	if first != as[2] || !narrowed.Has(collection.ByEntity) || m.focus != paneList {
		t.Fatalf("enter in the panel: %s, filter %v, focus %v", first.ID, narrowed, m.focus)
	}
	press(m, keyTab, text("d"), text("q")) // the reader half a page down, back to the list
	top := m.readerLine()
	if top == 0 {
		t.Fatal("d did not scroll: the test proves nothing")
	}
	press(m, text("G"), keyEnter) // the last article naming it
	second := m.reader.art
	if second == first {
		t.Fatal("the name's last article is the one open: the test proves nothing")
	}
	press(m, keyEsc)
	if m.reader.art != first || m.readerLine() != top {
		t.Fatalf("back: %s at %d, want %s at %d", m.reader.art.ID, m.readerLine(), first.ID, top)
	}
	if !m.list.filter().IsZero() || m.list.len() != len(as) || m.list.selected() != first {
		t.Fatalf("back: list filter %q, %d shown, cursor on %v", m.list.filter(), m.list.len(), m.list.selected())
	}
	press(m, text("L"))
	if m.reader.art != second || !sameFilter(m.list.filter(), narrowed) || m.list.selected() != second {
		t.Fatalf("forward: %s, filter %q, cursor on %v", m.reader.art.ID, m.list.filter(), m.list.selected())
	}
}

// TestBackAcrossSearch: a kept search survives a jump elsewhere; back
// shows the search's results again, the cursor on the article, its
// matches highlighted, and forward returns to the jump.
func TestBackAcrossSearch(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 30, as, nil)
	press(m, text("/"))
	typeText(m, "حميميم")
	press(m, keyEnter)
	searched := m.list.filter()
	if m.list.len() < 2 {
		t.Fatalf("the search finds %d seeds: the test proves nothing", m.list.len())
	}
	press(m, text("j"), keyEnter)
	hit := m.reader.art
	if m.reader.query() == "" {
		t.Fatal("opened from a search without its matches")
	}
	press(m, keyEsc, text("q")) // drop the matches, then the list
	if m.focus != paneList {
		t.Fatalf("q from the reader: focus %v", m.focus)
	}
	press(m, keyEsc) // leave the search: the whole collection
	if !m.list.filter().IsZero() {
		t.Fatalf("esc in the list keeps %q", m.list.filter())
	}
	press(m, text("g"))
	if m.list.selected() == hit {
		press(m, text("j"))
	}
	press(m, keyEnter) // another article, from the whole list
	other := m.reader.art
	press(m, keyBS)
	if m.reader.art != hit || !sameFilter(m.list.filter(), searched) || m.list.selected() != hit {
		t.Fatalf("back: %s, filter %q, cursor on %v", m.reader.art.ID, m.list.filter(), m.list.selected())
	}
	if m.reader.query() == "" || len(m.reader.layers[layerSearch].spans) == 0 {
		t.Fatal("back to a search hit without its matches")
	}
	press(m, text("L"))
	if m.reader.art != other || !m.list.filter().IsZero() || m.list.selected() != other {
		t.Fatalf("forward: %s, filter %q", m.reader.art.ID, m.list.filter())
	}
}

// TestQuitLeavesTheReader: q in the reader and the side column goes to the
// list, q in the list quits, ctrl+c quits from anywhere.
func TestQuitLeavesTheReader(t *testing.T) {
	quits := func(m *Model, k tea.KeyPressMsg) bool {
		_, cmd := m.Update(k)
		if cmd == nil {
			return false
		}
		_, ok := cmd().(tea.QuitMsg)
		return ok
	}
	m := newLoaded(t, Config{}, 100, 24, testArticles(), nil)
	press(m, keyEnter)
	if quits(m, text("q")) || m.focus != paneList || m.reader.art == nil {
		t.Fatalf("q in the reader: focus %v", m.focus)
	}
	press(m, keyTab, keyTab)
	if m.focus != paneSide {
		t.Fatalf("focus %v", m.focus)
	}
	if quits(m, text("ض")) || m.focus != paneList { // q on the Arabic layout
		t.Fatalf("q in the side column: focus %v", m.focus)
	}
	press(m, text("?"))
	if quits(m, text("q")) || m.overlay != overlayNone {
		t.Fatal("q on the help screen should close it")
	}
	if !quits(m, text("q")) {
		t.Fatal("q in the list does not quit")
	}
	press(m, keyEnter)
	if !quits(m, keyCtrlC) {
		t.Fatal("ctrl+c in the reader does not quit")
	}
}

// TestListShowsTheOpenArticle: a name's articles, and the whole
// collection again after esc, come with the cursor on the open article;
// a search's results with the best first.
func TestListShowsTheOpenArticle(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 30, as, nil)
	press(m, text("G"), keyEnter, keyTab, keyEnter) // seed 004, the articles naming its first name
	open := m.reader.art
	if open != as[4] || !m.list.filter().Has(collection.ByEntity) || m.list.selected() != open {
		t.Fatalf("narrowed: open %s, cursor on %v", open.ID, m.list.selected())
	}
	press(m, keyEsc) // the whole collection
	if !m.list.filter().IsZero() || m.list.selected() != open {
		t.Fatalf("whole list: cursor on %v", m.list.selected())
	}
	press(m, text("/"))
	typeText(m, "بوتين")
	press(m, keyEnter)
	if m.list.cursor != 0 {
		t.Fatalf("a search's results start at the best: cursor %d", m.list.cursor)
	}
}

// headLine is line n of an article's head, as the history's tests place the
// reader.
func headLine(n int) readerPos { return readerPos{line: n} }
