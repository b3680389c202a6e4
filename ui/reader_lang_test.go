package ui

import (
	"strconv"
	"strings"
	"testing"

	"sahifa/corpus"
	"sahifa/ui/lang"
)

// indic writes n in Arabic-Indic digits grouped by threes with the Arabic
// thousands separator (U+066C), as CLDR's arab numbering system does.
func indic(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "٬" + s[i:]
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '٠' + (r - '0')
		}
		return r
	}, s)
}

// TestReaderArabicInterface: in an Arabic interface the reader drawn unit
// by unit says everything of its own in Arabic, numbers in Arabic-Indic
// digits: the title of an untitled article, the position by paragraph
// while the lines are still being counted and by line once they are, the
// note of a query word the search leaves out, and the search's counter.
func TestReaderArabicInterface(t *testing.T) {
	a := longArticle()
	a.Title = ""
	const w, h = 100, 24
	m := newLoaded(t, Config{Language: lang.Arabic}, w, h, []*corpus.Article{a}, nil)
	_, cmd := m.Update(keyEnter)
	s := screenText(m)
	if !strings.Contains(s, shown("(بلا عنوان)")) {
		t.Errorf("the untitled article's title is not Arabic:\n%s", s)
	}
	// 2,000 paragraphs and the head: far more than is counted before the
	// first screen.
	if want := shown("¶ ١ من " + indic(2001) + " · ٠٪…"); !strings.Contains(s, want) {
		t.Errorf("while its lines are counted, no position by paragraph %q:\n%s", want, s)
	}
	runCmd(m, cmd)
	total := m.reader.totalLines(m.size(paneReader).W)
	if total < 2000 {
		t.Fatalf("%d lines counted", total)
	}
	last := bodyHeight(m.size(paneReader).H)
	s = screenText(m)
	if want := shown("١–" + indic(last) + " من " + indic(total) + " · ٠٪"); !strings.Contains(s, want) || strings.Contains(s, "¶") {
		t.Errorf("once counted, no position by line %q:\n%s", want, s)
	}

	press(m, text("/"))
	typeText(m, "ـ المتحدث")
	if s := screenText(m); !strings.Contains(s, shown("أُسقط من البحث: ـ")) {
		t.Errorf("the search line does not name, in Arabic, the word left out:\n%s", s)
	}
	press(m, keyEnter)
	if want := shown("١/" + indic(2000)); !strings.Contains(screenText(m), want) {
		t.Errorf("the search's counter is not %q:\n%s", want, screenText(m))
	}
}
