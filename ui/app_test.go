package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/bidi"
	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// Keys as the terminal sends them.
var (
	keyEnter = tea.KeyPressMsg{Code: tea.KeyEnter}
	keyEsc   = tea.KeyPressMsg{Code: tea.KeyEscape}
	keyTab   = tea.KeyPressMsg{Code: tea.KeyTab}
	keySpace = tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
)

func text(s string) tea.KeyPressMsg {
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// testArticles is a small corpus: Arabic articles, one English, one long.
func testArticles() []*corpus.Article {
	long := make([]corpus.Paragraph, 200)
	for i := range long {
		long[i] = corpus.Paragraph{Text: fmt.Sprintf("الفقرة رقم %d من مقال طويل جدا عن الاقتصاد والسياسة في المنطقة العربية.", i+1)}
	}
	long[199].Text = "نهاية المقال الطويل"
	return []*corpus.Article{
		{ID: "a1", Title: "وزير المالية يعلن ميزانية العام الجديد", Source: "سبق", Date: time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC),
			DateFrom: corpus.DateMetadata, Dir: corpus.RTL, Removed: []string{"شارك المقال", "اقرأ أيضا: خبر آخر"},
			Paragraphs: []corpus.Paragraph{{Text: "أعلن وزير المالية اليوم عن ميزانية العام الجديد."}, {Kind: corpus.Quote, Text: "«الميزانية متوازنة»"}}},
		{ID: "a2", Title: "مقال طويل", Source: "الرياض", Dir: corpus.RTL, Paragraphs: long},
		{ID: "a3", Title: "An English article", Source: "Reuters", Dir: corpus.LTR,
			Paragraphs: []corpus.Paragraph{{Text: "The first paragraph."}, {Text: "The last paragraph."}}},
	}
}

// newLoaded returns a model that has read articles and problems and got a
// window size.
func newLoaded(t testing.TB, cfg Config, w, h int, as []*corpus.Article, ps []corpus.Problem) *Model {
	t.Helper()
	c := loadedCollection(t, corpus.Batch{Articles: as, Problems: ps, FilesFound: len(as), FilesRead: len(as), ArticlesRead: len(as), Done: true})
	m := New(cfg, c)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// loadedCollection returns a collection of the batches' articles once its
// background work is over, so that what the screen shows of it no longer
// changes.
func loadedCollection(t testing.TB, bs ...corpus.Batch) *collection.Collection {
	t.Helper()
	ch := make(chan corpus.Batch, len(bs))
	for _, b := range bs {
		ch <- b
	}
	close(ch)
	c := collection.FromBatches(context.Background(), nil, ch)
	t.Cleanup(c.Close)
	if err := c.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

// streamed returns a collection loading from a channel the test feeds
// batch by batch with push.
func streamed(t testing.TB) (c *collection.Collection, push func(corpus.Batch)) {
	ch := make(chan corpus.Batch)
	c = collection.FromBatches(context.Background(), nil, ch)
	t.Cleanup(c.Close)
	return c, func(b corpus.Batch) {
		t.Helper()
		ch <- b
		if b.Done {
			close(ch)
		}
		// Wait until the collection has taken the batch in.
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := c.Status()
			if s.FilesRead == b.FilesRead && s.Copies == b.DuplicatesFound && (!b.Done || !s.Loading) &&
				!slices.ContainsFunc(b.Articles, func(a *corpus.Article) bool { return c.Article(a.ID) == nil }) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatal("the collection did not take the batch in")
			}
			time.Sleep(time.Millisecond)
		}
	}
}

// catchUp shows what changed in the collection, running the commands
// that brings, as a change notice does in the program.
func catchUp(m *Model) { runCmd(m, m.refresh()) }

func send(m *Model, msgs ...tea.Msg) {
	for _, msg := range msgs {
		m.Update(msg)
	}
}

func screenText(m *Model) string { return ansi.Strip(m.View().Content) }

// shown is how a short logical phrase looks on screen: reordered and shaped
// by the bidi package, as a substring of the line that holds it.
func shown(s string) string { return bidi.Paragraph(s, bidi.Options{})[0].Text }

