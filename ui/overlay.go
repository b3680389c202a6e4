package ui

import (
	"slices"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/bidi"
	"sahifa/ui/lang"
)

// guide is the `?` screen: the key map laid out as a page of headings, key
// rows and notes. It is drawn with Sahifa's own layout rather than a
// Markdown renderer, so that the binary links no renderer whose start-up
// every command would pay; the page is kept per width and style.
type guide struct {
	width   int
	noColor bool
	dark    bool
	lines   []string
}

// guideKind says how a block of the guide is drawn.
type guideKind int

const (
	guideTitle guideKind = iota
	guideSection
	guideKey
	guideNote
)

// guideBlock is one heading, key row or note of the guide.
type guideBlock struct {
	kind      guideKind
	key, text string
}

// render returns the guide at width w. It lists the default key map: the
// live one's labels change with the focus (the help bar says what enter
// does here), the guide says what every key does anywhere.
func (g *guide) render(w int, st *styles, cfg Config, tr *lang.Printer) []string {
	if g.lines != nil && g.width == w && g.noColor == st.noColor && g.dark == st.dark {
		return g.lines
	}
	g.width, g.noColor, g.dark = w, st.noColor, st.dark
	km := defaultKeyMap()
	km.remap(cfg.Keys)
	g.lines = drawGuide(guideBlocks(km, tr), w, st, cfg, tr.RTL())
	return g.lines
}

// drawGuide lays the blocks out at width w: key rows in two columns, the
// description wrapped beside its key, notes wrapped to the page; with rtl,
// mirrored, the keys on the right and every line right-aligned.
func drawGuide(blocks []guideBlock, w int, st *styles, cfg Config, rtl bool) []string {
	const margin = 2
	keyWidth := 0
	for _, b := range blocks {
		if b.kind == guideKey {
			keyWidth = max(keyWidth, textWidthOf(b.key))
		}
	}
	keyWidth = min(keyWidth, max(w/3, 1))
	var out []string
	// row joins a line's cells in reading order.
	row := func(cells ...string) string {
		if rtl {
			slices.Reverse(cells)
		}
		return strings.Join(cells, "")
	}
	// cell draws a laid-out line in width cells, from the reading side.
	cell := func(l line, width int, base lipgloss.Style) string {
		l.RTL = rtl
		s := drawLine(l, width, base, st)
		return s + strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
	}
	wrap := func(text string, indent, width int, base lipgloss.Style) {
		pad := strings.Repeat(" ", indent)
		for _, l := range layoutParagraph(text, textOptions{Width: max(width, 1)}, cfg) {
			out = append(out, row(pad, cell(l, max(width, 1), base)))
		}
	}
	for i, b := range blocks {
		switch b.kind {
		case guideTitle:
			wrap(b.text, 0, w, st.paneTitleFocused)
		case guideSection:
			if i > 0 {
				out = append(out, "")
			}
			wrap(b.text, 0, w, st.heading)
		case guideKey:
			descWidth := w - margin - keyWidth - margin
			if descWidth < 10 {
				wrap(b.key, margin, w-margin, st.help.FullKey)
				wrap(b.text, 2*margin, w-2*margin, st.help.FullDesc)
				continue
			}
			keys := layoutParagraph(b.key, textOptions{Width: keyWidth}, cfg)
			descs := layoutParagraph(b.text, textOptions{Width: descWidth}, cfg)
			for j := 0; j < max(len(keys), len(descs)); j++ {
				k, d := strings.Repeat(" ", keyWidth), strings.Repeat(" ", descWidth)
				if j < len(keys) {
					k = cell(keys[j], keyWidth, st.help.FullKey)
				}
				if j < len(descs) {
					d = cell(descs[j], descWidth, st.help.FullDesc)
				}
				out = append(out, row(strings.Repeat(" ", margin), k, strings.Repeat(" ", margin), d))
			}
		case guideNote:
			out = append(out, "")
			wrap(b.text, margin, w-margin, st.row)
		}
	}
	return out
}

// textWidthOf is the width s takes on one unwrapped line.
func textWidthOf(s string) int {
	width := 0
	for _, l := range layoutParagraph(s, textOptions{}, Config{}) {
		width = max(width, l.Width)
	}
	return width
}

