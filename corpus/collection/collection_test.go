package collection

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/entities"
)

// opened opens the seeds and waits until the collection is idle.
func opened(t testing.TB) *Collection {
	t.Helper()
	c := Open(context.Background(), nil)
	t.Cleanup(c.Close)
	if err := c.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

// fromBatches makes an idle collection of the batches, sent in order.
func fromBatches(t testing.TB, bs ...corpus.Batch) *Collection {
	t.Helper()
	ch := make(chan corpus.Batch, len(bs))
	for _, b := range bs {
		ch <- b
	}
	close(ch)
	c := FromBatches(context.Background(), nil, ch)
	t.Cleanup(c.Close)
	if err := c.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSeedsOpen(t *testing.T) {
	c := opened(t)
	s := c.Status()
	if s.Articles != 5 || s.Loading || len(s.Jobs) != 0 || s.Problems != 0 {
		t.Fatalf("status %+v", s)
	}
	as := c.Articles()
	if !slices.IsSortedFunc(as, byPlace) {
		t.Fatal("articles not in order of place")
	}
	for _, a := range as {
		if c.Article(a.ID) != a {
			t.Fatalf("%s not found by its ID", a.ID)
		}
		if r := c.Entities(a); r.Stage != Final || len(r.Entities) == 0 {
			t.Fatalf("%s: reading %v with %d names", a.Path, r.Stage, len(r.Entities))
		}
	}
	if !c.MostlyRTL() {
		t.Error("the seeds are Arabic")
	}
	for _, cost := range c.Costs() {
		if cost.Articles != 5 {
			t.Errorf("%s went through %d articles, want 5", cost.Name, cost.Articles)
		}
	}
}

func TestFilters(t *testing.T) {
	c := opened(t)
	all := c.Articles()
	search := func(q string) Term { return Term{Field: ByQuery, Value: q} }

	r := c.Query(Filter{}, 0)
	if !slices.Equal(r.Articles, all) || r.Hits != nil || r.Cut {
		t.Fatalf("the zero filter: %d articles, hits %v", len(r.Articles), r.Hits != nil)
	}
	r = c.Query(Filter{}.With(search("بوتين")), 0)
	if len(r.Articles) == 0 || len(r.Hits) != len(r.Articles) {
		t.Fatalf("search: %d articles, %d hits", len(r.Articles), len(r.Hits))
	}
	every := len(r.Articles)
	if r = c.Query(Filter{}.With(search("بوتين")), 1); len(r.Articles) != 1 || !r.Cut || r.Total != every {
		t.Fatalf("a limit of 1: %d articles, cut %v, total %d of %d", len(r.Articles), r.Cut, r.Total, every)
	}
	// Excluded words only: the screen and the commands ask this one
	// Query, so they agree.
	if r = c.Query(Filter{}.With(search("-بوتين")), 0); len(r.Articles)+every != len(all) || r.Total != len(r.Articles) {
		t.Fatalf("-بوتين: %d articles (total %d), with بوتين %d, of %d", len(r.Articles), r.Total, every, len(all))
	}
	if r = c.Query(Filter{}.With(Term{Field: BySource, Value: all[0].Source}), 1); r.Total < 1 || len(r.Articles) != 1 {
		t.Fatalf("a source, limit 1: %d articles, total %d", len(r.Articles), r.Total)
	}

	top := c.TopEntities(1)[0]
	named := Filter{}.With(Term{Field: ByEntity, Value: top.Entity.Key, Label: top.Entity.Label})
	if r = c.Query(named, 0); len(r.Articles) != top.Articles {
		t.Fatalf("naming %s: %d articles, the panel says %d", top.Entity.Label, len(r.Articles), top.Articles)
	}
	for _, a := range r.Articles {
		if !slices.ContainsFunc(c.Entities(a).Entities, func(e Entity) bool { return e.Key == top.Entity.Key }) {
			t.Errorf("%s does not name %s", a.Path, top.Entity.Label)
		}
	}

	// Terms compose; the same field replaces; Peel drops the last.
	f := named.With(search("موسكو"))
	both := c.Query(f, 0)
	moscow := c.Query(Filter{}.With(search("موسكو")), 0)
	for _, a := range both.Articles {
		if !slices.Contains(moscow.Articles, a) || !slices.Contains(r.Articles, a) {
			t.Errorf("%s kept by both terms but not by each", a.Path)
		}
	}
	if g := f.With(search("سوريا")); len(g.Terms) != 2 || g.Terms[1].Value != "سوريا" || f.Terms[1].Value != "موسكو" {
		t.Fatalf("With replaces the query in a copy: %v, then %v", g, f)
	}
	if p := f.Peel(); len(p.Terms) != 1 || !p.Has(ByEntity) || len(f.Terms) != 2 {
		t.Fatalf("Peel: %v from %v", p, f)
	}
	if !f.Peel().Peel().IsZero() || !f.Without(ByEntity).Has(ByQuery) {
		t.Fatal("Peel and Without")
	}

	// Source, dates, order.
	var dated *Article
	for _, a := range all {
		if a.DateFrom != corpus.DateUnknown {
			dated = a
		}
	}
	if dated == nil {
		t.Fatal("no seed is dated: the date filter shows nothing")
	}
	day := Term{Field: ByDates, From: dated.Date.Truncate(24 * time.Hour), To: dated.Date.Truncate(24*time.Hour).AddDate(0, 0, 1)}
	if r = c.Query(Filter{}.With(day), 0); !slices.Contains(r.Articles, dated) {
		t.Fatalf("the day %v keeps %d articles, not %s", day.From, len(r.Articles), dated.Path)
	}
	for _, a := range r.Articles {
		if a.DateFrom == corpus.DateUnknown {
			t.Errorf("the date filter keeps the undated %s", a.Path)
		}
	}
	_, undated := c.Timeline(Filter{})
	r = c.Query(Filter{}.With(UndatedTerm()), 0)
	if undated == 0 || len(r.Articles) != undated || slices.Contains(r.Articles, dated) {
		t.Fatalf("the undated term keeps %d articles (dated %s among them: %v), the timeline counts %d undated",
			len(r.Articles), dated.Path, slices.Contains(r.Articles, dated), undated)
	}
	for _, a := range r.Articles {
		if c.Dates(a).Own.From != OwnUnknown {
			t.Errorf("the undated term keeps %s, dated %s", a.Path, c.Dates(a).Own.Value())
		}
	}
	if s := (Filter{}).With(UndatedTerm()).String(); s != "undated" {
		t.Errorf("the undated term reads %q", s)
	}
	if tm, err := DateTerm(" Undated "); err != nil || !tm.Undated {
		t.Errorf("DateTerm(undated) = %+v, %v", tm, err)
	}
	if r = c.Query(Filter{Order: OrderNewest}, 0); r.Articles[0].DateFrom == corpus.DateUnknown || len(r.Articles) != len(all) {
		t.Fatalf("newest first starts with an undated article: %v", r.Articles[0].Path)
	}
	newest, oldest := c.Query(Filter{Order: OrderNewest}, 0), c.Query(Filter{Order: OrderOldest}, 0)
	days := func(as []*Article) []time.Time {
		var ds []time.Time
		for _, a := range as {
			if o := c.Own(a); o.From != OwnUnknown {
				ds = append(ds, dayOf(o.Date).time())
			}
		}
		return ds
	}
	n, o := days(newest.Articles), days(oldest.Articles)
	rev := slices.Clone(o)
	slices.Reverse(rev)
	if len(n) == 0 || !slices.Equal(n, rev) ||
		!slices.IsSortedFunc(o, time.Time.Compare) {
		t.Errorf("oldest first is not newest first's dated articles reversed: %v, %v", o, n)
	}
	if last := oldest.Articles[len(oldest.Articles)-1]; len(oldest.Articles) != len(all) || c.Own(last).From != OwnUnknown {
		t.Errorf("oldest first: %d articles, ends with %s", len(oldest.Articles), last.Path)
	}
	bySrc := c.Query(Filter{Order: OrderSource}, 0).Articles
	var sources []string
	for _, a := range bySrc {
		if len(sources) == 0 || sources[len(sources)-1] != a.Source {
			sources = append(sources, a.Source)
		}
	}
	if len(bySrc) != len(all) || len(sources) < 2 || len(sources) != len(slices.Compact(slices.Sorted(slices.Values(sources)))) {
		t.Errorf("by source: %d articles, sources in runs %q", len(bySrc), sources)
	}
	src := Filter{}.With(Term{Field: BySource, Value: "no such source"})
	if r = c.Query(src, 0); len(r.Articles) != 0 {
		t.Fatalf("an unknown source keeps %d", len(r.Articles))
	}
	if s := named.With(search("موسكو")).String(); s != "naming "+top.Entity.Label+" · “موسكو”" {
		t.Errorf("the filter reads %q", s)
	}
}

// teaching returns an article that names الدرعية where the tagger alone
// misses it, and three that teach it as a place; ok is false when the
// tagger finds it alone, and the test has nothing to show.
func teaching() (first *corpus.Article, teachers []*corpus.Article, ok bool) {
	first = &corpus.Article{ID: "first", Path: "0.json", Title: "خبر أول", Dir: corpus.RTL,
		Paragraphs: []corpus.Paragraph{{Text: "وكانت السماء صافية فوق الدرعية، والجو جميل."}, {Text: "وعاد الوفد إلى الرياض أمس."}}}
	for i := range 3 {
		teachers = append(teachers, &corpus.Article{ID: fmt.Sprint(i), Path: fmt.Sprint(i+1, ".json"), Title: fmt.Sprint("خبر ", i),
			Dir: corpus.RTL, Paragraphs: []corpus.Paragraph{{Text: "وصل الوزير إلى مدينة الدرعية أمس قادما من الرياض."}}})
	}
	return first, teachers, !has(entities.Extract(first), entities.KeyOf("الدرعية"))
}

func has(es []Entity, key string) bool {
	return slices.ContainsFunc(es, func(e Entity) bool { return e.Key == key })
}

// TestEarlyArticlesLearnLaterNames: an article read first, before the
// collection knew الدرعية, has it in its final reading, and the collection
// lists it among the articles naming it.
func TestEarlyArticlesLearnLaterNames(t *testing.T) {
	first, teachers, ok := teaching()
	if !ok {
		t.Skip("the tagger alone finds الدرعية: nothing to show")
	}
	c := fromBatches(t, corpus.Batch{Articles: []*corpus.Article{first}}, corpus.Batch{Articles: teachers, Done: true})
	key := entities.KeyOf("الدرعية")
	if r := c.Entities(first); r.Stage != Final || !has(r.Entities, key) {
		t.Fatalf("the first article's final reading lacks الدرعية: %+v", r)
	}
	if as := c.Naming(key); len(as) != 4 || as[0] != first {
		t.Fatalf("الدرعية is named in %d articles, want the first of 4", len(as))
	}
}

// TestAnswersDoNotDependOnOrder: the final names and the collection's most
// named are the same whatever order the articles arrive in and whichever
// are asked for first.
func TestAnswersDoNotDependOnOrder(t *testing.T) {
	seeds := opened(t)
	first, teachers, _ := teaching()
	as := append(slices.Clone(seeds.Articles()), append(teachers, first)...)
	want := fromBatches(t, corpus.Batch{Articles: as, Done: true})
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 3 {
		shuffled := slices.Clone(as)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		ch := make(chan corpus.Batch, len(shuffled))
		for i, a := range shuffled {
			ch <- corpus.Batch{Articles: []*corpus.Article{a}, Done: i == len(shuffled)-1}
		}
		close(ch)
		c := FromBatches(context.Background(), nil, ch)
		// A reader asking for articles while the worker runs.
		for _, a := range shuffled[len(shuffled)/2:] {
			c.Prefetch(a)
			c.Entities(a)
		}
		c.Wait(context.Background())
		for _, a := range as {
			if got, w := c.Entities(a), want.Entities(a); !reflect.DeepEqual(got, w) {
				t.Fatalf("round %d, %s: %+v, in order %+v", round, a.ID, got, w)
			}
		}
		if got, w := c.TopEntities(topEntities), want.TopEntities(topEntities); !reflect.DeepEqual(got, w) {
			t.Fatalf("round %d: top %v, in order %v", round, got, w)
		}
		c.Close()
	}
}

// TestLongArticleReadHeadFirst: asked for a long article nobody has read,
// the collection answers at once with its head's names, and the whole
// article's follow.
func TestLongArticleReadHeadFirst(t *testing.T) {
	ps := []corpus.Paragraph{{Text: "وصل الرئيس الروسي فلاديمير بوتين إلى موسكو أمس."}}
	for range 80 {
		ps = append(ps, corpus.Paragraph{Text: "وكانت السماء صافية والجو جميل في ذلك اليوم الطويل من أيام الصيف."})
	}
	ps = append(ps, corpus.Paragraph{Text: "وزار الوفد مدينة الرياض بعد ذلك."})
	a := &corpus.Article{ID: "long", Title: "زيارة", Dir: corpus.RTL, Paragraphs: ps}
	if _, ok := head(a); !ok {
		t.Fatal("the article is not long enough to be read head first")
	}
	riyadh := entities.KeyOf("الرياض")
	if !has(entities.Extract(a), riyadh) {
		t.Skip("the tagger does not find الرياض here")
	}
	ch := make(chan corpus.Batch)
	c := FromBatches(context.Background(), nil, ch)
	defer c.Close()
	r := c.Entities(a) // before the collection even has it
	if r.Stage != Head || has(r.Entities, riyadh) || !has(r.Entities, entities.KeyOf("فلاديمير بوتين")) {
		t.Fatalf("the head's reading: %+v", r)
	}
	ch <- corpus.Batch{Articles: []*corpus.Article{a}, Done: true}
	close(ch)
	c.Wait(context.Background())
	if r := c.Entities(a); r.Stage != Final || !has(r.Entities, riyadh) {
		t.Fatalf("the whole's reading: %+v", r)
	}
}

// TestChangesAnnounced: every change is announced, and one notice stands
// for all that came before it was read.
func TestChangesAnnounced(t *testing.T) {
	ch := make(chan corpus.Batch)
	c := FromBatches(context.Background(), nil, ch)
	defer c.Close()
	v := c.Status().Version
	ch <- corpus.Batch{Articles: []*corpus.Article{{ID: "x", Path: "x.txt", Title: "خبر"}}, FilesRead: 1, FilesFound: 1}
	select {
	case <-c.Changes():
	case <-time.After(10 * time.Second):
		t.Fatal("no notice of the batch")
	}
	if c.Status().Version == v {
		t.Fatal("the version did not move")
	}
	close(ch)
	c.Wait(context.Background())
	if c.Len() != 1 || c.Status().Loading {
		t.Fatalf("after the load: %d articles, %+v", c.Len(), c.Status())
	}
}

// TestCopiesSettleAsCollectDoes: the article the load kept keeps its own
// place, title and ID, its copies listed in order, and the article handed
// out before is not written to.
func TestCopiesSettleAsCollectDoes(t *testing.T) {
	a := &corpus.Article{ID: "same", Path: "b.txt", Index: -1, Title: "خبر"}
	c := fromBatches(t, corpus.Batch{Articles: []*corpus.Article{a}},
		corpus.Batch{Duplicates: []corpus.Duplicate{{ID: "same", Where: "c.txt"}, {ID: "same", Where: "a.txt"}}, DuplicatesFound: 2, Done: true})
	got := c.Article("same")
	if got.Path != "b.txt" || !slices.Equal(got.Duplicates, []string{"a.txt", "c.txt"}) || len(a.Duplicates) != 0 {
		t.Fatalf("kept %s with copies %v (the original has %v)", got.Path, got.Duplicates, a.Duplicates)
	}
	if cs := c.Copies(got); !slices.Equal(cs, []string{"a.txt", "c.txt"}) {
		t.Fatalf("copies %v", cs)
	}
}