func TestEverySizeFitsExactly(t *testing.T) {
	as := testArticles()
	states := map[string][]tea.Msg{
		"list":     nil,
		"reader":   {keyEnter},
		"scrolled": {text("j"), keyEnter, text("G")},
		"raw":      {keyEnter, text("R")},
		"help":     {text("?")},
		"problems": {text("p")},
		"side":     {keyTab, keyTab},
	}
	for name, keys := range states {
		// One model per state, resized through every size in turn, as a
		// user dragging the window corner would.
		m := newLoaded(t, Config{}, 80, 24, as, []corpus.Problem{{Path: "bad.json", Reason: "malformed JSON"}})
		send(m, keys...)
		for w := 1; w <= 30; w++ {
			for h := 1; h <= 12; h++ {
				send(m, tea.WindowSizeMsg{Width: w, Height: h})
				checkFits(t, fmt.Sprintf("%s %dx%d", name, w, h), m, w, h)
			}
		}
	}
}

func checkFits(t *testing.T, name string, m *Model, w, h int) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != h {
		t.Fatalf("%s: %d lines, want %d", name, len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got != w {
			t.Fatalf("%s: line %d is %d cells, want %d: %q", name, i, got, w, ansi.Strip(l))
		}
	}
}

func TestCommonSizesFit(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 30}, {40, 10}, {200, 60}, {69, 20}, {70, 20}, {119, 20}} {
		m := newLoaded(t, Config{}, sz[0], sz[1], testArticles(), nil)
		checkFits(t, fmt.Sprint(sz), m, sz[0], sz[1])
		send(m, keyEnter, text("G"))
		checkFits(t, fmt.Sprint(sz, " reader"), m, sz[0], sz[1])
	}
}

func TestOpenScrollToEndAndBack(t *testing.T) {
	m := newLoaded(t, Config{}, 80, 24, testArticles(), nil)
	send(m, text("j"))
	if got := m.list.selected().ID; got != "a2" {
		t.Fatalf("after j the cursor is on %s, want a2", got)
	}
	send(m, keyEnter)
	if m.focus != paneReader || m.reader.art.ID != "a2" {
		t.Fatalf("enter: focus %v, article %v", m.focus, m.reader.art)
	}
	if s := screenText(m); !strings.Contains(s, shown("الفقرة رقم 1 من")) || strings.Contains(s, shown("نهاية المقال الطويل")) {
		t.Fatalf("opened article should show its start only:\n%s", s)
	}
	send(m, text("G"))
	s := screenText(m)
	if !strings.Contains(s, shown("نهاية المقال الطويل")) || !strings.Contains(s, "100%") {
		t.Fatalf("G should show the end and 100%%:\n%s", s)
	}
	send(m, text("g"))
	if m.reader.top != 0 {
		t.Fatalf("g: top %d", m.reader.top)
	}
	send(m, keySpace)
	if m.reader.top == 0 {
		t.Fatal("space did not page down")
	}
	send(m, keyEsc)
	if m.focus != paneList {
		t.Fatalf("esc: focus %v", m.focus)
	}
}

