package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// readerPane shows one article: its title, a meta line and the paragraphs,
// each laid out by the bidi package at the pane's width, with highlights
// drawn in layers. Laid-out lines are cached per article, width and
// highlights, so scrolling and redrawing never lay text out again.
type readerPane struct {
	*env
	art    *collection.Article
	copies []string  // where copies of its text were found
	raw    bool      // show what the loader removed instead of the text
	top    readerPos // first content line on screen
	// searching says the in-article search is still going through the
	// article.
	searching bool

	// layers are the highlights, in the order they are drawn: where two
	// cover a word, the later shows.
	layers [layerCount]layer
	hlGen  int // moves on whenever a layer changes

	cache map[unitKey]*drawnUnit
	paras map[paraKey]*paraLines
	gen   int // bumped when styles change, which makes cached lines stale

	lc *lineCounts
	// countSeq moves on whenever the counts being made are no longer
	// wanted, which stops the tea.Cmd making them.
	countSeq *atomic.Int64
}

// layer is one kind of highlight: stretches of the article in document
// order, one of them current (the one n/N is on).
type layer struct {
	key   string // what it highlights: the query, the entity's key
	spans []collection.Span
	cur   int
	on    bool // set even with no spans: a search that found nothing
}

// The reader's layers. n/N step through the last one that is on.
const (
	layerEntity = iota // the mentions of the name chosen in a side panel
	layerDate          // the date mention chosen in the Dates panel
	layerSearch        // the in-article search's matches
	layerCount
)

// layerTag is the style of each layer's spans other than the current one.
var layerTag = [layerCount]int{layerEntity: tagEntity, layerDate: tagHit, layerSearch: tagHit}

// open shows a, from the top, with copies the places of its copies.
func (r *readerPane) open(a *collection.Article, copies []string) {
	if r.art != a {
		r.top = readerPos{}
		r.searching = false
		r.raw = false
		for i := range r.layers {
			r.setLayer(i, "", nil, false)
		}
	}
	r.art, r.copies = a, copies
	r.cache = nil
}

// setCopies updates where copies of the open article were found.
func (r *readerPane) setCopies(copies []string) {
	r.copies = copies
	r.cache = nil
}

// restyle drops the cached lines after a change of styles.
func (r *readerPane) restyle() {
	r.gen++
	r.cache = nil
	r.paras = nil
}

// setLayer highlights spans in layer i under key; on false with no spans
// turns it off. keepCur keeps the current span where it was (the same
// highlight, updated), otherwise the first becomes current. Spans are
// stepped through in document order, whatever order they come in.
func (r *readerPane) setLayer(i int, key string, spans []collection.Span, keepCur bool) {
	l := &r.layers[i]
	cur := l.cur
	*l = layer{key: key, on: key != "" || len(spans) > 0}
	l.spans = slices.SortedFunc(slices.Values(spans), func(a, b collection.Span) int {
		if a.Para != b.Para {
			return drawnOrder(a.Para) - drawnOrder(b.Para)
		}
		return a.Start - b.Start
	})
	if keepCur {
		l.cur = clamp(cur, 0, max(len(l.spans)-1, 0))
	}
	r.hlGen++
}

// has reports whether layer i is on.
func (r *readerPane) has(i int) bool { return r.layers[i].on }

// active returns the layer n/N step through: the last that is on, -1 when
// none is.
func (r *readerPane) active() int {
	for i := layerCount - 1; i >= 0; i-- {
		if r.layers[i].on {
			return i
		}
	}
	return -1
}

// dropActive turns the active layer off and reports whether there was one:
// esc in the reader drops highlights one layer at a time.
func (r *readerPane) dropActive() bool {
	i := r.active()
	if i < 0 {
		return false
	}
	r.setLayer(i, "", nil, false)
	return true
}

// query returns the in-article search's query, "" when there is none.
func (r *readerPane) query() string { return r.layers[layerSearch].key }

