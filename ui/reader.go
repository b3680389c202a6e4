package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"sahifa/corpus"
	"sahifa/corpus/entities"
	"sahifa/corpus/search"
)

// readerPane shows one article: its title, a meta line and the paragraphs,
// each laid out by the bidi package at the pane's width. Laid-out lines are
// cached per article, width and view, so scrolling and redrawing never lay
// text out again.
type readerPane struct {
	art *corpus.Article
	raw bool // show what the loader removed instead of the text
	top int  // first content line on screen

	// The in-article search: the query, its matches in document order
	// and the one n/N is on.
	query   string
	matches []search.Match
	cur     int

	// entity is the name selected in the Entities panel, whose mentions
	// are highlighted, in document order; mention is the one n/N is on.
	entity  *entities.Entity
	mention int

	// dups holds, by article ID, the copies the loader reported after
	// the article itself (Batch.Duplicates).
	dups map[string][]string

	cache map[readerKey]*readerLayout
	paras map[paraKey]*paraLines
	gen   int // bumped when styles change, which makes cached lines stale
}

// readerKey is everything an article's laid-out lines depend on.
type readerKey struct {
	art     *corpus.Article
	width   int
	raw     bool
	gen     int
	query   string
	cur     int
	entity  *entities.Entity
	mention int
}

// readerLayout is an article drawn at one width: its lines, and the line
// each search match is on.
type readerLayout struct {
	lines       []string
	matchLine   []int
	mentionLine []int // the line of each of the selected entity's mentions
}

// open shows a, from the top.
func (r *readerPane) open(a *corpus.Article) {
	if r.art != a {
		r.top = 0
		r.raw = false
		r.setSearch("", nil)
	}
	r.art = a
}

// addDuplicate notes a copy of an article found later in the load.
func (r *readerPane) addDuplicate(d corpus.Duplicate) {
	if r.dups == nil {
		r.dups = make(map[string][]string)
	}
	r.dups[d.ID] = append(r.dups[d.ID], d.Where)
	if r.art != nil && r.art.ID == d.ID {
		r.cache = nil
	}
}

// restyle drops the cached lines after a change of styles.
func (r *readerPane) restyle() {
	r.gen++
	r.cache = nil
	r.paras = nil
}

// textWidth is the width text is wrapped to in a pane w cells wide: a cell
// of margin on each side.
func textWidth(w int) int { return max(w-2, 1) }

// lines returns the article laid out for a pane w cells wide.
func (r *readerPane) lines(w int, st *styles, cfg Config) []string {
	return r.layout(w, st, cfg).lines
}

func (r *readerPane) layout(w int, st *styles, cfg Config) *readerLayout {
	if r.art == nil {
		return &readerLayout{}
	}
	k := readerKey{r.art, textWidth(w), r.raw, r.gen, r.query, r.cur, r.entity, r.mention}
	if lay, ok := r.cache[k]; ok {
		return lay
	}
	if r.cache == nil || len(r.cache) > 32 {
		r.cache = make(map[readerKey]*readerLayout)
	}
	lay := r.layoutArticle(k.width, st, cfg)
	r.cache[k] = lay
	return lay
}