func TestArabicLayoutKeys(t *testing.T) {
	m := newLoaded(t, Config{}, 80, 24, testArticles(), nil)
	send(m, text("ت"))
	if m.list.cursor != 1 {
		t.Fatalf("ت should move down like j: cursor %d", m.list.cursor)
	}
	send(m, text("ن"))
	if m.list.cursor != 0 {
		t.Fatalf("ن should move up like k: cursor %d", m.list.cursor)
	}
	send(m, text("\uFEF7"))
	if m.list.cursor != 2 {
		t.Fatalf("ﻷ (shift+g) should go to the bottom: cursor %d", m.list.cursor)
	}
	send(m, text("ل"))
	if m.list.cursor != 0 {
		t.Fatalf("ل should go to the top: cursor %d", m.list.cursor)
	}
	for us, twins := range arabicTwin {
		for _, tw := range twins {
			found := false
			for _, b := range m.keys.FullHelp() {
				for _, kb := range b {
					ks := strings.Join(kb.Keys(), " ")
					if strings.Contains(" "+ks+" ", " "+us+" ") && strings.Contains(" "+ks+" ", " "+tw+" ") {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("no binding has both %q and its twin %q", us, tw)
			}
		}
	}
}

func TestTabCyclesPanes(t *testing.T) {
	m := newLoaded(t, Config{Layout: LayoutLTR}, 80, 24, testArticles(), nil)
	send(m, keyTab)
	if m.focus != paneReader {
		t.Fatalf("tab at 80 cols: %v", m.focus)
	}
	send(m, keyTab)
	first := strings.Split(screenText(m), "\n")[0]
	if m.focus != paneSide || !strings.Contains(first, "Entities") || strings.Contains(first, "Reader") {
		t.Fatalf("at 80 cols the side column takes the reader's place when focused: %v %q", m.focus, first)
	}
	send(m, keyTab)
	if m.focus != paneList || !strings.Contains(strings.Split(screenText(m), "\n")[0], "Reader") {
		t.Fatalf("tab from the side column: %v", m.focus)
	}
	send(m, tea.WindowSizeMsg{Width: 130, Height: 30}, keyTab, keyTab)
	if m.focus != paneSide {
		t.Fatalf("tab twice at 130 cols: %v", m.focus)
	}
	if s := screenText(m); !strings.Contains(s, "Entities") || !strings.Contains(s, "Reader") {
		t.Fatalf("wide screen without all three panes:\n%s", s)
	}
	send(m, keyEsc)
	if m.focus != paneList {
		t.Fatalf("esc from the side column with no article open: %v", m.focus)
	}
}

func TestNarrowShowsOnePane(t *testing.T) {
	m := newLoaded(t, Config{}, 40, 10, testArticles(), nil)
	if s := screenText(m); !strings.Contains(s, "Articles 3") || strings.Contains(s, "Reader") {
		t.Fatalf("narrow list screen:\n%s", s)
	}
	send(m, keyEnter)
	if s := screenText(m); strings.Contains(s, "Articles 3") || !strings.Contains(s, "Reader") {
		t.Fatalf("narrow reader screen:\n%s", s)
	}
}

func TestMirroredWhenMostlyRTL(t *testing.T) {
	for _, tc := range []struct {
		cfg    Config
		as     []*corpus.Article
		mirror bool
	}{
		{Config{}, testArticles(), true},
		{Config{}, testArticles()[2:], false},
		{Config{Layout: LayoutLTR}, testArticles(), false},
		{Config{Layout: LayoutRTL}, testArticles()[2:], true},
	} {
		m := newLoaded(t, tc.cfg, 80, 24, tc.as, nil)
		first := strings.Split(screenText(m), "\n")[0]
		listLeft := strings.HasPrefix(first, "Articles")
		if listLeft == tc.mirror {
			t.Errorf("layout %v, %d articles: first line %q, mirrored want %v", tc.cfg.Layout, len(tc.as), first, tc.mirror)
		}
	}
}

func TestRawShowsRemovedText(t *testing.T) {
	m := newLoaded(t, Config{}, 80, 24, testArticles(), nil)
	send(m, keyEnter)
	removed := shown("شارك المقال")
	if strings.Contains(screenText(m), removed) {
		t.Fatal("removed text shown before R")
	}
	send(m, text("R"))
	s := screenText(m)
	if !strings.Contains(s, removed) || !strings.Contains(s, "(2)") {
		t.Fatalf("R should show the 2 removed pieces:\n%s", s)
	}
	send(m, text("R"))
	if strings.Contains(screenText(m), removed) {
		t.Fatal("second R should go back to the text")
	}
}

func TestProblemsCountedAndListed(t *testing.T) {
	ps := []corpus.Problem{{Path: "data/bad.json", Reason: "malformed JSON at byte 12"}, {Path: "data/empty.txt", Reason: "empty file"}}
	m := newLoaded(t, Config{}, 80, 24, testArticles(), ps)
	if s := screenText(m); !strings.Contains(s, "2 problems (p)") {
		t.Fatalf("status should count problems:\n%s", s)
	}
	send(m, text("p"))
	s := screenText(m)
	for _, p := range ps {
		if !strings.Contains(s, p.Path) || !strings.Contains(s, p.Reason) {
			t.Fatalf("problems screen lacks %v:\n%s", p, s)
		}
	}
	send(m, keyEsc)
	if m.overlay != overlayNone {
		t.Fatal("esc should close the problems screen")
	}
	m = newLoaded(t, Config{}, 80, 24, testArticles(), nil)
	send(m, text("p"))
	if m.overlay != overlayNone {
		t.Fatal("p with no problems should do nothing")
	}
}

func TestHelpScreen(t *testing.T) {
	m := newLoaded(t, Config{}, 80, 24, testArticles(), nil)
	send(m, text("?"))
	s := screenText(m)
	if !strings.Contains(s, "Sahifa keys") || !strings.Contains(s, "page down") {
		t.Fatalf("help screen:\n%s", s)
	}
	send(m, text("G"))
	if !strings.Contains(screenText(m), "esc") {
		t.Fatalf("help end:\n%s", screenText(m))
	}
	send(m, text("?"))
	if m.overlay != overlayNone {
		t.Fatal("? should close help")
	}
}

func TestHelpBarShowsWhatApplies(t *testing.T) {
	m := newLoaded(t, Config{}, 100, 24, testArticles(), nil)
	bar := func() string { ls := strings.Split(screenText(m), "\n"); return ls[len(ls)-1] }
	if b := bar(); !strings.Contains(b, "open") || strings.Contains(b, "removed text") || strings.Contains(b, "back") {
		t.Fatalf("list help bar: %q", b)
	}
	send(m, keyEnter)
	if b := bar(); strings.Contains(b, "open") || !strings.Contains(b, "removed text") || !strings.Contains(b, "back") {
		t.Fatalf("reader help bar: %q", b)
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []tea.KeyPressMsg{text("q"), text("ض"), {Code: 'c', Mod: tea.ModCtrl}} {
		m := newLoaded(t, Config{}, 80, 24, testArticles(), nil)
		_, cmd := m.Update(k)
		if cmd == nil {
			t.Fatalf("%v: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%v does not quit", k)
		}
	}
}

func TestMouse(t *testing.T) {
	m := newLoaded(t, Config{Layout: LayoutLTR}, 80, 24, testArticles(), nil)
	// Rows start under the list's title line, two lines each.
	send(m, tea.MouseClickMsg{X: 3, Y: 3, Button: tea.MouseLeft})
	if m.list.cursor != 1 {
		t.Fatalf("click on the second row: cursor %d", m.list.cursor)
	}
	send(m, keyEnter)
	r, _ := m.screen().find(paneReader)
	send(m, tea.MouseWheelMsg{X: r.X + 2, Y: 5, Button: tea.MouseWheelDown})
	if m.reader.top != 3 {
		t.Fatalf("wheel over the reader: top %d", m.reader.top)
	}
	send(m, tea.MouseWheelMsg{X: 2, Y: 5, Button: tea.MouseWheelDown})
	if m.list.cursor != 2 || m.reader.top != 3 {
		t.Fatalf("wheel over the list should move the list only: cursor %d, top %d", m.list.cursor, m.reader.top)
	}
}

func TestLoadingProgress(t *testing.T) {
	c, push := streamed(t)
	m := New(Config{}, c)
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if s := screenText(m); !strings.Contains(s, "Loading") {
		t.Fatalf("first frame before any batch:\n%s", s)
	}
	push(corpus.Batch{Articles: testArticles()[:1], FilesFound: 10, FilesRead: 3, ArticlesRead: 1})
	catchUp(m)
	s := screenText(m)
	if !strings.Contains(s, "3/10 files · 1 article") || !strings.Contains(s, "█") {
		t.Fatalf("progress while loading:\n%s", s)
	}
	// One large file: progress by its bytes, and the rate once told.
	push(corpus.Batch{Articles: testArticles()[1:2], FilesFound: 10, FilesRead: 3, ArticlesRead: 2, BytesFound: 40 << 20, BytesRead: 10 << 20})
	time.Sleep(350 * time.Millisecond) // the rate is told after the first moments
	catchUp(m)
	s = screenText(m)
	if !strings.Contains(s, "10/40 MB · 2 articles · ") || !strings.Contains(s, "/s · ") || !strings.Contains(s, " s left") {
		t.Fatalf("progress by bytes while loading:\n%s", s)
	}
	push(corpus.Batch{Articles: testArticles()[2:], FilesFound: 10, FilesRead: 10, ArticlesRead: 3, Done: true})
	c.Wait(context.Background())
	catchUp(m)
	if s := screenText(m); m.status.Loading || !strings.Contains(s, "3 articles") || strings.Contains(s, "Loading") {
		t.Fatalf("after the last batch:\n%s", s)
	}
}

// TestBackgroundWorkShown: while names are being found the status line
// says so with its progress, and says nothing once they all are.
func TestBackgroundWorkShown(t *testing.T) {
	c, push := streamed(t)
	m := New(Config{}, c)
	send(m, tea.WindowSizeMsg{Width: 100, Height: 24})
	push(corpus.Batch{Articles: testArticles(), FilesFound: 1, FilesRead: 1, ArticlesRead: 3})
	catchUp(m)
	if s := screenText(m); !strings.Contains(s, "Loading") {
		t.Fatalf("still loading:\n%s", s)
	}
	// Names are found while the load goes on; the job after the load
	// shows its count of articles.
	m.status.Loading = false
	m.status.Jobs = []collection.Job{{Name: collection.JobNames, Done: 1, Total: 3}}
	if s := screenText(m); !strings.Contains(s, "Finding names") || !strings.Contains(s, "1/3") {
		t.Fatalf("the names job is not shown:\n%s", s)
	}
	push(corpus.Batch{FilesFound: 1, FilesRead: 1, ArticlesRead: 3, Done: true})
	c.Wait(context.Background())
	catchUp(m)
	if s := screenText(m); strings.Contains(s, "Finding names") || strings.Contains(s, "Checking names") || !strings.Contains(s, "3 articles") {
		t.Fatalf("idle, the status line still shows work:\n%s", s)
	}
}

func TestDuplicatesShown(t *testing.T) {
	as := testArticles()
	c, push := streamed(t)
	m := New(Config{}, c)
	push(corpus.Batch{Articles: as})
	catchUp(m)
	send(m, tea.WindowSizeMsg{Width: 100, Height: 30}, keyEnter) // opened before the copy is reported
	push(corpus.Batch{Duplicates: []corpus.Duplicate{{ID: "a1", Where: "copies/a1.txt"}}, DuplicatesFound: 1, Done: true})
	catchUp(m)
	s := screenText(m)
	if !strings.Contains(s, "1 duplicate left out") || !strings.Contains(s, "copies/a1.txt") {
		t.Fatalf("the duplicate is not shown:\n%s", s)
	}
}

func TestNoColor(t *testing.T) {
	m := newLoaded(t, Config{NoColor: true}, 80, 24, testArticles(), nil)
	send(m, keyEnter)
	for _, c := range []string{"\x1b[38;", "\x1b[48;", ";38;", ";48;"} {
		if strings.Contains(m.View().Content, c) {
			t.Fatalf("NO_COLOR view contains colour sequence %q", c)
		}
	}
	m = newLoaded(t, Config{}, 80, 24, testArticles(), nil)
	if !strings.Contains(m.View().Content, "38;") {
		t.Fatal("colour view has no colour: the NO_COLOR check above proves nothing")
	}
}

func TestBackgroundRestyles(t *testing.T) {
	m := newLoaded(t, Config{}, 80, 24, testArticles(), nil)
	send(m, keyEnter)
	dark := m.View().Content
	send(m, tea.BackgroundColorMsg{Color: ansi.White})
	if m.dark {
		t.Fatal("white background taken as dark")
	}
	if light := m.View().Content; light == dark || ansi.Strip(light) != ansi.Strip(dark) {
		t.Fatal("a light background should change colours, not text")
	}
}

func TestUntrustedTextNeverRaw(t *testing.T) {
	evil := "\x1b[2J\x1b]0;pwned\x07title\u202Eevil"
	as := []*corpus.Article{{ID: "x", Title: evil, Source: evil, Paragraphs: []corpus.Paragraph{{Text: evil}}, Removed: []string{evil}}}
	m := newLoaded(t, Config{}, 80, 24, as, []corpus.Problem{{Path: evil, Reason: evil}})
	for _, keys := range [][]tea.Msg{nil, {keyEnter}, {keyEnter, text("R")}, {text("p")}} {
		send(m, keyEsc, keyEsc)
		send(m, keys...)
		v := m.View().Content
		if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\x1b]0;") || strings.Contains(v, "\u202E") || strings.Contains(v, "\x07") {
			t.Fatalf("article text reached the screen raw: %q", v)
		}
	}
}

func TestListKeepsPathOrderAndCursor(t *testing.T) {
	mk := func(p string) *corpus.Article { return &corpus.Article{ID: p, Path: p, Index: -1, Title: p} }
	c, push := streamed(t)
	m := New(Config{}, c)
	push(corpus.Batch{Articles: []*corpus.Article{mk("c.txt"), mk("e.txt")}})
	catchUp(m)
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24}, text("j")) // on e.txt
	push(corpus.Batch{Articles: []*corpus.Article{mk("f.txt"), mk("a.txt")}})
	catchUp(m)
	push(corpus.Batch{Articles: []*corpus.Article{mk("g.txt"), mk("b.txt")}, Done: true})
	catchUp(m)
	var got []string
	for _, a := range m.list.res.Articles {
		got = append(got, a.Path)
	}
	if strings.Join(got, " ") != "a.txt b.txt c.txt e.txt f.txt g.txt" {
		t.Fatalf("list order %v", got)
	}
	if a := m.list.selected(); a.Path != "e.txt" {
		t.Fatalf("the cursor moved to %s with the arrivals", a.Path)
	}

	// Until the user moves it, the cursor stays on the first row.
	c, push = streamed(t)
	m = New(Config{}, c)
	send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	push(corpus.Batch{Articles: []*corpus.Article{mk("c.txt")}})
	catchUp(m)
	push(corpus.Batch{Articles: []*corpus.Article{mk("a.txt")}, Done: true})
	catchUp(m)
	if a := m.list.selected(); a.Path != "a.txt" {
		t.Fatalf("untouched cursor on %s, want the first row", a.Path)
	}
}

