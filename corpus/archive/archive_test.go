package archive_test

import (
	"context"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/archive"
	"sahifa/corpus/archive/pgtest"
	"sahifa/corpus/collection"
	"sahifa/corpus/corpustest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// open opens a fresh, migrated archive on the test server.
func open(t testing.TB) *archive.Archive {
	t.Helper()
	return openAt(t, pgtest.Database(t))
}

// openAt opens the archive at url, migrated.
func openAt(t testing.TB, url string) *archive.Archive {
	t.Helper()
	a, err := archive.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	if _, err := a.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	return a
}

// loaded opens the collection of paths (the seeds when none) and waits
// for it: for its names too when names is set.
func loaded(t testing.TB, names bool, paths ...string) *collection.Collection {
	t.Helper()
	c := collection.Open(t.Context(), paths)
	t.Cleanup(c.Close)
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()
	wait := c.WaitLoaded
	if names {
		wait = c.Wait
	}
	if err := wait(ctx); err != nil {
		t.Fatal(err)
	}
	return c
}

// records is what an import stores of c's articles.
func records(c *collection.Collection, names bool) []archive.Record {
	var rs []archive.Record
	for _, a := range c.Articles() {
		r := archive.Record{Article: a, Dates: c.Dates(a)}
		if names {
			r.Entities = c.Entities(a).Entities
		}
		rs = append(rs, r)
	}
	return rs
}

func TestMigrateTwice(t *testing.T) {
	a := open(t)
	v, err := a.Migrate(t.Context())
	if err != nil || v < 1 {
		t.Fatalf("second Migrate: version %d, %v", v, err)
	}
}

// TestImportTwice: the seeds put twice are stored once, and read back as
// they were loaded, names and all.
func TestImportTwice(t *testing.T) {
	a := open(t)
	c := loaded(t, true)
	rs := records(c, true)
	n, err := a.Put(t.Context(), rs)
	if err != nil || n != len(rs) {
		t.Fatalf("first Put: %d stored of %d, %v", n, len(rs), err)
	}
	// Again, in two halves with one article in both.
	half := len(rs) / 2
	for _, part := range [][]archive.Record{rs[:half+1], rs[half:]} {
		if n, err := a.Put(t.Context(), part); err != nil || n != 0 {
			t.Fatalf("Put again: %d stored, %v; want 0", n, err)
		}
	}
	if got, err := a.Len(t.Context()); err != nil || got != c.Len() {
		t.Fatalf("Len = %d, %v; want %d", got, err, c.Len())
	}
	for _, r := range rs {
		want := r.Article
		got, err := a.Article(t.Context(), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != want.Title || got.Path != want.Path || got.Index != want.Index ||
			!got.Date.Equal(want.Date) || got.DateFrom != want.DateFrom ||
			!reflect.DeepEqual(got.Paragraphs, want.Paragraphs) || !reflect.DeepEqual(got.Removed, want.Removed) {
			t.Errorf("%s read back differs:\n got %+v\nwant %+v", want.ID, got, want)
		}
		es, err := a.Entities(t.Context(), want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(es, r.Entities, func(x, y collection.Entity) bool {
			return x.Key == y.Key && x.Label == y.Label && x.Kind == y.Kind && slices.Equal(x.Mentions, y.Mentions)
		}) {
			t.Errorf("%s: entities read back\n got %v\nwant %v", want.ID, es, r.Entities)
		}
	}
	if _, err := a.Article(t.Context(), "no-such-id"); err == nil {
		t.Error("Article of an unknown ID: no error")
	}
}

// sameSearch checks that the archive finds, for each query, the articles
// the embedded index finds, and says how often the first is the same.
func sameSearch(t *testing.T, a *archive.Archive, c *collection.Collection, queries []string) {
	t.Helper()
	sameFirst, compared := 0, 0
	for _, q := range queries {
		var want []string
		for _, art := range c.Query(collection.Filter{Terms: []collection.Term{{Field: collection.ByQuery, Value: q}}}, 0).Articles {
			want = append(want, art.ID)
		}
		got, err := a.Search(t.Context(), q, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) > 0 {
			compared++
			if len(got) > 0 && got[0] == want[0] {
				sameFirst++
			}
		}
		// The rankings differ (BM25 and form weights in the index,
		// ts_rank in the server); the articles found must not.
		if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
			t.Errorf("%q: the archive finds %d articles, the index %d\narchive %v\nindex   %v", q, len(got), len(want), got, want)
		}
	}
	t.Logf("%d queries with hits, the same first article for %d", compared, sameFirst)
}

var seedQueries = []string{
	"اسد", "بوتين الأسد", `"القوات الروسية"`, "سوريا", "روس*", "2015", "قاعدة حميميم",
	`"بشار الأسد" موسكو`, "في", `بوتين "الرئيس السوري"`, "شويغو -لافروف", "شويغو لافروف",
	"حميميم", "-سوريا", "مدرسة", "'; DROP TABLE articles; --", `\ ' " & | ! <-> :*`,
}

func TestSearchSeeds(t *testing.T) {
	a := open(t)
	c := loaded(t, false)
	if _, err := a.Put(t.Context(), records(c, false)); err != nil {
		t.Fatal(err)
	}
	sameSearch(t, a, c, seedQueries)
}

// TestSearchSaudiNewsNetDay compares the two searches on one day of
// SaudiNewsNet, where common words find hundreds of articles.
func TestSearchSaudiNewsNetDay(t *testing.T) {
	day := corpustest.Shared(t, "data/saudinewsnet/2015-07-22.json")
	if testing.Short() {
		t.Skip("a day of SaudiNewsNet: not in -short")
	}
	a := open(t)
	c := loaded(t, false, day)
	if _, err := a.Put(t.Context(), records(c, false)); err != nil {
		t.Fatal(err)
	}
	sameSearch(t, a, c, append(slices.Clip(seedQueries),
		"السعودية", "وزارة الصحة", `"خادم الحرمين الشريفين"`, "الرياض -جدة", "مكه", "كورونا",
		"الأمير محمد بن سلمان", "اليمن*", "الحوثيين", "ايران", "داعش", "مستشفى*", "المملكة العربية السعودية"))
}

// TestHostileText: SQL metacharacters, NUL bytes, invalid UTF-8 and a
// line of a megabyte are stored and read back, NUL and invalid bytes as
// U+001A one for one, and the article is found by its words.
func TestHostileText(t *testing.T) {
	a := open(t)
	long := strings.Repeat("كلمة طويلة جدا ", 1<<20/28) + strings.Repeat("ب", 3000)
	art := &corpus.Article{
		ID: "hostile", Path: "'; DROP TABLE articles; --.txt", Index: -1,
		Title: `Robert'); DROP TABLE articles;-- \x00 "بوتين" \ $1 :* & | !`,
		Paragraphs: []corpus.Paragraph{
			{Text: "NUL\x00here and bad \xff\xfe UTF-8 in موسكو"},
			{Text: long},
			{Kind: corpus.Quote, Text: `E'\\x00' $$ dollar $$ /* comment */ ' '' '''`},
		},
		Removed: []string{"\x00"},
	}
	if _, err := a.Put(t.Context(), []archive.Record{{Article: art}}); err != nil {
		t.Fatal(err)
	}
	got, err := a.Article(t.Context(), "hostile")
	if err != nil {
		t.Fatal(err)
	}
	sub := substituted
	if got.Title != sub(art.Title) || got.Path != art.Path {
		t.Errorf("title %q path %q", got.Title, got.Path)
	}
	for i, p := range art.Paragraphs {
		if i >= len(got.Paragraphs) || got.Paragraphs[i].Text != sub(p.Text) || got.Paragraphs[i].Kind != p.Kind {
			t.Errorf("paragraph %d not read back as stored", i)
		}
	}
	if !slices.Equal(got.Removed, []string{"\x1a"}) {
		t.Errorf("furniture %q", got.Removed)
	}
	for _, q := range []string{"موسكو", "بوتين", `"كلمة طويلة جدا"`, "drop"} {
		ids, err := a.Search(t.Context(), q, 10)
		if err != nil || !slices.Equal(ids, []string{"hostile"}) {
			t.Errorf("%q: %v, %v", q, ids, err)
		}
	}
	if n, err := a.Len(t.Context()); err != nil || n != 1 {
		t.Errorf("Len = %d, %v: the articles table should hold the one article", n, err)
	}
}

// TestConcurrentImports: importers storing the same articles at once, in
// batches of different orders, store each once and never deadlock.
func TestConcurrentImports(t *testing.T) {
	a := open(t)
	rs := records(loaded(t, true), true)
	rev := slices.Clone(rs)
	slices.Reverse(rev)
	var wg sync.WaitGroup
	stored := make([]int, 4)
	errs := make([]error, 4)
	for i := range stored {
		wg.Go(func() {
			batch := rs
			if i%2 == 1 {
				batch = rev
			}
			stored[i], errs[i] = a.Put(t.Context(), batch)
		})
	}
	wg.Wait()
	total := 0
	for i := range stored {
		if errs[i] != nil {
			t.Errorf("importer %d: %v", i, errs[i])
		}
		total += stored[i]
	}
	if n, err := a.Len(t.Context()); total != len(rs) || n != len(rs) || err != nil {
		t.Errorf("%d stored by the importers, %d held (%v); want %d", total, n, err, len(rs))
	}
}
