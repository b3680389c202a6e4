package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"

	"sahifa/bidi"
	"sahifa/corpus"
	"sahifa/corpus/collection"
	"sahifa/corpus/entities"
)

// TestTmuxEntities is issue 5's acceptance in the real program: open a seed
// article, move to فلاديمير بوتين in the Entities panel, see his mentions
// highlighted on the cells bidi puts them, enter narrows the list to the
// articles that name him, esc leaves the filter. A name found in fewer
// articles than the collection holds shows the narrowing itself.
func TestTmuxEntities(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	as := seedArticles(t)
	// The names as the collection finds them, in this process.
	c := loadedCollection(t, corpus.Batch{Articles: as, Done: true})

	const w, h = 120, 30
	tm := startTmux(t, w, h)
	tm.typeText(bin)
	tm.keys("Enter")
	titles := listTitles(as, w, h)
	tm.waitFor("the five titles", func(s string) bool { return containsAll(s, titles) })
	// The panel with no article open: the collection's most named,
	// counted in articles, once every seed has been read for names.
	top := c.TopEntities(1)[0]
	topCount := fmt.Sprintf("%d art. ", top.Articles)
	tm.waitFor("the collection's most named", func(s string) bool {
		return strings.Contains(s, "Most named in the") && rowHas(s, topCount, shownLabel(top.Entity.Label))
	})

	lay := computeLayout(w, h, layoutOptions{Mirror: true, Focus: paneReader})
	rr, _ := lay.find(paneReader)
	a := as[0]
	es := c.Entities(a).Entities
	tm.keys("Enter")
	// What the panel shows is the article read through the catalog of
	// the whole collection (the collection's final reading), its
	// first name with as many mentions.
	tm.waitFor("the reader and the article's names", func(s string) bool {
		return strings.Contains(s, "1–") && rowHas(s, fmt.Sprintf(" %d× ", len(es[0].Mentions)), shownLabel(es[0].Label))
	})

	putin := slices.IndexFunc(es, func(e entities.Entity) bool { return e.Label == "فلاديمير بوتين" })
	if putin < 0 {
		t.Fatalf("Extract does not find فلاديمير بوتين in %q", a.Title)
	}
	tm.keys("Tab") // reader → Entities
	for range putin {
		tm.keys("j")
	}
	e := inOrder(es[putin])
	count := fmt.Sprintf(" %d× ", len(e.Mentions))
	first := fmt.Sprintf("1/%d  ", len(e.Mentions))
	tm.waitFor("Putin selected, on his first mention", func(s string) bool {
		return rowHas(s, count, shownLabel(e.Label)) && strings.Contains(s, first)
	})
	checkMention(t, tm, w, h, a, &e, 0, rr)

	// n and N step through his mentions, the reader following.
	last := len(e.Mentions) - 1
	for _, step := range []struct {
		key string
		at  int
	}{{"n", 1}, {"n", 2}, {"N", 1}, {"N", 0}, {"N", last}} {
		tm.keys(step.key)
		c := fmt.Sprintf("%d/%d", step.at+1, len(e.Mentions))
		tm.waitFor("the mention counter at "+c, func(s string) bool { return strings.Contains(s, c) })
		checkMention(t, tm, w, h, a, &e, step.at, rr)
	}

	// enter: the list shows the articles naming him, counted.
	tm.keys("Enter")
	checkFilter(t, tm, as, c, &e, w, h)
	tm.keys("Escape")
	tm.waitFor("the filter left", func(s string) bool {
		return !strings.Contains(s, " found") && strings.Contains(s, "Articles 5") && containsAll(s, titles)
	})

	// A name fewer articles share: the list is narrowed to those.
	few := slices.IndexFunc(es, func(e entities.Entity) bool {
		n := len(c.Naming(e.Key))
		return n > 0 && n < len(as)
	})
	if few < 0 {
		t.Fatalf("every name of %q is in every seed: no narrowing to show", a.Title)
	}
	tm.keys("Enter") // open the article again: the list's cursor is on it
	tm.keys("Tab")
	tm.keys("g")
	for range few {
		tm.keys("j")
	}
	tm.keys("Enter")
	fe := inOrder(es[few])
	checkFilter(t, tm, as, c, &fe, w, h)
}