// setSearch sets the in-article search's query and its matches.
func (r *readerPane) setSearch(q string, ms []collection.Span) {
	if q == "" {
		r.searching = false
		r.setLayer(layerSearch, "", nil, false)
		return
	}
	r.setLayer(layerSearch, q, ms, false)
}

// step moves the active layer's current span by d (+1 next, -1
// previous), wrapping around, and shows it.
func (r *readerPane) step(d int, at rect) {
	i := r.active()
	if i < 0 || len(r.layers[i].spans) == 0 {
		return
	}
	l := &r.layers[i]
	l.cur = (l.cur + d + len(l.spans)) % len(l.spans)
	r.hlGen++
	r.showCurrent(at)
}

// showCurrent scrolls so that the active layer's current span is on
// screen, a third of the way down, unless it already is.
func (r *readerPane) showCurrent(at rect) {
	i := r.active()
	if i < 0 || r.art == nil || r.raw {
		return
	}
	cur := r.layers[i].cur
	if cur >= len(r.layers[i].spans) {
		return
	}
	y := r.spanPos(i, cur, textWidth(at.W))
	if !slices.Contains(r.onScreen(at.W, at.H), y) {
		r.top = y
		r.scroll(-bodyHeight(at.H)/3, at.W, at.H)
	}
}

// counter is "3/17" for the reader's title line: where n/N is in the
// active layer; "0/0" for a search that found nothing; "3/17…" while the
// search is still going through the article.
func (r *readerPane) counter() string {
	i := r.active()
	if i < 0 {
		return ""
	}
	l := r.layers[i]
	if len(l.spans) == 0 && i != layerSearch {
		return ""
	}
	c := r.tr.Sprintf("%d/%d", min(l.cur+1, len(l.spans)), len(l.spans))
	if i == layerSearch && r.searching {
		c += "…"
	}
	return c
}

// insertMatches adds ms, in document order, to the search's matches at
// index at, where they belong in document order; the current match stays
// the one it was.
func (r *readerPane) insertMatches(at int, ms []collection.Span) {
	if len(ms) == 0 {
		return
	}
	l := &r.layers[layerSearch]
	if at <= l.cur && len(l.spans) > 0 {
		l.cur += len(ms)
	}
	l.spans = slices.Insert(l.spans, at, ms...)
	r.hlGen++
}

// textWidth is the width text is wrapped to in a pane w cells wide: a cell
// of margin on each side.
func textWidth(w int) int { return max(w-2, 1) }

// An article is drawn in units, each laid out only when it comes on
// screen: the head (title, meta line, link), each paragraph with the blank
// line before it and the links under it, and the foot (where copies were
// found). Laying out costs about 50 ns a byte, so a 63 MB text file of
// 900,000 lines laid out whole took 10 to 46 s before its first screen;
// laid out unit by unit, it opens as fast as a short article, its lines
// counted in a tea.Cmd (see lineCounts).

// readerPos is a place in the article as drawn: line line of unit unit.
type readerPos struct{ unit, line int }

// before reports whether p comes before q.
func (p readerPos) before(q readerPos) bool {
	return p.unit < q.unit || p.unit == q.unit && p.line < q.line
}

// partKind is what a part of a unit is, which sets its style.
type partKind int8

const (
	partBlank partKind = iota
	partTitle
	partMeta
	partRow
	partHeading
	partQuote
	partCaption
	partCode
	partRemoved
)

// part is one paragraph (or blank line) of a unit.
type part struct {
	kind partKind
	para int    // collection.TitlePara, CreditPara, an index, or ownText
	text string // what is laid out
	at   int    // the byte of text where the paragraph's own text starts
	link string // set: each line is an OSC 8 hyperlink to it
	ins  []collection.Inline
}

