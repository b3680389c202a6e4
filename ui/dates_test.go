package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// datedSeed opens the seed whose own date is known (from its dateline) in
// a model of all five, and returns the model, the article and its dates.
func datedSeed(t *testing.T) (*Model, *corpus.Article, collection.DateReading) {
	t.Helper()
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	i := slices.IndexFunc(m.list.res.Articles, func(a *corpus.Article) bool {
		return m.coll.Own(a).From != collection.OwnUnknown
	})
	if i < 0 {
		t.Fatal("no seed has a known own date: the test proves nothing")
	}
	for range i {
		press(m, text("j"))
	}
	press(m, keyEnter)
	a := m.list.res.Articles[i]
	r := m.coll.Dates(a)
	if len(r.Mentions) < 2 {
		t.Fatalf("%q names %d dates: the test proves nothing", a.Title, len(r.Mentions))
	}
	return m, a, r
}

func TestDatesPanelShowsTheArticlesDates(t *testing.T) {
	m, a, r := datedSeed(t)
	if m.dates.art != a || !m.dates.read || len(m.dates.reading.Mentions) != len(r.Mentions) {
		t.Fatalf("panel follows %v (read %v) with %d dates, want %q with %d", m.dates.art, m.dates.read,
			len(m.dates.reading.Mentions), a.Title, len(r.Mentions))
	}
	s := screenText(m)
	if !strings.Contains(s, "Written "+r.Own.Value()) || !strings.Contains(s, "("+r.Own.From.String()+")") {
		t.Fatalf("no own date %s from the %s on screen:\n%s", r.Own.Value(), r.Own.From, s)
	}
	// The shortest words, which the panel shows whole.
	d := slices.MinFunc(r.Mentions, func(a, b collection.DateMention) int { return len(a.Text) - len(b.Text) })
	if !rowHas(s, " "+mentionValue(d.Mention)+" ", shown(d.Text)) {
		t.Fatalf("the first date %q (%s) is not on one row:\n%s", d.Text, d.Value(), s)
	}

	// Tab steps from the reader to the Entities panel, then the Dates
	// panel, whose first date is highlighted in the reader at once.
	press(m, keyTab, keyTab)
	if m.focus != paneSide || m.side.focused() != sidePanel(m.dates) {
		t.Fatalf("tab twice from the reader: focus %v, panel %d", m.focus, m.side.active)
	}
	for i := range 2 {
		l := m.reader.layers[layerDate]
		d := r.Mentions[i]
		want := collection.Span{Para: d.Para, Start: d.Start, End: d.End}
		if !l.on || len(l.spans) != 1 || l.spans[0] != want || m.reader.active() != layerDate {
			t.Fatalf("date %d %q: layer %+v, want %+v", i, d.Text, l, want)
		}
		press(m, text("j"))
	}
	mark := m.st.tag(tagCurrent).Render("X")
	if v := m.View().Content; !strings.Contains(v, mark[:strings.Index(mark, "X")]) {
		t.Fatal("the chosen date is not highlighted in the reader")
	}
	// Tab goes on to the next panel with rows, and leaves the column
	// after the last.
	for range m.side.panels {
		press(m, keyTab)
	}
	if m.focus == paneSide {
		t.Fatalf("tab from the Dates panel stays in the column on %d", m.side.active)
	}
}

func TestDatesPanelNarrowsToTheMonth(t *testing.T) {
	m, a, r := datedSeed(t)
	own := r.Own.Date
	// The first date in the month the article was written in.
	i := slices.IndexFunc(r.Mentions, func(d collection.DateMention) bool {
		return !d.Range && d.Precision >= collection.PrecisionMonth &&
			d.From.Year() == own.Year() && d.From.Month() == own.Month()
	})
	if i < 0 {
		t.Fatalf("%q names no date in its own month", a.Title)
	}
	press(m, keyTab, keyTab)
	for range i {
		press(m, text("j"))
	}
	press(m, keyEnter)
	month := own.Format("2006-01")
	term, ok := m.list.filter().Term(collection.ByDates)
	if !ok || m.focus != paneList || term.Label != month {
		t.Fatalf("enter on %q: focus %v, filter %v", r.Mentions[i].Text, m.focus, m.list.filter())
	}
	if m.list.len() != 1 || m.list.at(0) != a {
		t.Fatalf("the list in %s holds %d articles, want only %q", month, m.list.len(), a.Title)
	}
	if s := screenText(m); !strings.Contains(s, "dated "+month) {
		t.Fatalf("no filter line:\n%s", s)
	}
	press(m, keyEsc)
	if !m.list.filter().IsZero() || m.list.len() != 5 {
		t.Fatalf("esc leaves the date filter: %v, %d shown", m.list.filter(), m.list.len())
	}
}

// countTimeline counts the timeline as the program does after a change,
// newLoaded having dropped the command that asked for it first.
func countTimeline(m *Model) {
	m.dates.tl.pending = false
	runCmd(m, m.followTimeline())
}

