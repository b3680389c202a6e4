// Package bidi turns a paragraph of logical Unicode text, typically Arabic
// mixed with Latin and digits, into lines a terminal can show as they are:
// sanitised, wrapped to a width, shaped into Arabic presentation forms,
// reordered and mirrored by the Unicode Bidirectional Algorithm (UAX #9),
// with the caller's style spans carried to the right cells.
//
// Most terminals neither reorder right-to-left text nor join Arabic letters,
// so the package does both and the terminal must be told not to do them
// again (EnterExplicitMode). For terminals that insist on reordering,
// Options.Logical keeps lines in logical order.
//
// Arabic letters inside a left-to-right override (LRO … PDF) are shown in
// the order the override asks for, left to right, and each keeps the form
// its logical neighbours give it, as everywhere else in the package. So
// "\u202Dبيت\u202C" shows as ﺑ ﻴ ﺖ from left to right, whose joins face
// away from each other, where fribidi flips the forms
// (ﺐ ﻴ ﺗ) so that the reversed letters look like a joined word, here
// تيب, which is not what the author wrote. An override around Arabic in
// an article is a mistake or a spoof (Trojan Source); a reader should see
// that the letters were turned around, not read a plausible other word.
package bidi

import (
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Options controls how Paragraph lays a paragraph out.
type Options struct {
	Width         int       // wrap to this many terminal cells (a wider cluster alone on its line); 0 = no wrapping
	Dir           Direction // paragraph direction; Auto = first strong character (P2–P3), LTR if none
	Pad           bool      // right-align RTL lines to Width with leading spaces
	NoShape       bool      // do not join Arabic letters (--shape=off)
	StripTashkeel bool      // drop harakat and other Arabic marks
	Logical       bool      // --bidi=terminal: sanitise and wrap only; lines stay in logical order, unshaped
	// MaxLines, when > 0, caps the number of lines; if text remains, the last
	// line is cut in logical order and ends (logically) with "…", so that an
	// Arabic title loses its logical end, not its beginning.
	MaxLines int
}

// Span marks the logical byte range [Start,End) of the paragraph text as
// passed in (before sanitising) with a caller's style tag. Style 0 means
// unstyled; callers use 1..n. Where spans overlap, the later one wins.
type Span struct{ Start, End, Style int }

// Segment is a visual run of a line that carries one style tag.
type Segment struct {
	Text  string
	Style int
}

// Cell is one grapheme cluster of a line as shown: it occupies Width
// columns from column Col, and stands for the logical bytes [Start,End) of
// the input. A lam-alef ligature is one cell standing for both letters.
// The fields are 32-bit because a line holds one Cell per cluster: that
// halves what a paragraph allocates (inputs are far below 2 GB).
type Cell struct{ Col, Width, Start, End int32 }

// Line is one screen line of a paragraph.
type Line struct {
	Text       string    // visual order, sanitised and shaped; padded only with Options.Pad
	Segments   []Segment // Text cut where the style tag changes, left to right on screen
	Width      int       // cells of Text
	RTL        bool      // the paragraph's direction is right-to-left (UIs right-align these)
	Start, End int       // logical byte range of the input this line covers; lines tile the input
	Cells      []Cell    // the clusters of Text left to right, mapping screen columns to input bytes
}

// Column returns the screen column of the cell showing logical byte offset
// off, or -1 if the line does not show it (a space swallowed by the wrap).
func (l *Line) Column(off int) int {
	for _, c := range l.Cells {
		if int(c.Start) <= off && off < int(c.End) {
			return int(c.Col)
		}
	}
	return -1
}

// Offset returns the logical byte offset of the text shown at screen column
// col, or -1 for padding and columns past the end.
func (l *Line) Offset(col int) int {
	for _, c := range l.Cells {
		if int(c.Col) <= col && col < int(c.Col+c.Width) {
			return int(c.Start)
		}
	}
	return -1
}

// Width returns the number of terminal cells s occupies, measured as
// lipgloss measures it (ansi.StringWidth, by grapheme cluster).
func Width(s string) int { return ansi.StringWidth(s) }

// ellipsis ends a paragraph cut by Options.MaxLines.
const ellipsis = '…'

// cluster is a grapheme cluster of the paragraph as shown. It starts at
// logical rune start and ends where the next one starts: rd.clusters is
// followed, within its capacity, by a cluster starting at the end of the
// paragraph, so that the last cluster has a next too (clusterEnd). The
// record is 8 bytes because a paragraph holds one per character, and the
// renderer's memory is mostly these: its end and its style tag (in
// rd.styles, filled only when there are spans) are not kept in it, and
// its width is 16-bit, which is plenty since a cluster is one grapheme
// cluster, at most 2 cells, or a lam-alef ligature and the marks glued to
// it, one cell.
type cluster struct {
	start int32 // first logical rune
	width int16
	space bool // only spaces: not shown at the end of a line
	lone  bool // begins with a spacing mark, shown on a dotted circle
}

// clusterEnd returns where cluster k of cs ends: where the next one,
// possibly the one past the end of the paragraph, starts.
func clusterEnd(cs []cluster, k int) int32 { return cs[:k+2][k+1].start }

// loneBase is the base a spacing mark (ा, ো: a vowel sign that takes a
// cell of its own) with no letter before it is shown on, as Unicode's
// charts and shaping engines show it: left alone, it takes a cell when
// measured, but a terminal puts it on whatever cell comes before it on
// the line (a space of the padding, a letter of another word), and the
// line is a cell short. A nonspacing mark (the harakat) takes no cell
// either way.
const loneBase = '\u25CC'

// isSpacingMark reports whether r is a spacing combining mark.
func isSpacingMark(r rune) bool { return unicode.Is(unicode.Mc, r) }

// renderer holds one paragraph's working memory, reused through a pool.
type renderer struct {
	buf        runeBuf
	lv         levelsScratch
	out        []rune // the characters shown: the runes, or shown
	shown      []rune
	glue       []uint8 // set for the characters shape glues to the cluster before
	str        []byte
	cluster    []byte // the characters of a cluster being measured
	clusters   []cluster
	styles     []int32 // the style tag of each cluster, when there are spans
	wrapped    []lineSpan
	order      []Level
	lineLevels []Level
	text       []byte
	offsets    []int32 // per line: bounds in text, range of its segments
	segOffsets []int32 // bounds in text of each segment
	cuts       []textCut
	visual     []int
}

var renderers = sync.Pool{New: func() any { return new(renderer) }}

// Paragraph lays out one paragraph (a '\n' in it counts as a space) and
// returns its screen lines, top to bottom; an empty paragraph gives one
// empty line. Levels are resolved once for the whole paragraph, letters are
// shaped with the whole paragraph as context, the text is wrapped in
// logical order on cells measured after shaping, and each line is then
// reordered on its own (UAX #9 L1–L2 by grapheme cluster, so marks stay
// after their letter) and mirrored (L4).
func Paragraph(text string, opt Options, spans ...Span) []Line {
	rd := renderers.Get().(*renderer)
	defer renderers.Put(rd)
	return rd.paragraph(text, opt, spans)
}

// layout sanitises, resolves, shapes, clusters and wraps text, leaving
// the clusters in rd.clusters and the lines in rd.wrapped (none for an
// empty paragraph), and returns the levels, the paragraph level and
// whether the last line is cut by MaxLines. With offsets, it keeps the
// byte offset of every rune in rd.buf.src, which spans and cells need.
func (rd *renderer) layout(text string, opt Options, spans []Span, offsets bool) (levels []Level, para Level, cut bool) {
	sanitizeInto(&rd.buf, text, offsets)
	runes, src, info := rd.buf.runes, rd.buf.src, rd.buf.info
	n := len(runes)
	if n > 0 {
		// Resolved with the renderer's own scratch, whose classes L1 reads
		// again line by line, into its array of embedding levels, which
		// resolution needs no more once a rune has its level.
		rd.lv.lev = levelsGrow(rd.lv.lev, n)
		levels = rd.lv.lev
		para = rd.lv.resolve(runes, info, opt.Dir, levels)
	} else if opt.Dir == RTL {
		para = 1
	}
	if n == 0 {
		rd.clusters, rd.wrapped = rd.clusters[:0], rd.wrapped[:0]
		return nil, para, false
	}

	// Characters to show, in logical order: the runes themselves until
	// one is shown otherwise, then a copy in rd.shown. The copy is as
	// large as the runes, and text without joining letters, mirrored
	// characters or format characters does without it.
	out, copied := runes, false
	// The classes as the rules changed them are of no more use either:
	// the glue takes their place.
	rd.glue = rd.lv.typ[:n]
	clear(rd.glue)
	common := ^uint8(0) // the properties every rune has
	var some charInfo   // the bits some rune has
	for i, r := range runes {
		some |= info[i]
		p := uint8(info[i] >> infoPropShift)
		common &= p
		if r < 0x900 && p&(propControl|propExtend|propMirrored) == 0 {
			continue // a letter, digit, space or sign shown as it is
		}
		o := r
		switch {
		case r < 0xA0:
			if !opt.Logical && levels[i]&1 == 1 && r < 0x80 {
				o = mirrorASCII[r]
			}
		case formatOf(r):
			o = dropped
		case opt.StripTashkeel && isTashkeel(r):
			o = dropped
		case !opt.Logical && levels[i]&1 == 1 && maybeMirrored(r):
			o = mirrored(r)
		}
		if o != r {
			if !copied {
				rd.shown = append(rd.shown[:0], runes...)
				out, copied = rd.shown, true
			}
			out[i] = o
		}
	}
	// Shaping changes only letters that join: of a join-causing, dual-,
	// right- or left-joining type, whose values have a bit above bit 0.
	if !opt.Logical && !opt.NoShape && some>>infoJoinShift&6 != 0 {
		if !copied {
			rd.shown = append(rd.shown[:0], runes...)
			out = rd.shown
		}
		shape(runes, info, levels, out, rd.glue)
	}
	rd.out = out

	if common&propPlain != 0 {
		rd.segmentPlain(runes)
	} else {
		rd.segmentUniseg(runes)
	}
	cl := rd.clusters
	rd.styles = rd.styles[:0]
	for _, s := range spans {
		if s.Start >= s.End {
			continue
		}
		if len(rd.styles) == 0 {
			rd.styles = slices.Grow(rd.styles, len(cl))[:len(cl)]
			clear(rd.styles)
		}
		k := sort.Search(len(cl), func(k int) bool { return int(src[clusterEnd(cl, k)]) > s.Start })
		for ; k < len(cl) && int(src[cl[k].start]) < s.End; k++ {
			rd.styles[k] = int32(s.Style)
		}
	}

	wrapped := rd.wrapped[:0]
	safe := 0 // where line breaking may restart: the last real break
	for start := 0; start < len(cl); {
		end, w := start, 0
		for end < len(cl) {
			c := &cl[end]
			// The rarely true test first: spaces and letters alternate.
			if w+int(c.width) > opt.Width && opt.Width > 0 && !c.space && end > start {
				break
			}
			w += int(c.width)
			end++
		}
		if end < len(cl) {
			if b := rd.lastBreak(runes, safe, start, end); b > start {
				end = b
				safe = b
			}
		}
		next := end
		for next < len(cl) && cl[next].space {
			next++
		}
		shown := end
		for shown > start && cl[shown-1].space {
			shown--
		}
		wrapped = append(wrapped, lineSpan{start, shown, next})
		start = next
	}

	if opt.MaxLines > 0 && len(wrapped) > opt.MaxLines {
		cut = true
		wrapped = wrapped[:opt.MaxLines]
		last := &wrapped[len(wrapped)-1]
		end, w := last.start, 0
		for end < len(cl) && (opt.Width <= 0 || w+int(cl[end].width) <= opt.Width-1) {
			w += int(cl[end].width)
			end++
		}
		last.next = end
		for end > last.start && cl[end-1].space {
			end--
		}
		last.end = end
	}

	rd.wrapped = wrapped
	return levels, para, cut
}

// AppendLines appends to dst the lines Paragraph would return for text,
// each line's Text followed by '\n', and returns the extended buffer. It is
// for callers that want bytes, not cells (a command writing to a pipe, a
// list of titles): it builds no Line, Cell or string, and once its working
// memory has grown to the longest paragraph seen it allocates nothing.
func AppendLines(dst []byte, text string, opt Options) []byte {
	rd := renderers.Get().(*renderer)
	defer renderers.Put(rd)
	return rd.appendLines(dst, text, opt)
}

// Renderer is the working memory of AppendLines, for a caller that renders
// paragraph after paragraph on one goroutine: unlike the shared pool that
// AppendLines draws from, it is never dropped by the garbage collector or
// left behind on another processor, so that once it has grown to the
// longest paragraph it allocates nothing at all. The zero value is ready
// to use; a Renderer must not be used by two goroutines at once.
type Renderer struct{ rd renderer }

// AppendLines is the package's AppendLines with r's working memory.
func (r *Renderer) AppendLines(dst []byte, text string, opt Options) []byte {
	return r.rd.appendLines(dst, text, opt)
}

func (rd *renderer) appendLines(dst []byte, text string, opt Options) []byte {
	levels, para, cut := rd.layout(text, opt, nil, false)
	wrapped := rd.wrapped
	for li, sp := range wrapped {
		dst = rd.emitText(dst, levels, para, rd.clusters[sp.start:sp.end], cut && li == len(wrapped)-1, opt)
		dst = append(dst, '\n')
	}
	if len(wrapped) == 0 {
		dst = append(dst, '\n') // an empty paragraph is one empty line
	}
	return dst
}

// emitText appends the clusters cs of one line to dst in visual order, as
// emit writes Line.Text.
func (rd *renderer) emitText(dst []byte, levels []Level, para Level, cs []cluster, ellipsized bool, opt Options) []byte {
	if len(cs) == 0 && !ellipsized {
		return dst // a line of swallowed spaces: not even padding, as emit
	}
	width := 0
	for _, c := range cs {
		width += int(c.width)
	}
	if ellipsized {
		width++
	}
	if opt.Pad && opt.Width > 0 && para&1 == 1 && width < opt.Width {
		for range opt.Width - width {
			dst = append(dst, ' ')
		}
	}
	if len(cs) > 0 {
		dst = slices.Grow(dst, 4*int(clusterEnd(cs, len(cs)-1)-cs[0].start)+4)
	}
	out := rd.out
	order, single, rtl := rd.lineOrder(levels, para, cs, ellipsized, opt)
	switch {
	case single && !rtl:
		// Left to right throughout: logical order.
		for k := range cs {
			dst = appendCluster(dst, out, cs, k)
		}
		if ellipsized {
			dst = utf8.AppendRune(dst, ellipsis)
		}
	case single:
		// Right to left throughout: the clusters reversed, each kept whole
		// so that marks stay after their letter.
		if ellipsized {
			dst = utf8.AppendRune(dst, ellipsis)
		}
		for k := len(cs) - 1; k >= 0; k-- {
			dst = appendCluster(dst, out, cs, k)
		}
	default:
		visual := slices.Grow(rd.visual[:0], len(order))[:len(order)]
		for k := range visual {
			visual[k] = k
		}
		rd.visual = visual
		reorder(visual, order)
		for _, k := range visual {
			if k == len(cs) {
				dst = utf8.AppendRune(dst, ellipsis)
			} else {
				dst = appendCluster(dst, out, cs, k)
			}
		}
	}
	return dst
}

// appendCluster appends the characters shown for cluster k of cs.
func appendCluster(dst []byte, out []rune, cs []cluster, k int) []byte {
	c := &cs[k]
	if c.lone {
		dst = utf8.AppendRune(dst, loneBase)
	}
	end := clusterEnd(cs, k)
	if end-c.start == 1 {
		switch r := out[c.start]; {
		case uint32(r-0xFB50) < 0xFF00-0xFB50:
			return append(dst, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
		case uint32(r) < 0x80:
			return append(dst, byte(r))
		case r != dropped:
			return appendRune(dst, r)
		}
		return dst
	}
	for _, r := range out[c.start:end] {
		if r != dropped {
			dst = appendRune(dst, r)
		}
	}
	return dst
}

func (rd *renderer) paragraph(text string, opt Options, spans []Span) []Line {
	levels, para, cut := rd.layout(text, opt, spans, true)
	rtl := para%2 == 1
	if len(rd.buf.runes) == 0 {
		return []Line{{RTL: rtl}}
	}
	src, cl, wrapped := rd.buf.src, rd.clusters, rd.wrapped

	// The lines' texts are written one after the other into rd.text and
	// made one string, which the lines and their segments share.
	lines := make([]Line, len(wrapped))
	cells := make([]Cell, 0, len(cl)+1)
	segments := make([]Segment, 0, len(wrapped)+2*len(spans)+1)
	rd.text = rd.text[:0]
	rd.offsets, rd.segOffsets = rd.offsets[:0], rd.segOffsets[:0]
	for li, sp := range wrapped {
		l := &lines[li]
		l.RTL = rtl
		l.Start = int(src[cl[sp.start].start])
		if sp.next < len(cl) {
			l.End = int(src[cl[sp.next].start])
		} else {
			l.End = len(text)
		}
		if li == 0 {
			l.Start = 0
		}
		var styles []int32
		if len(rd.styles) > 0 {
			styles = rd.styles[sp.start:sp.end]
		}
		cells, segments = rd.emit(l, levels, para, cl[sp.start:sp.end], styles, cut && li == len(wrapped)-1, opt, cells, segments)
	}
	all := string(rd.text)
	off := rd.offsets
	for k := range segments {
		segments[k].Text = all[rd.segOffsets[2*k]:rd.segOffsets[2*k+1]]
	}
	for li := range lines {
		o := off[4*li : 4*li+4]
		lines[li].Text = all[o[0]:o[1]]
		if o[2] >= 0 { // -1: a line with nothing on it has no segments at all
			lines[li].Segments = segments[o[2]:o[3]:o[3]]
		}
	}
	return lines
}

// segment cuts runes into grapheme clusters (UAX #29) and merges the
// clusters that a lam-alef ligature glues together. Text made only of
// characters whose cluster rules are plain (Latin, Arabic, general
// punctuation, presentation forms) is clustered here: a base and the marks
// after it; anything else goes through uniseg.
func (rd *renderer) segment(runes []rune) {
	for _, r := range runes {
		if propOf(r)&propPlain == 0 {
			rd.segmentUniseg(runes)
			return
		}
	}
	rd.segmentPlain(runes)
}

// segmentPlain is segment for text whose every rune is propPlain. No emoji
// here, so no joiner to keep; glue, spaces and widths are settled on the
// way: a cluster whose first character as shown is narrow and whose others
// are marks or dropped is one cell (clusterWidth's shortcut), any other is
// measured by clusterWidth once complete.
func (rd *renderer) segmentPlain(runes []rune) {
	cl := slices.Grow(rd.clusters[:0], len(runes)+1)[:len(runes)+1]
	glue := rd.glue[:len(runes)]
	out := rd.out[:len(runes)]
	info := rd.buf.info[:len(runes)]
	k := -1
	prevControl := true
	for i, r := range runes {
		p := uint8(info[i] >> infoPropShift)
		if (p&propExtend != 0 && !prevControl) || (i > 0 && glue[i] != 0) {
			c := &cl[k]
			c.space = c.space && r == ' '
			if o := out[i]; o != dropped && propOf(o)&propExtend == 0 {
				c.width = -1
			}
		} else {
			if k >= 0 && cl[k].width < 0 {
				cl[k].width = int16(rd.clusterWidth(&cl[k], int32(i)))
			}
			k++
			w := int16(-1)
			if o := out[i]; o != dropped && propOf(o)&propNarrow != 0 {
				w = 1
			}
			cl[k] = cluster{start: int32(i), width: w, space: r == ' '}
		}
		prevControl = p&propControl != 0
	}
	if k >= 0 && cl[k].width < 0 {
		cl[k].width = int16(rd.clusterWidth(&cl[k], int32(len(runes))))
	}
	cl[k+1] = cluster{start: int32(len(runes))}
	rd.clusters = cl[:k+1]
}

// segmentUniseg is segment for any text, by uniseg.
func (rd *renderer) segmentUniseg(runes []rune) {
	cl := rd.clusters[:0]
	rd.str = rd.str[:0]
	for _, r := range runes {
		rd.str = utf8.AppendRune(rd.str, r)
	}
	rest, state, at := rd.str, -1, int32(0)
	for len(rest) > 0 {
		var seg []byte
		seg, rest, _, state = uniseg.FirstGraphemeCluster(rest, state)
		start, end := at, at+runeCount(seg)
		at = end
		for i := start + 1; i < end-1; i++ {
			if runes[i] == 0x200D && propOf(runes[i+1])&(propExtend|propControl) == 0 {
				// A joiner inside a cluster holds an emoji sequence
				// together; dropped, the cluster would take more cells.
				rd.out[i] = 0x200D
			}
		}
		// A glued cluster joins the one before; whether that one is only
		// spaces is told by its own characters.
		if len(cl) > 0 && rd.glue[start] != 0 {
			continue
		}
		c := cluster{start: start, space: runes[start] == ' '}
		for _, r := range runes[start+1 : end] {
			if r != ' ' {
				c.space = false
				break
			}
		}
		cl = append(cl, c)
	}
	cl = append(cl, cluster{start: at})
	for k := range len(cl) - 1 {
		cl[k].width = int16(rd.clusterWidth(&cl[k], cl[k+1].start))
	}
	rd.clusters = cl[:len(cl)-1]
}

// lastBreak returns the last cluster index b in (start, end] before which
// UAX #14 allows a line break, or -1. It asks uniseg about a window that
// ends a few clusters past end (some rules look ahead) and starts at the
// last run of spaces after a letter, a digit or endsClause: the rules that
// look back across spaces only do so for ZW, OP, QU, CL, CP and B2, so from
// such a run on, uniseg's answers do not depend on the text before it. Without
// one, or if the window holds no break, the window starts at safe, the
// last real break (context does not reach back across one), or, in a
// very long word, a few dozen clusters before start.
func (rd *renderer) lastBreak(runes []rune, safe, start, end int) int {
	cl := rd.clusters
	stop := min(end+4, len(cl))
	from := end
	for from > start {
		// Find the next run of spaces back from from.
		k := from - 1
		for k > start && !cl[k].space {
			k--
		}
		for k > start && cl[k-1].space {
			k--
		}
		if k <= start || !cl[k].space {
			from = start
			break
		}
		if base := runes[cl[k-1].start]; unicode.IsLetter(base) || unicode.IsDigit(base) || endsClause(base) {
			from = k
			if b := rd.wordAfter(runes, k, end); b > start {
				return b
			}
			if b := rd.breakIn(runes, from, end, stop); b > start {
				return b
			}
		}
		from = k
	}
	return rd.breakIn(runes, max(safe, start-32), end, stop)
}

// endsClause reports whether r is punctuation that ends a clause or a
// sentence, of line-breaking class IS or EX (UAX #14, LineBreak.txt):
// Latin and Arabic commas, full stops, colons, semicolons, exclamation and
// question marks. No rule looks back across spaces to such a character.
func endsClause(r rune) bool {
	switch r {
	case ',', '.', ':', ';', '!', '?', 0x060C, 0x061B, 0x061F:
		return true
	}
	return false
}

// wordAfter returns the cluster index b where the word after the run of
// spaces at cluster k starts, if b ≤ end and the clusters from b to end
// inclusive are only Latin or Arabic letters, digits and marks; -1
// otherwise. UAX #14 then breaks before b (LB18: lastBreak calls it only
// after a character no rule looks back to across spaces) and nowhere
// between b and end (LB9, LB23, LB25, LB28), so b is the last
// break in (start, end]: what breakIn would find, without uniseg.
func (rd *renderer) wordAfter(runes []rune, k, end int) int {
	cl := rd.clusters
	b := k
	for b < end && cl[b].space {
		b++
	}
	if !cl[k].space || cl[b].space || end >= len(cl) || !wordStart(runes[cl[b].start]) {
		return -1
	}
	for _, r := range runes[cl[b].start:clusterEnd(cl, end)] {
		if !wordStart(r) && !(r >= 0x064B && r <= 0x065F) && r != 0x0670 {
			return -1
		}
	}
	return b
}

// wordStart reports whether r is a character of line-breaking class AL or
// NU (UAX #14, LineBreak.txt) that wordAfter may take a word to start
// with: an ASCII letter or digit, an Arabic letter or Arabic-Indic digit.
func wordStart(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') ||
		(r >= 0x0621 && r <= 0x063A) || (r >= 0x0641 && r <= 0x064A) || (r >= 0x0660 && r <= 0x0669)
}

// breakIn returns the last cluster index b in (from, end] that uniseg
// allows a break before, reading clusters [from, stop), or -1.
func (rd *renderer) breakIn(runes []rune, from, end, stop int) int {
	cl := rd.clusters
	rd.str = rd.str[:0]
	for _, r := range runes[cl[from].start:clusterEnd(cl, stop-1)] {
		rd.str = utf8.AppendRune(rd.str, r)
	}
	best, k := -1, from
	at := cl[from].start
	limit := cl[end].start
	rest, state := rd.str, -1
	for len(rest) > 0 {
		var seg []byte
		seg, rest, _, state = uniseg.FirstLineSegment(rest, state)
		if len(rest) == 0 && stop < len(cl) {
			break // the window's end is not the text's
		}
		at += runeCount(seg)
		if at > limit {
			break
		}
		for k < len(cl) && cl[k].start < at {
			k++
		}
		if k < len(cl) && cl[k].start == at {
			best = k
		}
	}
	return best
}

// runeCount counts the characters of b, valid UTF-8 that the renderer
// encoded itself. utf8.RuneCount would do, but Go 1.26's copies a slice
// longer than 32 bytes into a string on the heap.
func runeCount(b []byte) int32 {
	n := int32(0)
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// clusterWidth measures the shaped text of c, which ends at rune end, in
// cells.
func (rd *renderer) clusterWidth(c *cluster, end int32) int {
	shown := rd.out[c.start:end]
	if len(shown) == 1 && shown[0] != dropped && propOf(shown[0])&propNarrow != 0 {
		return 1
	}
	first := -1
	simple := true
	for i, r := range shown {
		if r == dropped {
			continue
		}
		if first < 0 {
			first = i
			simple = propOf(r)&propNarrow != 0
		} else if propOf(r)&propExtend == 0 {
			simple = false
		}
	}
	switch {
	case first < 0:
		return 0
	case simple:
		return 1
	}
	s := rd.cluster[:0]
	if c.lone = isSpacingMark(shown[first]); c.lone {
		s = utf8.AppendRune(s, loneBase)
	}
	for _, r := range shown {
		if r != dropped {
			s = utf8.AppendRune(s, r)
		}
	}
	rd.cluster = s
	// ansi.StringWidth only reads its argument: a string sharing the
	// scratch bytes spares an allocation per measured cluster.
	return ansi.StringWidth(unsafe.String(unsafe.SliceData(s), len(s)))
}

// lineSpan is a line as wrapped, in cluster indices: it shows [start,end),
// and the next line starts at next.
type lineSpan struct{ start, end, next int }

// emit fills l with the clusters cs of one line, reordered. It appends the
// line's text to rd.text, its bounds in it and the range of its segments to
// rd.offsets, and the bounds of its segments' texts to rd.segOffsets;
// paragraph makes the strings and sets l.Segments from them. It
// returns cells and segments extended with the line's.
func (rd *renderer) emit(l *Line, levels []Level, para Level, cs []cluster, styles []int32, ellipsized bool, opt Options, cells []Cell, segments []Segment) ([]Cell, []Segment) {
	base := len(rd.text)
	count := len(cs)
	if ellipsized {
		count++
	}
	if count == 0 {
		rd.offsets = append(rd.offsets, int32(base), int32(base), -1, -1)
		return cells, segments
	}
	visual := rd.visualOrder(levels, para, cs, ellipsized, opt)

	src := rd.buf.src
	width := 0
	for _, c := range cs {
		width += int(c.width)
	}
	if ellipsized {
		width++
	}
	pad := 0
	if opt.Pad && opt.Width > 0 && l.RTL && width < opt.Width {
		pad = opt.Width - width
	}
	text := rd.text
	for range pad {
		text = append(text, ' ')
	}
	if len(cs) > 0 {
		// Room for every character of the line and the ellipsis.
		text = slices.Grow(text, 4*int(clusterEnd(cs, len(cs)-1)-cs[0].start)+4)
	}
	first := len(cells)
	col := pad
	segs := rd.cuts[:0]
	style := int32(-1)
	out := rd.out
	for _, k := range visual {
		before := len(text)
		var cell Cell
		var st int32
		if k == len(cs) {
			text = utf8.AppendRune(text, ellipsis)
			end := l.End
			if len(cs) > 0 {
				end = int(src[clusterEnd(cs, len(cs)-1)])
			}
			cell = Cell{Col: int32(col), Width: 1, Start: int32(end), End: int32(end)}
		} else {
			c := &cs[k]
			cend := clusterEnd(cs, k)
			if c.lone {
				text = utf8.AppendRune(text, loneBase)
			}
			if cend-c.start == 1 {
				// appendRune, inline for presentation forms and ASCII.
				switch r := out[c.start]; {
				case uint32(r-0xFB50) < 0xFF00-0xFB50:
					text = append(text, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
				case uint32(r) < 0x80:
					text = append(text, byte(r))
				case r != dropped:
					text = appendRune(text, r)
				}
			} else {
				for _, r := range out[c.start:cend] {
					if r != dropped {
						text = appendRune(text, r)
					}
				}
			}
			cell = Cell{Col: int32(col), Width: int32(c.width), Start: int32(src[c.start]), End: int32(src[cend])}
			if styles != nil {
				st = styles[k]
			}
		}
		if len(text) == before {
			continue // only format characters: nothing on screen
		}
		if st != style {
			if len(segs) == 0 && st == 0 {
				before = base // the padding joins the first unstyled segment
			}
			segs = append(segs, textCut{int32(before), st})
			style = st
		}
		cells = append(cells, cell)
		col += int(cell.Width)
	}
	rd.text = text
	rd.cuts = segs
	l.Width = col
	l.Cells = cells[first:len(cells):len(cells)]
	firstSeg := len(segments)
	if pad > 0 && (len(segs) == 0 || int(segs[0].at) > base) {
		segments = append(segments, Segment{Style: 0})
		end := len(text)
		if len(segs) > 0 {
			end = int(segs[0].at)
		}
		rd.segOffsets = append(rd.segOffsets, int32(base), int32(end))
	}
	for i, c := range segs {
		end := len(text)
		if i+1 < len(segs) {
			end = int(segs[i+1].at)
		}
		segments = append(segments, Segment{Style: int(c.style)})
		rd.segOffsets = append(rd.segOffsets, c.at, int32(end))
	}
	rd.offsets = append(rd.offsets, int32(base), int32(len(text)), int32(firstSeg), int32(len(segments)))
	return cells, segments
}

// lineOrder returns the levels the clusters cs of one line are shown at
// (L1 applied; the ellipsis, if any, at the paragraph level last) in
// rd.order, or single if they are all at one level, then rtl for an odd
// one, without filling rd.order for the common case of a paragraph all at
// one level.
func (rd *renderer) lineOrder(levels []Level, para Level, cs []cluster, ellipsized bool, opt Options) (order []Level, single, rtl bool) {
	switch {
	case opt.Logical:
		return nil, true, false
	case rd.lv.uniform:
		// Every cluster, the ellipsis too, is at the paragraph level.
		return nil, true, para&1 == 1
	}
	count := len(cs)
	if ellipsized {
		count++
	}
	if count == 0 {
		return nil, true, false // a line of swallowed spaces shows nothing
	}
	order = slices.Grow(rd.order[:0], count)[:count]
	rd.order = order
	if len(cs) > 0 {
		lo, hi := int(cs[0].start), int(clusterEnd(cs, len(cs)-1))
		lv := levels[lo:hi]
		if rd.lv.present&(1<<lcS|1<<lcB) != 0 {
			lv = append(rd.lineLevels[:0], lv...)
			rd.lineLevels = lv
			lineReset(lv, rd.lv.cls[lo:hi], para)
		} else {
			// Without separators, L1 resets only the whitespace and
			// the like at the line's end.
			reset := hi
			for reset > lo && levelsKinds[rd.lv.cls[reset-1]&lcClassMask]&lkLineReset != 0 {
				reset--
			}
			if reset < hi {
				lv = append(rd.lineLevels[:0], lv...)
				rd.lineLevels = lv
				for i := reset - lo; i < len(lv); i++ {
					lv[i] = para
				}
			}
		}
		out := rd.out
		for k, c := range cs {
			i, end := int(c.start), int(clusterEnd(cs, k))
			for i < end-1 && out[i] == dropped {
				i++
			}
			order[k] = lv[i-lo]
		}
	}
	if ellipsized {
		order[count-1] = para
	}
	lo, hi := order[0], order[0]
	for _, v := range order {
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo == hi {
		return order, true, lo&1 == 1
	}
	return order, false, false
}

// visualOrder returns the indices of the clusters cs of one line in visual
// order (UAX #9 L1–L2 by cluster); the ellipsis, if any, is index len(cs).
func (rd *renderer) visualOrder(levels []Level, para Level, cs []cluster, ellipsized bool, opt Options) []int {
	count := len(cs)
	if ellipsized {
		count++
	}
	visual := slices.Grow(rd.visual[:0], count)[:count]
	for k := range visual {
		visual[k] = k
	}
	rd.visual = visual
	if count == 0 {
		return visual
	}
	switch order, single, rtl := rd.lineOrder(levels, para, cs, ellipsized, opt); {
	case single && rtl:
		slices.Reverse(visual)
	case !single:
		reorder(visual, order)
	}
	return visual
}

// textCut is where a line's text passes to another style.
type textCut struct {
	at    int32
	style int32
}

// appendRune is utf8.AppendRune with the two- and three-byte forms of
// Arabic letters and their presentation forms written inline.
func appendRune(b []byte, r rune) []byte {
	switch {
	case uint32(r) < 0x80:
		return append(b, byte(r))
	case uint32(r) < 0x800:
		return append(b, 0xC0|byte(r>>6), 0x80|byte(r)&0x3F)
	case uint32(r) < 0xD800 || (uint32(r) > 0xDFFF && uint32(r) < 0x10000):
		return append(b, 0xE0|byte(r>>12), 0x80|byte(r>>6)&0x3F, 0x80|byte(r)&0x3F)
	}
	return utf8.AppendRune(b, r)
}

// isFormat reports whether r is a format character (general category Cf:
// bidi controls, ZWJ, ZWNJ, BOM…): used for resolution and shaping, then
// never shown.
func isFormat(r rune) bool { return unicode.Is(unicode.Cf, r) }

// Character properties the renderer needs per rune, for the ranges that
// news text lives in.
const (
	propNarrow   = 1 << iota // exactly one cell by ansi.StringWidth, alone
	propExtend               // Grapheme_Extend: joins the cluster before it
	propControl              // a format character: a cluster of its own (UAX #29 GB4/GB5)
	propPlain                // only the rules above matter for its clusters
	propMirrored             // has a Bidi_Mirroring_Glyph
)

// charInfo is everything the renderer asks about a character, in one
// word: its bidi class with paired-bracket bits (as levelsClass gives it)
// in bits 0–7, its prop bits in bits 8–15, its joiningType in bits 16–18,
// and infoKnown. charData holds it for the ranges news text lives in.
type charInfo uint32

const (
	infoPropShift = 8
	infoJoinShift = 16
	infoKnown     = 1 << 24 // the character is in charData's windows
)

// charOf returns the charInfo of r, 0 outside charData's windows.
func charOf(r rune) charInfo {
	if uint32(r) > 0xFFFF {
		return 0
	}
	return charData[charPages[r>>8]&15][r&0xFF]
}

// charOfAny returns the charInfo of any r: charData's, or for a character
// outside its windows the class and joining type looked up, and no props.
func charOfAny(r rune) charInfo {
	if i := charOf(r); i&infoKnown != 0 {
		return i
	}
	return charInfo(levelsLookup(r)) | charInfo(joiningOf(r))<<infoJoinShift | infoKnown
}

// propOf returns the properties of r, 0 outside charData's windows.
func propOf(r rune) uint8 { return uint8(charOf(r) >> infoPropShift) }

// formatOf is isFormat answered from the table where it can be.
func formatOf(r rune) bool {
	if r < 0x0900 || (r >= 0xFB00 && r < 0xFF00) {
		return propOf(r)&propControl != 0
	}
	return isFormat(r)
}

// maybeMirrored reports whether r may have a Bidi_Mirroring_Glyph: the
// table answers for its windows, the map for the rest.
func maybeMirrored(r rune) bool {
	if r < 0x0900 || (r >= 0xFB00 && r < 0xFF00) {
		return propOf(r)&propMirrored != 0
	}
	return true
}

// mirrorASCII maps the ASCII characters to their mirrored glyph.
var mirrorASCII = func() (m [0x80]rune) {
	for r := range m {
		m[r] = mirrored(rune(r))
	}
	return m
}()
