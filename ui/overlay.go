package ui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/glamour/v2"

	"sahifa/bidi"
)

// guide is the `?` screen: the key map written as Markdown and rendered by
// glamour. The renderer and its output are kept per width and style, since
// building a glamour renderer costs milliseconds.
type guide struct {
	width int
	style string
	lines []string
}

// glamourStyle picks glamour's standard style for the background.
func (s *styles) glamourStyle() string {
	switch {
	case s.noColor:
		return "notty"
	case s.dark:
		return "dark"
	}
	return "light"
}

// render returns the guide at width w. It lists the default key map: the
// live one's labels change with the focus (the help bar says what enter
// does here), the guide says what every key does anywhere.
func (g *guide) render(w int, st *styles) []string {
	style := st.glamourStyle()
	if g.lines != nil && g.width == w && g.style == style {
		return g.lines
	}
	g.width, g.style = w, style
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(max(w-4, 10)))
	var out string
	if err == nil {
		out, err = r.Render(helpMarkdown(defaultKeyMap()))
	}
	if err != nil {
		out = "Help could not be rendered: " + err.Error()
	}
	g.lines = strings.Split(strings.TrimRight(out, "\n"), "\n")
	return g.lines
}

// helpMarkdown writes every binding, enabled or not, under its group.
func helpMarkdown(km keyMap) string {
	var b strings.Builder
	b.WriteString("# Sahifa keys\n\n")
	names := []string{"Moving", "Panes and articles", "Search, help, quitting"}
	for i, group := range km.FullHelp() {
		fmt.Fprintf(&b, "## %s\n\n", names[i])
		for _, kb := range group {
			fmt.Fprintf(&b, "- `%s` %s%s\n", kb.Help().Key, kb.Help().Desc, twinsNote(kb))
		}
		b.WriteString("\n")
	}
	b.WriteString("## While typing a search\n\n")
	for _, kb := range []key.Binding{km.Accept, km.Cancel, km.ResultDown, km.ResultUp} {
		fmt.Fprintf(&b, "- `%s` %s\n", kb.Help().Key, kb.Help().Desc)
	}
	b.WriteString("\nResults change as you type; pasted text goes into the query. `/` in the list searches " +
		"the collection, `/` in the reader the open article, `n` and `N` stepping through its matches.\n\n")
	b.WriteString("## In the Entities panel\n\n")
	b.WriteString("Moving through the names highlights the chosen one in the open article; `n` and `N` step " +
		"through its mentions. `enter` lists the articles that name it, with their count, and `esc` leaves " +
		"that list. With no article open the panel shows the names found in the most articles.\n\n")
	b.WriteString("## In the Related panel\n\n")
	b.WriteString("The articles on the same story as the open one come first, then those related by names and " +
		"words; each row gives the date, the source, the copies it stands for and why. `enter` opens one. " +
		"Every article opened is kept in a history, as in a browser: `esc` in the reader (once no highlight " +
		"is left), `H` or `ctrl+o` go back to the one before at the line you left it, with the list as it " +
		"was; `L` or `ctrl+i` go forward. `q` in the reader goes back to the list, and quits from the list.\n\n")
	b.WriteString("On an Arabic keyboard layout the same physical keys work: ت and ن move, ل goes to the top, " +
		"ﻻ pages up, ض is q, أ is H.\n\n")
	b.WriteString("Press `esc` or `?` to close this screen.\n")
	return b.String()
}

// twinsNote lists the other keys of a binding, such as arrows, after its
// help label.
func twinsNote(kb key.Binding) string {
	var others []string
	for _, k := range kb.Keys() {
		// Two-letter Arabic twins (ل+ا for ﻻ) would reach the screen
		// unshaped and in logical order: the one-rune form is shown.
		if utf8.RuneCountInString(k) > 1 && k[0] >= utf8.RuneSelf {
			continue
		}
		if !strings.Contains(kb.Help().Key, k) && len(others) < 3 {
			others = append(others, "`"+k+"`")
		}
	}
	if len(others) == 0 {
		return ""
	}
	return " (also " + strings.Join(others, ", ") + ")"
}

// overlayLines returns the lines of the open overlay at width w.
func (m *Model) overlayLines(w int) []string {
	switch m.overlay {
	case overlayHelp:
		return m.guide.render(w, &m.st)
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
	out := []string{m.st.paneTitleFocused.Render(fmt.Sprintf("Load problems (%d) — esc closes", len(problems)))}
	tw := textWidth(w)
	for _, p := range problems {
		out = append(out, "")
		for _, l := range layoutParagraph(bidi.Visible(p.Path), textOptions{Width: tw}, m.cfg) {
			out = append(out, " "+drawLine(l, tw, m.st.heading, &m.st))
		}
		for _, l := range layoutParagraph(p.Reason, textOptions{Width: tw}, m.cfg) {
			out = append(out, " "+drawLine(l, tw, m.st.row, &m.st))
		}
	}
	return out
}
