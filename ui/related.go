package ui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// The Related panel: the articles related to the open one, the same story
// first, each with its date and source and why it is related; near-copies
// of one text are one row with their count. Enter opens the article under
// the cursor, and the history takes the user back.

// relatedCount is how many rows the panel asks the collection for: more
// than the column shows at 24 lines, few enough to stay instant.
const relatedCount = 10

// relatedRowHeight is the lines per row: title, date and source, why.
const relatedRowHeight = 3

// relatedPanel is the state of the Related panel.
type relatedPanel struct {
	*env
	art    *collection.Article
	rows   []collection.RelatedArticle
	read   bool // rows answer art (possibly none)
	asking bool // a question for art is on its way
	cursor int
	offset int // first row on screen

	laid      map[*collection.Article]relatedLines // rows laid out at laidWidth
	laidWidth int
}

// relatedLines is a row laid out at one width, before styling.
type relatedLines struct{ title, info, why line }

// relatedMsg carries the articles related to art, found in a tea.Cmd.
type relatedMsg struct {
	art  *collection.Article
	rows []collection.RelatedArticle
}

// show makes the panel follow article a, and reports whether it changed
// articles: then a's related articles are to be asked for.
func (p *relatedPanel) show(a *collection.Article) bool {
	if a == p.art {
		return false
	}
	p.art, p.rows, p.read, p.cursor, p.offset = a, nil, false, 0, 0
	return true
}

// got shows the rows found for a, the cursor staying on the article it was
// on when they only update the rows shown.
func (p *relatedPanel) got(a *collection.Article, rows []collection.RelatedArticle) {
	if a != p.art {
		return
	}
	p.asking = false
	var on *collection.Article
	if s := p.selected(); s != nil {
		on = s.Article
	}
	p.rows, p.read = rows, true
	if i := slices.IndexFunc(rows, func(r collection.RelatedArticle) bool { return r.Article == on }); i >= 0 {
		p.cursor = i
	}
	p.cursor = clamp(p.cursor, 0, max(len(rows)-1, 0))
}

// selected returns the row under the cursor, nil when there is none.
func (p *relatedPanel) selected() *collection.RelatedArticle {
	if p.cursor < 0 || p.cursor >= len(p.rows) {
		return nil
	}
	return &p.rows[p.cursor]
}

func (p *relatedPanel) title() string {
	if p.read && len(p.rows) > 0 {
		return p.tr.Sprintf("Related %d", len(p.rows))
	}
	return p.tr.Text("Related")
}

// lines asks for a few lines while the panel has only a sentence to show,
// and otherwise shares the column with the Entities panel.
func (p *relatedPanel) lines() int {
	if len(p.rows) == 0 {
		return 4
	}
	return 0
}

func (p *relatedPanel) len() int { return len(p.rows) }

func (p *relatedPanel) move(n int) intent {
	p.cursor = clamp(p.cursor+n, 0, max(len(p.rows)-1, 0))
	return intent{}
}

// choose opens the article under the cursor.
func (p *relatedPanel) choose() intent {
	if r := p.selected(); r != nil {
		return intent{open: r.Article}
	}
	return intent{}
}

func (p *relatedPanel) enterHelp() string { return "open related" }

// reasonWords word the reasons that are a yes or no, in the order of
// why's list: a near-copy, the same day, the same source.
var reasonWords = [...]string{"copy", "same day", "same source"}

// why says why a row is related: the same story or not, then the reasons,
// worded from their fields (collection.RelatedReasons' String is the
// English of sahifa related's data, which no language changes).
func why(r collection.RelatedArticle, tr *lang.Printer) string {
	parts := []string{tr.Text("related")}
	if r.SameStory {
		parts[0] = tr.Text("same story")
	}
	rs := r.Reasons
	for i, on := range []bool{rs.Copy, rs.SameDay, rs.SameSource} {
		if on {
			parts = append(parts, tr.Text(reasonWords[i]))
		}
	}
	if len(rs.Names) > 0 {
		parts = append(parts, tr.Sprintf("names: %s", strings.Join(rs.Names, "، ")))
	}
	if len(rs.Terms) > 0 {
		parts = append(parts, tr.Sprintf("words: %s", strings.Join(rs.Terms, "، ")))
	}
	return strings.Join(parts, tr.Text("; "))
}

