package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/bidi"
)

// line is one screen line of text as the bidi package lays it out: visual
// order, shaped, sanitised, with the style tags of the spans passed in.
type line = bidi.Line

// span is a logical byte range of a paragraph with a style tag (tag*).
type span = bidi.Span

// textOptions are the parts of bidi.Options the screen varies per call; the
// program-wide ones (--bidi, --shape) come from Config.
type textOptions struct {
	Width    int
	MaxLines int
}

// layoutParagraph lays one paragraph out for the screen. Everything from an
// article, a file name or the user goes through it, so bidi.Paragraph's
// sanitising is what keeps escapes and bidi overrides off the terminal.
func layoutParagraph(text string, o textOptions, cfg Config, spans ...span) []line {
	return bidi.Paragraph(text, bidi.Options{
		Width:    o.Width,
		MaxLines: o.MaxLines,
		Logical:  cfg.Logical,
		NoShape:  cfg.NoShape,
	}, spans...)
}

// drawLine styles a laid-out line and aligns it in width cells: right for a
// right-to-left paragraph, left otherwise. The result is never wider than
// width; it is not padded on the right.
func drawLine(l line, width int, base lipgloss.Style, st *styles) string {
	var b strings.Builder
	if l.RTL && l.Width < width {
		b.WriteString(base.Render(strings.Repeat(" ", width-l.Width)))
	}
	for _, sg := range l.Segments {
		s := base
		if sg.Style != tagPlain {
			s = st.tag(sg.Style).Inherit(base)
		}
		b.WriteString(s.Render(sg.Text))
	}
	if l.Width > width {
		return ansi.Truncate(b.String(), width, "")
	}
	return b.String()
}

// fit cuts or pads a drawn line to exactly w cells, so that panes sit side by
// side without shifting each other.
func fit(s string, w int) string {
	return fitStyled(s, w, nil)
}

// fitStyled is fit with the padding drawn in pad (a selected row's
// background runs to the pane's edge).
func fitStyled(s string, w int, pad *lipgloss.Style) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(s)
	if n > w {
		s = ansi.Truncate(s, w, "")
		n = ansi.StringWidth(s)
	}
	if n < w {
		if pad != nil {
			s += pad.Render(strings.Repeat(" ", w-n))
		} else {
			s += strings.Repeat(" ", w-n)
		}
	}
	return s
}