func TestListCutsTitlesAtTheirLogicalEnd(t *testing.T) {
	title := "بداية العنوان الطويل جدا الذي لا يتسع له عرض القائمة في هذه الشاشة الضيقة نهاية"
	as := []*corpus.Article{{ID: "t", Title: title, Dir: corpus.RTL}}
	m := newLoaded(t, Config{}, 80, 24, as, nil)
	s := screenText(m)
	if !strings.Contains(s, shown("بداية العنوان")) || strings.Contains(s, shown("نهاية")) {
		t.Fatalf("an Arabic title must keep its beginning and lose its end:\n%s", s)
	}
	if !strings.Contains(s, "…") {
		t.Fatalf("the cut is not marked:\n%s", s)
	}
}

func TestTerminalHint(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		env  func(string) string
		want string
	}{
		{env(), ""},
		{env("TERM", "xterm-256color", "VTE_VERSION", "7600"), ""},
		{env("KONSOLE_VERSION", "230804"), "Konsole"},
		{env("TERM", "xterm-kitty"), "force_ltr"},
		{env("TERM_PROGRAM", "Apple_Terminal"), "--bidi=terminal"},
		{env("TMUX", "/tmp/tmux-0/default,1,0", "VTE_VERSION", "7600"), "allow-passthrough"},
		{env("TMUX", "/tmp/tmux-0/default,1,0"), ""},
	} {
		got := TerminalHint(tc.env)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("hint %q, want one with %q", got, tc.want)
		}
	}
	m := newLoaded(t, Config{Hint: TerminalHint(env("MLTERM", "3.9"))}, 100, 24, testArticles(), nil)
	if s := screenText(m); !strings.Contains(s, "mlterm reorders Arabic again") {
		t.Fatalf("hint not in the status bar:\n%s", s)
	}
	send(m, text("j"))
	if s := screenText(m); strings.Contains(s, "mlterm") || !strings.Contains(s, "3 articles") {
		t.Fatalf("the hint should give way to the status after a key:\n%s", s)
	}
}

