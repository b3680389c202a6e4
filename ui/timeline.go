package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// The timeline of the list's articles, the date range typed after t, and
// the order s toggles. The timeline follows the list's filter less its
// date term, so that the stretch chosen shows among the others.

// grain is how long a stretch of the timeline is.
type grain uint8

const (
	grainDay grain = iota
	grainWeek
	grainMonth
	grainYear
)

func (g grain) String() string {
	return [...]string{"day", "week", "month", "year"}[g]
}

// label names the stretch of g starting on day d.
func (g grain) label(d time.Time, tr *lang.Printer) string {
	switch g {
	case grainWeek:
		return tr.Sprintf("week of %s", d.Format("2006-01-02"))
	case grainMonth:
		return d.Format("2006-01")
	case grainYear:
		return d.Format("2006")
	}
	return d.Format("2006-01-02")
}

// start returns the first day of the stretch of g holding day d; weeks
// start on Monday (ISO 8601).
func (g grain) start(d time.Time) time.Time {
	switch g {
	case grainWeek:
		return d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
	case grainMonth:
		return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
	case grainYear:
		return time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return d
}

// next returns the first day of the stretch after the one starting on d.
func (g grain) next(d time.Time) time.Time {
	switch g {
	case grainWeek:
		return d.AddDate(0, 0, 7)
	case grainMonth:
		return d.AddDate(0, 1, 0)
	case grainYear:
		return d.AddDate(1, 0, 0)
	}
	return d.AddDate(0, 0, 1)
}

// maxStretches is the most stretches a timeline is cut into before a
// coarser grain is taken: about what a side panel shows side by side.
const maxStretches = 48

// bucket is one stretch of the timeline: [from, to) and its articles.
type bucket struct {
	from, to time.Time
	n        int
}

// timeline is the list's articles counted by stretch of their own date.
type timeline struct {
	key     string // the filter and collection state it counts
	pending bool   // a count is on its way
	grain   grain
	buckets []bucket // contiguous, empty ones included
	undated int
}

// at returns the i-th stretch, nil when there is none.
func (t *timeline) at(i int) *bucket {
	if i < 0 || i >= len(t.buckets) {
		return nil
	}
	return &t.buckets[i]
}

// rows is the number of rows the cursor moves through: the stretches,
// then the undated articles as a bucket of their own when there are any.
func (t *timeline) rows() int {
	if t.undated > 0 {
		return len(t.buckets) + 1
	}
	return len(t.buckets)
}

// isUndated reports whether row i is the undated articles' bucket.
func (t *timeline) isUndated(i int) bool { return t.undated > 0 && i == len(t.buckets) }

// bucketize counts days by the finest grain that cuts their span into at
// most maxStretches stretches.
func bucketize(days map[time.Time]int) (grain, []bucket) {
	if len(days) == 0 {
		return grainDay, nil
	}
	var lo, hi time.Time
	for d := range days {
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	g := grainDay
	for ; g < grainYear; g++ {
		n := 0
		for d := g.start(lo); !d.After(hi) && n <= maxStretches; d = g.next(d) {
			n++
		}
		if n <= maxStretches {
			break
		}
	}
	var bs []bucket
	index := map[time.Time]int{}
	for d := g.start(lo); !d.After(hi); d = g.next(d) {
		index[d] = len(bs)
		bs = append(bs, bucket{from: d, to: g.next(d)})
	}
	for d, n := range days {
		bs[index[g.start(d)]].n += n
	}
	return g, bs
}

// sparkLevels draw a stretch's count against the largest: none, then
// eighths.
var sparkLevels = []rune(" ▁▂▃▄▅▆▇█")

// spark returns the bar of n articles where the largest stretch has top.
func spark(n, top int) rune {
	if n <= 0 || top <= 0 {
		return sparkLevels[0]
	}
	return sparkLevels[1+(n*8-1)/top]
}

// timelineView draws the timeline in w×h: a line of what it counts, the
// sparkline (the stretch under the cursor marked), and the stretches
// with their counts.
func (p *datePanel) timelineView(w, h int, focused bool) []string {
	t := &p.tl
	var out []string
	say := func(s string) { out = append(out, p.sentence(s, w)...) }
	if t.key == "" {
		say(p.tr.Text("Counting dates…"))
		return out
	}
	dated, top := 0, 0
	for _, b := range t.buckets {
		dated += b.n
		top = max(top, b.n)
	}
	say(p.tr.Sprintf("%d by %s · %d undated", dated, p.tr.Text(t.grain.String()), t.undated))
	if t.rows() == 0 {
		return out
	}
	if len(t.buckets) > 0 {
		p.sparkAt = len(out)
		out = append(out, p.sparkline(w, top))
	}
	rows := h - len(out)
	if rows <= 0 {
		return out
	}
	p.rowsAt = len(out)
	p.keepCursor(rows)
	for i := p.offset; i < t.rows() && i < p.offset+rows; i++ {
		style := p.rowStyle(i == p.cursor, focused)
		label, count, bar := p.tr.Text("undated"), p.tr.Sprintf("%d", t.undated), ""
		if bk := t.at(i); bk != nil {
			label, count, bar = t.grain.label(bk.from, p.tr), p.tr.Sprintf("%d", bk.n), string(spark(bk.n, top))
		}
		start := p.inOrder(p.draw(label, style), style.Render(" "), style.Render(bar))
		end := p.draw(count, style)
		gap := max(w-2-ansi.StringWidth(start)-ansi.StringWidth(end), 1)
		l := p.inOrder(style.Render(" "), start, style.Render(strings.Repeat(" ", gap)), end, style.Render(" "))
		out = append(out, fitStyled(l, w, &style))
	}
	return out
}

// sparkline draws the stretches' bars, the one under the cursor marked:
// a window of them around the cursor when they outnumber the cells, the
// first of which it records for clicks.
func (p *datePanel) sparkline(w, top int) string {
	t := &p.tl
	sw := max(w-2, 1)
	first := clamp(p.cursor-sw/2, 0, max(len(t.buckets)-sw, 0))
	p.sparkFirst = first
	var b strings.Builder
	b.WriteString(" ")
	for i := first; i < len(t.buckets) && i < first+sw; i++ {
		c := string(spark(t.buckets[i].n, top))
		if i == p.cursor {
			b.WriteString(p.st.rowSelected.Render(c))
		} else {
			b.WriteString(p.st.heading.Render(c))
		}
	}
	return fit(b.String(), w)
}

// timelineMsg carries the counts of a timeline, made in a tea.Cmd.
type timelineMsg struct {
	key     string
	days    map[time.Time]int
	undated int
}

// timelineFilter is the filter the timeline counts: the list's, less its
// date term and order.
func (m *Model) timelineFilter() collection.Filter {
	return collection.Filter{Terms: m.list.filter().Without(collection.ByDates).Terms}
}

// timelineKey names what a timeline counts: the filter, and the state of
// the collection it was asked of.
func (m *Model) timelineKey() string {
	var b strings.Builder
	for _, t := range m.timelineFilter().Terms {
		fmt.Fprintf(&b, "%d\x00%s\x00", t.Field, t.Value)
	}
	fmt.Fprintf(&b, "%d/%v", m.status.Articles, m.status.Loading)
	if m.timelineFilter().Has(collection.ByEntity) {
		fmt.Fprintf(&b, "/%d", m.status.NamesVersion)
	}
	return b.String()
}

// followTimeline asks for the timeline again when the list's filter or the
// collection changed since it was counted, one count at a time: a load
// that changes the collection every frame gets one count after another,
// not a pile of them.
func (m *Model) followTimeline() tea.Cmd {
	t := &m.dates.tl
	k := m.timelineKey()
	if t.pending || t.key == k {
		return nil
	}
	t.pending = true
	c, f := m.coll, m.timelineFilter()
	return func() tea.Msg {
		days, undated := c.Timeline(f)
		return timelineMsg{key: k, days: days, undated: undated}
	}
}

// rangePrompt is the date range being typed after t.
type rangePrompt struct {
	input textinput.Model
	err   string // why the last range typed was not understood
}

// datesKey handles t and s: in the list, t types a date range and s
// steps through the sort orders; in the Dates panel, t
// switches between the article's dates and the timeline.
func (m *Model) datesKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, m.keys.DateRange) && m.focus == paneList:
		in := textinput.New()
		in.Prompt = ""
		if t, ok := m.list.filter().Term(collection.ByDates); ok {
			in.SetValue(t.Label)
			in.CursorEnd()
		}
		in.Focus()
		m.rangeIn = &rangePrompt{input: in}
		return nil, true
	case key.Matches(msg, m.keys.DateRange) && m.focus == paneSide && m.side.focused() == sidePanel(m.dates):
		m.dates.toggle()
		m.movePanel(0)
		if !m.dates.showingArticle() {
			m.reader.setLayer(layerDate, "", nil, false)
		}
		return nil, true
	case key.Matches(msg, m.keys.SortDate) && m.focus == paneList:
		return m.sortList(), true
	}
	return nil, false
}