// inOrder returns e with its mentions in document order, the order n/N
// goes through them.
func inOrder(e entities.Entity) entities.Entity {
	e.Mentions = slices.Clone(e.Mentions)
	slices.SortFunc(e.Mentions, func(a, b entities.Mention) int {
		if a.Para != b.Para {
			return a.Para - b.Para
		}
		return a.Start - b.Start
	})
	return e
}

// shownLabel is a name as the panel draws it: one line, visual order.
func shownLabel(s string) string { return bidi.Paragraph(s, bidi.Options{MaxLines: 1})[0].Text }

// rowHas reports whether one row of the screen holds every part.
func rowHas(s string, parts ...string) bool {
	for _, row := range strings.Split(s, "\n") {
		if containsAll(row, parts) {
			return true
		}
	}
	return false
}

// checkMention checks that mention i of e is on screen in the reader, it
// in the current match's style and the other mentions on its line in the
// entity style, on the cells bidi puts them.
func checkMention(t *testing.T, tm *tmuxTerm, w, h int, a *corpus.Article, e *entities.Entity, i int, rr rect) {
	t.Helper()
	mn := e.Mentions[i]
	text := a.Title
	if mn.Para >= 0 {
		text = a.Paragraphs[mn.Para].Text
	}
	var spans []bidi.Span
	for j, o := range e.Mentions {
		if o.Para == mn.Para {
			tag := tagEntity
			if j == i {
				tag = tagCurrent
			}
			spans = append(spans, bidi.Span{Start: o.Start, End: o.End, Style: tag})
		}
	}
	for _, l := range bidi.Paragraph(text, bidi.Options{Width: textWidth(rr.W)}, spans...) {
		if mn.Start < l.Start || mn.Start >= l.End {
			continue
		}
		var s *styledScreen
		var tags map[int]uv.Style
		// The screen may still be scrolling to the mention.
		tm.waitFor(fmt.Sprintf("mention %d on screen", i+1), func(string) bool {
			s = tm.styled(w, h)
			_, _, ok := s.find(l, rr.X, rr.X+rr.W)
			return ok
		})
		tags = s.expectHighlight(t, fmt.Sprintf("mention %d of %s %s", i+1, e.Label, segmentsString(l)), l, rr.X, rr.X+rr.W)
		if cur, ok := tags[tagCurrent]; !ok || cur.Bg == nil {
			t.Fatalf("mention %d is not drawn as the current one: %+v", i+1, tags)
		}
		if st, ok := tags[tagEntity]; ok && st.Underline == 0 {
			t.Fatalf("the other mentions are not underlined: %+v", st)
		}
		return
	}
	t.Fatalf("mention %d (%+v) is on no line of its paragraph", i+1, mn)
}

// checkFilter waits for the list filtered by e and checks it shows exactly
// the articles the catalog says name e, with their count.
func checkFilter(t *testing.T, tm *tmuxTerm, as []*corpus.Article, c *collection.Collection, e *entities.Entity, w, h int) {
	t.Helper()
	var ids []string
	for _, a := range c.Naming(e.Key) {
		ids = append(ids, a.ID)
	}
	want := fmt.Sprintf("%d found", len(ids))
	s := tm.waitFor("the list filtered by "+e.Label, func(s string) bool {
		return strings.Contains(s, want) && strings.Contains(s, shownLabel(e.Label))
	})
	titles := listTitles(as, w, h)
	for i, a := range as {
		named := slices.Contains(ids, a.ID)
		if strings.Contains(s, titles[i]) != named {
			t.Fatalf("filtered by %s (%s): %q shown %v, named %v\n%s", e.Label, want, a.Title, !named, named, s)
		}
	}
}
