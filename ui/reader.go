package ui

import (
	"fmt"
	"slices"
	"strings"

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
	copies []string // where copies of its text were found
	raw    bool     // show what the loader removed instead of the text
	top    int      // first content line on screen

	// layers are the highlights, in the order they are drawn: where two
	// cover a word, the later shows.
	layers [layerCount]layer
	hlGen  int // moves on whenever a layer changes

	cache map[readerKey]*readerLayout
	paras map[paraKey]*paraLines
	gen   int // bumped when styles change, which makes cached lines stale
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

// readerKey is everything an article's laid-out lines depend on.
type readerKey struct {
	art   *collection.Article
	width int
	raw   bool
	gen   int
	hlGen int
}

// readerLayout is an article drawn at one width: its lines, and the line
// each span of each layer is on.
type readerLayout struct {
	lines     []string
	spanLines [layerCount][]int
}

// open shows a, from the top, with copies the places of its copies.
func (r *readerPane) open(a *collection.Article, copies []string) {
	if r.art != a {
		r.top = 0
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
	lines := r.layout(at.W).spanLines[i]
	cur := r.layers[i].cur
	if cur >= len(lines) {
		return
	}
	y := lines[cur]
	if y < r.top || y >= r.top+bodyHeight(at.H) {
		r.scrollTo(y-bodyHeight(at.H)/3, at.W, at.H)
	}
}

// counter is "3/17" for the reader's title line: where n/N is in the
// active layer; "0/0" for a search that found nothing.
func (r *readerPane) counter() string {
	i := r.active()
	if i < 0 {
		return ""
	}
	l := r.layers[i]
	if len(l.spans) == 0 {
		if i == layerSearch {
			return r.tr.Sprintf("%d/%d", 0, 0)
		}
		return ""
	}
	return r.tr.Sprintf("%d/%d", l.cur+1, len(l.spans))
}

// textWidth is the width text is wrapped to in a pane w cells wide: a cell
// of margin on each side.
func textWidth(w int) int { return max(w-2, 1) }

// lines returns the article laid out for a pane w cells wide.
func (r *readerPane) lines(w int) []string {
	return r.layout(w).lines
}

func (r *readerPane) layout(w int) *readerLayout {
	if r.art == nil {
		return &readerLayout{}
	}
	k := readerKey{r.art, textWidth(w), r.raw, r.gen, r.hlGen}
	if lay, ok := r.cache[k]; ok {
		return lay
	}
	if r.cache == nil || len(r.cache) > layoutCacheSize {
		r.cache = make(map[readerKey]*readerLayout)
	}
	lay := r.layoutArticle(k.width)
	r.cache[k] = lay
	return lay
}

// layoutArticle draws the open article's lines at width tw, its layers
// highlighted.
func (r *readerPane) layoutArticle(tw int) *readerLayout {
	a, raw, st := r.art, r.raw, &r.st
	var out []string
	lay := &readerLayout{}
	// byPara holds, by paragraph, the indexes of each layer's spans in it.
	type ref struct{ layer, span int }
	byPara := map[int][]ref{}
	for i := range r.layers {
		lay.spanLines[i] = make([]int, len(r.layers[i].spans))
		if raw {
			continue
		}
		for j, sp := range r.layers[i].spans {
			byPara[sp.Para] = append(byPara[sp.Para], ref{i, j})
		}
	}
	// para lays out paragraph i (collection.TitlePara, CreditPara or an
	// index; ownText: text of our own) whose text starts at byte at of
	// what is drawn, and notes the line of each span in it.
	para := func(i int, text string, base lipgloss.Style, at int, spans ...span) {
		refs := byPara[i]
		if i == ownText {
			refs = nil
		}
		for _, rf := range refs {
			l := r.layers[rf.layer]
			sp := l.spans[rf.span]
			tag := layerTag[rf.layer]
			if rf.span == l.cur && rf.layer == r.active() {
				tag = tagCurrent
			}
			spans = append(spans, span{Start: at + sp.Start, End: at + sp.End, Style: tag})
		}
		pl := r.paragraph(text, tw, base, spans)
		for _, rf := range refs {
			sp := r.layers[rf.layer].spans[rf.span]
			y := len(out)
			for k, l := range pl.lines {
				if at+sp.Start >= l.Start && at+sp.Start < l.End {
					y = len(out) + k
				}
			}
			lay.spanLines[rf.layer][rf.span] = y
		}
		out = append(out, pl.drawn...)
	}
	title := a.Title
	if title == "" {
		title = r.tr.Text("(untitled)")
	}
	para(collection.TitlePara, title, st.title, 0)
	meta, creditAt := metaLine(a, r.tr)
	para(collection.CreditPara, meta, st.meta, creditAt)
	// linkLine shows a link on lines of its own, as an OSC 8 hyperlink
	// too, for terminals that open links.
	linkLine := func(text, link string) {
		n := len(out)
		para(ownText, text, st.meta, 0)
		for i := n; i < len(out); i++ {
			out[i] = ansi.SetHyperlink(link) + out[i] + ansi.ResetHyperlink()
		}
	}
	if link := safeURL(a.URL); link != "" {
		linkLine(link, link)
	}
	out = append(out, "")
	if raw {
		if len(a.Removed) == 0 {
			para(ownText, r.tr.Text("The loader removed nothing from this article."), st.removed, 0)
		} else {
			para(ownText, r.tr.Sprintf("Removed by the loader as page furniture (%d):", len(a.Removed)), st.removed, 0)
		}
		for _, s := range a.Removed {
			out = append(out, "")
			para(ownText, s, st.row, 0)
		}
		lay.lines = out
		return lay
	}
	for i, p := range a.Paragraphs {
		// A list's items follow each other with no blank line, as glow
		// draws them (glamour ansi/elements.go ends an item with one
		// newline, tight list or loose).
		if i > 0 && !(p.Kind == collection.ListItem && a.Paragraphs[i-1].Kind == collection.ListItem) {
			out = append(out, "")
		}
		base := st.row
		switch p.Kind {
		case collection.Heading:
			base = st.heading
		case collection.Quote:
			base = st.quote
		case collection.Caption:
			base = st.caption
		case collection.Code:
			base = st.code
		}
		para(i, p.Text, base, 0, inlineSpans(p.Inlines)...)
		for _, in := range p.Inlines {
			// A link's address under its paragraph: the text alone
			// would lose it.
			if link := safeURL(in.URL); in.Kind == collection.Link && link != "" {
				linkLine("↗ "+link, link)
			}
		}
	}
	if len(r.copies) > 0 {
		out = append(out, "")
		para(ownText, r.tr.Sprintf("Same text also in: %s", strings.Join(r.copies, ", ")), st.meta, 0)
	}
	lay.lines = out
	return lay
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

// Bounds of the reader's caches: the laid-out articles (a few widths and
// highlights of the last articles opened) and paragraphs (the longest
// SaudiNewsNet article has about 2,000), dropped whole when reached.
const (
	layoutCacheSize = 32
	paraCacheSize   = 50000
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

// scroll moves the view by n lines within a pane of h lines.
func (r *readerPane) scroll(n, w, h int) {
	r.scrollTo(r.top+n, w, h)
}

func (r *readerPane) scrollTo(top, w, h int) {
	total := len(r.lines(w))
	r.top = clamp(top, 0, max(total-bodyHeight(h), 0))
}

// position is "line a–b of n · p%" for the title line.
func (r *readerPane) position(w, h int) string {
	total := len(r.lines(w))
	if total == 0 {
		return ""
	}
	last := min(r.top+bodyHeight(h), total)
	pct := 100
	if total > bodyHeight(h) {
		pct = r.top * 100 / (total - bodyHeight(h))
	}
	return r.tr.Sprintf("%d–%d/%d %d%%", r.top+1, last, total, pct)
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
	ls := r.lines(w)
	r.top = clamp(r.top, 0, max(len(ls)-bodyHeight(h), 0))
	for i := r.top; i < len(ls) && len(out) < h; i++ {
		out = append(out, " "+ls[i])
	}
	return out
}
