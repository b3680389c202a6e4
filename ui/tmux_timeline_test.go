package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestTmuxTimelineClicks drives the real program on a folder of articles
// spread over eighteen months, two of them with no date anywhere: the
// timeline by month and its undated bucket, a month and the undated
// bucket chosen with the mouse (a row, then a bar of the sparkline), and
// the undated bucket chosen with the keyboard.
func TestTmuxTimelineClicks(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	type article struct {
		Title string `json:"title"`
		Text  string `json:"text"`
		Date  string `json:"date,omitempty"`
	}
	// Texts that name no date, so that the last two stay undated.
	texts := []string{
		"ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات.",
		"افتتح وزير الصحة مستشفى جديدا في المدينة بسعة مئتي سرير.",
		"فاز الفريق المحلي على ضيفه بهدفين نظيفين في مباراة مثيرة.",
		"أعلنت الشركة عن خطة لتوسيع شبكتها في المناطق الريفية.",
		"ناقش المجلس البلدي مشروعات الطرق والحدائق العامة.",
		"استقبل المتحف آلاف الزوار لمشاهدة معرض المخطوطات النادرة.",
		"وقعت الجامعة اتفاقية تعاون علمي مع مركز أبحاث دولي.",
	}
	var as []article
	for i, d := range []string{"2015-01-10", "2015-03-05", "2015-03-20", "2015-09-01", "2016-06-20", "", ""} {
		as = append(as, article{Title: fmt.Sprintf("خبر رقم %d", i+1), Text: texts[i], Date: d})
	}
	dir := jsonFolder(t, as)

	const w, h = 120, 40
	tm := startTmux(t, w, h)
	tm.typeText(bin + " " + dir)
	tm.keys("Enter")
	s := tm.waitFor("the timeline by month, the latest month under the cursor", func(s string) bool {
		return strings.Contains(s, "5 by month · 2 undated") && rowHas(s, " 2016-06 ▄", " 1 ")
	})
	all := func(s string) bool { return strings.Contains(s, "7 articles") && !strings.Contains(s, "7 articles ·") }

	// A click on a month's row narrows the list to it.
	tm.click(s, ` (2016-06) `)
	tm.waitFor("the list narrowed to 2016-06", func(s string) bool {
		return strings.Contains(s, "7 articles · dated 2016-06") && strings.Contains(s, "1 found")
	})
	tm.keys("Escape")
	s = tm.waitFor("all seven again", all)

	// A click on the sparkline's third bar: March 2015, two articles.
	y, x := tm.find(s, `5 by month · 2 undated`)
	left := x - 1 // the line is indented a cell into the panel, as the bars are
	tm.clickAt(left+1+2, y+1)
	tm.waitFor("the list narrowed to 2015-03", func(s string) bool {
		return strings.Contains(s, "7 articles · dated 2015-03") && strings.Contains(s, "2 found")
	})
	tm.keys("Escape")
	s = tm.waitFor("all seven again", all)

	// The keyboard: the panel's title clicked gives it the focus, G goes
	// to its last row, the undated bucket, and enter narrows to it.
	tm.click(s, `(Dates) `)
	tm.keys("G")
	tm.waitFor("enter's help for the undated bucket", func(s string) bool { return strings.Contains(s, "undated articles") })
	tm.keys("Enter")
	tm.waitFor("the list narrowed to the undated articles", func(s string) bool {
		return strings.Contains(s, "7 articles · undated") && strings.Contains(s, "2 found")
	})
	tm.keys("Escape")
	s = tm.waitFor("all seven again", all)

	// A click on the undated bucket's row, on screen now that the cursor
	// went to it.
	tm.click(s, ` (undated) +2 `)
	tm.waitFor("the list narrowed to the undated articles by a click", func(s string) bool {
		return strings.Contains(s, "7 articles · undated") && strings.Contains(s, "2 found")
	})
}

// find returns the line and cell where s first shows what the regular
// expression re matches: the start of its first group, if it has one.
func (tm *tmuxTerm) find(s, re string) (y, x int) {
	tm.t.Helper()
	r := regexp.MustCompile(re)
	for y, l := range strings.Split(s, "\n") {
		if m := r.FindStringSubmatchIndex(l); m != nil {
			at := m[0]
			if len(m) > 2 {
				at = m[2]
			}
			return y, utf8.RuneCountInString(l[:at])
		}
	}
	tm.t.Fatalf("%q is not on the screen:\n%s", re, s)
	return 0, 0
}

// click clicks the left button on the cell where s first shows what re
// matches (its first group).
func (tm *tmuxTerm) click(s, re string) {
	tm.t.Helper()
	y, x := tm.find(s, re)
	tm.clickAt(x, y)
}

// clickAt presses and releases the left button on cell (x, y), counted
// from 0, as a terminal reports it in SGR mouse mode (1006).
func (tm *tmuxTerm) clickAt(x, y int) {
	tm.t.Helper()
	tm.typeText(fmt.Sprintf("\x1b[<0;%d;%dM\x1b[<0;%d;%dm", x+1, y+1, x+1, y+1))
}
