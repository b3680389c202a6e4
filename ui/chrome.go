package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The screen's own texts (titles, counts, messages, the help) are in the
// interface's language, which may be Arabic: they go through the same bidi
// layout as articles, since the terminal reorders and shapes nothing, and
// in an Arabic interface they start at the right.

// draw lays out a text of the screen's own on one line, in visual order
// and style, as wide as it is. Spaces around it, which the layout drops,
// are kept, on the reading side for those before it.
func (e *env) draw(s string, style lipgloss.Style) string {
	trimmed := strings.TrimLeft(s, " ")
	lead := len(s) - len(trimmed)
	core := strings.TrimRight(trimmed, " ")
	trail := len(trimmed) - len(core)
	l := first(layoutParagraph(core, textOptions{MaxLines: 1}, e.cfg))
	l.RTL = false
	pad := func(n int) string {
		if n == 0 {
			return ""
		}
		return style.Render(strings.Repeat(" ", n))
	}
	return e.inOrder(pad(lead), drawLine(l, l.Width, style, &e.st), pad(trail))
}

// say draws a text of the screen's own in exactly w cells, cut if need be,
// from the interface's reading side.
func (e *env) say(s string, w int, style lipgloss.Style) string {
	if w <= 0 {
		return ""
	}
	l := first(layoutParagraph(s, textOptions{Width: w, MaxLines: 1}, e.cfg))
	l.RTL = e.tr.RTL()
	return fitStyled(drawLine(l, w, style, &e.st), w, &style)
}

// ends draws a line of w cells with start at the reading side and end at
// the other, as a pane title with its position; start alone when both do
// not fit.
func (e *env) ends(start, end string, w int, style lipgloss.Style) string {
	a, b := e.draw(start, style), e.draw(end, style)
	gap := w - ansi.StringWidth(a) - ansi.StringWidth(b)
	if gap < 1 {
		return e.say(start, w, style)
	}
	if e.tr.RTL() {
		a, b = b, a
	}
	return a + style.Render(strings.Repeat(" ", gap)) + b
}

// inOrder joins drawn parts in reading order: left to right, or right to
// left in an Arabic interface.
func (e *env) inOrder(parts ...string) string {
	if e.tr.RTL() {
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
	}
	return strings.Join(parts, "")
}

// align pads a drawn line to w cells on the side away from the reading
// side, cutting it if it is wider.
func (e *env) align(s string, w int) string {
	n := ansi.StringWidth(s)
	if !e.tr.RTL() || n >= w {
		return fit(s, w)
	}
	return strings.Repeat(" ", w-n) + s
}

// localized returns copies of bindings with their help in the interface's
// language.
func (e *env) localized(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		out[i] = b
		h := b.Help()
		out[i].SetHelp(e.keyLabel(h.Key), e.tr.Text(h.Desc))
	}
	return out
}

// keyLabel is a key's help label as the interface names it: Arabic says
// space for the space bar, the rest are the keys' own marks.
func (e *env) keyLabel(k string) string {
	if k == "space" {
		return e.tr.Text("space")
	}
	return k
}

// helpBar is the one-line help: what the enabled keys do, as many as fit
// in w cells, the first ones first.
func (m *Model) helpBar(w int) string {
	bs := m.localized(m.keys.ShortHelp())
	if !m.tr.RTL() {
		m.help.SetWidth(w)
		return m.help.ShortHelpView(bs)
	}
	// help.Model lays out left to right only: the Arabic bar is built
	// from the right, each key before (right of) what it does.
	st := m.st.help
	sep := st.ShortSeparator.Render(" • ")
	var parts []string
	width := 0
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		item := m.draw(b.Help().Desc, st.ShortDesc) + " " + st.ShortKey.Render(b.Help().Key)
		n := ansi.StringWidth(item)
		if len(parts) > 0 {
			n += ansi.StringWidth(sep)
		}
		if width+n > w-2 {
			parts = append(parts, st.Ellipsis.Render("… "))
			break
		}
		if len(parts) > 0 {
			parts = append(parts, sep)
		}
		parts = append(parts, item)
		width += n
	}
	return m.align(m.inOrder(parts...), w)
}
