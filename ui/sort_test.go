package ui

import (
	"strings"
	"testing"

	"sahifa/corpus/collection"
)

// TestSortCycle: s goes from file order to newest first, oldest first and
// by source, and round again; the status line says which, and the help bar
// what s does next.
func TestSortCycle(t *testing.T) {
	as := monthly()
	for i, src := range []string{"واس", "الرياض", "", "أخبار", "سبق", "الرياض", "عكاظ", "واس"} {
		as[i].Source = src
	}
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	ids := func() string {
		var b []string
		for i := range m.list.len() {
			b = append(b, m.list.at(i).ID)
		}
		return strings.Join(b, " ")
	}
	for _, c := range []struct {
		order      collection.Order
		said, next string
		ids        string
	}{
		{collection.OrderNewest, "newest first", "s oldest first", "m6 m5 m4 m3 m2 m1 m0 m7"},
		{collection.OrderOldest, "oldest first", "s by source", "m0 m1 m2 m3 m4 m5 m6 m7"},
		// أخبار before الرياض before سبق, عكاظ, واس (alif with hamza
		// sorting as alif), no source last.
		{collection.OrderSource, "by source", "s file order", "m3 m1 m5 m4 m6 m0 m7 m2"},
		{collection.OrderDefault, "", "s newest first", "m0 m1 m2 m3 m4 m5 m6 m7"},
	} {
		press(m, text("s"))
		status := lastLines(screenText(m), 2)
		if m.list.filter().Order != c.order || ids() != c.ids {
			t.Errorf("order %v: %s, want %v: %s", m.list.filter().Order, ids(), c.order, c.ids)
		}
		if c.said != "" && !strings.Contains(status, c.said) {
			t.Errorf("order %v: the status line does not say %q:\n%s", c.order, c.said, status)
		}
		if h := m.keys.SortDate.Help(); h.Key+" "+h.Desc != c.next {
			t.Errorf("order %v: s is labelled %q, want %q", c.order, h.Key+" "+h.Desc, c.next)
		}
	}
}

// lastLines returns the last n lines of a screen.
func lastLines(s string, n int) string {
	ls := strings.Split(s, "\n")
	return strings.Join(ls[max(len(ls)-n, 0):], "\n")
}