// layoutArticle draws the open article's lines at width tw, search matches
// highlighted.
func (r *readerPane) layoutArticle(tw int, st *styles, cfg Config) *readerLayout {
	a, raw := r.art, r.raw
	var out []string
	lay := &readerLayout{matchLine: make([]int, len(r.matches))}
	if r.entity != nil {
		lay.mentionLine = make([]int, len(r.entity.Mentions))
	}
	// para lays out paragraph i (-1: the title, entities.CreditPara: the
	// credit, which starts at byte at of text; ownText: text of our own)
	// and notes the line of each match and mention in it.
	byPara := make(map[int][]int) // paragraph → indexes of its matches
	if !raw {
		for j, m := range r.matches {
			byPara[m.Para] = append(byPara[m.Para], j)
		}
	}
	para := func(i int, text string, base lipgloss.Style, at int) {
		var spans []span
		if i != ownText && !raw {
			// Search matches after mentions: where both cover a
			// word, the match shows.
			spans = append(r.mentionSpans(i, at), r.spansFor(byPara[i])...)
		}
		pl := r.paragraph(text, tw, base, spans, st, cfg)
		if e := r.entity; e != nil && !raw && i != ownText {
			for j, mn := range e.Mentions {
				if mn.Para != i {
					continue
				}
				lay.mentionLine[j] = len(out)
				for k, l := range pl.lines {
					if at+mn.Start >= l.Start && at+mn.Start < l.End {
						lay.mentionLine[j] = len(out) + k
					}
				}
			}
		}
		for _, j := range byPara[i] {
			m := r.matches[j]
			lay.matchLine[j] = len(out)
			for k, l := range pl.lines {
				if m.Start >= l.Start && m.Start < l.End {
					lay.matchLine[j] = len(out) + k
				}
			}
		}
		out = append(out, pl.drawn...)
	}
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	para(-1, title, st.title, 0)
	meta, creditAt := metaLine(a)
	para(entities.CreditPara, meta, st.meta, creditAt)
	out = append(out, "")
	if raw {
		if len(a.Removed) == 0 {
			para(ownText, "The loader removed nothing from this article.", st.removed, 0)
		} else {
			para(ownText, fmt.Sprintf("Removed by the loader as page furniture (%d):", len(a.Removed)), st.removed, 0)
		}
		for _, s := range a.Removed {
			out = append(out, "")
			para(ownText, s, st.row, 0)
		}
		lay.lines = out
		return lay
	}
	for i, p := range a.Paragraphs {
		if i > 0 {
			out = append(out, "")
		}
		base := st.row
		switch p.Kind {
		case corpus.Heading:
			base = st.heading
		case corpus.Quote:
			base = st.quote
		case corpus.Caption:
			base = st.caption
		}
		para(i, p.Text, base, 0)
	}
	if dups := append(slices.Clip(a.Duplicates), r.dups[a.ID]...); len(dups) > 0 {
		out = append(out, "")
		para(ownText, "Same text also in: "+strings.Join(dups, ", "), st.meta, 0)
	}
	lay.lines = out
	return lay
}

// setEntity highlights e's mentions, the first one current; nil drops
// them. The mentions are stepped through in document order, whatever order
// the tagger gives them in.
func (r *readerPane) setEntity(e *entities.Entity) {
	r.mention = 0
	if e == nil {
		r.entity = nil
		return
	}
	c := *e
	c.Mentions = slices.SortedFunc(slices.Values(e.Mentions), func(a, b entities.Mention) int {
		if a.Para != b.Para {
			return drawnOrder(a.Para) - drawnOrder(b.Para)
		}
		return a.Start - b.Start
	})
	r.entity = &c
}

// drawnOrder is where paragraph para comes on screen: the title, the line
// under it that holds the credit, then the text.
func drawnOrder(para int) int {
	switch para {
	case -1:
		return 0
	case entities.CreditPara:
		return 1
	}
	return para + 2
}

// stepMention moves to the next (+1) or previous (-1) mention of the
// selected entity, wrapping around, and shows it.
func (r *readerPane) stepMention(d int, at rect, st *styles, cfg Config) {
	if r.entity == nil || len(r.entity.Mentions) == 0 {
		return
	}
	n := len(r.entity.Mentions)
	r.mention = (r.mention + d + n) % n
	r.showEntity(at, st, cfg)
}

// showEntity scrolls to the current mention of the selected entity when it
// is not on screen.
func (r *readerPane) showEntity(at rect, st *styles, cfg Config) {
	if r.entity == nil || r.art == nil || r.raw {
		return
	}
	r.showLine(r.layout(at.W, st, cfg).mentionLine, r.mention, at, st, cfg)
}

// showLine scrolls so that the i-th of the marked lines (a match's, a
// mention's) is on screen, a third of the way down, unless it already is.
func (r *readerPane) showLine(lines []int, i int, at rect, st *styles, cfg Config) {
	if i >= len(lines) {
		return
	}
	y := lines[i]
	if y < r.top || y >= r.top+bodyHeight(at.H) {
		r.scrollTo(y-bodyHeight(at.H)/3, at.W, at.H, st, cfg)
	}
}

// paraKey is everything a laid-out paragraph depends on.
type paraKey struct {
	text  string
	width int
	gen   int
	base  string // the base style, drawn
	spans string
}

// paraLines is one paragraph laid out and drawn.
type paraLines struct {
	lines []line
	drawn []string
}

