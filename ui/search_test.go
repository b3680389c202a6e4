package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/bidi"
	"sahifa/corpus"
)

// press sends keys and runs the commands they return until none is left,
// as the program would (the load channel is already drained).
func press(m *Model, msgs ...tea.Msg) {
	for _, msg := range msgs {
		_, cmd := m.Update(msg)
		runCmd(m, cmd)
	}
}

func runCmd(m *Model, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(m, c)
		}
	case nil, tea.QuitMsg:
	default:
		_, next := m.Update(msg)
		runCmd(m, next)
	}
}

func typeText(m *Model, s string) {
	for _, r := range s {
		press(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// indexed returns a loaded model whose search index holds the articles.
func indexed(t *testing.T, w, h int, as []*corpus.Article) *Model {
	t.Helper()
	return newLoaded(t, Config{}, w, h, as, nil)
}

func TestListSearch(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, text("/"))
	if !(m.prompt != nil) {
		t.Fatal("/ did not open the search line")
	}
	typeText(m, "الميزانيه") // ta marbuta folded: matches الميزانية
	if m.list.len() != 1 || m.list.selected().ID != "a1" {
		t.Fatalf("search shows %d articles", m.list.len())
	}
	s := screenText(m)
	if !strings.Contains(s, "1 found") {
		t.Fatalf("no result count:\n%s", s)
	}
	// q is text while typing, not quit.
	_, cmd := m.Update(text("q"))
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while typing a query")
		}
	}
	press(m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	press(m, keyEnter)
	if (m.prompt != nil) || m.list.len() != 1 {
		t.Fatalf("enter should keep the results: prompt %v, %d shown", (m.prompt != nil), m.list.len())
	}
	press(m, keyEnter)
	if m.reader.art.ID != "a1" || m.reader.counter() == "" || m.reader.counter() == "0/0" {
		t.Fatalf("enter on a result opens it at the first match: %v %q", m.reader.art.ID, m.reader.counter())
	}
	press(m, keyEsc, keyEsc) // clear the article search, back to the list
	press(m, keyEsc)         // clear the list search
	if m.list.len() != 3 || !m.list.filter().IsZero() {
		t.Fatalf("esc should clear the search: %d shown, filter %v", m.list.len(), m.list.filter())
	}
}

func TestListSearchEscWhileTyping(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, text("/"))
	typeText(m, "English")
	if m.list.len() != 1 {
		t.Fatalf("English: %d shown", m.list.len())
	}
	press(m, keyEsc)
	if (m.prompt != nil) || m.list.len() != 3 {
		t.Fatalf("esc while typing: prompt %v, %d shown", (m.prompt != nil), m.list.len())
	}
	press(m, text("/"))
	typeText(m, "لاشيءيطابقهذا")
	if s := screenText(m); m.list.len() != 0 || !strings.Contains(s, "Nothing found") {
		t.Fatalf("no result:\n%s", s)
	}
}

func TestStaleSearchResultsDropped(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, text("/"))
	_, old := m.Update(text("E")) // "E": an answer that arrives late
	typeText(m, "nglish")
	want := m.list.len()
	runCmd(m, old)
	if m.list.len() != want {
		t.Fatalf("a stale answer replaced the results: %d, want %d", m.list.len(), want)
	}
}

func TestReaderSearchCounterAndScroll(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, text("j"), keyEnter, text("/"))
	typeText(m, "الفقرة")
	press(m, keyEnter)
	if got := m.reader.counter(); got != "1/199" {
		t.Fatalf("counter %q, want 1/199", got)
	}
	if s := screenText(m); !strings.Contains(s, "1/199") {
		t.Fatalf("counter not on screen:\n%s", s)
	}
	press(m, text("N"))
	if got := m.reader.counter(); got != "199/199" {
		t.Fatalf("N from the first match wraps to the last: %q", got)
	}
	if s := screenText(m); !strings.Contains(s, shown("الفقرة رقم 199 من")) {
		t.Fatalf("the last match is not on screen:\n%s", s)
	}
	press(m, text("n"))
	if got := m.reader.counter(); got != "1/199" || m.readerLine() != 0 {
		t.Fatalf("n wraps to the first: %q, top %d", got, m.readerLine())
	}
	press(m, text("n"), text("n"))
	if got := m.reader.counter(); got != "3/199" {
		t.Fatalf("n n: %q", got)
	}
	press(m, keyEsc)
	if m.reader.query() != "" || m.focus != paneReader {
		t.Fatalf("esc clears the article search first: %q, focus %v", m.reader.query(), m.focus)
	}
}

