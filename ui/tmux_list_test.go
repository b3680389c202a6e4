package ui

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"sahifa/bidi"
)

// listArticles are four articles of two sources and two categories.
const listArticles = `[
 {"source": "sabq", "url": "https://sabq.org/1", "date_extracted": "2015-08-06 01:00:00", "category": "محليات",
  "title": "أمطار غزيرة على جدة", "content": "هطلت أمطار غزيرة على جدة صباح اليوم."},
 {"source": "sabq", "url": "https://sabq.org/2", "date_extracted": "2015-08-07 01:00:00", "category": "رياضة",
  "title": "الهلال يفوز على النصر", "content": "فاز الهلال على النصر في مباراة اليوم."},
 {"source": "okaz", "url": "https://okaz.com.sa/3", "date_extracted": "2015-08-08 01:00:00", "category": "محليات",
  "title": "افتتاح مستشفى في جدة", "content": "افتتح أمير المنطقة مستشفى جديدا في جدة."},
 {"source": "okaz", "url": "https://okaz.com.sa/4", "date_extracted": "2015-08-09 01:00:00", "category": "اقتصاد",
  "title": "ارتفاع أسعار النفط", "content": "ارتفعت أسعار النفط في الأسواق العالمية."}
]`

// TestTmuxList: the list's n/N position follows the cursor; S narrows it
// to the selected article's source and C to its category, the key again
// or esc widening it back; search results show source and date under
// their snippet; a query of excluded words only finds in the screen what
// `sahifa search` finds.
func TestTmuxList(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	dir := writeArticles(t, listArticles)
	const w, h = 100, 30
	tm := startTmux(t, w, h)
	tm.typeText("XDG_STATE_HOME='" + t.TempDir() + "' " + bin + " '" + dir + "'")
	tm.keys("Enter")
	tm.waitFor("four articles, the first selected", func(s string) bool {
		return strings.Contains(s, "Articles 4") && strings.Contains(s, "1/4")
	})
	tm.keys("j", "j")
	tm.waitFor("the third selected", func(s string) bool { return strings.Contains(s, "3/4") })

	// The third is okaz's, in محليات.
	tm.keys("S")
	s := tm.waitFor("okaz's two", func(s string) bool { return strings.Contains(s, "from okaz") && strings.Contains(s, "1/2 found") })
	if strings.Contains(s, "sabq") {
		t.Fatalf("narrowed to okaz, sabq still shown:\n%s", s)
	}
	tm.keys("S")
	tm.waitFor("all four again", func(s string) bool { return strings.Contains(s, "Articles 4") && !strings.Contains(s, "from okaz") })

	tm.keys("j", "j", "C")
	category := bidi.Paragraph("محليات", bidi.Options{})[0].Text
	s = tm.waitFor("the category's two", func(s string) bool {
		return strings.Contains(s, category) && strings.Contains(s, "1/2 found")
	})
	if !strings.Contains(s, "sabq · 2015-08-06") || !strings.Contains(s, "okaz · 2015-08-08") || strings.Contains(s, "2015-08-07") {
		t.Fatalf("the category filter keeps the wrong articles:\n%s", s)
	}
	tm.keys("Escape")
	tm.waitFor("all four again", func(s string) bool { return strings.Contains(s, "Articles 4") && strings.Contains(s, "1/4") })

	// Excluded words only, in the screen and in the command.
	const query = "-جدة"
	out, err := exec.Command(bin, "search", "-n", "0", "--", query, dir).Output()
	if err != nil {
		t.Fatalf("sahifa search %s: %v", query, err)
	}
	n := strings.Count(string(out), "\n")
	if n != 2 {
		t.Fatalf("sahifa search %s finds %d articles, want the 2 without جدة:\n%s", query, n, out)
	}
	tm.keys("/", "-")
	tm.typeText(query[1:])
	found := fmt.Sprintf("1/%d found", n)
	s = tm.waitFor(found, func(s string) bool { return strings.Contains(s, found) })
	// Each result: title, snippet, then source and date.
	for _, info := range []string{"sabq · 2015-08-07", "okaz · 2015-08-09"} {
		if !strings.Contains(s, info) {
			t.Fatalf("result without its source and date %q:\n%s", info, s)
		}
	}
	if strings.Contains(s, "2015-08-06") || strings.Contains(s, "2015-08-08") {
		t.Fatalf("an article with جدة is among the results of %s:\n%s", query, s)
	}
}
