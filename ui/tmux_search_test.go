package ui

import (
	"fmt"
	"strings"
	"testing"

	"sahifa/bidi"
	"sahifa/corpus"
	"sahifa/corpus/search"
)

// TestTmuxSearch is issue 4's acceptance in the real program: an Arabic
// query typed into the search line gives the ranked results with their
// highlighted snippets; enter opens the first at its first match; / in the
// reader searches the article (the query pasted) and n/N step through it
// with a counter.
// Every highlight is checked on the cells where bidi.Paragraph, given the
// match as a Span, puts it after reordering.
func TestTmuxSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	as := seedArticles(t)
	ix := search.NewIndex()
	ix.Add(as...)

	const w, h = 120, 30
	tm := startTmux(t, w, h)
	tm.typeText(bin)
	tm.keys("Enter")
	titles := listTitles(as, w, h)
	tm.waitFor("the five titles", func(s string) bool { return containsAll(s, titles) })
	lr, _ := computeLayout(w, h, layoutOptions{Mirror: true}).find(paneList)
	rr, _ := computeLayout(w, h, layoutOptions{Mirror: true, Focus: paneReader}).find(paneReader)

	const query = "حميميم"
	hits := ix.Search(query, searchLimit)
	if len(hits) != 4 {
		t.Fatalf("the index finds %d articles for %s, want the 4 that name it", len(hits), query)
	}
	tm.keys("/")
	tm.typeText(query)
	tm.waitFor("the query and 4 results", func(s string) bool {
		return strings.Contains(s, "4 found") && strings.Contains(s, bidi.Paragraph(query, bidi.Options{})[0].Text)
	})

	// The results in rank order, each title over its snippet, the matched
	// words highlighted on the cells bidi puts them on.
	tw := textWidth(lr.W)
	s := tm.styled(w, h)
	lastY := -1
	for i, hit := range hits {
		title := bidi.Paragraph(hit.Article.Title, bidi.Options{Width: tw, MaxLines: 1}, matchSpans(hit.Matches, -1, -1)...)[0]
		_, ty, ok := s.find(title, lr.X, lr.X+lr.W)
		if !ok {
			t.Fatalf("result %d's title %q is not in the list:\n%s", i+1, title.Text, s)
		}
		if ty <= lastY {
			t.Fatalf("result %d is shown above result %d: not in rank order\n%s", i+1, i, s)
		}
		lastY = ty
		if len(title.Segments) > 1 {
			s.expectHighlight(t, fmt.Sprintf("result %d's title", i+1), title, lr.X, lr.X+lr.W)
		}
		snip, hl := hit.Snippet(tw)
		var spans []bidi.Span
		for _, m := range hl {
			spans = append(spans, bidi.Span{Start: m.Start, End: m.End, Style: tagHit})
		}
		sl := bidi.Paragraph(snip, bidi.Options{Width: tw, MaxLines: 1}, spans...)[0]
		_, sy, _ := s.find(sl, lr.X, lr.X+lr.W)
		if sy != ty+1 {
			t.Fatalf("result %d's snippet %q is not under its title (rows %d, %d):\n%s", i+1, sl.Text, ty, sy, s)
		}
		s.expectHighlight(t, fmt.Sprintf("result %d's snippet %s", i+1, segmentsString(sl)), sl, lr.X, lr.X+lr.W)
	}

	// enter keeps the results, enter again opens the first at its first
	// match, the current match in its own style.
	tm.keys("Enter")
	tm.waitFor("the results kept", func(s string) bool { return strings.Contains(s, "esc clears") })
	tm.keys("Enter")
	a, ms := hits[0].Article, hits[0].Matches
	counter := fmt.Sprintf("1/%d  ", len(ms))
	tm.waitFor("the reader on the first match, "+counter, func(s string) bool { return strings.Contains(s, counter) })
	checkCurrentMatch(t, tm.styled(w, h), a, ms, 0, rr)

	// / in the reader: esc drops the query carried from the list, a new
	// one searches the article; n and N step through its matches.
	const inArticle = "بوتين"
	ams := search.FindInArticle(a, inArticle)
	if len(ams) < 3 {
		t.Fatalf("%s is found %d times in %q: too few to step through", inArticle, len(ams), a.Title)
	}
	tm.keys("/")
	tm.keys("Escape")
	tm.waitFor("the reader without a query", func(s string) bool { return !strings.Contains(s, counter) })
	// This query is pasted: the terminal brackets it and the program
	// gets it as one tea.PasteMsg.
	tm.keys("/")
	tm.run("set-buffer", inArticle)
	tm.run("paste-buffer", "-p", "-t", "main")
	tm.waitFor("the pasted query", func(s string) bool {
		return strings.Contains(s, bidi.Paragraph(inArticle+"▏", bidi.Options{})[0].Text)
	})
	tm.keys("Enter")
	n := len(ams)
	for _, step := range []struct {
		key string
		cur int
	}{{"", 0}, {"n", 1}, {"n", 2}, {"N", 1}, {"N", 0}, {"N", n - 1}} {
		if step.key != "" {
			tm.keys(step.key)
		}
		c := fmt.Sprintf("%d/%d  ", step.cur+1, n)
		tm.waitFor("the counter at "+c, func(s string) bool { return strings.Contains(s, c) })
		checkCurrentMatch(t, tm.styled(w, h), a, ams, step.cur, rr)
	}
}

// matchSpans turns the matches in paragraph para into spans: tagHit, and
// tagCurrent for match number cur.
func matchSpans(ms []search.Match, para, cur int) []bidi.Span {
	var out []bidi.Span
	for i, m := range ms {
		if m.Para != para {
			continue
		}
		tag := tagHit
		if i == cur {
			tag = tagCurrent
		}
		out = append(out, bidi.Span{Start: m.Start, End: m.End, Style: tag})
	}
	return out
}

// checkCurrentMatch finds the reader's line holding match cur of ms and
// checks its cells: the current match, the other matches and the plain
// text each in their own style, where bidi puts them.
func checkCurrentMatch(t *testing.T, s *styledScreen, a *corpus.Article, ms []search.Match, cur int, rr rect) {
	t.Helper()
	m := ms[cur]
	text := a.Title
	if m.Para >= 0 {
		text = a.Paragraphs[m.Para].Text
	}
	for _, l := range bidi.Paragraph(text, bidi.Options{Width: textWidth(rr.W)}, matchSpans(ms, m.Para, cur)...) {
		if m.Start < l.Start || m.Start >= l.End {
			continue
		}
		tags := s.expectHighlight(t, fmt.Sprintf("match %d %s", cur+1, segmentsString(l)), l, rr.X, rr.X+rr.W)
		cs, ok := tags[tagCurrent]
		if !ok {
			t.Fatalf("match %d is not on its line %s", cur+1, segmentsString(l))
		}
		if cs.Bg == nil {
			t.Fatalf("the current match has no background: %+v\n%s", cs, s)
		}
		return
	}
	t.Fatalf("match %d (%+v) is on no line of its paragraph", cur+1, m)
}