func TestSearchHighlights(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, keyEnter, text("/"))
	typeText(m, "وزير")
	press(m, keyEnter)
	v := m.View().Content
	cur := m.st.tag(tagCurrent).Render("X")
	prefix := cur[:strings.Index(cur, "X")]
	if prefix == "" || !strings.Contains(v, prefix) {
		t.Fatalf("the current match is not highlighted (%q):\n%q", prefix, v)
	}
}

func TestArrowsMoveThroughResultsWhileTyping(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, text("/"))
	typeText(m, "عن")
	if m.list.len() < 2 {
		t.Fatalf("%d results", m.list.len())
	}
	press(m, tea.KeyPressMsg{Code: tea.KeyDown})
	if m.list.cursor != 1 || m.prompt.input.Value() != "عن" {
		t.Fatalf("down while typing: cursor %d, query %q", m.list.cursor, m.prompt.input.Value())
	}
	press(m, tea.KeyPressMsg{Code: tea.KeyUp}, text("j"))
	if m.list.cursor != 0 || m.prompt.input.Value() != "عنj" {
		t.Fatalf("up, then j typed: cursor %d, query %q", m.list.cursor, m.prompt.input.Value())
	}
}

// TestSearchFirstResultsThenTheRest: a keystroke's search asks for a
// screenful and more first, which draws the next frame quickly; the rest
// follows in a second command, keeping the cursor, unless the user has
// typed on.
func TestSearchFirstResultsThenTheRest(t *testing.T) {
	var as []*corpus.Article
	for i := range firstResults + 50 {
		as = append(as, &corpus.Article{ID: fmt.Sprint(i), Title: fmt.Sprintf("أسعار النفط اليوم %d", i), Dir: corpus.RTL,
			Paragraphs: []corpus.Paragraph{{Text: "ارتفعت أسعار النفط في الأسواق."}}})
	}
	m := indexed(t, 120, 40, as)
	press(m, text("/"))
	typeText(m, "النف")
	// One more letter, the program's way: the first results, a frame,
	// then the rest.
	_, cmd := m.Update(text("ط"))
	_, rest := m.Update(cmd())
	if m.list.len() != firstResults || !strings.Contains(screenText(m), fmt.Sprintf("1/%d of %d found", firstResults, len(as))) {
		t.Fatalf("first results: %d shown\n%s", m.list.len(), screenText(m))
	}
	if rest == nil {
		t.Fatal("no command for the rest of the results")
	}
	press(m, tea.KeyPressMsg{Code: tea.KeyDown}, tea.KeyPressMsg{Code: tea.KeyDown})
	sel := m.list.selected()
	runCmd(m, rest)
	if m.list.len() != len(as) || m.list.selected() != sel {
		t.Fatalf("the rest: %d shown, cursor on %v, want %d and %v", m.list.len(), m.list.selected().ID, len(as), sel.ID)
	}
	if s := screenText(m); !strings.Contains(s, fmt.Sprintf("%d found", len(as))) {
		t.Fatalf("count after the rest:\n%s", s)
	}
	// Typed on before the rest was asked for: it is not searched.
	_, cmd = m.Update(keySpace)
	_, rest = m.Update(cmd())
	m.Update(text("ا"))
	if rest == nil || rest() != nil {
		t.Fatal("the rest of a query typed over was still searched")
	}
}