// guideBlocks writes every binding, enabled or not, under its group.
func guideBlocks(km keyMap, tr *lang.Printer) []guideBlock {
	var bs []guideBlock
	section := func(s string) { bs = append(bs, guideBlock{kind: guideSection, text: tr.Text(s)}) }
	note := func(s string) { bs = append(bs, guideBlock{kind: guideNote, text: tr.Text(s)}) }
	bind := func(kb key.Binding, desc string) {
		k := kb.Help().Key
		if k == "space" {
			k = tr.Text(k)
		}
		bs = append(bs, guideBlock{kind: guideKey, key: k, text: desc})
	}
	bs = append(bs, guideBlock{kind: guideTitle, text: tr.Text("Sahifa keys")})
	names := []string{tr.Text("Moving"), tr.Text("Panes and articles"), tr.Text("Search, help, quitting")}
	for i, group := range km.FullHelp() {
		bs = append(bs, guideBlock{kind: guideSection, text: names[i]})
		for _, kb := range group {
			bind(kb, tr.Text(kb.Help().Desc)+twinsNote(kb, tr))
		}
	}
	section("While typing a search")
	for _, kb := range []key.Binding{km.Accept, km.Cancel, km.ResultDown, km.ResultUp} {
		bind(kb, tr.Text(kb.Help().Desc))
	}
	note("Results change as you type; pasted text goes into the query. / in the list searches " +
		"the collection, / in the reader the open article, n and N stepping through its matches.")
	section("In the Entities panel")
	note("Moving through the names highlights the chosen one in the open article; n and N step " +
		"through its mentions. enter lists the articles that name it, with their count, and esc leaves " +
		"that list. With no article open the panel shows the names found in the most articles.")
	section("In the Related panel")
	note("The articles on the same story as the open one come first, then those related by names and " +
		"words; each row gives the date, the source, the copies it stands for and why. enter opens one. " +
		"Every article opened is kept in a history, as in a browser: esc in the reader (once no highlight " +
		"is left), H or ctrl+o go back to the one before at the line you left it, with the list as it " +
		"was; L or ctrl+i go forward. q in the reader goes back to the list, and quits from the list.")
	note("On an Arabic keyboard layout the same physical keys work: ت and ن move, ل goes to the top, " +
		"ﻻ pages up, ض is q, أ is H.")
	note("Press esc or ? to close this screen.")
	return bs
}

// twinsNote lists the other keys of a binding, such as arrows, after its
// help label.
func twinsNote(kb key.Binding, tr *lang.Printer) string {
	var others []string
	for _, k := range kb.Keys() {
		// Two-letter Arabic twins (ل+ا for ﻻ) would reach the screen
		// unshaped and in logical order: the one-rune form is shown.
		if utf8.RuneCountInString(k) > 1 && k[0] >= utf8.RuneSelf {
			continue
		}
		if !strings.Contains(kb.Help().Key, k) && len(others) < 3 {
			others = append(others, k)
		}
	}
	if len(others) == 0 {
		return ""
	}
	return tr.Sprintf(" (also %s)", strings.Join(others, tr.Text(", ")))
}

// overlayLines returns the lines of the open overlay at width w.
func (m *Model) overlayLines(w int) []string {
	switch m.overlay {
	case overlayHelp:
		return m.guide.render(w, &m.st, m.cfg, m.tr)
	case overlayProblems:
		return m.problemLines(w)
	}
	return nil
}

// problemLines lists every load problem with its path and reason. Both come
// from the file system and the loader, so they are laid out like article
// text: nothing reaches the terminal raw.
func (m *Model) problemLines(w int) []string {
	problems := m.coll.Problems()
	out := []string{m.say(m.tr.Sprintf("Load problems (%d) — esc closes", len(problems)), w, m.st.paneTitleFocused)}
	tw := textWidth(w)
	for _, p := range problems {
		out = append(out, "")
		for _, l := range layoutParagraph(bidi.Visible(p.Path), textOptions{Width: tw}, m.cfg) {
			out = append(out, " "+drawLine(l, tw, m.st.heading, &m.st))
		}
		// The loader's fixed reasons are keys of the catalog; any
		// other is shown as it is.
		for _, l := range layoutParagraph(m.tr.Text(p.Reason), textOptions{Width: tw}, m.cfg) {
			out = append(out, " "+drawLine(l, tw, m.st.row, &m.st))
		}
	}
	return out
}
