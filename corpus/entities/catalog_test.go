package entities

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
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
	if c.Add(&corpus.Article{ID: "a"}, []Entity{place("موسكو")}) {
		t.Error("an article added a second time was recorded")
	}

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
	text := "وكانت السماء صافية فوق الصنوبر، وللصنوبر ظل طويل."
	a := &corpus.Article{ID: "new", Paragraphs: []corpus.Paragraph{{Text: text}}}
	for _, e := range Extract(a) {
		if e.Key == KeyOf("الصنوبر") {
			t.Skipf("the tagger finds الصنوبر alone (%v): nothing to test", e.Kind)
		}
	}
	c := NewCatalog()
	zm := Entity{Key: KeyOf("الصنوبر"), Label: "الصنوبر", Kind: Place, Mentions: make([]Mention, 2)}
	c.Add(&corpus.Article{ID: "a"}, []Entity{zm})
	c.Add(&corpus.Article{ID: "b"}, []Entity{zm})
	if got := c.Extract(a); len(got) != 0 {
		t.Errorf("a one-word name known from two articles only was spread: %+v", got)
	}
	c.Add(&corpus.Article{ID: "c"}, []Entity{zm})
	got := c.Extract(a)
	if len(got) != 1 || got[0].Key != zm.Key || got[0].Kind != Place || len(got[0].Mentions) != 2 {
		t.Fatalf("Catalog.Extract = %+v, want الصنوبر as a place, twice", got)
	}
	if m := got[0].Mentions[1]; text[m.Start:m.End] != "لصنوبر" {
		t.Errorf("second mention is %q, want the name without its clitic ل", text[m.Start:m.End])
	}
	c.Add(&corpus.Article{ID: "d"}, []Entity{{Key: zm.Key, Label: "الصنوبر", Kind: Person, Mentions: make([]Mention, 3)}})
	if got := c.Extract(a); len(got) != 0 {
		t.Errorf("a name of disputed kind was spread: %+v", got)
	}
}

// TestCatalogStaleAndReplace: an article read before the collection knew
// a name is stale once it does, reading it again finds the name, and
// Replace counts the article among those naming it; an article that does
// not write the name stays as it was.
func TestCatalogStaleAndReplace(t *testing.T) {
	early := &corpus.Article{ID: "early", Paragraphs: []corpus.Paragraph{{Text: "وكانت السماء صافية فوق الصنوبر، والجو جميل."}}}
	other := &corpus.Article{ID: "other", Paragraphs: []corpus.Paragraph{{Text: "وكانت السماء صافية والجو جميل."}}}
	key := KeyOf("الصنوبر")
	c := NewCatalog()
	g0 := c.Generation()
	first := c.Extract(early)
	if slices.ContainsFunc(first, func(e Entity) bool { return e.Key == key }) {
		t.Skip("the tagger finds الصنوبر alone: nothing to test")
	}
	c.Add(early, first)
	c.Add(other, c.Extract(other))
	if c.Stale(early, g0) || c.Generation() != g0 {
		t.Fatalf("nothing learnt yet, but generation %d → %d, stale %v", g0, c.Generation(), c.Stale(early, g0))
	}
	zm := Entity{Key: key, Label: "الصنوبر", Kind: Place, Mentions: make([]Mention, 2)}
	for _, id := range []string{"a", "b", "c"} {
		c.Add(&corpus.Article{ID: id}, []Entity{zm})
	}
	g1 := c.Generation()
	if g1 == g0 || !c.Stale(early, g0) {
		t.Fatalf("الصنوبر learnt: generation %d → %d, stale %v", g0, g1, c.Stale(early, g0))
	}
	if c.Stale(other, g0) {
		t.Error("an article that never writes الصنوبر is stale")
	}
	if c.Stale(early, g1) {
		t.Error("stale at the generation it is read at")
	}
	again := c.Extract(early)
	if !slices.ContainsFunc(again, func(e Entity) bool { return e.Key == key }) {
		t.Fatalf("read again, the early article still lacks الصنوبر: %+v", again)
	}
	c.Replace(early, first, again)
	if g := c.Generation(); true {
		c.Replace(early, again, again)
		if c.Generation() != g {
			t.Error("replacing a reading with the same moved the generation on")
		}
	}
	if got := c.Articles(key); !reflect.DeepEqual(got, []string{"early", "a", "b", "c"}) {
		t.Errorf("Articles(الصنوبر) = %v, want the early article first, then a b c", got)
	}
	if top := c.Top(1); top[0].Entity.Key != key || top[0].Articles != 4 {
		t.Errorf("Top(1) = %+v, want الصنوبر in 4 articles", top)
	}
	// Replacing back takes the early article's names away again, and a
	// name of no article any more leaves the catalog.
	c.Replace(early, again, first)
	if got := c.Articles(key); !reflect.DeepEqual(got, []string{"a", "b", "c"}) {
		t.Errorf("after replacing back, Articles(الصنوبر) = %v", got)
	}
	c.Replace(&corpus.Article{ID: "a"}, []Entity{zm}, nil)
	g2 := c.Generation()
	if g2 == g1 || !c.Stale(early, g1) {
		t.Errorf("الصنوبر in two articles only is forgotten: generation %d → %d, stale %v", g1, g2, c.Stale(early, g1))
	}
	c.Replace(&corpus.Article{ID: "b"}, []Entity{zm}, nil)
	c.Replace(&corpus.Article{ID: "c"}, []Entity{zm}, nil)
	if all := c.Top(0); slices.ContainsFunc(all, func(r Ranked) bool { return r.Entity.Key == key }) {
		t.Errorf("الصنوبر named nowhere is still ranked: %+v", all)
	}
}