// monthly is a collection of articles dated by their files over four
// months, two to a month but one, and one undated.
func monthly() []*corpus.Article {
	var as []*corpus.Article
	for i, d := range []string{"2015-01-10", "2015-01-20", "2015-02-03", "2015-03-15", "2015-03-16", "2015-03-31", "2015-04-01", ""} {
		a := &corpus.Article{ID: fmt.Sprintf("m%d", i), Title: fmt.Sprintf("مقال رقم %d", i), Source: "سبق", Dir: corpus.RTL,
			Path: fmt.Sprintf("%d.txt", i), Paragraphs: []corpus.Paragraph{{Text: "نص المقال."}}}
		if d != "" {
			a.Date, _ = time.Parse("2006-01-02", d)
			a.DateFrom = corpus.DateMetadata
		}
		as = append(as, a)
	}
	return as
}

func TestTimeline(t *testing.T) {
	m := newLoaded(t, Config{}, 130, 40, monthly(), nil)
	countTimeline(m)
	s := screenText(m)
	if !strings.Contains(s, "7 by week · 1 undated") {
		t.Fatalf("no timeline:\n%s", s)
	}
	tl := m.dates.tl
	if tl.grain != grainWeek || tl.buckets[0].from.Format("2006-01-02") != "2015-01-05" {
		t.Fatalf("weeks from Monday 5 January: %v %v", tl.grain, tl.buckets[0].from)
	}
	// The week of 30 March holds two articles, the most: a full bar.
	if !rowHas(s, "week of 2015-03-30 █", " 2 ") || !rowHas(s, "week of 2015-03-23 ", " 0 ") {
		t.Fatalf("the weeks and their counts:\n%s", s)
	}
	// The panel takes the focus on the latest week; enter keeps it.
	press(m, keyTab, keyTab)
	if m.side.focused() != sidePanel(m.dates) {
		t.Fatalf("tab twice reaches panel %d", m.side.active)
	}
	press(m, keyEnter)
	if m.list.len() != 2 || m.focus != paneList {
		t.Fatalf("the week of 30 March: %d articles, focus %v", m.list.len(), m.focus)
	}
	// The timeline still counts the whole list, the date term aside.
	countTimeline(m)
	if !strings.Contains(screenText(m), "7 by week") {
		t.Fatalf("the timeline narrowed with the list:\n%s", screenText(m))
	}
	press(m, keyEsc)
	if m.list.len() != 8 {
		t.Fatalf("esc: %d articles", m.list.len())
	}
}

func TestTimelineGrains(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, c := range []struct {
		days    []string
		grain   grain
		buckets int
	}{
		{[]string{"2015-08-01"}, grainDay, 1},
		{[]string{"2015-08-01", "2015-08-31"}, grainDay, 31},
		{[]string{"2015-08-01", "2015-11-30"}, grainWeek, 19},
		{[]string{"2014-01-15", "2015-12-01"}, grainMonth, 24},
		{[]string{"1990-05-05", "2015-12-01"}, grainYear, 26},
	} {
		ds := map[time.Time]int{}
		for _, d := range c.days {
			ds[day(d)]++
		}
		g, bs := bucketize(ds)
		n := 0
		for _, b := range bs {
			n += b.n
		}
		if g != c.grain || len(bs) != c.buckets || n != len(c.days) {
			t.Errorf("%v: %v in %d stretches holding %d, want %v in %d", c.days, g, len(bs), n, c.grain, c.buckets)
		}
	}
	if spark(0, 5) != ' ' || spark(1, 8) != '▁' || spark(5, 5) != '█' || spark(3, 5) != '▅' {
		t.Errorf("spark levels: %q %q %q %q", spark(0, 5), spark(1, 8), spark(5, 5), spark(3, 5))
	}
}