func TestTerminalStillDoingBidi(t *testing.T) {
	m := newLoaded(t, Config{}, 100, 24, testArticles(), nil)
	send(m, tea.ModeReportMsg{Mode: ansi.ModeBiDirectionalSupport, Value: ansi.ModeReset})
	if m.cfg.Hint != "" {
		t.Fatalf("explicit mode confirmed, yet a hint: %q", m.cfg.Hint)
	}
	send(m, tea.ModeReportMsg{Mode: ansi.ModeBiDirectionalSupport, Value: ansi.ModeSet})
	if s := screenText(m); !strings.Contains(s, "--bidi=terminal") {
		t.Fatalf("implicit mode still on, no hint:\n%s", s)
	}
	m = newLoaded(t, Config{Logical: true}, 100, 24, testArticles(), nil)
	send(m, tea.ModeReportMsg{Mode: ansi.ModeBiDirectionalSupport, Value: ansi.ModeSet})
	if m.cfg.Hint != "" {
		t.Fatal("with --bidi=terminal the terminal is meant to do bidi")
	}
}

func TestNextArticleFromTheReader(t *testing.T) {
	m := newLoaded(t, Config{}, 100, 24, testArticles(), nil)
	send(m, keyEnter, text("J"))
	if m.reader.art.ID != "a2" || m.list.selected().ID != "a2" || m.focus != paneReader {
		t.Fatalf("J: reader on %s, list on %s", m.reader.art.ID, m.list.selected().ID)
	}
	send(m, text("J"), text("J")) // stops at the last
	if m.reader.art.ID != "a3" {
		t.Fatalf("J J: %s", m.reader.art.ID)
	}
	send(m, text("،")) // K on the Arabic layout
	if m.reader.art.ID != "a2" || m.reader.top != 0 {
		t.Fatalf("K: %s at line %d", m.reader.art.ID, m.reader.top)
	}
}