// rangeKey edits the date range; enter narrows the list to it, esc leaves
// the list as it was.
func (m *Model) rangeKey(msg tea.KeyPressMsg) tea.Cmd {
	p := m.rangeIn
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.rangeIn = nil
		return nil
	case key.Matches(msg, m.keys.Accept):
		s := strings.TrimSpace(p.input.Value())
		if s == "" {
			m.rangeIn = nil
			return m.setFilter(m.list.filter().Without(collection.ByDates))
		}
		t, err := collection.DateTerm(s)
		if err != nil {
			p.err = m.tr.Text("not a date: try 2018-03, مارس 2018, 1436, 2015..2016")
			return nil
		}
		m.rangeIn = nil
		return m.setFilter(m.list.filter().With(t))
	}
	p.err = ""
	p.input, _ = p.input.Update(msg)
	return nil
}

// rangeLine is the list's title line while a date range is typed, "" when
// none is.
func (m *Model) rangeLine(w int) string {
	p := m.rangeIn
	if p == nil {
		return ""
	}
	hint := p.err
	if hint == "" {
		hint = m.tr.Text("enter: filter · esc: cancel")
	}
	label := m.tr.Text("dates") + " "
	rs := []rune(p.input.Value())
	at := min(p.input.Position(), len(rs))
	text := string(rs[:at]) + "▏" + string(rs[at:])
	labelS, hintS := m.draw(label, m.st.paneTitleFocused), m.draw(hint, m.st.status)
	room := max(w-ansi.StringWidth(labelS)-ansi.StringWidth(hintS)-2, 1)
	l := first(layoutParagraph(text, textOptions{Width: room, MaxLines: 1}, m.cfg))
	l.RTL = false // the range starts after the label, whatever its direction
	return m.align(m.inOrder(labelS, drawLine(l, room, m.st.paneTitleFocused, &m.st), "  ", hintS), w)
}