func TestTypedDateRangeAndSort(t *testing.T) {
	m := newLoaded(t, Config{}, 130, 40, monthly(), nil)
	press(m, text("t"))
	if s := screenText(m); m.rangeIn == nil || !strings.Contains(s, "dates ▏") {
		t.Fatalf("t opens the date line:\n%s", s)
	}
	typeText(m, "مارس")
	press(m, keyEnter)
	if m.rangeIn == nil || !strings.Contains(screenText(m), "not a date") {
		t.Fatalf("a month without a year is refused, the line kept:\n%s", screenText(m))
	}
	typeText(m, " 2015")
	press(m, keyEnter)
	if term, ok := m.list.filter().Term(collection.ByDates); m.rangeIn != nil || !ok || m.list.len() != 3 {
		t.Fatalf("مارس 2015: %v %v, %d articles", term, ok, m.list.len())
	}
	press(m, text("t"))
	for range len([]rune("مارس 2015")) {
		press(m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	typeText(m, "2015-01..2015-02")
	press(m, keyEnter)
	if m.list.len() != 3 {
		t.Fatalf("January to February: %d articles", m.list.len())
	}
	press(m, keyEsc, text("s"))
	if m.list.filter().Order != collection.OrderNewest || m.list.at(0).ID != "m6" || m.list.at(7).ID != "m7" {
		t.Fatalf("s sorts newest first, undated last: %v, %v first", m.list.filter(), m.list.at(0).ID)
	}
	if !strings.Contains(screenText(m), "newest first") {
		t.Fatalf("the order is not said:\n%s", screenText(m))
	}
	press(m, text("s"), text("s"), text("s"))
	if !m.list.filter().IsZero() || m.list.at(0).ID != "m0" {
		t.Fatalf("s round the cycle: file order: %v", m.list.filter())
	}
	// esc on the line leaves the list as it was.
	press(m, text("t"), text("2"), keyEsc)
	if m.rangeIn != nil || !m.list.filter().IsZero() {
		t.Fatalf("esc on the date line: %v", m.list.filter())
	}
}

// TestTimelineUndatedAndClicks: the undated articles are the timeline's
// last row, enter on it lists them, and a click on a row or a bar of the
// sparkline narrows the list to its stretch.
func TestTimelineUndatedAndClicks(t *testing.T) {
	m := newLoaded(t, Config{}, 130, 40, monthly(), nil)
	countTimeline(m)
	press(m, keyTab, keyTab, tea.KeyPressMsg{Code: 'G', Text: "G"})
	if !m.dates.tl.isUndated(m.dates.cursor) || m.dates.enterHelp() != "undated articles" {
		t.Fatalf("G in the timeline: row %d of %d, enter %q", m.dates.cursor, m.dates.len(), m.dates.enterHelp())
	}
	press(m, keyEnter)
	if m.list.len() != 1 || m.list.at(0).ID != "m7" || !strings.Contains(screenText(m), "8 articles · undated") {
		t.Fatalf("enter on the undated bucket: %d articles, first %v\n%s", m.list.len(), m.list.at(0).ID, screenText(m))
	}
	press(m, keyEsc)

	// Where the panel and its rows are on screen.
	r := m.size(paneSide)
	lines := strings.Split(screenText(m), "\n")
	find := func(text string) (x, y int) {
		for y, l := range lines {
			if i := strings.Index(l, text); i >= 0 {
				return len([]rune(l[:i])), y
			}
		}
		t.Fatalf("%q not on screen:\n%s", text, screenText(m))
		return 0, 0
	}
	_, y := find("week of 2015-03-30")
	press(m, tea.MouseClickMsg{X: r.X + 2, Y: y, Button: tea.MouseLeft})
	if m.list.len() != 2 || !strings.Contains(screenText(m), "dated week of 2015-03-30") {
		t.Fatalf("a click on the week of 30 March: %d articles\n%s", m.list.len(), screenText(m))
	}
	press(m, keyEsc)
	// The sparkline is the line under the counts; its first bar is the
	// week of 5 January, which holds one article.
	_, y = find("7 by week")
	press(m, tea.MouseClickMsg{X: r.X + 1, Y: y + 1, Button: tea.MouseLeft})
	if m.list.len() != 1 || m.list.at(0).ID != "m0" {
		t.Fatalf("a click on the first bar: %d articles\n%s", m.list.len(), screenText(m))
	}
}

// TestDatesPanelTakesRoomForItsRows checks that the Dates panel, with more
// to show than a few lines, shares the column rather than showing a few
// rows around its cursor: on a 40-line screen every week of the timeline
// and every date of an article is on screen at once.
func TestDatesPanelTakesRoomForItsRows(t *testing.T) {
	m := newLoaded(t, Config{}, 130, 40, monthly(), nil)
	countTimeline(m)
	s := screenText(m)
	if len(m.dates.tl.buckets) < 6 {
		t.Fatalf("%d weeks: the test proves nothing", len(m.dates.tl.buckets))
	}
	for _, b := range m.dates.tl.buckets {
		if label := m.dates.tl.grain.label(b.from, m.dates.tr); !strings.Contains(s, " "+label+" ") {
			t.Errorf("the timeline's %s is not on screen:\n%s", label, s)
		}
	}
	if !rowHas(s, " undated ", " 1 ") {
		t.Errorf("the undated row is not on screen:\n%s", s)
	}

	m, _, r := datedSeed(t)
	s = screenText(m)
	if len(r.Mentions)+3 <= datePanelLines {
		t.Fatalf("%d dates fit in %d lines: the test proves nothing", len(r.Mentions), datePanelLines)
	}
	want := map[string]int{}
	for _, d := range r.Mentions {
		want[" "+mentionValue(d.Mention)+" "]++
	}
	for v, n := range want {
		if got := strings.Count(s, v); got < n {
			t.Errorf("%q on %d rows, want %d:\n%s", v, got, n, s)
		}
	}
}
