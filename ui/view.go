package ui

import (
	"cmp"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/collection"
)

// View draws the whole screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "Sahifa"
	return v
}

// render draws the screen as text, exactly m.h lines of m.w cells.
func (m *Model) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s := m.screen()
	body := m.h
	if s.Status.H > 0 {
		body = s.Status.Y
	} else if s.Help.H > 0 {
		body = s.Help.Y
	}
	rows := make([]string, 0, m.h)
	if m.overlay != overlayNone {
		ls := m.overlayLines(m.w)
		m.ovTop = clamp(m.ovTop, 0, max(len(ls)-body, 0))
		for y := 0; y < body; y++ {
			l := ""
			if i := m.ovTop + y; i < len(ls) {
				l = ls[i]
			}
			rows = append(rows, fit(l, m.w))
		}
	} else {
		cols := make([][]string, len(s.Panes))
		for i, p := range s.Panes {
			cols[i] = m.paneView(p.Pane, p.W, p.H)
		}
		var b strings.Builder
		for y := 0; y < body; y++ {
			b.Reset()
			for i, p := range s.Panes {
				if i > 0 {
					b.WriteString(m.sep)
				}
				l := ""
				if y < len(cols[i]) {
					l = cols[i][y]
				}
				b.WriteString(fit(l, p.W))
			}
			rows = append(rows, b.String())
		}
	}
	if s.Status.H > 0 {
		rows = append(rows, fit(m.statusLine(m.w), m.w))
	}
	if s.Help.H > 0 {
		m.help.SetWidth(m.w)
		rows = append(rows, fit(m.help.ShortHelpView(m.keys.ShortHelp()), m.w))
	}
	return strings.Join(rows, "\n")
}

func (m *Model) paneView(p pane, w, h int) []string {
	focused := p == m.focus
	switch p {
	case paneList:
		line := cmp.Or(m.rangeLine(w), m.listSearchLine(w))
		if line == "" {
			line = m.filterLine(w)
		}
		return m.list.view(w, h, focused, m.status.Loading, line)
	case paneReader:
		return m.reader.view(w, h, focused, m.readerSearchLine(w))
	}
	return m.side.view(w, h, focused, &m.st)
}

// statusLine is the hint, if any; else the background work under way with
// its progress (the load, then the names), or the article count; then the
// list's filter, the copies left out and the load problems.
func (m *Model) statusLine(w int) string {
	if m.cfg.Hint != "" {
		return m.st.statusWarn.Render(m.cfg.Hint)
	}
	if m.notice != "" {
		// It may hold a link, Arabic included: laid out like any text.
		l := first(layoutParagraph(m.notice, textOptions{Width: w, MaxLines: 1}, m.cfg))
		l.RTL = false
		return drawLine(l, w, m.st.status, &m.st)
	}
	s := m.status
	var b strings.Builder
	say := func(t string) { b.WriteString(m.st.status.Render(t)) }
	bw := clamp(w/4, minBar, maxBar)
	if len(s.Jobs) > 0 {
		j := s.Jobs[0]
		say(j.Name + " ")
		if j.Total > 0 {
			b.WriteString(progressBar(j.Done, j.Total, bw, &m.st))
		}
		switch j.Name {
		case collection.JobLoad:
			say(" " + loadProgress(s))
		default:
			say(" " + strconv.Itoa(j.Done) + "/" + strconv.Itoa(j.Total))
		}
	} else {
		say(strconv.Itoa(s.Articles) + " articles")
	}
	if f := m.statusFilter(); f != "" {
		say(" · ")
		b.WriteString(m.st.status.Render(ansi.Strip(m.labels.get(f, max(w/3, 1), m.cfg).Text)))
	}
	if d := s.Copies; d > 0 {
		say(" · " + strconv.Itoa(d) + " duplicates left out")
	}
	if p := s.Problems; p > 0 {
		word := " problems"
		if p == 1 {
			word = " problem"
		}
		say(" · ")
		b.WriteString(m.st.statusWarn.Render(strconv.Itoa(p) + word + " (p)"))
	}
	return b.String()
}

// loadProgress words how far a load has got: bytes (or files, when their
// sizes are unknown), articles, and once it can be told the rate and the
// time left.
func loadProgress(s collection.Status) string {
	var b strings.Builder
	if s.BytesFound > 0 {
		b.WriteString(megabytes(s.BytesRead, s.BytesFound) + " MB")
	} else {
		b.WriteString(strconv.Itoa(s.FilesRead) + "/" + strconv.Itoa(s.FilesFound) + " files")
	}
	b.WriteString(" · " + strconv.Itoa(s.Articles) + " articles")
	if s.ArticlesPerSecond > 0 {
		b.WriteString(" · " + strconv.Itoa(int(s.ArticlesPerSecond+0.5)) + "/s")
	}
	if s.TimeLeft > 0 {
		b.WriteString(" · " + strconv.Itoa(int(s.TimeLeft.Seconds()+0.999)) + " s left")
	}
	return b.String()
}

// megabytes writes read/found in megabytes, with a tenth below ten.
func megabytes(read, found int64) string {
	mb := func(n int64) string {
		if found < 10<<20 {
			return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64)
		}
		return strconv.FormatInt(n>>20, 10)
	}
	return mb(read) + "/" + mb(found)
}

// The progress bar takes a quarter of the status line, within these
// bounds in cells.
const (
	minBar = 4
	maxBar = 24
)

// filterLine is the list's title line while a filter without a query
// narrows it: what the filter keeps and how many.
func (m *Model) filterLine(w int) string {
	f := m.list.filter()
	if f.IsZero() {
		return ""
	}
	desc := f.String()
	if m.list.onlyBookmarks {
		desc += " · bookmarked"
	}
	found := m.list.found()
	found += escHint(desc, w-2-len(found)-2, m.cfg)
	room := max(w-2-len([]rune(found))-2, 1)
	l := first(layoutParagraph(desc, textOptions{Width: room, MaxLines: 1}, m.cfg))
	l.RTL = false
	return m.st.paneTitleFocused.Render("● ") + drawLine(l, room, m.st.paneTitleFocused, &m.st) + "  " + m.st.status.Render(found)
}

// progressBar draws done/total in w cells.
func progressBar(done, total, w int, st *styles) string {
	full := 0
	if total > 0 {
		full = clamp(done*w/total, 0, w)
	}
	return st.barFull.Render(strings.Repeat("█", full)) + st.barEmpty.Render(strings.Repeat("░", w-full))
}