// paraKind is the kind of part a paragraph is drawn as.
func paraKind(p collection.Paragraph) partKind {
	switch p.Kind {
	case collection.Heading:
		return partHeading
	case collection.Quote:
		return partQuote
	case collection.Caption:
		return partCaption
	case collection.Code:
		return partCode
	}
	return partRow
}

// unitCount is how many units article a has, raw or not.
func unitCount(a *collection.Article, raw bool, copies []string) int {
	if raw {
		return 2 + len(a.Removed)
	}
	n := 1 + len(a.Paragraphs)
	if len(copies) > 0 {
		n++
	}
	return n
}

// unitOf is the unit paragraph para of the text is drawn in.
func unitOf(para int) int { return max(para+1, 0) }

// unitParts lists the parts of unit u of a. It reads a and nothing else,
// so that a tea.Cmd may count lines with it.
func unitParts(a *collection.Article, raw bool, copies []string, u int, tr *lang.Printer) []part {
	switch {
	case u == 0:
		title := a.Title
		if title == "" {
			title = tr.Text("(untitled)")
		}
		meta, creditAt := metaLine(a, tr)
		ps := []part{{kind: partTitle, para: collection.TitlePara, text: title}, {kind: partMeta, para: collection.CreditPara, text: meta, at: creditAt}}
		if link := safeURL(a.URL); link != "" {
			ps = append(ps, part{kind: partMeta, para: ownText, text: link, link: link})
		}
		return append(ps, part{})
	case raw && u == 1:
		if len(a.Removed) == 0 {
			return []part{{kind: partRemoved, para: ownText, text: tr.Text("The loader removed nothing from this article.")}}
		}
		return []part{{kind: partRemoved, para: ownText, text: tr.Sprintf("Removed by the loader as page furniture (%d):", len(a.Removed))}}
	case raw:
		return []part{{}, {kind: partRow, para: ownText, text: a.Removed[u-2]}}
	case u-1 < len(a.Paragraphs):
		i := u - 1
		p := a.Paragraphs[i]
		var ps []part
		// A list's items follow each other with no blank line, as glow
		// draws them (glamour ansi/elements.go ends an item with one
		// newline, tight list or loose).
		if i > 0 && !(p.Kind == collection.ListItem && a.Paragraphs[i-1].Kind == collection.ListItem) {
			ps = append(ps, part{})
		}
		ps = append(ps, part{kind: paraKind(p), para: i, text: p.Text, ins: p.Inlines})
		for _, in := range p.Inlines {
			// A link's address under its paragraph: the text alone
			// would lose it.
			if link := safeURL(in.URL); in.Kind == collection.Link && link != "" {
				ps = append(ps, part{kind: partMeta, para: ownText, text: "↗ " + link, link: link})
			}
		}
		return ps
	}
	return []part{{}, {kind: partMeta, para: ownText, text: tr.Sprintf("Same text also in: %s", strings.Join(copies, ", "))}}
}

// countUnit is how many lines unit u of a takes at text width tw.
func countUnit(a *collection.Article, raw bool, copies []string, u, tw int, cfg Config, tr *lang.Printer) int {
	n := 0
	for _, p := range unitParts(a, raw, copies, u, tr) {
		if p.kind == partBlank {
			n++
			continue
		}
		n += len(layoutParagraph(p.text, textOptions{Width: tw}, cfg))
	}
	return n
}

// unitKey is everything a drawn unit depends on.
type unitKey struct {
	unit, width int
	raw         bool
	gen, hlGen  int
}

// drawnUnit is a unit laid out and drawn: its lines, and where each of the
// article's paragraphs in it starts.
type drawnUnit struct {
	lines []string
	paras []paraAt
}

// paraAt is a paragraph of a drawn unit: its first line there, its text's
// offset in what was laid out, and its laid-out lines.
type paraAt struct {
	para, first, at int
	lines           []line
}

