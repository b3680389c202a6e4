package ui

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/search"
)

// Searching, in the list (the collection) and in the reader (the open
// article). Queries run in tea.Cmds; each carries a sequence number so that
// a slow answer to an old query never overwrites a newer one.

// searchLimit caps the results shown in the list: more than anyone scrolls
// through, few enough to lay out at once.
const searchLimit = 1000

// firstResults is how many results a keystroke's search asks for first:
// more than a screen shows, and cheap enough that the frame after each
// keystroke is drawn well within 16 ms on SaudiNewsNet (asking for all
// 1,000 of a common word took up to 35 ms there). The rest follows in a
// second command, unless the user has typed on.
const firstResults = 100

// prompt is the search line being typed, in the list or the reader.
type prompt struct {
	on    pane // which pane it searches
	input textinput.Model
}

// promptOpen reports whether a search line takes the keys.
func (m *Model) promptOpen() bool { return m.prompt != nil }

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
		if p.on == paneList {
			m.clearListSearch()
		} else {
			m.reader.setSearch("", nil)
		}
		return nil
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

// listSearchMsg answers a collection search; partial says it holds only
// the first results and the rest is still to be asked for.
type listSearchMsg struct {
	seq     int
	query   string
	hits    []search.Hit
	partial bool
}

// articleSearchMsg answers a search in the open article.
type articleSearchMsg struct {
	seq     int
	art     *corpus.Article
	query   string
	matches []search.Match
}

// indexedMsg says a batch of articles is now searchable.
type indexedMsg struct{}

// newSearch numbers a new search; commands still under way for an older
// one see it through latestSearch and give up.
func (m *Model) newSearch() int {
	m.searchSeq++
	m.latestSearch.Store(int64(m.searchSeq))
	return m.searchSeq
}

func (m *Model) runSearch(on pane, q string) tea.Cmd {
	seq := m.newSearch()
	if on == paneReader {
		a := m.reader.art
		if a == nil {
			return nil
		}
		if strings.TrimSpace(q) == "" {
			m.reader.setSearch("", nil)
			return nil
		}
		return func() tea.Msg {
			return articleSearchMsg{seq, a, q, search.FindInArticle(a, q)}
		}
	}
	m.listQuery = q
	m.entityFilter = ""
	if strings.TrimSpace(q) == "" {
		m.list.setHits(nil)
		return nil
	}
	ix := m.index
	return func() tea.Msg {
		hits := ix.Search(q, firstResults)
		return listSearchMsg{seq, q, hits, len(hits) == firstResults}
	}
}

// searchRest asks for all the results of the query whose first ones are
// shown, unless another search has started by the time it runs.
func (m *Model) searchRest(seq int, q string) tea.Cmd {
	ix, latest := m.index, &m.latestSearch
	return func() tea.Msg {
		if latest.Load() != int64(seq) {
			return nil
		}
		return listSearchMsg{seq: seq, query: q, hits: ix.Search(q, searchLimit)}
	}
}

// indexCmd adds a batch to the search index away from Update.
func (m *Model) indexCmd(as []*corpus.Article) tea.Cmd {
	if len(as) == 0 {
		return nil
	}
	ix := m.index
	return func() tea.Msg {
		ix.Add(as...)
		return indexedMsg{}
	}
}

func (m *Model) searchResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case listSearchMsg:
		if msg.seq == m.searchSeq || msg.query == m.listQuery {
			m.showHits(msg)
			if msg.partial && msg.seq == m.searchSeq {
				return m.searchRest(msg.seq, msg.query)
			}
		}
	case articleSearchMsg:
		if msg.seq == m.searchSeq && msg.art == m.reader.art {
			m.reader.setSearch(msg.query, msg.matches)
			m.reader.showMatch(m.size(paneReader), &m.st, m.cfg)
		}
	case indexedMsg:
		// Results found before the batch was indexed may now be
		// incomplete: search again, once per batch.
		if m.listQuery != "" {
			q := m.listQuery
			ix := m.index
			seq := m.searchSeq
			return func() tea.Msg { return listSearchMsg{seq: seq, query: q, hits: ix.Search(q, searchLimit)} }
		}
	}
	return nil
}

