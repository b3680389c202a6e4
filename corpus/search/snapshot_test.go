package search

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
)

// snapshotQueries cover each kind of query: words, phrases, prefixes,
// exclusions, Latin letters.
var snapshotQueries = []string{
	"السعودية", "الملك سلمان", `"وزارة الصحة"`, "اسد", "وزار*", "الرياض -جدة", "Reuters", "كورونا", "في",
}

// roundTrip snapshots an index of arts and restores it, by the articles'
// positions in arts.
func roundTrip(t *testing.T, ix *Index, arts []*corpus.Article) *Index {
	t.Helper()
	pos := make(map[*corpus.Article]uint32, len(arts))
	for i, a := range arts {
		pos[a] = uint32(i)
	}
	snap := ix.AppendSnapshot(nil, func(a *corpus.Article) uint32 { return pos[a] })
	back := NewIndex()
	err := back.Restore(snap, func(n uint32) *corpus.Article {
		if int(n) < len(arts) {
			return arts[n]
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return back
}

func sameHits(t *testing.T, want, got *Index, queries []string) {
	t.Helper()
	for _, q := range queries {
		w, g := want.Search(q, 50), got.Search(q, 50)
		if !reflect.DeepEqual(w, g) {
			t.Errorf("%q: restored index found %d hits %v, built one %d %v", q, len(g), ids(g), len(w), ids(w))
		}
	}
}

func TestSnapshotSeeds(t *testing.T) {
	ix, arts := seedIndex(t)
	back := roundTrip(t, ix, arts)
	sameHits(t, ix, back, snapshotQueries)
	// The restored index takes new articles as the built one does.
	extra := &corpus.Article{ID: "x", Title: "خبر جديد عن الزرافة", Paragraphs: []corpus.Paragraph{{Text: "شوهدت الزرافة في الرياض"}}}
	ix.Add(extra)
	back.Add(extra)
	sameHits(t, ix, back, append(snapshotQueries, "الزرافة", "زراف*"))
}

func TestSnapshotSaudiNewsNetDay(t *testing.T) {
	dir := corpustest.Shared(t, "data/saudinewsnet")
	arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{filepath.Join(dir, "2015-07-23.json")}))
	ix := NewIndex()
	ix.Add(arts...)
	sameHits(t, ix, roundTrip(t, ix, arts), snapshotQueries)
}

// TestSnapshotDamaged cuts a snapshot short and changes bytes of it: each
// is refused or restores an index that answers, never a panic.
func TestSnapshotDamaged(t *testing.T) {
	ix, arts := seedIndex(t)
	snap := ix.AppendSnapshot(nil, func(a *corpus.Article) uint32 {
		for i, b := range arts {
			if a == b {
				return uint32(i)
			}
		}
		return 0
	})
	article := func(n uint32) *corpus.Article {
		if int(n) < len(arts) {
			return arts[n]
		}
		return nil
	}
	for cut := range len(snap) {
		if err := NewIndex().Restore(snap[:cut], article); err == nil {
			t.Fatalf("a snapshot cut at %d of %d bytes was taken", cut, len(snap))
		}
	}
	for i := 0; i < len(snap); i += 7 {
		bad := append([]byte(nil), snap...)
		bad[i] ^= 0x5a
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			NewIndex().Restore(bad, article)
		})
	}
}
