package ui

import (
	"path"
	"path/filepath"
	"strconv"

	"sahifa/bidi"
	"sahifa/corpus/collection"
)

// rowHeight is the number of screen lines per article: the title, then
// source and date; a search result has a snippet between the two.
func (l *listPane) rowHeight() int {
	if l.res.Hits != nil {
		return 3
	}
	return 2
}

// listPane is the article list: the result of one filter of the
// collection, a virtual list that draws only the rows on screen, so it
// costs the same with five articles or a hundred thousand.
type listPane struct {
	*env
	res   collection.Result // what the list shows
	want  collection.Filter // the filter asked for, whose result may still be on its way
	total int               // articles in the collection
	// partial says res holds only the first results of a search, the
	// rest on their way.
	partial bool
	cursor  int // index into the shown rows
	top     int // first shown row on screen
	// moved is set once the user moves the cursor: from then on it stays
	// on its article as others arrive; until then it stays on the first
	// row. settled is set once the whole collection has been shown: the
	// articles a followed archive brings then arrive among those the
	// user is reading, and the cursor stays on its article moved or not.
	moved, settled bool

	// onlyBookmarks keeps only the bookmarked articles of what the
	// filter keeps.
	onlyBookmarks bool

	rows     map[*collection.Article]listRow // laid-out rows for rowWidth
	rowWidth int
}

// listRow is an article's row laid out at one width, before styling: the
// title, the snippet of a search result, source and date.
type listRow struct{ title, snippet, info line }

func (l *listPane) len() int { return len(l.res.Articles) }

// at returns the i-th shown article, nil when there is none.
func (l *listPane) at(i int) *collection.Article {
	if i < 0 || i >= l.len() {
		return nil
	}
	return l.res.Articles[i]
}

// selected returns the article under the cursor, nil when the list is empty.
func (l *listPane) selected() *collection.Article { return l.at(l.cursor) }

// filter is the filter the list shows, or is about to.
func (l *listPane) filter() collection.Filter { return l.want }

// hit returns what the list's query matched in a, nil when not searching.
func (l *listPane) hit(a *collection.Article) *collection.Hit {
	if a == nil {
		return nil
	}
	return l.res.Hits[a.ID]
}

// show sets the list's first result.
func (l *listPane) show(res collection.Result, total int) {
	l.res, l.want, l.total = l.keepMarked(res), res.Filter, total
}

// setResult shows a new result of the list's filter. fresh (a new filter)
// puts the cursor at the top; otherwise it stays on its article if the
// user has moved it or the list is settled, and on the first row if not.
func (l *listPane) setResult(res collection.Result, total int, fresh bool) {
	sel, first := l.selected(), l.at(l.top)
	res = l.keepMarked(res)
	if fresh || res.Hits != nil || l.res.Hits != nil {
		l.rows = nil // rows with a snippet, or without, change
	}
	l.res, l.total, l.partial = res, total, false
	switch {
	case fresh:
		l.cursor, l.top, l.moved = 0, 0, false
	case (l.moved || l.settled) && sel != nil:
		// The first row shown stays first too, unless it is the list's
		// first: rows that arrive above it do not move what is on the
		// screen, and rows that arrive among those shown are seen, the
		// cursor's going down with its article (the list scrolling,
		// should it go off the pane).
		for i, a := range res.Articles {
			if a.ID == sel.ID {
				l.cursor = i
			}
			if first != nil && a.ID == first.ID && l.top > 0 {
				l.top = i
			}
		}
	}
	l.cursor = clamp(l.cursor, 0, max(l.len()-1, 0))
}

// keepMarked returns res with only the bookmarked articles when the list
// shows only those.
func (l *listPane) keepMarked(res collection.Result) collection.Result {
	if !l.onlyBookmarks {
		return res
	}
	kept := make([]*collection.Article, 0, len(res.Articles))
	for _, a := range res.Articles {
		if l.cfg.Marks.Bookmarked(a.ID) {
			kept = append(kept, a)
		}
	}
	res.Articles = kept
	if !res.Cut {
		res.Total = len(kept)
	}
	return res
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
	return max((h-1)/l.rowHeight(), 1) // one line for the pane title
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
	i := l.top + (y-1)/l.rowHeight()
	return i, i < l.len()
}