// TestHelpSaysWhatKeysDoHere: the help bar's labels follow the focus and
// the state; the ? screen explains the search line and the Entities panel.
func TestHelpSaysWhatKeysDoHere(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	bar := func() string { ls := strings.Split(screenText(m), "\n"); return ls[len(ls)-1] }
	press(m, keyEnter, keyTab) // the Entities panel of the first seed
	if b := bar(); !strings.Contains(b, "enter articles naming it") || !strings.Contains(b, "n next mention") {
		t.Fatalf("panel help bar: %q", b)
	}
	press(m, keyEnter) // the list, filtered by the name
	if b := bar(); !strings.Contains(b, "esc leave filter") || !strings.Contains(b, "enter open") || strings.Contains(b, "next m") {
		t.Fatalf("filtered list help bar: %q", b)
	}
	press(m, keyEsc, text("/"))
	typeText(m, "اسد")
	if b := bar(); !strings.Contains(b, "enter keep results") || !strings.Contains(b, "esc clear search") {
		t.Fatalf("search line help bar: %q", b)
	}
	press(m, keyEnter)
	if b := bar(); !strings.Contains(b, "esc clear search") {
		t.Fatalf("searched list help bar: %q", b)
	}
	press(m, keyEnter) // the reader, on the first match
	if b := bar(); !strings.Contains(b, "n next match") || !strings.Contains(b, "esc back") {
		t.Fatalf("reader help bar: %q", b)
	}
	press(m, text("?"), text("G"))
	s := screenText(m)
	for _, want := range []string{"While typing a search", "keep results", "In the Entities panel", "step through its mentions"} {
		if !strings.Contains(strings.Join(strings.Fields(s), " "), want) {
			t.Fatalf("the ? screen lacks %q:\n%s", want, s)
		}
	}
}