// TestCatalogStaleIsExact: whenever Stale says an article read at an
// earlier generation is not stale, reading it again finds the same, over
// the seeds read in turn, every one checked after each addition.
func TestCatalogStaleIsExact(t *testing.T) {
	c := NewCatalog()
	var as []*corpus.Article
	read := map[*corpus.Article][]Entity{}
	gen := map[*corpus.Article]uint64{}
	seeds := seedArticles(t)
	for _, name := range slices.Sorted(maps.Keys(seeds)) {
		a := seeds[name]
		for range 3 { // three copies: names reach the thresholds
			a := *a
			a.ID = fmt.Sprint(len(as))
			as = append(as, &a)
			gen[&a] = c.Generation()
			read[&a] = c.Extract(&a)
			c.Add(&a, read[&a])
			for _, b := range as {
				if !c.Stale(b, gen[b]) {
					if got := c.Extract(b); !reflect.DeepEqual(got, read[b]) {
						t.Fatalf("article %s not stale since generation %d (now %d), but read again it changes:\n%+v\n%+v",
							b.ID, gen[b], c.Generation(), read[b], got)
					}
				}
			}
		}
	}
	if c.Generation() == 0 {
		t.Error("the seeds, thrice, taught the catalog nothing")
	}
}

// TestCatalogStaleNeedsEveryWord: a name learnt since makes an article
// stale only if the article writes every word of it, as Extract can then
// spread it; its first word alone is not enough.
func TestCatalogStaleNeedsEveryWord(t *testing.T) {
	c := NewCatalog()
	g0 := c.Generation()
	name := Entity{Key: KeyOf("عبد الله الثاني"), Label: "عبد الله الثاني", Kind: Person, Mentions: make([]Mention, 1)}
	for _, id := range []string{"a", "b"} {
		c.Add(&corpus.Article{ID: id}, []Entity{name})
	}
	if c.Generation() == g0 {
		t.Fatal("a two-word name in two articles was not learnt")
	}
	article := func(text string) *corpus.Article {
		return &corpus.Article{ID: "x", Paragraphs: []corpus.Paragraph{{Text: text}}}
	}
	if a := article("وقال عبد الرحمن إن الله كريم."); c.Stale(a, g0) {
		t.Error("an article with عبد and الله but not الثاني is stale")
	}
	if a := article("واستقبل الملك عبد الله الثاني الوفد."); !c.Stale(a, g0) {
		t.Error("an article naming عبد الله الثاني is not stale")
	}
}

// TestTopIncrementalEqualsFull: the ranking Top keeps up to date between
// calls equals the one a new catalog of the same articles makes, over
// random additions and replacements of persons, family names and places.
func TestTopIncrementalEqualsFull(t *testing.T) {
	names := []Entity{
		{Label: "فلاديمير بوتين", Kind: Person}, {Label: "بوتين", Kind: Person}, {Label: "بشار الأسد", Kind: Person},
		{Label: "الأسد", Kind: Person}, {Label: "ماهر الأسد", Kind: Person}, {Label: "موسكو", Kind: Place},
		{Label: "دمشق", Kind: Place}, {Label: "بوتين", Kind: Place}, {Label: "الأمم المتحدة", Kind: Organisation},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	c := NewCatalog()
	state := map[string][]Entity{}
	var ids []string
	for step := range 400 {
		id := fmt.Sprint(rng.IntN(30))
		var es []Entity
		for _, n := range names {
			if rng.IntN(3) == 0 {
				n.Key, n.Mentions = KeyOf(n.Label), make([]Mention, 1+rng.IntN(3))
				if !slices.ContainsFunc(es, func(e Entity) bool { return e.Key == n.Key }) {
					es = append(es, n)
				}
			}
		}
		a := &corpus.Article{ID: id}
		if old, ok := state[id]; ok {
			c.Replace(a, old, es)
		} else {
			c.Add(a, es)
			ids = append(ids, id)
		}
		state[id] = es
		if step%3 != 0 {
			continue
		}
		fresh := NewCatalog()
		for _, id := range ids {
			fresh.Add(&corpus.Article{ID: id}, state[id])
		}
		if got, want := c.Top(0), fresh.Top(0); !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d: Top kept up to date = %+v\nmade anew = %+v", step, got, want)
		}
		if got, want := c.Top(2), fresh.Top(2); !reflect.DeepEqual(got, want) {
			t.Fatalf("step %d: Top(2) = %+v, want %+v", step, got, want)
		}
	}
}

// TestCatalogJoinsTransliterations: one person spelled two ways in two
// articles is one entity of the collection.
func TestCatalogJoinsTransliterations(t *testing.T) {
	c := NewCatalog()
	for i, text := range []string{
		"قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الوضع خطير، وأكد الرئيس دونالد ترمب ذلك.",
		"ورحب أنطونيو جوتيريش بالاتفاق، فيما انتقده دونالد ترامب في تغريدة.",
	} {
		a := &corpus.Article{ID: string(rune('a' + i)), Paragraphs: []corpus.Paragraph{{Text: text}}}
		c.Add(a, Extract(a))
	}
	for _, name := range []string{"أنطونيو غوتيريش", "دونالد ترامب"} {
		if got := c.Articles(KeyOf(name)); !reflect.DeepEqual(got, []string{"a", "b"}) {
			t.Errorf("Articles(%s) = %v, want [a b]", name, got)
		}
	}
}
