package ui

import (
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/arabic"
)

// segment and line have the shape of bidi.Segment and bidi.Line; the panes
// draw them. layoutParagraph is the only place that makes them.
type segment struct {
	Text  string
	Style int
}

type line struct {
	Text     string
	Segments []segment
	Width    int
	RTL      bool
}

// textOptions are the parts of bidi.Options the screen varies per call; the
// program-wide ones (--bidi, --shape) live in Config.
type textOptions struct {
	Width    int
	MaxLines int
}

// layoutParagraph wraps one paragraph to o.Width cells. Interim: sanitise
// and wrap in logical order until the bidi package lands.
func layoutParagraph(text string, o textOptions, _ Config) []line {
	clean := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return ' '
		}
		return r
	}, text)
	rtl := arabic.HasArabic(clean)
	var parts []string
	if o.Width > 0 {
		parts = strings.Split(ansi.Wrap(clean, o.Width, ""), "\n")
	} else {
		parts = []string{clean}
	}
	if o.MaxLines > 0 && len(parts) > o.MaxLines {
		parts = parts[:o.MaxLines]
		last := parts[len(parts)-1]
		parts[len(parts)-1] = ansi.Truncate(last+" …", o.Width, "…")
	}
	out := make([]line, len(parts))
	for i, p := range parts {
		out[i] = line{Text: p, Segments: []segment{{Text: p}}, Width: ansi.StringWidth(p), RTL: rtl}
	}
	return out
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

// wrapPlain wraps UI text of our own (not article text) at spaces, breaking
// long words when it must.
func wrapPlain(s string, w int) string { return ansi.Wrap(s, w, "") }
