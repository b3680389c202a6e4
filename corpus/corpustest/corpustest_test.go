package corpustest

import "testing"

func TestGoldCoversSeeds(t *testing.T) {
	g := Gold(t)
	if len(g.Articles) != 5 {
		t.Fatalf("gold has %d articles, want the 5 seeds", len(g.Articles))
	}
	for name, a := range g.Articles {
		if a.Title == "" || len(a.Persons) == 0 {
			t.Errorf("%s: gold entry without title or persons", name)
		}
	}
}
