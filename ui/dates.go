package ui

import (
	"slices"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// The Dates panel: the open article's own date, where it comes from (or
// the day it cannot be older than), and the dates its text names, in
// reading order, each with its words and value. Moving through them
// highlights the mention in the reader; enter lists the articles written
// in the month (or year, or range) the mention names. With no article
// open, or after t, it shows a timeline of the list's articles by day,
// week, month or year, as fits their span: moving picks a stretch, enter
// narrows the list to it.

// datePanel is the state of the Dates panel.
type datePanel struct {
	*env
	art      *collection.Article
	reading  collection.DateReading
	read     bool // reading holds art's dates
	timeline bool // the timeline is shown although an article is open
	cursor   int
	offset   int // first row on screen

	tl timeline

	labels labelCache // laid-out words

	// Where the last view drew its rows and sparkline, for clicks: the
	// body line of the first row (-1 for none), that of the sparkline
	// (-1 for none) and the stretch its first cell shows.
	rowsAt, sparkAt, sparkFirst int
}

// datePanelLines is the most the panel asks for as a height of its own,
// title included; with more to show it shares the column instead.
const datePanelLines = 6

// datesMsg carries an article's dates, read in a tea.Cmd.
type datesMsg struct {
	art     *collection.Article
	reading collection.DateReading
}

// showDates makes the Dates panel follow article a, its dates read off the
// UI goroutine.
func (m *Model) showDates(a *collection.Article) tea.Cmd {
	p := m.dates
	if a == p.art {
		return nil
	}
	p.art, p.reading, p.read, p.timeline, p.cursor, p.offset = a, collection.DateReading{}, false, false, 0, 0
	c := m.coll
	return func() tea.Msg { return datesMsg{a, c.Dates(a)} }
}

// gotDates shows what a tea.Cmd read: an article's dates or a timeline.
func (m *Model) gotDates(msg tea.Msg) {
	p := m.dates
	switch msg := msg.(type) {
	case datesMsg:
		if msg.art == p.art {
			p.reading, p.read = msg.reading, true
			p.cursor = clamp(p.cursor, 0, max(len(msg.reading.Mentions)-1, 0))
		}
	case timelineMsg:
		p.tl.pending = false
		if msg.key != m.timelineKey() {
			return // the list has moved on; followTimeline asks again
		}
		var on time.Time
		if b := p.tl.at(p.cursor); b != nil {
			on = b.from
		}
		onUndated := !p.showingArticle() && p.tl.isUndated(p.cursor)
		p.tl.key, p.tl.undated = msg.key, msg.undated
		p.tl.grain, p.tl.buckets = bucketize(msg.days)
		if !p.showingArticle() {
			p.cursor = len(p.tl.buckets) - 1 // the latest stretch
			if i := slices.IndexFunc(p.tl.buckets, func(b bucket) bool { return b.from.Equal(on) }); i >= 0 {
				p.cursor = i
			}
			if onUndated && p.tl.undated > 0 {
				p.cursor = len(p.tl.buckets)
			}
			p.cursor = max(p.cursor, 0)
		}
	}
}

// showingArticle reports whether the panel lists the open article's dates
// rather than the timeline.
func (p *datePanel) showingArticle() bool { return p.art != nil && !p.timeline }

// toggle switches between the article's dates and the timeline.
func (p *datePanel) toggle() {
	if p.art == nil {
		return
	}
	p.timeline = !p.timeline
	p.cursor, p.offset = 0, 0
	if p.timeline {
		p.cursor = max(len(p.tl.buckets)-1, 0)
	}
}

func (p *datePanel) title() string { return p.tr.Text("Dates") }

// lines asks for what the panel has to show — its title, the line saying
// the article's date or counting the timeline's, the sparkline, a row for
// each date or stretch — while that is short; with more it shares the
// column with the panels that have rows, as a reader moving through a
// timeline of many months expects more than a few rows around the cursor.
func (p *datePanel) lines() int {
	// The title and the sentence, which a narrow column wraps on two
	// lines: counting two keeps the rows from being cut in any width.
	head := 3
	if !p.showingArticle() && len(p.tl.buckets) > 0 {
		head++
	}
	if n := head + max(p.len(), 1); n <= datePanelLines {
		return n
	}
	return 0
}

func (p *datePanel) len() int {
	if p.showingArticle() {
		return len(p.reading.Mentions)
	}
	return p.tl.rows()
}

// mention returns the mention under the cursor, nil when there is none.
func (p *datePanel) mention() *collection.DateMention {
	if !p.showingArticle() || p.cursor < 0 || p.cursor >= len(p.reading.Mentions) {
		return nil
	}
	return &p.reading.Mentions[p.cursor]
}

// move moves the cursor; on a mention it asks for it to be highlighted in
// the reader, which scrolls to it.
func (p *datePanel) move(n int) intent {
	p.cursor = clamp(p.cursor+n, 0, max(p.len()-1, 0))
	d := p.mention()
	if d == nil {
		return intent{}
	}
	return intent{highlight: &highlight{
		art: p.art, layer: layerDate, key: strconv.Itoa(p.cursor) + " " + d.Value(),
		spans: []collection.Span{{Para: d.Para, Start: d.Start, End: d.End}},
	}}
}

// choose narrows the list to the stretch under the cursor: the month a
// mention of a day or month names, the year or range of others, or a
// stretch of the timeline.
func (p *datePanel) choose() intent {
	if d := p.mention(); d != nil {
		t := mentionTerm(d.Mention)
		return intent{narrow: &t}
	}
	if p.showingArticle() {
		return intent{}
	}
	if b := p.tl.at(p.cursor); b != nil {
		t := collection.Term{Field: collection.ByDates, From: b.from, To: b.to, Label: p.tl.grain.label(b.from, p.tr)}
		return intent{narrow: &t}
	}
	if p.tl.isUndated(p.cursor) {
		t := collection.UndatedTerm()
		return intent{narrow: &t}
	}
	return intent{}
}

// click is a click on line y, cell x, of what the panel drew last: on a
// stretch of the sparkline or a row of the timeline it narrows the list
// to that stretch (or to the undated articles), as enter does; on a
// mention it shows it in the reader, as moving to it does.
func (p *datePanel) click(x, y int) intent {
	i := -1
	switch {
	case y == p.sparkAt && p.sparkAt >= 0:
		if b := p.sparkFirst + x - 1; x >= 1 && b < len(p.tl.buckets) {
			i = b
		}
	case y >= p.rowsAt && p.rowsAt >= 0 && p.offset+y-p.rowsAt < p.len():
		i = p.offset + y - p.rowsAt
	}
	if i < 0 {
		return intent{}
	}
	p.cursor = i
	if p.showingArticle() {
		return p.move(0)
	}
	return p.choose()
}

// mentionTerm is the date filter a mention leads to: its month when it
// names a day or a month (a collection seldom holds an article of the
// very day named), else all it covers.
func mentionTerm(d collection.DateExpression) collection.Term {
	if !d.Range && d.Precision >= collection.PrecisionMonth {
		from := time.Date(d.From.Year(), d.From.Month(), 1, 0, 0, 0, 0, time.UTC)
		return collection.Term{Field: collection.ByDates, From: from, To: from.AddDate(0, 1, 0), Label: from.Format("2006-01")}
	}
	label := d.Value()
	if d.Range {
		label += ".." + d.EndValue()
	}
	return collection.Term{Field: collection.ByDates, From: d.From, To: d.To.AddDate(0, 0, 1), Label: label}
}

func (p *datePanel) enterHelp() string {
	switch {
	case p.showingArticle():
		return "articles of that month"
	case p.tl.isUndated(p.cursor):
		return "undated articles"
	}
	return [...]string{"articles of that day", "articles of that week", "articles of that month", "articles of that year"}[p.tl.grain]
}

// ownFrom words where an article's own date was read, by its kind (the
// words sahifa dates prints as data stay English whatever the language).
var ownFrom = [...]string{
	collection.OwnMetadata: "metadata",
	collection.OwnDateline: "dateline",
	collection.OwnText:     "text",
}

// ownLine says what the article's own date is and where it comes from,
// or the day it cannot be older than: never a guess as a fact.
func ownLine(o collection.OwnDate, tr *lang.Printer) string {
	switch {
	case o.From != collection.OwnUnknown:
		return tr.Sprintf("Written %s (%s)", o.Value(), tr.Text(ownFrom[o.From]))
	case o.NotBeforeValue() != "":
		return tr.Sprintf("Date unknown, not before %s", o.NotBeforeValue())
	}
	return tr.Text("Date unknown")
}

// mentionValue is a mention's value as the panel shows it: a range with
// its end, "~" when it was read against the day of writing, "!" when its
// words contradict each other.
func mentionValue(d collection.DateExpression) string {
	v := d.Value()
	if d.Range {
		v += "…" + d.EndValue()
	}
	if d.Relative {
		v += "~"
	}
	if d.Conflict {
		v += "!"
	}
	return v
}

// view draws the panel's body in w×h cells.
func (p *datePanel) view(w, h int, focused bool) []string {
	var out []string
	say := func(s string) { out = append(out, p.sentence(s, w)...) }
	p.rowsAt, p.sparkAt = -1, -1
	if !p.showingArticle() {
		return p.timelineView(w, h, focused)
	}
	if !p.read {
		say(p.tr.Text("Reading dates…"))
		return out
	}
	say(ownLine(p.reading.Own, p.tr))
	if len(p.reading.Mentions) == 0 {
		say(p.tr.Text("No dates named in this article."))
		return out
	}
	p.rowsAt = len(out)
	h -= len(out)
	p.keepCursor(h)
	for i := p.offset; i < len(p.reading.Mentions) && i < p.offset+h; i++ {
		d := p.reading.Mentions[i]
		style := p.rowStyle(i == p.cursor, focused)
		v := mentionValue(d.Mention)
		wordsW := max(w-2-len([]rune(v))-1, 1)
		words := p.labels.get(d.Text, wordsW, p.cfg)
		l := style.Render(" "+v+" ") + drawLine(words, wordsW, style, &p.st)
		out = append(out, fitStyled(l, w, &style))
	}
	return out
}

// keepCursor scrolls the rows so that the cursor's is among h on screen.
func (p *datePanel) keepCursor(h int) {
	h = max(h, 1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+h {
		p.offset = p.cursor - h + 1
	}
	p.offset = clamp(p.offset, 0, max(p.len()-h, 0))
}

func (p *datePanel) rowStyle(on, focused bool) lipgloss.Style {
	switch {
	case on && focused:
		return p.st.rowSelected
	case on:
		return p.st.rowSelectedDim
	}
	return p.st.row
}
