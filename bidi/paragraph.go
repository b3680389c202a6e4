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
package bidi

import (
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// Options controls how Paragraph lays a paragraph out.
type Options struct {
	Width         int       // wrap to this many terminal cells; 0 = no wrapping
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
type Cell struct{ Col, Width, Start, End int }

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
		if c.Start <= off && off < c.End {
			return c.Col
		}
	}
	return -1
}

// Offset returns the logical byte offset of the text shown at screen column
// col, or -1 for padding and columns past the end.
func (l *Line) Offset(col int) int {
	for _, c := range l.Cells {
		if c.Col <= col && col < c.Col+c.Width {
			return c.Start
		}
	}
	return -1
}

// Width returns the number of terminal cells s occupies, measured as
// lipgloss measures it (ansi.StringWidth, by grapheme cluster).
func Width(s string) int { return ansi.StringWidth(s) }

// ellipsis ends a paragraph cut by Options.MaxLines.
const ellipsis = '…'

type cluster struct {
	start, end int32 // logical rune range
	width      int32
	style      int32
	brk        bool // a line may break after this cluster
	must       bool // a line must break after it
	space      bool // only spaces: not shown at the end of a line
}

// renderer holds one paragraph's working memory, reused through a pool.
type renderer struct {
	buf      runeBuf
	out      []rune
	glue     []bool
	str      []byte
	clusters []cluster
	order    []Level
	text     []byte
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

func (rd *renderer) paragraph(text string, opt Options, spans []Span) []Line {
	sanitizeInto(&rd.buf, text)
	runes, src := rd.buf.runes, rd.buf.src
	n := len(runes)
	var levels []Level
	var para Level
	if n > 0 {
		levels, para = ResolveLevels(runes, opt.Dir)
	} else if opt.Dir == RTL {
		para = 1
	}
	rtl := para%2 == 1
	if n == 0 {
		return []Line{{RTL: rtl}}
	}

	// Characters to show, in logical order.
	rd.out = append(rd.out[:0], runes...)
	out := rd.out
	rd.glue = append(rd.glue[:0], make([]bool, n)...)
	for i, r := range runes {
		switch {
		case r >= 0xAD && isFormat(r):
			out[i] = dropped
		case opt.StripTashkeel && isTashkeel(r):
			out[i] = dropped
		case !opt.Logical && levels[i]%2 == 1:
			out[i] = mirrored(r)
		}
	}
	if !opt.Logical && !opt.NoShape {
		shape(runes, levels, out, rd.glue)
	}

	rd.segment(runes, opt.Width > 0)
	cl := rd.clusters
	for k := range cl {
		cl[k].width = int32(rd.clusterWidth(&cl[k]))
	}
	for _, s := range spans {
		if s.Start >= s.End {
			continue
		}
		k := sort.Search(len(cl), func(k int) bool { return int(src[cl[k].end]) > s.Start })
		for ; k < len(cl) && int(src[cl[k].start]) < s.End; k++ {
			cl[k].style = int32(s.Style)
		}
	}

	type span struct{ start, end, next int } // cluster indices: shown [start,end), next line at next
	var wrapped []span
	for start := 0; start < len(cl); {
		end, w, lastBrk := start, 0, -1
		for end < len(cl) {
			c := &cl[end]
			if opt.Width > 0 && !c.space && w+int(c.width) > opt.Width && end > start {
				break
			}
			w += int(c.width)
			end++
			if c.must && end < len(cl) {
				break
			}
			if c.brk {
				lastBrk = end
			}
		}
		if end < len(cl) && !cl[end-1].must && lastBrk > start {
			end = lastBrk
		}
		next := end
		for next < len(cl) && cl[next].space {
			next++
		}
		shown := end
		for shown > start && cl[shown-1].space {
			shown--
		}
		wrapped = append(wrapped, span{start, shown, next})
		start = next
	}

	cut := false
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

	lines := make([]Line, len(wrapped))
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
		rd.emit(l, runes, levels, para, cl[sp.start:sp.end], cut && li == len(wrapped)-1, opt)
	}
	return lines
}

