package ui

import (
	"cmp"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// View draws the whole screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.tr.Text("Sahifa")
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
		rows = append(rows, fit(m.helpBar(m.w), m.w))
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
		return m.say(m.tr.Text(m.cfg.Hint), w, m.st.statusWarn)
	}
	if m.notice != "" {
		// It may hold a link, Arabic included: laid out like any text.
		return m.say(m.notice, w, m.st.status)
	}
	s := m.status
	var parts []string
	say := func(t string) { parts = append(parts, m.draw(t, m.st.status)) }
	bw := clamp(w/4, minBar, maxBar)
	if len(s.Jobs) > 0 {
		j := s.Jobs[0]
		say(m.tr.Text(j.Name) + " ")
		if j.Total > 0 {
			parts = append(parts, progressBar(j.Done, j.Total, bw, &m.st, m.tr.RTL()))
		}
		switch j.Name {
		case collection.JobLoad:
			say(" " + loadProgress(s, m.tr))
		default:
			say(" " + m.tr.Sprintf("%d/%d", j.Done, j.Total))
		}
	} else {
		say(m.tr.Sprintf("%d articles", s.Articles))
	}
	if m.arrivals > 0 {
		say(" · ")
		say(m.tr.Sprintf("%d new articles", m.arrivals))
	}
	if s.Lost != "" {
		say(" · ")
		parts = append(parts, m.draw(m.tr.Text("the archive cannot be reached: trying again"), m.st.statusWarn))
	}
	if f := m.statusFilter(); f != "" {
		say(" · ")
		parts = append(parts, m.st.status.Render(ansi.Strip(m.labels.get(f, max(w/3, 1), m.cfg).Text)))
	}
	if d := s.Copies; d > 0 {
		say(" · ")
		say(m.tr.Sprintf("%d duplicates left out", d))
	}
	if p := s.Problems; p > 0 {
		say(" · ")
		parts = append(parts, m.draw(m.tr.Sprintf("%d problems (p)", p), m.st.statusWarn))
	}
	return m.align(m.inOrder(parts...), w)
}

// loadProgress words how far a load has got: bytes (or files, when their
// sizes are unknown), articles, and once it can be told the rate and the
// time left.
func loadProgress(s collection.Status, tr *lang.Printer) string {
	var parts []string
	if s.BytesFound > 0 {
		parts = append(parts, megabytes(s.BytesRead, s.BytesFound, tr))
	} else {
		parts = append(parts, tr.Sprintf("%d/%d files", s.FilesRead, s.FilesFound))
	}
	parts = append(parts, tr.Sprintf("%d articles", s.Articles))
	if s.ArticlesPerSecond > 0 {
		parts = append(parts, tr.Sprintf("%d/s", int(s.ArticlesPerSecond+0.5)))
	}
	if s.TimeLeft > 0 {
		parts = append(parts, tr.Sprintf("%d s left", int(s.TimeLeft.Seconds()+0.999)))
	}
	return strings.Join(parts, " · ")
}

// megabytes writes read/found in megabytes, with a tenth below ten.
func megabytes(read, found int64, tr *lang.Printer) string {
	mb := func(n int64) float64 { return float64(n) / (1 << 20) }
	if found < 10<<20 {
		return tr.Sprintf("%.1f/%.1f MB", mb(read), mb(found))
	}
	return tr.Sprintf("%d/%d MB", read>>20, found>>20)
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
	desc := m.describeFilter(f)
	if m.list.onlyBookmarks {
		desc += " · " + m.tr.Text("bookmarked")
	}
	found := m.list.found()
	found += m.escHint(desc, w-2-textWidthOf(found)-2)
	shown := m.draw(found, m.st.status)
	room := max(w-2-ansi.StringWidth(shown)-2, 1)
	l := first(layoutParagraph(desc, textOptions{Width: room, MaxLines: 1}, m.cfg))
	l.RTL = false
	return m.align(m.inOrder(m.st.paneTitleFocused.Render("● "), drawLine(l, room, m.st.paneTitleFocused, &m.st), "  ", shown), w)
}

// progressBar draws done/total in w cells, filling from the reading side.
func progressBar(done, total, w int, st *styles, rtl bool) string {
	full := 0
	if total > 0 {
		full = clamp(done*w/total, 0, w)
	}
	filled, left := st.barFull.Render(strings.Repeat("█", full)), st.barEmpty.Render(strings.Repeat("░", w-full))
	if rtl {
		return left + filled
	}
	return filled + left
}