// row lays out an article's row for width w, once per article and width.
func (l *listPane) row(a *collection.Article, w int) listRow {
	if w != l.rowWidth || l.rows == nil {
		l.rows = make(map[*collection.Article]listRow)
		l.rowWidth = w
	}
	if r, ok := l.rows[a]; ok {
		return r
	}
	title := a.Title
	if title == "" {
		title = l.tr.Text("(untitled)")
	}
	// MaxLines cuts in logical order before reordering, so an Arabic
	// headline loses its end and not its beginning.
	one := textOptions{Width: w, MaxLines: 1}
	var r listRow
	if h := l.hit(a); h != nil {
		// A search result shows its matches in the title and, under
		// it, a snippet of the text around the first one.
		snip, hl := h.Snippet(w)
		r.title = first(layoutParagraph(title, one, l.cfg, hitSpans(h.Matches, collection.TitlePara)...))
		var spans []span
		for _, m := range hl { // offsets into snip, whatever paragraph it is from
			spans = append(spans, span{Start: m.Start, End: m.End, Style: tagHit})
		}
		r.snippet = first(layoutParagraph(snip, one, l.cfg, spans...))
	} else {
		r.title = first(layoutParagraph(title, one, l.cfg))
	}
	info := articleInfo(a)
	if l.cfg.Marks.Bookmarked(a.ID) {
		info = "★ " + info
	}
	r.info = first(layoutParagraph(info, one, l.cfg))
	l.rows[a] = r
	return r
}

func first(ls []line) line {
	if len(ls) == 0 {
		return line{}
	}
	return ls[0]
}

// articleInfo is the second line of a row: source, date and category, or
// the file the article came from when none is known.
func articleInfo(a *collection.Article) string {
	s := a.Source
	// The category after the date, as in the reader's meta line.
	for _, part := range []string{dateOnly(a), a.Category} {
		if part != "" && s != "" {
			s += " · "
		}
		s += part
	}
	if s == "" {
		s = bidi.Visible(path.Base(filepath.ToSlash(a.Path))) // a name's controls shown, never applied
		if a.Index >= 0 {
			s += " #" + strconv.Itoa(a.Index+1)
		}
	}
	return s
}

// position is "3/12": the cursor's row of the rows shown, as newsboat
// shows it; "" for an empty list.
func (l *listPane) position() string {
	if l.len() == 0 {
		return ""
	}
	return l.tr.Sprintf("%d/%d", l.cursor+1, l.len())
}

// found is a filter's or a search's count with the position in it: "3/12
// found", or "3/1000 of 12345 found" when the list shows only the first.
func (l *listPane) found() string {
	total := max(l.res.Total, l.len())
	switch {
	case l.len() == 0:
		return l.tr.Sprintf("%d found", total)
	case total > l.len():
		return l.tr.Sprintf("%s of %d found", l.position(), total)
	}
	return l.tr.Sprintf("%s found", l.position())
}

// view draws the list in w×h cells: a title line (or the search line
// when one is given), then the visible rows.
func (l *listPane) view(w, h int, focused, loading bool, searchLine string) []string {
	st := &l.st
	out := make([]string, 0, h)
	if h <= 0 || w <= 0 {
		return out
	}
	title := l.tr.Sprintf("Articles %d", l.len())
	if l.onlyBookmarks {
		title = l.tr.Sprintf("Bookmarks %d", l.len())
	}
	if !l.res.Filter.IsZero() {
		title = l.tr.Sprintf("%s of %d", title, l.total)
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
		out = append(out, l.ends(title, l.position(), w, ts))
	}
	if l.len() == 0 {
		msg := l.tr.Text("No articles.")
		if l.onlyBookmarks {
			msg = l.tr.Text("No bookmarks: m bookmarks an article.")
		}
		if !l.res.Filter.IsZero() {
			msg = l.tr.Text("Nothing found.")
		}
		if loading {
			msg = l.tr.Text("Loading…")
		}
		out = append(out, l.say(msg, w, st.placeholder))
	}
	l.scrollIntoView(h)
	textW := max(w-2, 1) // a cell of margin on each side
	for i := l.top; i < l.len() && len(out) < h; i++ {
		a := l.at(i)
		r := l.row(a, textW)
		rowStyle, infoStyle := st.row, st.rowSource
		if i == l.cursor {
			rowStyle = st.rowSelectedDim
			if focused {
				rowStyle = st.rowSelected
			}
			infoStyle = rowStyle
		}
		if !l.cfg.Marks.Read(a.ID) {
			// Unread in bold, as in newsboat and mutt.
			rowStyle = rowStyle.Bold(true)
		}
		out = append(out, fitStyled(rowStyle.Render(" ")+drawLine(r.title, textW, rowStyle, st), w, &rowStyle))
		if l.res.Hits != nil && len(out) < h {
			out = append(out, fitStyled(infoStyle.Render(" ")+drawLine(r.snippet, textW, infoStyle, st), w, &infoStyle))
		}
		if len(out) < h {
			out = append(out, fitStyled(infoStyle.Render(" ")+drawLine(r.info, textW, infoStyle, st), w, &infoStyle))
		}
	}
	return out
}

// dateOnly is a's date as 2006-01-02, "" when it has none.
func dateOnly(a *collection.Article) string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format("2006-01-02")
}
