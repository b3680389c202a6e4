package archive_test

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/archive"
	"sahifa/corpus/archive/pgtest"
	"sahifa/corpus/collection"
)

// followed opens the archive at url as a collection that follows it, and
// waits for its load and its names.
func followed(t *testing.T, url string) *collection.Collection {
	t.Helper()
	return waited(t, collection.FollowArchive(t.Context(), url), (*collection.Collection).Wait)
}

// TestCollectionFollows: a collection following an archive takes in an
// article stored after its load: it is counted, listed in its place,
// found by search, its names read to the end and counted among the
// collection's; the commands' OpenArchive reads the archive as it was.
func TestCollectionFollows(t *testing.T) {
	url := pgtest.Database(t)
	a := openAt(t, url)
	seeds := loaded(t, true)
	put(t, a, records(seeds, true))
	c := followed(t, url)
	snapshot := opened(t, url)
	before := c.Len()
	if before != seeds.Len() || !c.Status().Following {
		t.Fatalf("%d articles loaded, want %d; following %v", before, seeds.Len(), c.Status().Following)
	}

	const word = "زنجبار"
	art := &corpus.Article{ID: "arrived", Path: "aaa/first.txt", Index: -1, Dir: corpus.RTL,
		Title:      "وصول وفد إلى " + word,
		Paragraphs: []corpus.Paragraph{{Text: "قال الرئيس الروسي فلاديمير بوتين في موسكو إن وفدا وصل إلى " + word + " يوم الاثنين."}}}
	start := time.Now()
	put(t, a, []archive.Record{{Article: art}})
	for c.Len() == before {
		if time.Since(start) > time.Minute {
			t.Fatal("the article did not arrive in a minute")
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("arrived %v after its Put returned", time.Since(start))
	if s := c.Status(); s.Arrived != 1 || s.Articles != before+1 || s.Lost != "" {
		t.Errorf("status %+v", s)
	}
	byPlace := func(x, y *corpus.Article) int {
		return cmp.Or(strings.Compare(x.Path, y.Path), cmp.Compare(x.Index, y.Index), strings.Compare(x.ID, y.ID))
	}
	if as := c.Articles(); !slices.IsSortedFunc(as, byPlace) || !slices.Contains(as, c.Article(art.ID)) {
		t.Errorf("the new article is not in its place among %d", len(as))
	}
	res := c.Query(collection.Filter{Terms: []collection.Term{{Field: collection.ByQuery, Value: word}}}, 10)
	if len(res.Articles) != 1 || res.Articles[0].ID != art.ID {
		t.Errorf("searching %s: %v", word, res.Articles)
	}
	got := c.Article(art.ID)
	var r collection.Reading
	for r = c.Entities(got); r.Stage != collection.Final; r = c.Entities(got) {
		if time.Since(start) > time.Minute {
			t.Fatalf("names not final in a minute: %+v", r)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(r.Entities) == 0 {
		t.Fatal("no names read in the new article")
	}
	for _, e := range r.Entities {
		if named := c.Naming(e.Key); !slices.ContainsFunc(named, func(x *corpus.Article) bool { return x.ID == art.ID }) {
			t.Errorf("the collection's catalog does not list the article under %s", e.Key)
		}
	}
	if snapshot.Len() != before {
		t.Errorf("OpenArchive has %d articles, want the %d of its load", snapshot.Len(), before)
	}
}

// TestCollectionSaysTheArchiveIsLost: while the server is down the
// collection's status says why; once it is back, the status is clear
// again and what is stored arrives.
func TestCollectionSaysTheArchiveIsLost(t *testing.T) {
	s, url := ownServer(t)
	a := openAt(t, url)
	put(t, a, made("old", 2))
	c := followed(t, url)
	until := func(what string, ok func(collection.Status) bool) {
		t.Helper()
		for deadline := time.Now().Add(time.Minute); !ok(c.Status()); time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not in a minute; status %+v", what, c.Status())
			}
		}
	}
	s.Crash()
	until("lost", func(s collection.Status) bool { return s.Lost != "" })
	t.Logf("lost: %s", c.Status().Lost)
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	until("back", func(s collection.Status) bool { return s.Lost == "" })
	put(t, a, made("new", 1))
	until("the new article", func(s collection.Status) bool { return s.Articles == 3 && s.Arrived == 1 })
}

// TestCollectionNamesWhatArrivesMidway: an article that arrives while
// the names of the load are still being read gets its final reading
// all the same, whichever pass it came in.
func TestCollectionNamesWhatArrivesMidway(t *testing.T) {
	url := pgtest.Database(t)
	a := openAt(t, url)
	put(t, a, made("old", 1500)) // enough that the names outlast the load
	c := waited(t, collection.FollowArchive(t.Context(), url), (*collection.Collection).WaitLoaded)
	art := &corpus.Article{ID: "midway", Path: "midway.txt", Index: -1, Dir: corpus.RTL, Title: "زيارة إلى موسكو",
		Paragraphs: []corpus.Paragraph{{Text: "قال الرئيس الروسي فلاديمير بوتين في موسكو إن المحادثات مستمرة."}}}
	put(t, a, []archive.Record{{Article: art}})
	t.Logf("stored while the names were %v", c.Status().Jobs)
	waited(t, c, (*collection.Collection).Wait)
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		if got := c.Article(art.ID); got != nil {
			if r := c.Entities(got); r.Stage == collection.Final && len(r.Entities) > 0 {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no final names for the article in a minute: %+v", c.Article(art.ID))
		}
	}
}