// segment cuts runes into grapheme clusters (UAX #29) and, when the text
// is to be wrapped, marks the line-break opportunities (UAX #14, by uniseg);
// then it merges the clusters that a lam-alef ligature glues together.
// Text made only of characters whose cluster rules are plain (Latin,
// Arabic, general punctuation, presentation forms) is clustered here: a
// base and the marks after it; anything else goes through uniseg.
func (rd *renderer) segment(runes []rune, wrap bool) {
	cl := rd.clusters[:0]
	plain := true
	for _, r := range runes {
		if props(r)&propPlain == 0 {
			plain = false
			break
		}
	}
	rd.str = rd.str[:0]
	if !plain || wrap {
		for _, r := range runes {
			rd.str = utf8.AppendRune(rd.str, r)
		}
	}
	if plain {
		for i, r := range runes {
			if i > 0 && props(r)&propExtend != 0 && props(runes[i-1])&propControl == 0 {
				cl[len(cl)-1].end++
				continue
			}
			cl = append(cl, cluster{start: int32(i), end: int32(i + 1)})
		}
	} else {
		rest, state, at := rd.str, -1, int32(0)
		for len(rest) > 0 {
			var c []byte
			c, rest, _, state = uniseg.FirstGraphemeCluster(rest, state)
			k := int32(utf8.RuneCount(c))
			cl = append(cl, cluster{start: at, end: at + k})
			at += k
		}
	}
	if wrap {
		rest, state, at, k := rd.str, -1, int32(0), 0
		for len(rest) > 0 {
			var seg []byte
			var must bool
			seg, rest, must, state = uniseg.FirstLineSegment(rest, state)
			at += int32(utf8.RuneCount(seg))
			for k < len(cl) && cl[k].end < at {
				k++
			}
			if k < len(cl) && cl[k].end == at {
				cl[k].brk, cl[k].must = !must, must
			}
		}
	}
	// Merge glued clusters and note the clusters that are only spaces.
	out := cl[:0]
	for _, c := range cl {
		for i := c.start + 1; i < c.end-1; i++ {
			if runes[i] == 0x200D && props(runes[i+1])&(propExtend|propControl) == 0 {
				// A joiner inside a cluster holds an emoji sequence
				// together; dropped, the cluster would take more cells.
				rd.out[i] = 0x200D
			}
		}
		if len(out) > 0 && rd.glue[c.start] {
			last := &out[len(out)-1]
			last.end, last.brk, last.must = c.end, c.brk, c.must
			continue
		}
		c.space = true
		for _, r := range runes[c.start:c.end] {
			if r != ' ' {
				c.space = false
				break
			}
		}
		out = append(out, c)
	}
	rd.clusters = out
}

// clusterWidth measures the shaped text of c in cells.
func (rd *renderer) clusterWidth(c *cluster) int {
	shown := rd.out[c.start:c.end]
	first := -1
	simple := true
	for i, r := range shown {
		if r == dropped {
			continue
		}
		if first < 0 {
			first = i
			simple = isNarrow(r)
		} else if props(r)&propExtend == 0 {
			simple = false
		}
	}
	switch {
	case first < 0:
		return 0
	case simple:
		return 1
	}
	var buf [64]byte
	s := buf[:0]
	for _, r := range shown {
		if r != dropped {
			s = utf8.AppendRune(s, r)
		}
	}
	return ansi.StringWidth(string(s))
}

