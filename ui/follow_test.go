package ui

import (
	"strings"
	"testing"

	"sahifa/corpus/collection"
)

// TestStatusSaysArrivalsAndALostArchive: the status line counts the
// articles a followed archive brought until the note's time is up, and
// says while the archive cannot be reached.
func TestStatusSaysArrivalsAndALostArchive(t *testing.T) {
	m := newLoaded(t, Config{}, 120, 30, testArticles(), nil)
	m.arrived(2)
	m.arrived(1)
	m.status.Lost = "connection refused"
	s := screenText(m)
	for _, want := range []string{"3 new articles", "the archive cannot be reached: trying again"} {
		if !strings.Contains(s, want) {
			t.Errorf("the screen does not say %q:\n%s", want, s)
		}
	}
	send(m, arrivalsSeenMsg{m.arrivalSeq - 1}) // the first note's end: the second still stands
	if s := screenText(m); !strings.Contains(s, "3 new articles") {
		t.Errorf("the note ended with the first arrivals':\n%s", s)
	}
	send(m, arrivalsSeenMsg{m.arrivalSeq})
	m.status.Lost = ""
	if s := screenText(m); strings.Contains(s, "new article") || strings.Contains(s, "cannot be reached") {
		t.Errorf("the notes stay:\n%s", s)
	}
}

// TestListKeepsItsPlaceAsArticlesArrive: once the list is settled, an
// article arriving keeps the cursor on its article, moved or not; one
// arriving above the first row shown leaves the screen as it was, unless
// that row is the list's first, where the new one is seen.
func TestListKeepsItsPlaceAsArticlesArrive(t *testing.T) {
	arts := func(ids ...string) collection.Result {
		var r collection.Result
		for _, id := range ids {
			r.Articles = append(r.Articles, &collection.Article{ID: id})
		}
		return r
	}
	l := listPane{settled: true}
	l.setResult(arts("b", "c", "d"), 3, false)
	l.setResult(arts("a", "b", "c", "d"), 4, false)
	if l.cursor != 1 || l.top != 0 {
		t.Errorf("unmoved at the top: cursor %d, top %d; want 1, 0", l.cursor, l.top)
	}
	l.cursor, l.top = 3, 2 // on d, c first on the screen
	l.setResult(arts("a", "a2", "b", "c", "d"), 5, false)
	if l.cursor != 4 || l.top != 3 {
		t.Errorf("scrolled: cursor %d, top %d; want 4, 3", l.cursor, l.top)
	}
	l.setResult(arts("a", "a2", "b", "c", "c2", "d"), 6, false)
	if l.cursor != 5 || l.top != 3 {
		t.Errorf("arrived among the rows shown: cursor %d, top %d; want 5, 3", l.cursor, l.top)
	}
}
