package ui

import (
	"cmp"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"sahifa/corpus"
	"sahifa/corpus/search"
)

// listRowHeight is the number of screen lines per article: the title, then
// source and date.
const listRowHeight = 2

// listPane is the article list: a virtual list that draws only the rows on
// screen, so it costs the same with five articles or a hundred thousand.
type listPane struct {
	all    []*corpus.Article
	shown  []int // indexes into all, in order; nil means all of them
	cursor int   // index into the shown rows
	top    int   // first shown row on screen
	// moved is set once the user moves the cursor: from then on it stays
	// on its article as others arrive; until then it stays on the first
	// row.
	moved bool

	pos  map[*corpus.Article]int // index of each article in all
	byID map[string]*corpus.Article
	hits map[*corpus.Article]*search.Hit // search results shown, nil when not searching
	// found holds the search results in rank order; shown is derived
	// from it and pos whenever all changes.
	found []*corpus.Article

	rows     map[*corpus.Article]listRow // laid-out rows for rowWidth
	rowWidth int
}

// listRow is an article's row laid out at one width, before styling.
type listRow struct{ title, info line }

func (l *listPane) len() int {
	if l.shown != nil {
		return len(l.shown)
	}
	return len(l.all)
}

// at returns the i-th shown article.
func (l *listPane) at(i int) *corpus.Article {
	if i < 0 || i >= l.len() {
		return nil
	}
	if l.shown != nil {
		return l.all[l.shown[i]]
	}
	return l.all[i]
}

// selected returns the article under the cursor, nil when the list is empty.
func (l *listPane) selected() *corpus.Article { return l.at(l.cursor) }

// add merges a batch into the list, which stays in the order of
// corpus.Collect (path, then place in the file) however the files arrive;
// the cursor stays on the article it was on.
func (l *listPane) add(as []*corpus.Article) {
	if len(as) == 0 {
		return
	}
	sel := l.selected()
	batch := slices.Clone(as)
	slices.SortFunc(batch, byPlace)
	if l.pos == nil {
		l.pos = make(map[*corpus.Article]int)
		l.byID = make(map[string]*corpus.Article)
	}
	for _, a := range batch {
		l.byID[a.ID] = a
	}
	if len(l.all) == 0 || byPlace(l.all[len(l.all)-1], batch[0]) <= 0 {
		// The usual case, files read in order: the batch goes at the
		// end and nothing moves.
		for _, a := range batch {
			l.pos[a] = len(l.all)
			l.all = append(l.all, a)
		}
		if l.found != nil {
			l.shown = l.shownOf(l.found)
		}
		return
	}
	merged := make([]*corpus.Article, 0, len(l.all)+len(batch))
	i, j := 0, 0
	for i < len(l.all) && j < len(batch) {
		if byPlace(batch[j], l.all[i]) < 0 {
			merged = append(merged, batch[j])
			j++
		} else {
			merged = append(merged, l.all[i])
			i++
		}
	}
	merged = append(append(merged, l.all[i:]...), batch[j:]...)
	l.all = merged
	l.pos = make(map[*corpus.Article]int, len(l.all))
	for i, a := range l.all {
		l.pos[a] = i
	}
	if l.found != nil {
		l.shown = l.shownOf(l.found)
	}
	if sel != nil && l.moved {
		for i := 0; i < l.len(); i++ {
			if l.at(i) == sel {
				l.cursor = i
				break
			}
		}
	}
}

// setFound shows only the articles as, in that order, or every article
// again when as is nil; the cursor goes to the top.
func (l *listPane) setFound(as []*corpus.Article) {
	l.found, l.hits, l.rows = as, nil, nil
	if as == nil {
		l.filter(nil)
		return
	}
	l.filter(l.shownOf(as))
}

// byPlace orders articles as corpus.Collect does.
func byPlace(x, y *corpus.Article) int {
	return cmp.Or(strings.Compare(x.Path, y.Path), cmp.Compare(x.Index, y.Index), strings.Compare(x.ID, y.ID))
}

// shownOf maps articles to their indexes in all, dropping unknown ones.
func (l *listPane) shownOf(as []*corpus.Article) []int {
	idx := make([]int, 0, len(as))
	for _, a := range as {
		if p, ok := l.pos[a]; ok {
			idx = append(idx, p)
		}
	}
	return idx
}

// filter shows only the articles at indexes (into all), or all when nil; the
// cursor goes back to the top.
func (l *listPane) filter(indexes []int) {
	l.shown = indexes
	l.cursor, l.top = 0, 0
}

// move moves the cursor by n rows, keeping it on screen for a pane of h
// lines.
func (l *listPane) move(n, h int) {
	l.moveTo(l.cursor+n, h)
}