// style is the base style of a kind of part.
func (r *readerPane) style(k partKind) lipgloss.Style {
	st := &r.st
	return [...]lipgloss.Style{
		partBlank: st.row, partTitle: st.title, partMeta: st.meta, partRow: st.row, partHeading: st.heading,
		partQuote: st.quote, partCaption: st.caption, partCode: st.code, partRemoved: st.removed,
	}[k]
}

// units is how many units the open article has.
func (r *readerPane) units() int {
	if r.art == nil {
		return 0
	}
	return unitCount(r.art, r.raw, r.copies)
}

// unit returns unit u of the open article drawn at text width tw, with its
// highlights.
func (r *readerPane) unit(u, tw int) *drawnUnit {
	k := unitKey{u, tw, r.raw, r.gen, r.hlGen}
	if du, ok := r.cache[k]; ok {
		return du
	}
	if r.cache == nil || len(r.cache) > unitCacheSize {
		r.cache = make(map[unitKey]*drawnUnit)
	}
	du := &drawnUnit{}
	for _, p := range unitParts(r.art, r.raw, r.copies, u, r.tr) {
		if p.kind == partBlank {
			du.lines = append(du.lines, "")
			continue
		}
		spans := inlineSpans(p.ins)
		if p.para != ownText && !r.raw {
			spans = append(spans, r.highlights(p.para, p.at)...)
		}
		pl := r.paragraph(p.text, tw, r.style(p.kind), spans)
		du.paras = append(du.paras, paraAt{para: p.para, first: len(du.lines), at: p.at, lines: pl.lines})
		for _, l := range pl.drawn {
			if p.link != "" {
				l = ansi.SetHyperlink(p.link) + l + ansi.ResetHyperlink()
			}
			du.lines = append(du.lines, l)
		}
	}
	r.cache[k] = du
	return du
}

// highlights are the spans of every layer in paragraph para, whose text
// starts at byte at of what is laid out; the active layer's current span
// is drawn as such.
func (r *readerPane) highlights(para, at int) []span {
	var out []span
	act := r.active()
	for i := range r.layers {
		l := &r.layers[i]
		lo, hi := spansIn(l.spans, para)
		for j := lo; j < hi; j++ {
			tag := layerTag[i]
			if j == l.cur && i == act {
				tag = tagCurrent
			}
			out = append(out, span{Start: at + l.spans[j].Start, End: at + l.spans[j].End, Style: tag})
		}
	}
	return out
}

// spansIn returns the range of spans, in drawn order, that are in
// paragraph para.
func spansIn(spans []collection.Span, para int) (lo, hi int) {
	d := drawnOrder(para)
	lo = sort.Search(len(spans), func(i int) bool { return drawnOrder(spans[i].Para) >= d })
	hi = lo + sort.Search(len(spans)-lo, func(i int) bool { return drawnOrder(spans[lo+i].Para) > d })
	return lo, hi
}

// spanPos is where span j of layer i is drawn at text width tw.
func (r *readerPane) spanPos(i, j, tw int) readerPos {
	sp := r.layers[i].spans[j]
	u := unitOf(sp.Para)
	if u >= r.units() {
		return readerPos{}
	}
	du := r.unit(u, tw)
	for _, pa := range du.paras {
		if pa.para != sp.Para {
			continue
		}
		y := pa.first
		for k, l := range pa.lines {
			if pa.at+sp.Start >= l.Start && pa.at+sp.Start < l.End {
				y = pa.first + k
			}
		}
		return readerPos{u, y}
	}
	return readerPos{u, 0}
}

// inlineTag is the style tag of each kind of stretch an article's source
// sets off.
var inlineTag = map[collection.InlineKind]int{
	collection.Emphasis:   tagEmphasis,
	collection.Strong:     tagStrong,
	collection.InlineCode: tagCode,
	collection.Link:       tagLink,
}

// inlineSpans turns a paragraph's inlines into styled spans, drawn under
// the highlights (bidi lets later spans win).
func inlineSpans(ins []collection.Inline) []span {
	var out []span
	for _, in := range ins {
		if t, ok := inlineTag[in.Kind]; ok {
			out = append(out, span{Start: in.Start, End: in.End, Style: t})
		}
	}
	return out
}