// paragraph lays out and draws one paragraph, from the cache when it has
// been drawn before at this width with these highlights: stepping through
// search matches redraws two paragraphs, not the whole article.
func (r *readerPane) paragraph(text string, tw int, base lipgloss.Style, spans []span, st *styles, cfg Config) *paraLines {
	k := paraKey{text: text, width: tw, gen: r.gen, base: base.Render(" ")}
	if len(spans) > 0 {
		k.spans = fmt.Sprint(spans)
	}
	if pl, ok := r.paras[k]; ok {
		return pl
	}
	if r.paras == nil || len(r.paras) > 50000 {
		r.paras = make(map[paraKey]*paraLines)
	}
	pl := &paraLines{lines: layoutParagraph(text, textOptions{Width: tw}, cfg, spans...)}
	for _, l := range pl.lines {
		pl.drawn = append(pl.drawn, drawLine(l, tw, base, st))
	}
	r.paras[k] = pl
	return pl
}

// dateFrom words how an article's date is known.
var dateFrom = map[corpus.DateSource]string{
	corpus.DateMetadata: "from metadata",
	corpus.DateDateline: "from the dateline",
}

// ownText is the paragraph number of text Sahifa writes itself, which no
// match or mention points into.
const ownText = -3

// metaLine is source (and the credit) · date and how it is known · author ·
// direction, with the byte offset of the credit in it.
func metaLine(a *corpus.Article) (line string, creditAt int) {
	var parts []string
	switch {
	case a.Source != "" && a.Credit != "":
		parts = append(parts, a.Source+", from "+a.Credit)
		creditAt = len(a.Source + ", from ")
	case a.Credit != "":
		parts = append(parts, a.Credit)
	case a.Source != "":
		parts = append(parts, a.Source)
	}
	if a.Date.IsZero() || a.DateFrom == corpus.DateUnknown {
		parts = append(parts, "date unknown")
	} else {
		parts = append(parts, a.Date.Format("2006-01-02")+" ("+dateFrom[a.DateFrom]+")")
	}
	if a.Author != "" {
		parts = append(parts, a.Author)
	}
	if a.Dir == corpus.RTL {
		parts = append(parts, "RTL")
	} else {
		parts = append(parts, "LTR")
	}
	return strings.Join(parts, " · "), creditAt
}

// bodyHeight is the number of content lines a pane h lines high shows under
// its title line.
func bodyHeight(h int) int { return max(h-1, 1) }

// scroll moves the view by n lines within a pane of h lines.
func (r *readerPane) scroll(n, w, h int, st *styles, cfg Config) {
	r.scrollTo(r.top+n, w, h, st, cfg)
}

func (r *readerPane) scrollTo(top, w, h int, st *styles, cfg Config) {
	total := len(r.lines(w, st, cfg))
	r.top = clamp(top, 0, max(total-bodyHeight(h), 0))
}

// position is "line a–b of n · p%" for the title line.
func (r *readerPane) position(w, h int, st *styles, cfg Config) string {
	total := len(r.lines(w, st, cfg))
	if total == 0 {
		return ""
	}
	last := min(r.top+bodyHeight(h), total)
	pct := 100
	if total > bodyHeight(h) {
		pct = r.top * 100 / (total - bodyHeight(h))
	}
	return strconv.Itoa(r.top+1) + "–" + strconv.Itoa(last) + "/" + strconv.Itoa(total) + " " + strconv.Itoa(pct) + "%"
}

// view draws the reader in w×h cells; searchLine, when given, replaces the
// title line.
func (r *readerPane) view(w, h int, focused bool, searchLine string, st *styles, cfg Config) []string {
	out := make([]string, 0, h)
	if w <= 0 || h <= 0 {
		return out
	}
	name := "Reader"
	if r.raw {
		name = "Removed text"
	}
	ts := st.paneTitle
	if focused {
		ts = st.paneTitleFocused
	}
	pos := r.position(w, h, st, cfg)
	if c := r.counter(); c != "" {
		pos = c + "  " + pos
	}
	gap := w - lipgloss.Width(name) - lipgloss.Width(pos)
	switch {
	case searchLine != "":
		out = append(out, searchLine)
	case gap < 1:
		out = append(out, ts.Render(fit(name, w)))
	default:
		out = append(out, ts.Render(name+strings.Repeat(" ", gap)+pos))
	}
	if r.art == nil {
		out = append(out, st.placeholder.Render(fit(" Select an article and press enter.", w)))
		return out
	}
	ls := r.lines(w, st, cfg)
	r.top = clamp(r.top, 0, max(len(ls)-bodyHeight(h), 0))
	for i := r.top; i < len(ls) && len(out) < h; i++ {
		out = append(out, " "+ls[i])
	}
	return out
}