// showHits puts a search's results in the list. More results for the
// query already shown (the rest after the first ones, or the same search
// again after a batch was indexed) keep the cursor on its article.
func (m *Model) showHits(msg listSearchMsg) {
	sel := m.list.selected()
	same := m.list.hits != nil && msg.query == m.hitsQuery
	m.list.setHits(msg.hits)
	m.hitsQuery, m.hitsPartial = msg.query, msg.partial
	if same && sel != nil && m.list.hits[sel] != nil {
		for i := range m.list.len() {
			if m.list.at(i) == sel {
				m.list.cursor = i
				m.list.scrollIntoView(m.size(paneList).H)
				break
			}
		}
	}
}

func (m *Model) clearListSearch() {
	m.listQuery = ""
	m.entityFilter = ""
	m.newSearch()
	m.list.setHits(nil)
}

// setHits shows search results in rank order, or every article again when
// hits is nil.
func (l *listPane) setHits(hits []search.Hit) {
	l.rows = nil
	if hits == nil {
		l.hits, l.found = nil, nil
		l.filter(nil)
		return
	}
	l.hits = make(map[*corpus.Article]*search.Hit, len(hits))
	l.found = make([]*corpus.Article, 0, len(hits))
	for i := range hits {
		l.hits[hits[i].Article] = &hits[i]
		l.found = append(l.found, hits[i].Article)
	}
	l.filter(l.shownOf(l.found))
}

// setSearch sets the open article's query and its matches, the first one
// current.
func (r *readerPane) setSearch(q string, ms []search.Match) {
	r.query, r.matches, r.cur = q, ms, 0
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (r *readerPane) step(d int, at rect, st *styles, cfg Config) {
	if len(r.matches) == 0 {
		return
	}
	r.cur = (r.cur + d + len(r.matches)) % len(r.matches)
	r.showMatch(at, st, cfg)
}

// showMatch scrolls so that the current match is on screen, a third of the
// way down.
func (r *readerPane) showMatch(at rect, st *styles, cfg Config) {
	if len(r.matches) == 0 || r.art == nil {
		return
	}
	r.showLine(r.layout(at.W, st, cfg).matchLine, r.cur, at, st, cfg)
}

// counter is "3/17" for the reader's title line, "0/0" when nothing matched;
// with no query, where n/N is among the selected entity's mentions.
func (r *readerPane) counter() string {
	if r.query == "" {
		if r.entity != nil && len(r.entity.Mentions) > 0 {
			return strconv.Itoa(r.mention+1) + "/" + strconv.Itoa(len(r.entity.Mentions))
		}
		return ""
	}
	if len(r.matches) == 0 {
		return "0/0"
	}
	return strconv.Itoa(r.cur+1) + "/" + strconv.Itoa(len(r.matches))
}

// spansFor returns the highlight spans of the matches at indexes (those of
// one paragraph), the current one in its own style.
func (r *readerPane) spansFor(indexes []int) []span {
	var out []span
	for _, i := range indexes {
		m := r.matches[i]
		tag := tagHit
		if i == r.cur {
			tag = tagCurrent
		}
		out = append(out, span{Start: m.Start, End: m.End, Style: tag})
	}
	return out
}

// hitSpans turns a hit's matches in paragraph para into highlight spans.
func hitSpans(ms []search.Match, para int) []span {
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
	room := max(w-len(label)-len([]rune(found))-2, 1)
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
	return m.st.paneTitleFocused.Render(label) + drawLine(l, room, m.st.paneTitleFocused, &m.st) +
		"  " + m.st.status.Render(found)
}

// listSearchLine is the list's title line while it shows search results.
func (m *Model) listSearchLine(w int) string {
	found := strconv.Itoa(m.list.len()) + " found"
	switch {
	case m.hitsPartial:
		found = strconv.Itoa(m.list.len()) + "+ found"
	case m.list.len() >= searchLimit:
		found = "the first " + strconv.Itoa(searchLimit) + " found"
	}
	if m.prompt != nil && m.prompt.on == paneList {
		return m.searchLine(w, m.prompt.input.Value(), m.prompt.input.Position(), found)
	}
	if m.listQuery == "" {
		return ""
	}
	return m.searchLine(w, m.listQuery, -1, found+escHint(m.listQuery, w-len("/ ")-len([]rune(found))-2, m.cfg))
}

// escHint is " · esc clears" after a search's or a filter's count when s,
// laid out, leaves room for it in w cells; otherwise "": the query or the
// name matters more, and the help bar says what esc does.
func escHint(s string, w int, cfg Config) string {
	const hint = " · esc clears"
	if first(layoutParagraph(s, textOptions{}, cfg)).Width+len([]rune(hint)) > w {
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
