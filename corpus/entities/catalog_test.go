package entities

import (
	"fmt"
	"reflect"
	"sync"
	"testing"

	"sahifa/corpus"
)

func TestCatalogRanksAndJoinsFamilyNames(t *testing.T) {
	c := NewCatalog()
	person := func(label string, n int) Entity {
		return Entity{Key: KeyOf(label), Label: label, Kind: Person, Mentions: make([]Mention, n)}
	}
	place := func(label string) Entity {
		return Entity{Key: KeyOf(label), Label: label, Kind: Place, Mentions: make([]Mention, 1)}
	}
	c.Add(&corpus.Article{ID: "a"}, []Entity{person("فلاديمير بوتين", 3), place("سوريا")})
	c.Add(&corpus.Article{ID: "b"}, []Entity{person("بوتين", 2), place("سورية")})
	c.Add(&corpus.Article{ID: "c"}, []Entity{person("بشار الأسد", 1), place("موسكو")})
	c.Add(&corpus.Article{ID: "a"}, []Entity{place("موسكو")}) // already added: ignored

	if got, want := c.Articles(KeyOf("فلاديمير بوتين")), []string{"a", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Articles(بوتين) = %v, want %v", got, want)
	}
	if got, want := c.Articles(KeyOf("بوتين")), []string{"a", "b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Articles of the family name = %v, want %v", got, want)
	}
	if got := c.Articles(KeyOf("موسكو")); !reflect.DeepEqual(got, []string{"c"}) {
		t.Errorf("Articles(موسكو) = %v, want [c]", got)
	}
	top := c.Top(2)
	if len(top) != 2 || top[0].Entity.Label != "فلاديمير بوتين" || top[0].Articles != 2 ||
		top[1].Entity.Key != KeyOf("سوريا") || top[1].Articles != 2 || top[1].Entity.Kind != Place {
		t.Errorf("Top(2) = %+v", top)
	}
	if all := c.Top(0); len(all) != 4 {
		t.Errorf("Top(0) has %d entities, want 4: %+v", len(all), all)
	}
}

func TestCatalogConcurrentUse(t *testing.T) {
	c := NewCatalog()
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				a := &corpus.Article{ID: fmt.Sprint(i, "-", j), Title: "بوتين في موسكو"}
				c.Add(a, Extract(a))
				c.Top(3)
				c.Articles(KeyOf("موسكو"))
			}
		}()
	}
	wg.Wait()
	if n := len(c.Articles(KeyOf("موسكو"))); n != 400 {
		t.Errorf("موسكو is named in %d articles, want 400", n)
	}
}

func TestCatalogExtractSpreadsNamesTheCollectionKnows(t *testing.T) {
	text := "وكانت السماء صافية فوق النخيل، وللنخيل ظل طويل."
	a := &corpus.Article{ID: "new", Paragraphs: []corpus.Paragraph{{Text: text}}}
	for _, e := range Extract(a) {
		if e.Key == KeyOf("النخيل") {
			t.Skipf("the tagger finds النخيل alone (%v): nothing to test", e.Kind)
		}
	}
	c := NewCatalog()
	zm := Entity{Key: KeyOf("النخيل"), Label: "النخيل", Kind: Place, Mentions: make([]Mention, 2)}
	c.Add(&corpus.Article{ID: "a"}, []Entity{zm})
	c.Add(&corpus.Article{ID: "b"}, []Entity{zm})
	if got := c.Extract(a); len(got) != 0 {
		t.Errorf("a one-word name known from two articles only was spread: %+v", got)
	}
	c.Add(&corpus.Article{ID: "c"}, []Entity{zm})
	got := c.Extract(a)
	if len(got) != 1 || got[0].Key != zm.Key || got[0].Kind != Place || len(got[0].Mentions) != 2 {
		t.Fatalf("Catalog.Extract = %+v, want النخيل as a place, twice", got)
	}
	if m := got[0].Mentions[1]; text[m.Start:m.End] != "لنخيل" {
		t.Errorf("second mention is %q, want the name without its clitic ل", text[m.Start:m.End])
	}
	c.Add(&corpus.Article{ID: "d"}, []Entity{{Key: zm.Key, Label: "النخيل", Kind: Person, Mentions: make([]Mention, 3)}})
	if got := c.Extract(a); len(got) != 0 {
		t.Errorf("a name of disputed kind was spread: %+v", got)
	}
}
