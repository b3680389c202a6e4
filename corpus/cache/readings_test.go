package cache

import (
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/dates"
	"sahifa/corpus/entities"
)

// readAll reads every article's names in two passes and its dates, as a
// collection does, and returns the readings by ID and what the final
// ones were read through.
func readAll(t testing.TB, arts []*corpus.Article) (map[string]Reading, Names) {
	t.Helper()
	m, err := entities.Default()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Reading{}
	first := entities.NewCatalog()
	for _, a := range arts {
		tg := m.Tag(a)
		var none *entities.Catalog
		es := none.Resolve(a, tg)
		first.Add(a, es)
		out[a.ID] = Reading{Tagging: tg, TaggedAs: es, Tagged: true, Dates: dates.Read(a), Dated: true}
	}
	for _, a := range arts {
		r := out[a.ID]
		r.FinalNames, r.Final = first.Resolve(a, r.Tagging), true
		out[a.ID] = r
	}
	return out, Names{Known: first.Known(), Articles: idsHash(arts)}
}

func idsHash(arts []*corpus.Article) [sha256.Size]byte {
	return ArticlesHash(func(yield func(string) bool) {
		for _, a := range arts {
			if !yield(a.ID) {
				return
			}
		}
	})
}

// openNamed is open, also keeping every article's readings.
func openNamed(t testing.TB, cacheDir, dir string) ([]*corpus.Article, *Store) {
	t.Helper()
	s := Open(cacheDir, []string{dir})
	arts, _ := corpus.Collect(corpus.LoadReusing(context.Background(), []string{dir}, s))
	rs, n := readAll(t, arts)
	s.KeepNames(n, func(path, id string) (Reading, bool) {
		r, ok := rs[id]
		return r, ok
	})
	if err := s.Save(idsHash(arts), func(b []byte) []byte { return b }); err != nil {
		t.Fatal(err)
	}
	return arts, s
}

// sameReading reports whether got is want, the tagging compared by what
// it resolves to.
func sameReading(a *corpus.Article, got *Reading, want Reading) bool {
	var none *entities.Catalog
	return got.Tagged == want.Tagged && got.Final == want.Final && got.Dated == want.Dated &&
		reflect.DeepEqual(got.TaggedAs, want.TaggedAs) && reflect.DeepEqual(got.FinalNames, want.FinalNames) &&
		reflect.DeepEqual(got.Dates, want.Dates) && reflect.DeepEqual(none.Resolve(a, got.Tagging), none.Resolve(a, want.Tagging))
}

// TestReadingsKept: the readings given to a cache come back as given at
// the next opening, with what they were read through, and a cache
// written again without new readings keeps those of unchanged files.
func TestReadingsKept(t *testing.T) {
	cacheDir, dir := t.TempDir(), writeCollection(t)
	openNamed(t, cacheDir, dir)
	arts, _, reused, s := open(t, cacheDir, dir)
	if reused != 3 {
		t.Fatalf("reused %d of 3 files", reused)
	}
	want, names := readAll(t, arts)
	check := func(s *Store, arts []*corpus.Article, skip string) {
		t.Helper()
		named := 0
		for _, a := range arts {
			r, ok := s.Reading(a.Path, a.ID)
			if filepath.Base(a.Path) == skip {
				if ok {
					t.Fatalf("%s: a changed file's article has a reading", a.ID)
				}
				continue
			}
			if !ok || !sameReading(a, r, want[a.ID]) {
				t.Fatalf("%s: reading %+v, want %+v", a.ID, r, want[a.ID])
			}
			if len(r.FinalNames) > 0 {
				named++
			}
		}
		if named == 0 {
			t.Fatal("no article has names: the test reads nothing")
		}
	}
	check(s, arts, "")
	got, ok := s.Names()
	if !ok || got.Articles != names.Articles || got.Known.Changes(names.Known).Len() != 0 {
		t.Fatalf("names: %v, %x, want %x", ok, got.Articles, names.Articles)
	}

	// A file changed: its articles have no reading; the cache written then
	// keeps the others' and what they were read through.
	b := filepath.Join(dir, "b.txt")
	write(t, b, "عنوان المقال\n\nفقرة أولى عن القصيم.\n")
	arts, _, reused, s = open(t, cacheDir, dir)
	if reused != 2 {
		t.Fatalf("after a change: reused %d files, want 2", reused)
	}
	check(s, arts, "b.txt")
	arts, _, _, s = open(t, cacheDir, dir)
	check(s, arts, "b.txt")
	if got, ok := s.Names(); !ok || got.Articles != names.Articles {
		t.Fatalf("names after a change: %v", ok)
	}
}

// TestReadingsOfAnotherVersion: readings kept under another version of
// the tagger or the date rules are not taken; the articles still are.
func TestReadingsOfAnotherVersion(t *testing.T) {
	cacheDir, dir := t.TempDir(), writeCollection(t)
	openNamed(t, cacheDir, dir)
	was := readingsVersion
	t.Cleanup(func() { readingsVersion = was })
	readingsVersion = func() [sha256.Size]byte { return [sha256.Size]byte{1} }
	arts, _, reused, s := open(t, cacheDir, dir)
	if reused != 3 {
		t.Fatalf("reused %d of 3 files", reused)
	}
	if _, ok := s.Names(); ok {
		t.Fatal("names of another version taken")
	}
	for _, a := range arts {
		if _, ok := s.Reading(a.Path, a.ID); ok {
			t.Fatalf("%s: a reading of another version taken", a.ID)
		}
	}
	readingsVersion = was
	if _, _, _, s := open(t, cacheDir, dir); func() bool { _, ok := s.Names(); return ok }() {
		t.Fatal("the cache written under another version still has names")
	}
	if _, err := os.Stat(s.Path()); err != nil {
		t.Fatal(err)
	}
}
