package ui

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
)

// The history, as in a browser: every article opened, whatever the way
// (the list, J/K, a search hit, a name's articles, a related article), is
// a visit; back and forward return to the visits before and after the open
// one, each as the user left it: the reader's scroll position and the list
// as it was while the article was read, its filter, query and cursor.

// visit is one article of the history as the user left it.
type visit struct {
	art *collection.Article
	top readerPos // the reader's first line on screen
	// filter is the list's filter when the article was opened (its
	// query among its terms), and cursor the article under the list's
	// cursor then: the open one, when the list held it.
	filter collection.Filter
	cursor *collection.Article
}

// historyLimit bounds each of the history's stacks: far more than anyone
// walks back through, little memory.
const historyLimit = 1000

// history is the visits before and after the open article.
type history struct {
	back, forward []visit // the nearest last
	cur           visit   // the open article; art is nil before the first
}

// open makes v the open visit; the one it replaces, left at line top,
// goes on the back stack, and the forward stack is dropped.
func (h *history) open(v visit, top readerPos) {
	if h.cur.art != nil {
		h.cur.top = top
		h.back = pushBounded(h.back, h.cur)
	}
	h.forward = nil
	h.cur = v
}

// goBack returns the visit before the open one, which, left at line top,
// goes on the forward stack; ok is false when there is none.
func (h *history) goBack(top readerPos) (v visit, ok bool) {
	return h.step(&h.back, &h.forward, top)
}

// goForward returns the visit after the open one, which, left at line top,
// goes on the back stack; ok is false when there is none.
func (h *history) goForward(top readerPos) (v visit, ok bool) {
	return h.step(&h.forward, &h.back, top)
}

func (h *history) step(from, to *[]visit, top readerPos) (visit, bool) {
	if len(*from) == 0 {
		return visit{}, false
	}
	h.cur.top = top
	*to = pushBounded(*to, h.cur)
	h.cur = (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	return h.cur, true
}

func (h *history) canBack() bool    { return len(h.back) > 0 }
func (h *history) canForward() bool { return len(h.forward) > 0 }

// pushBounded appends v to a stack, dropping its oldest visit past
// historyLimit.
func pushBounded(s []visit, v visit) []visit {
	if len(s) >= historyLimit {
		s = slices.Delete(s, 0, len(s)-historyLimit+1)
	}
	return append(s, v)
}

// sameFilter reports whether two filters keep the same articles in the
// same order.
func sameFilter(a, b collection.Filter) bool {
	return a.Order == b.Order && slices.Equal(a.Terms, b.Terms)
}

// point puts the list's cursor on a, for a pane h lines high, and reports
// whether the list holds a.
func (l *listPane) point(a *collection.Article, h int) bool {
	if a == nil {
		return false
	}
	if l.selected() == a {
		return true
	}
	i := slices.Index(l.res.Articles, a)
	if i < 0 {
		return false
	}
	l.moveTo(i, h)
	return true
}

// visit records that a is opened: the open article goes on the history as
// the user leaves it, and the list's cursor shows a if the list holds it.
func (m *Model) visit(a *collection.Article) {
	if a == m.reader.art {
		return
	}
	m.restoring = nil
	m.list.point(a, m.size(paneList).H)
	m.hist.open(visit{art: a, filter: m.list.filter(), cursor: m.list.selected()}, m.reader.top)
}

// back returns to the article before the open one.
func (m *Model) back() tea.Cmd {
	v, ok := m.hist.goBack(m.reader.top)
	if !ok {
		return nil
	}
	return m.restore(v)
}

// forward returns to the article back left.
func (m *Model) forward() tea.Cmd {
	v, ok := m.hist.goForward(m.reader.top)
	if !ok {
		return nil
	}
	return m.restore(v)
}

// restore shows visit v as it was left: its article at its line in the
// reader, the list with its filter and cursor. A filter other than the
// list's is asked again, and the cursor placed when its result comes.
func (m *Model) restore(v visit) tea.Cmd {
	m.reader.open(v.art, m.coll.Copies(v.art))
	m.focus = paneReader
	r := m.size(paneReader)
	m.reader.scrollTo(v.top, r.W, r.H)
	m.restoring = &v
	var cmd tea.Cmd
	if !sameFilter(v.filter, m.list.filter()) {
		cmd = m.setFilter(v.filter)
	}
	m.placeCursor()
	return tea.Batch(cmd, m.showEntities(v.art), m.showRelated(v.art))
}

// placeCursor keeps the list's cursor on the open article once the list
// shows a new result. Restoring a visit, the cursor goes back on the
// article it was on, and a search's matches are highlighted in the reader
// again, the scroll position kept. Otherwise a new list that holds the
// open article shows it under the cursor, unless it is a search's ranking,
// whose best result comes first, or the user has moved the cursor since.
func (m *Model) placeCursor() {
	v := m.restoring
	if v == nil {
		res := m.list.res.Filter
		if m.reader.art != nil && !m.list.moved && !res.Has(collection.ByQuery) && sameFilter(res, m.list.want) {
			m.list.point(m.reader.art, m.size(paneList).H)
		}
		return
	}
	if !sameFilter(m.list.res.Filter, v.filter) {
		return
	}
	if m.reader.art == v.art && !m.reader.has(layerSearch) {
		if h := m.list.hit(v.art); h != nil {
			q, _ := v.filter.Term(collection.ByQuery)
			m.reader.setSearch(q.Value, h.Matches)
		}
	}
	found := m.list.point(v.cursor, m.size(paneList).H)
	if found || !m.list.partial {
		m.restoring = nil
	}
}
