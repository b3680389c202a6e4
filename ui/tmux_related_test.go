package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"sahifa/bidi"
	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// readerPosition finds the reader's "a–b/n p%" on a screen.
var readerPosition = regexp.MustCompile(`\d+–\d+/\d+ \d+%`)

// readerCounter finds the reader's match counter, "1/4" before its
// position.
var readerCounter = regexp.MustCompile(`\d+/\d+  \d+–\d+/\d+ \d+%`)

// TestTmuxRelatedAndBack is the jump and back in the real program: a kept
// search, seed 000 opened from it and scrolled; the Related panel lists
// seed 003 first as the same story, with why; enter there opens it; esc
// comes back to 000 at the same line; L goes forward again; q leaves the
// reader for the list, esc there leaves the search; H comes back to 000
// at its line with the search's results in the list, the cursor on 000.
func TestTmuxRelatedAndBack(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	as := seedArticles(t)
	c := loadedCollection(t, corpus.Batch{Articles: as, Done: true})
	const query = "حميميم"
	res := c.Query(collection.Filter{}.With(collection.Term{Field: collection.ByQuery, Value: query}), 0)
	at := -1
	for i, a := range res.Articles {
		if a.ID == as[0].ID {
			at = i
		}
	}
	if at < 0 || len(res.Articles) == len(as) {
		t.Fatalf("%s finds %d seeds, 000 at %d: a search the test cannot tell from the whole list", query, len(res.Articles), at)
	}

	const w, h = 120, 30
	lay := computeLayout(w, h, layoutOptions{Mirror: true, Focus: paneReader})
	lr, _ := lay.find(paneList)
	sr, _ := lay.find(paneSide)
	inSide := func(a *corpus.Article) string {
		return bidi.Paragraph(a.Title, bidi.Options{Width: textWidth(sr.W), MaxLines: 1})[0].Text
	}
	inList := func(a *corpus.Article) bidi.Line {
		return bidi.Paragraph(a.Title, bidi.Options{Width: textWidth(lr.W), MaxLines: 1})[0]
	}
	term := startTmux(t, w, h)
	// cursorOn reports whether a's row in the list is drawn selected.
	cursorOn := func(a *corpus.Article) bool {
		s := term.styled(w, h)
		x, y, ok := s.find(inList(a), lr.X, lr.X+lr.W)
		if !ok {
			return false
		}
		st := s.style(x, y)
		return st.Bg != nil
	}

	term.typeText(bin)
	term.keys("Enter")
	term.waitFor("the five titles", func(s string) bool { return containsAll(s, listTitles(as, w, h)) })

	term.keys("/")
	term.typeText(query)
	term.keys("Enter")
	found := fmt.Sprintf("%d found", len(res.Articles))
	term.waitFor("the search's results kept", func(s string) bool { return strings.Contains(s, found) })
	for range at {
		term.keys("j")
	}
	term.keys("Enter")
	term.waitFor("seed 000 and its related articles", func(s string) bool {
		return strings.Contains(s, "Related ") && strings.Contains(s, inSide(as[3])) && strings.Contains(s, "same story;")
	})
	before := readerPosition.FindString(term.screen())
	term.keys("d")
	s := term.waitFor("the reader scrolled", func(s string) bool {
		p := readerPosition.FindString(s)
		return p != "" && p != before
	})
	pos := readerPosition.FindString(s)
	// The panel's rows say why: seed 003's row is the first, the same
	// story, with the names both give.
	if y := rowOf(s, inSide(as[3])); y < 0 || !strings.Contains(lineAt(s, y+2), "same story; ") || !strings.Contains(lineAt(s, y+2), "names: ") {
		t.Fatalf("seed 003's row does not say why:\n%s", s)
	}

	// shift+tab twice, through the list, reaches the Related panel
	// without passing the Entities panel, which would scroll the reader
	// to its first name's mentions.
	term.keys("BTab", "BTab")
	term.waitFor("the Related panel focused", func(s string) bool { return strings.Contains(s, "enter open related") })
	term.keys("Enter")
	term.waitFor("seed 003 open, its panel listing 000", func(s string) bool {
		return strings.Contains(s, inSide(as[0])) && !strings.Contains(s, inSide(as[3])+" ")
	})
	if res.Hits[as[3].ID] != nil {
		// Opened while the list shows a search it matches, 003 shows
		// its matches: the first esc drops them.
		term.keys("Escape")
		term.waitFor("003's matches dropped", func(s string) bool { return !readerCounter.MatchString(s) })
	}

	term.keys("Escape")
	term.waitFor("back at 000 at "+pos, func(s string) bool {
		return readerPosition.FindString(s) == pos && strings.Contains(s, inSide(as[3]))
	})
	term.keys("L")
	term.waitFor("forward to 003", func(s string) bool { return strings.Contains(s, inSide(as[0])) })

	term.keys("q")
	term.waitFor("the list focused", func(s string) bool { return strings.Contains(s, "enter open") && strings.Contains(s, "q quit") })
	term.keys("Escape")
	term.waitFor("the search left", func(s string) bool {
		return strings.Contains(s, fmt.Sprintf("Articles %d", len(as))) && !strings.Contains(s, found)
	})
	term.keys("H")
	term.waitFor("000 at "+pos+" with the search's results", func(s string) bool {
		return readerPosition.FindString(s) == pos && strings.Contains(s, found) && strings.Contains(s, inSide(as[3]))
	})
	term.waitFor("the list's cursor on 000", func(string) bool { return cursorOn(as[0]) })
	term.keys("q")
	term.waitFor("q from the reader: the list", func(s string) bool { return strings.Contains(s, "q quit") && strings.Contains(s, "esc clear search") })
}

// rowOf returns the first row of screen s holding text, -1 when none does.
func rowOf(s, text string) int {
	for y, l := range strings.Split(s, "\n") {
		if strings.Contains(l, text) {
			return y
		}
	}
	return -1
}

// lineAt returns row y of screen s.
func lineAt(s string, y int) string {
	ls := strings.Split(s, "\n")
	if y < 0 || y >= len(ls) {
		return ""
	}
	return ls[y]
}