// TestLongQueryKeepsItsEnd: a query longer than the search line loses its
// beginning, not the words being typed and the cursor after them.
func TestLongQueryKeepsItsEnd(t *testing.T) {
	m := indexed(t, 80, 24, testArticles())
	press(m, text("/"))
	typeText(m, "القوات الروسية في سوريا وزير المالية")
	top := strings.Split(screenText(m), "\n")[0]
	if !strings.Contains(top, "▏") || !strings.Contains(top, shown("المالية")) || !strings.Contains(top, "…") {
		t.Fatalf("the search line does not show the end being typed with the cursor: %q", top)
	}
	if strings.Contains(top, shown("القوات")) {
		t.Fatalf("the query's beginning should have made room: %q", top)
	}
	checkFits(t, "long query", m, 80, 24)
	// The cursor moved back to the start: the beginning shows again.
	press(m, tea.KeyPressMsg{Code: tea.KeyHome})
	if top := strings.Split(screenText(m), "\n")[0]; !strings.Contains(top, shown("القوات")) {
		t.Fatalf("cursor at the start, the beginning is not shown: %q", top)
	}
}

// TestArrowsMoveTheCursorWhereTheyPoint: in an Arabic query ← moves the
// cursor left on screen, towards the query's logical end.
func TestArrowsMoveTheCursorWhereTheyPoint(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, text("/"))
	typeText(m, "وزير")
	left, right := tea.KeyPressMsg{Code: tea.KeyLeft}, tea.KeyPressMsg{Code: tea.KeyRight}
	press(m, right, right)
	if got := m.prompt.input.Position(); got != 2 {
		t.Fatalf("→ twice from the end of وزير: cursor at %d, want 2", got)
	}
	top := strings.Split(screenText(m), "\n")[0]
	if !strings.Contains(top, shown("وز▏ير")) {
		t.Fatalf("the bar is not between ير and وز on screen: %q", top)
	}
	press(m, left)
	if got := m.prompt.input.Position(); got != 3 {
		t.Fatalf("← from there: cursor at %d, want 3", got)
	}
	press(m, keyEsc, text("/"))
	typeText(m, "budget")
	press(m, tea.KeyPressMsg{Code: tea.KeyLeft})
	if got := m.prompt.input.Position(); got != 5 {
		t.Fatalf("← in a Latin query: cursor at %d, want 5", got)
	}
}

// TestPasteIntoSearch: a paste goes into the query in one piece, its line
// breaks as spaces, and searches.
func TestPasteIntoSearch(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	press(m, text("/"), tea.PasteMsg{Content: "وزير\nالمالية"})
	if q := m.prompt.input.Value(); q != "وزير المالية" {
		t.Fatalf("pasted query %q", q)
	}
	if m.list.len() != 1 || m.list.selected().ID != "a1" {
		t.Fatalf("the pasted query found %d articles", m.list.len())
	}
	// Without a search line open, a paste is ignored.
	press(m, keyEsc, tea.PasteMsg{Content: "x"})
	if (m.prompt != nil) || !m.list.filter().IsZero() {
		t.Fatal("a paste outside the search line changed the search")
	}
}

// TestDroppedWordsOnScreen: a query word search leaves out (لـ) is named on
// the search line, in the list and in the reader, where it would otherwise
// find nothing and not say why.
func TestDroppedWordsOnScreen(t *testing.T) {
	m := indexed(t, 100, 24, testArticles())
	note := "left out: " + bidi.Paragraph("لـ", bidi.Options{})[0].Text
	press(m, text("/"))
	typeText(m, "لـ الميزانيه")
	if s := screenText(m); !strings.Contains(s, note) || m.list.len() != 1 {
		t.Fatalf("the list's search line does not name the word left out (%d found):\n%s", m.list.len(), s)
	}
	press(m, keyEnter, keyEnter, text("/"))
	typeText(m, "ـ")
	if s := screenText(m); !strings.Contains(s, "left out: "+bidi.Paragraph("ـ", bidi.Options{})[0].Text) {
		t.Fatalf("the reader's search line does not name the word left out:\n%s", s)
	}
	press(m, keyEsc, text("/"))
	typeText(m, "الميزانيه")
	if s := ansi.Strip(m.readerSearchLine(m.size(paneReader).W)); strings.Contains(s, "left out") {
		t.Fatalf("a note with no word left out: %q", s)
	}
}
