package ui

import (
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/collection"
)

// Searching, in the list (the collection, through the list's filter) and
// in the reader (the open article). Queries run in tea.Cmds.

// prompt is the search line being typed, in the list or the reader.
type prompt struct {
	on    pane // which pane it searches
	input textinput.Model
}

// promptOpen reports whether a search line takes the keys.
func (m *Model) openPrompt(p pane, value string) tea.Cmd {
	in := textinput.New()
	in.Prompt = ""
	in.SetValue(value)
	in.CursorEnd()
	// The line is drawn by searchLine, cursor included, so the input's
	// blink command is not wanted.
	in.Focus()
	m.prompt = &prompt{on: p, input: in}
	return nil
}

// promptKey edits the search line; enter keeps the results, esc drops them.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.prompt
	k := &m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.prompt = nil
		if p.on == paneReader {
			m.reader.setSearch("", nil)
			return nil
		}
		return m.setFilter(m.list.filter().Without(collection.ByQuery))
	case key.Matches(msg, k.Accept):
		m.prompt = nil
		return nil
	case key.Matches(msg, k.ResultDown):
		m.list.move(1, m.size(paneList).H)
		return nil
	case key.Matches(msg, k.ResultUp):
		m.list.move(-1, m.size(paneList).H)
		return nil
	}
	if first(layoutParagraph(p.input.Value(), textOptions{}, m.cfg)).RTL {
		// The arrows move the cursor the way they point on screen: in
		// a right-to-left query, left is towards the logical end.
		switch msg.Code {
		case tea.KeyLeft:
			msg.Code = tea.KeyRight
		case tea.KeyRight:
			msg.Code = tea.KeyLeft
		}
	}
	return m.editPrompt(msg)
}

// editPrompt hands a key or a paste to the input and searches again when the
// query changed.
func (m *Model) editPrompt(msg tea.Msg) tea.Cmd {
	p := m.prompt
	before := p.input.Value()
	p.input, _ = p.input.Update(msg)
	if q := p.input.Value(); q != before {
		return m.runSearch(p.on, q)
	}
	return nil
}

// articleSearchMsg answers a search in the open article.
type articleSearchMsg struct {
	art     *collection.Article
	query   string
	matches []collection.Span
}

func (m *Model) runSearch(on pane, q string) tea.Cmd {
	if on == paneReader {
		a := m.reader.art
		if a == nil {
			return nil
		}
		if strings.TrimSpace(q) == "" {
			m.reader.setSearch("", nil)
			return nil
		}
		// The layer is on at once, so that a late answer to an older
		// query is told apart and dropped.
		m.reader.setSearch(q, nil)
		c := m.coll
		return func() tea.Msg { return articleSearchMsg{a, q, c.Find(a, q)} }
	}
	f := m.list.filter().Without(collection.ByQuery)
	if strings.TrimSpace(q) != "" {
		f = m.list.filter().With(collection.Term{Field: collection.ByQuery, Value: q})
	}
	return m.setFilter(f)
}

// hitSpans turns a hit's matches in paragraph para into highlight spans.
func hitSpans(ms []collection.Span, para int) []span {
	var out []span
	for _, m := range ms {
		if m.Para == para {
			out = append(out, span{Start: m.Start, End: m.End, Style: tagHit})
		}
	}
	return out
}

// searchLine draws a search line in w cells: the query laid out like any
// Arabic text, a bar where the cursor is while it is typed (cursor < 0:
// not typing), and what it found. A query too long for the line loses its
// logical beginning, not the end being typed, so the cursor stays in view.
func (m *Model) searchLine(w int, query string, cursor int, found string) string {
	rs := []rune(query)
	if cursor >= 0 {
		cursor = min(cursor, len(rs))
		rs = slices.Concat(rs[:cursor], []rune("▏"), rs[cursor:])
	}
	label := "/ "
	foundS := m.draw(found, m.st.status)
	room := max(w-len(label)-ansi.StringWidth(foundS)-2, 1)
	fits := func(s int) bool {
		t := string(rs[s:])
		if s > 0 {
			t = "…" + t
		}
		return first(layoutParagraph(t, textOptions{}, m.cfg)).Width <= room
	}
	start := 0
	if cursor > 0 && !fits(0) {
		// The fewest runes to drop from the start for the rest, up to
		// the cursor, to fit.
		start = 1 + sort.Search(cursor-1, func(i int) bool { return fits(i + 1) })
	}
	text := string(rs[start:])
	if start > 0 {
		text = "…" + text
	}
	l := first(layoutParagraph(text, textOptions{Width: room, MaxLines: 1}, m.cfg))
	l.RTL = false // the query starts after the label, whatever its direction
	return m.align(m.inOrder(m.st.paneTitleFocused.Render(label), drawLine(l, room, m.st.paneTitleFocused, &m.st), "  ", foundS), w)
}

// listSearchLine is the list's title line while it shows search results.
func (m *Model) listSearchLine(w int) string {
	found := m.list.found()
	if m.prompt != nil && m.prompt.on == paneList {
		return m.searchLine(w, m.prompt.input.Value(), m.prompt.input.Position(), found)
	}
	q, ok := m.list.filter().Term(collection.ByQuery)
	if !ok {
		return ""
	}
	return m.searchLine(w, q.Value, -1, found+m.escHint(q.Value, w-len("/ ")-textWidthOf(found)-2))
}

// escHint is " · esc clears" after a search's or a filter's count when s,
// laid out, leaves room for it in w cells; otherwise "": the query or the
// name matters more, and the help bar says what esc does.
func (e *env) escHint(s string, w int) string {
	hint := " · " + e.tr.Text("esc clears")
	if first(layoutParagraph(s, textOptions{}, e.cfg)).Width+textWidthOf(hint) > w {
		return ""
	}
	return hint
}

// readerSearchLine is the reader's title line while its search is typed.
func (m *Model) readerSearchLine(w int) string {
	if m.prompt == nil || m.prompt.on != paneReader {
		return ""
	}
	return m.searchLine(w, m.prompt.input.Value(), m.prompt.input.Position(), m.reader.counter())
}