// updateDateKeys enables t and s where they work, and labels the prompt's
// keys while a range is typed.
func (m *Model) updateDateKeys() {
	k := &m.keys
	inOverlay := m.overlay != overlayNone
	onDates := m.focus == paneSide && m.side.focused() == sidePanel(m.dates) && m.dates.art != nil
	k.DateRange.SetEnabled(!inOverlay && (m.focus == paneList || onDates))
	k.DateRange.SetHelp(k.DateRange.Help().Key, "date range")
	if onDates {
		if m.dates.showingArticle() {
			k.DateRange.SetHelp(k.DateRange.Help().Key, "timeline")
		} else {
			k.DateRange.SetHelp(k.DateRange.Help().Key, "article's dates")
		}
	}
	k.SortDate.SetEnabled(!inOverlay && m.focus == paneList)
	_, next := sortStep(m.list.filter().Order)
	k.SortDate.SetHelp(k.SortDate.Help().Key, next)
	if m.rangeIn != nil {
		k.prompt = true
		k.Accept.SetHelp(k.Accept.Help().Key, "filter by dates")
		k.Cancel.SetHelp(k.Cancel.Help().Key, "cancel")
		k.ResultDown.SetEnabled(false)
		k.ResultUp.SetEnabled(false)
	} else {
		k.Accept.SetHelp(k.Accept.Help().Key, "keep results")
		k.Cancel.SetHelp(k.Cancel.Help().Key, "clear search")
	}
}