func (l *listPane) moveTo(i, h int) {
	l.moved = true
	l.cursor = clamp(i, 0, max(l.len()-1, 0))
	l.scrollIntoView(h)
}

func (l *listPane) visibleRows(h int) int {
	return max((h-1)/listRowHeight, 1) // one line for the pane title
}

func (l *listPane) scrollIntoView(h int) {
	n := l.visibleRows(h)
	if l.cursor < l.top {
		l.top = l.cursor
	}
	if l.cursor >= l.top+n {
		l.top = l.cursor - n + 1
	}
	l.top = clamp(l.top, 0, max(l.len()-n, 0))
}

// rowAt returns the shown row drawn at line y of the pane (0 is the title),
// for mouse clicks.
func (l *listPane) rowAt(y int) (int, bool) {
	if y < 1 {
		return 0, false
	}
	i := l.top + (y-1)/listRowHeight
	return i, i < l.len()
}

// row lays out an article's row for width w, once per article and width.
func (l *listPane) row(a *corpus.Article, w int, cfg Config) listRow {
	if w != l.rowWidth || l.rows == nil {
		l.rows = make(map[*corpus.Article]listRow)
		l.rowWidth = w
	}
	if r, ok := l.rows[a]; ok {
		return r
	}
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	// MaxLines cuts in logical order before reordering, so an Arabic
	// headline loses its end and not its beginning.
	one := textOptions{Width: w, MaxLines: 1}
	var r listRow
	if h := l.hits[a]; h != nil {
		// A search result shows its matches in the title and, under
		// it, a snippet of the text around the first one.
		snip, hl := h.Snippet(w)
		r.title = first(layoutParagraph(title, one, cfg, hitSpans(h.Matches, -1)...))
		var spans []span
		for _, m := range hl { // offsets into snip, whatever paragraph it is from
			spans = append(spans, span{Start: m.Start, End: m.End, Style: tagHit})
		}
		r.info = first(layoutParagraph(snip, one, cfg, spans...))
	} else {
		r.title = first(layoutParagraph(title, one, cfg))
		r.info = first(layoutParagraph(articleInfo(a), one, cfg))
	}
	l.rows[a] = r
	return r
}

func first(ls []line) line {
	if len(ls) == 0 {
		return line{}
	}
	return ls[0]
}

// articleInfo is the second line of a row: source and date, or the file
// the article came from when neither is known.
func articleInfo(a *corpus.Article) string {
	s := a.Source
	if !a.Date.IsZero() {
		if s != "" {
			s += " · "
		}
		s += a.Date.Format("2006-01-02")
	}
	if s == "" {
		s = path.Base(filepath.ToSlash(a.Path))
		if a.Index >= 0 {
			s += " #" + strconv.Itoa(a.Index+1)
		}
	}
	return s
}

// view draws the list in w×h cells: a title line (or the search line
// when one is given), then the visible rows.
func (l *listPane) view(w, h int, focused, loading bool, searchLine string, st *styles, cfg Config) []string {
	out := make([]string, 0, h)
	if h <= 0 || w <= 0 {
		return out
	}
	title := "Articles " + strconv.Itoa(l.len())
	if l.shown != nil {
		title += " of " + strconv.Itoa(len(l.all))
	}
	if loading {
		title += " …"
	}
	ts := st.paneTitle
	if focused {
		ts = st.paneTitleFocused
	}
	if searchLine != "" {
		out = append(out, searchLine)
	} else {
		out = append(out, ts.Render(fit(title, w)))
	}
	if l.len() == 0 {
		msg := "No articles."
		if l.shown != nil {
			msg = "Nothing found."
		}
		if loading {
			msg = "Loading…"
		}
		out = append(out, st.placeholder.Render(fit(msg, w)))
	}
	l.scrollIntoView(h)
	textW := max(w-2, 1) // a cell of margin on each side
	for i := l.top; i < l.len() && len(out) < h; i++ {
		a := l.at(i)
		r := l.row(a, textW, cfg)
		rowStyle, infoStyle := st.row, st.rowSource
		if i == l.cursor {
			rowStyle = st.rowSelectedDim
			if focused {
				rowStyle = st.rowSelected
			}
			infoStyle = rowStyle
		}
		out = append(out, fitStyled(rowStyle.Render(" ")+drawLine(r.title, textW, rowStyle, st), w, &rowStyle))
		if len(out) < h {
			out = append(out, fitStyled(infoStyle.Render(" ")+drawLine(r.info, textW, infoStyle, st), w, &infoStyle))
		}
	}
	return out
}