// drawnOrder is where paragraph para comes on screen: the title, the line
// under it that holds the credit, then the text.
func drawnOrder(para int) int {
	switch para {
	case collection.TitlePara:
		return 0
	case collection.CreditPara:
		return 1
	}
	return para + 2
}

// Bounds of the reader's caches: the drawn units (a few screens of a few
// widths and highlights) and paragraphs (the longest
// SaudiNewsNet article has about 2,000), dropped whole when reached.
const (
	unitCacheSize = 4096
	paraCacheSize = 50000
)

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
func (r *readerPane) paragraph(text string, tw int, base lipgloss.Style, spans []span) *paraLines {
	k := paraKey{text: text, width: tw, gen: r.gen, base: base.Render(" ")}
	if len(spans) > 0 {
		k.spans = fmt.Sprint(spans)
	}
	if pl, ok := r.paras[k]; ok {
		return pl
	}
	if r.paras == nil || len(r.paras) > paraCacheSize {
		r.paras = make(map[paraKey]*paraLines)
	}
	pl := &paraLines{lines: layoutParagraph(text, textOptions{Width: tw}, r.cfg, spans...)}
	for _, l := range pl.lines {
		pl.drawn = append(pl.drawn, drawLine(l, tw, base, &r.st))
	}
	r.paras[k] = pl
	return pl
}

// dateFrom words how an article's date is known.
var dateFrom = [...]string{
	collection.DateMetadata: "from metadata",
	collection.DateDateline: "from the dateline",
}

// ownText is the paragraph number of text Sahifa writes itself, which no
// match or mention points into.
const ownText = -3

// metaLine is source (and the credit) · date and how it is known · author ·
// category · direction, with the byte offset of the credit in it.
func metaLine(a *collection.Article, tr *lang.Printer) (line string, creditAt int) {
	var parts []string
	switch {
	case a.Source != "" && a.Credit != "":
		from := tr.Text(", from ")
		parts = append(parts, a.Source+from+a.Credit)
		creditAt = len(a.Source + from)
	case a.Credit != "":
		parts = append(parts, a.Credit)
	case a.Source != "":
		parts = append(parts, a.Source)
	}
	if a.Date.IsZero() || a.DateFrom == collection.DateUnknown {
		parts = append(parts, tr.Text("date unknown"))
	} else {
		parts = append(parts, a.Date.Format("2006-01-02")+" ("+tr.Text(dateFrom[a.DateFrom])+")")
	}
	// The category after the date: an Arabic word before it would
	// make its digits Arabic numbers (UAX #9 W2), drawn 06-08-2015.
	if a.Category != "" {
		parts = append(parts, a.Category)
	}
	if a.Author != "" {
		parts = append(parts, a.Author)
	}
	if a.Dir == collection.RTL {
		parts = append(parts, tr.Text("RTL"))
	} else {
		parts = append(parts, tr.Text("LTR"))
	}
	return strings.Join(parts, " · "), creditAt
}

// bodyHeight is the number of content lines a pane h lines high shows under
// its title line.
func bodyHeight(h int) int { return max(h-1, 1) }

// lineCounts is how many lines each unit of an article takes at one width,
// counted from the first unit on: what the position on the title line
// needs, and nothing else does.
type lineCounts struct {
	key    countKey
	counts []int32
	starts []int // the first line of each unit, once every unit is counted
}

// countKey is everything an article's line counts depend on.
type countKey struct {
	art    *collection.Article
	width  int
	raw    bool
	copies string
	gen    int
}

// countBudget is how much text the reader counts the lines of while it
// draws (an article of this size opens within a few milliseconds, every
// SaudiNewsNet article among them); a longer article is counted in
// countChunk pieces by tea.Cmds, so that the screen never waits for it.
const (
	countBudget = 64 << 10
	countChunk  = 1 << 20
)