// rowInfo is a row's second line: date and source, and how many copies
// of the text it stands for.
func rowInfo(r collection.RelatedArticle, tr *lang.Printer) string {
	s := articleInfo(r.Article)
	if n := len(r.Copies); n > 0 {
		s += " · " + tr.Sprintf("+%d copies", n)
	}
	return s
}

// layOut lays a row out for text width w, once per article and width.
func (p *relatedPanel) layOut(r collection.RelatedArticle, w int) relatedLines {
	if w != p.laidWidth || p.laid == nil || len(p.laid) > labelCacheSize {
		p.laid, p.laidWidth = make(map[*collection.Article]relatedLines), w
	}
	if l, ok := p.laid[r.Article]; ok {
		return l
	}
	one := textOptions{Width: w, MaxLines: 1}
	title := r.Article.Title
	if title == "" {
		title = p.tr.Text("(untitled)")
	}
	l := relatedLines{
		title: first(layoutParagraph(title, one, p.cfg)),
		info:  first(layoutParagraph(rowInfo(r, p.tr), one, p.cfg)),
		why:   first(layoutParagraph(why(r, p.tr), one, p.cfg)),
	}
	p.laid[r.Article] = l
	return l
}

// view draws the panel's body (its title line is the side column's) in w×h.
func (p *relatedPanel) view(w, h int, focused bool) []string {
	st := &p.st
	var out []string
	switch {
	case p.art == nil:
		return p.sentence(p.tr.Text("Open an article to see the articles on the same story."), w)
	case !p.read:
		return p.sentence(p.tr.Text("Finding related articles…"), w)
	case len(p.rows) == 0:
		return p.sentence(p.tr.Text("No related articles found."), w)
	}
	if h <= 0 || w <= 0 {
		return out
	}
	fits := max(h/relatedRowHeight, 1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+fits {
		p.offset = p.cursor - fits + 1
	}
	p.offset = clamp(p.offset, 0, max(len(p.rows)-fits, 0))
	tw := max(w-2, 1)
	for i := p.offset; i < len(p.rows) && len(out) < h; i++ {
		l := p.layOut(p.rows[i], tw)
		top, rest := st.row, st.rowSource
		if i == p.cursor {
			top = st.rowSelectedDim
			if focused {
				top = st.rowSelected
			}
			rest = top
		}
		for j, ln := range []line{l.title, l.info, l.why} {
			if len(out) >= h {
				break
			}
			s := rest
			if j == 0 {
				s = top
			}
			out = append(out, fitStyled(s.Render(" ")+drawLine(ln, tw, s, st), w, &s))
		}
	}
	return out
}

// showRelated makes the Related panel follow article a.
func (m *Model) showRelated(a *collection.Article) tea.Cmd {
	if !m.rel.show(a) {
		return nil
	}
	return m.readRelated(a)
}

// readRelated asks the collection for a's related articles off the UI
// goroutine.
func (m *Model) readRelated(a *collection.Article) tea.Cmd {
	c := m.coll
	m.rel.asking = true
	return func() tea.Msg { return relatedMsg{a, c.Related(a, relatedCount)} }
}

// refreshRelated asks again for the open article's related articles when
// the collection has grown or read more names since they were found, the
// cursor staying on its article.
func (m *Model) refreshRelated(old collection.Status) tea.Cmd {
	a := m.rel.art
	if a == nil || m.rel.asking ||
		m.status.Articles == old.Articles && m.status.NamesVersion == old.NamesVersion {
		return nil
	}
	return m.readRelated(a)
}