// emit fills l with the clusters cs of one line, reordered.
func (rd *renderer) emit(l *Line, runes []rune, levels []Level, para Level, cs []cluster, ellipsized bool, opt Options) {
	count := len(cs)
	if ellipsized {
		count++
	}
	if count == 0 {
		return
	}
	rd.order = rd.order[:0]
	var visual []int
	if !opt.Logical && len(cs) > 0 {
		lo, hi := int(cs[0].start), int(cs[len(cs)-1].end)
		lv := LineLevels(runes, levels, para, lo, hi)
		for _, c := range cs {
			i := int(c.start)
			for i < int(c.end)-1 && rd.out[i] == dropped {
				i++
			}
			rd.order = append(rd.order, lv[i-lo])
		}
	}
	if !opt.Logical {
		if ellipsized {
			rd.order = append(rd.order, para)
		}
		visual = VisualOrder(rd.order)
	}

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
	rd.text = rd.text[:0]
	for range pad {
		rd.text = append(rd.text, ' ')
	}
	l.Cells = make([]Cell, 0, count)
	col := pad
	segStart, style := 0, int32(0)
	for v := range count {
		k := v
		if visual != nil {
			k = visual[v]
		}
		before := len(rd.text)
		var cell Cell
		var st int32
		if k == len(cs) {
			rd.text = utf8.AppendRune(rd.text, ellipsis)
			end := l.End
			if len(cs) > 0 {
				end = int(src[cs[len(cs)-1].end])
			}
			cell = Cell{Col: col, Width: 1, Start: end, End: end}
		} else {
			c := &cs[k]
			for _, r := range rd.out[c.start:c.end] {
				if r != dropped {
					rd.text = utf8.AppendRune(rd.text, r)
				}
			}
			cell = Cell{Col: col, Width: int(c.width), Start: int(src[c.start]), End: int(src[c.end])}
			st = c.style
		}
		if len(rd.text) == before {
			continue // only format characters: nothing on screen
		}
		if st != style && before > segStart {
			l.Segments = append(l.Segments, Segment{Text: string(rd.text[segStart:before]), Style: int(style)})
			segStart = before
		}
		style = st
		l.Cells = append(l.Cells, cell)
		col += cell.Width
	}
	if len(rd.text) > segStart {
		l.Segments = append(l.Segments, Segment{Text: string(rd.text[segStart:]), Style: int(style)})
	}
	l.Text = string(rd.text)
	l.Width = col
}

// isArabic reports whether r is in one of the Arabic blocks.
func isArabic(r rune) bool {
	return (r >= 0x0600 && r <= 0x08FF) || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

// isFormat reports whether r is a format character (general category Cf:
// bidi controls, ZWJ, ZWNJ, BOM…): used for resolution and shaping, then
// never shown.
func isFormat(r rune) bool { return unicode.Is(unicode.Cf, r) }

// Character properties the renderer needs per rune, for the ranges that
// news text lives in.
const (
	propNarrow  = 1 << iota // exactly one cell by ansi.StringWidth, alone
	propExtend              // Grapheme_Extend: joins the cluster before it
	propControl             // a format character: a cluster of its own (UAX #29 GB4/GB5)
	propPlain               // only the rules above matter for its clusters
)

// propWindows are the ranges propTable covers, in order.
var propWindows = [...]struct{ lo, hi rune }{
	{0x0000, 0x0900}, // Latin, combining marks, Greek, Cyrillic, Hebrew, Arabic
	{0x2000, 0x2070}, // general punctuation
	{0x2400, 0x2440}, // control pictures (what Sanitize shows)
	{0xFB00, 0xFF00}, // presentation forms
}

// propTable holds the properties of the runes in propWindows, computed once
// from the unicode tables and from ansi.StringWidth itself, so that the
// shortcuts taken with it cannot disagree with them.
var propTable = sync.OnceValue(func() []uint8 {
	var t []uint8
	for _, w := range propWindows {
		for r := w.lo; r < w.hi; r++ {
			var p uint8
			cf := unicode.Is(unicode.Cf, r) && r != 0x200C && r != 0x200D
			extend := unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200C || r == 0x200D
			switch {
			case extend:
				p |= propExtend
			case cf:
				p |= propControl
			case ansi.StringWidth(string(r)) == 1:
				p |= propNarrow
			}
			plain := unicode.IsPrint(r) || extend || cf
			// Prepended concatenation marks (U+0600…) and extended
			// pictographs (©, ®, ‼, ⁉) have grapheme rules of their own.
			if (r >= 0x0600 && r <= 0x0605) || r == 0x06DD || r == 0x070F || r == 0x0890 || r == 0x0891 || r == 0x08E2 ||
				r == 0x00A9 || r == 0x00AE || r == 0x203C || r == 0x2049 || r < 0x20 || (r >= 0x7F && r < 0xA0) {
				plain = false
			}
			if plain {
				p |= propPlain
			}
			t = append(t, p)
		}
	}
	return t
})

func props(r rune) uint8 {
	if r >= 0x20 && r < 0x7F {
		return propNarrow | propPlain
	}
	t, off := propTable(), rune(0)
	for _, w := range propWindows {
		if r < w.lo {
			return 0
		}
		if r < w.hi {
			return t[off+r-w.lo]
		}
		off += w.hi - w.lo
	}
	return 0
}

func isNarrow(r rune) bool { return props(r)&propNarrow != 0 }