func (r *readerPane) countKey(tw int) countKey {
	return countKey{r.art, tw, r.raw, strings.Join(r.copies, "\x00"), r.gen}
}

// countLines counts the open article's lines at pane width w: up to
// countBudget bytes here, the rest in the tea.Cmd it returns.
func (r *readerPane) countLines(w int) tea.Cmd {
	if r.art == nil {
		return nil
	}
	k := r.countKey(textWidth(w))
	if r.lc != nil && r.lc.key == k {
		return nil
	}
	r.countSeq.Add(1)
	r.lc = &lineCounts{key: k}
	n, budget := r.units(), 0
	for u := 0; u < n && budget < countBudget; u++ {
		r.lc.counts = append(r.lc.counts, int32(len(r.unit(u, k.width).lines)))
		budget += unitBytes(r.art, r.raw, u)
	}
	return r.countRest()
}

// unitBytes is about how much text unit u of a holds.
func unitBytes(a *collection.Article, raw bool, u int) int {
	switch {
	case u == 0:
		return len(a.Title) + len(a.URL) + 64
	case raw && u == 1:
		return 64
	case raw:
		return len(a.Removed[u-2])
	case u-1 < len(a.Paragraphs):
		return len(a.Paragraphs[u-1].Text)
	}
	return 64
}

// lineCountMsg carries the line counts of units from on.
type lineCountMsg struct {
	key    countKey
	from   int
	counts []int32
}

// countRest returns a tea.Cmd that counts the next countChunk bytes of
// units, or nil when every unit is counted. It stops as soon as the
// article, width or highlights it counts for are no longer shown.
func (r *readerPane) countRest() tea.Cmd {
	lc := r.lc
	n := r.units()
	if len(lc.counts) >= n {
		lc.starts = make([]int, n+1)
		for i, c := range lc.counts {
			lc.starts[i+1] = lc.starts[i] + int(c)
		}
		return nil
	}
	k, from, seq, latest, cfg, tr := lc.key, len(lc.counts), r.countSeq.Load(), r.countSeq, r.cfg, r.tr
	a, raw, copies := r.art, r.raw, slices.Clone(r.copies)
	return func() tea.Msg {
		var counts []int32
		budget := 0
		for u := from; u < n && budget < countChunk; u++ {
			if latest.Load() != seq {
				return nil
			}
			counts = append(counts, int32(countUnit(a, raw, copies, u, k.width, cfg, tr)))
			budget += unitBytes(a, raw, u)
		}
		return lineCountMsg{k, from, counts}
	}
}

// gotCounts keeps counted lines and asks for the next.
func (r *readerPane) gotCounts(msg lineCountMsg) tea.Cmd {
	if r.lc == nil || r.lc.key != msg.key || msg.from != len(r.lc.counts) {
		return nil
	}
	r.lc.counts = append(r.lc.counts, msg.counts...)
	return r.countRest()
}

// lineOf is the line p is on counted from the article's top, -1 while
// the lines are being counted.
func (r *readerPane) lineOf(p readerPos, w int) int {
	lc := r.lc
	if lc == nil || lc.starts == nil || lc.key != r.countKey(textWidth(w)) || p.unit >= len(lc.starts)-1 {
		return -1
	}
	return lc.starts[p.unit] + p.line
}

// totalLines is how many lines the article takes, -1 while they are
// being counted.
func (r *readerPane) totalLines(w int) int {
	if r.lineOf(readerPos{}, w) < 0 {
		return -1
	}
	return r.lc.starts[len(r.lc.starts)-1]
}

// endPos is the first line of the last screen of a pane w×h.
func (r *readerPane) endPos(w, h int) readerPos {
	tw, left := textWidth(w), bodyHeight(h)
	for u := r.units() - 1; u >= 0; u-- {
		n := len(r.unit(u, tw).lines)
		if n >= left {
			return readerPos{u, n - left}
		}
		left -= n
	}
	return readerPos{}
}

// scroll moves the view by n lines (toTop, toBottom: to either end)
// within a pane of w×h, laying out only the units it passes.
func (r *readerPane) scroll(n, w, h int) {
	if r.art == nil {
		r.top = readerPos{}
		return
	}
	tw := textWidth(w)
	p := r.top
	switch {
	case n <= toTop:
		p = readerPos{}
	case n >= toBottom:
		p = r.endPos(w, h)
	default:
		p.line += n
	}
	p.unit = min(p.unit, r.units()-1)
	for p.line < 0 && p.unit > 0 {
		p.unit--
		p.line += len(r.unit(p.unit, tw).lines)
	}
	p.line = max(p.line, 0)
	for p.unit < r.units()-1 {
		l := len(r.unit(p.unit, tw).lines)
		if p.line < l {
			break
		}
		p.line -= l
		p.unit++
	}
	if e := r.endPos(w, h); e.before(p) {
		p = e
	}
	r.top = p
}

// scrollTo shows p at the top, as far as the pane w×h allows.
func (r *readerPane) scrollTo(p readerPos, w, h int) {
	r.top = p
	r.scroll(0, w, h)
}

// onScreen lists the places of the lines a pane w×h shows, from the top.
func (r *readerPane) onScreen(w, h int) []readerPos {
	tw := textWidth(w)
	var out []readerPos
	for p := r.top; p.unit < r.units() && len(out) < bodyHeight(h); p = (readerPos{p.unit + 1, 0}) {
		n := len(r.unit(p.unit, tw).lines)
		for ; p.line < n && len(out) < bodyHeight(h); p.line++ {
			out = append(out, p)
		}
	}
	return out
}

// position is "line a–b of n · p%" for the title line, or while the
// lines are counted "¶ a/n p%" by units.
func (r *readerPane) position(w, h int) string {
	if r.art == nil {
		return ""
	}
	total := r.totalLines(w)
	if total < 0 {
		n := r.units()
		return r.tr.Sprintf("¶ %d/%d %d%%…", r.top.unit+1, n, r.top.unit*100/max(n-1, 1))
	}
	if total == 0 {
		return ""
	}
	top := r.lineOf(r.top, w)
	last := min(top+bodyHeight(h), total)
	pct := 100
	if total > bodyHeight(h) {
		pct = top * 100 / (total - bodyHeight(h))
	}
	return r.tr.Sprintf("%d–%d/%d %d%%", top+1, last, total, pct)
}

// view draws the reader in w×h cells; searchLine, when given, replaces the
// title line.
func (r *readerPane) view(w, h int, focused bool, searchLine string) []string {
	st := &r.st
	out := make([]string, 0, h)
	if w <= 0 || h <= 0 {
		return out
	}
	name := r.tr.Text("Reader")
	if r.raw {
		name = r.tr.Text("Removed text")
	}
	if r.art != nil && r.cfg.Marks.Bookmarked(r.art.ID) {
		name += " ★"
	}
	ts := st.paneTitle
	if focused {
		ts = st.paneTitleFocused
	}
	pos := r.position(w, h)
	if c := r.counter(); c != "" {
		pos = c + "  " + pos
	}
	if searchLine != "" {
		out = append(out, searchLine)
	} else {
		out = append(out, r.ends(name, pos, w, ts))
	}
	if r.art == nil {
		out = append(out, r.say(r.tr.Text("Select an article and press enter."), w, st.placeholder))
		return out
	}
	r.scroll(0, w, h)
	tw := textWidth(w)
	for p := r.top; p.unit < r.units() && len(out) < h; p = (readerPos{p.unit + 1, 0}) {
		ls := r.unit(p.unit, tw).lines
		for i := p.line; i < len(ls) && len(out) < h; i++ {
			out = append(out, " "+ls[i])
		}
	}
	return out
}
