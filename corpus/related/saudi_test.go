package related

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/entities"
	"sahifa/corpus/search"
	"sahifa/seeds"
)

// collection is SaudiNewsNet and the seeds, indexed once per test binary.
var collection struct {
	once   sync.Once
	arts   []*corpus.Article
	ix     *search.Index
	finder *Finder
	load   time.Duration
}

// saudiFinder loads ../shared/data/saudinewsnet and the seeds into one
// index and Finder, as a collection would, or skips.
func saudiFinder(tb testing.TB) ([]*corpus.Article, *search.Index, *Finder) {
	tb.Helper()
	dir := corpustest.Shared(tb, "data/saudinewsnet")
	collection.once.Do(func() {
		start := time.Now()
		ix := search.NewIndex()
		f := New(ix, entities.Extract)
		var arts []*corpus.Article
		for _, ch := range []<-chan corpus.Batch{corpus.LoadFS(context.Background(), seeds.FS), corpus.Load(context.Background(), []string{dir})} {
			for b := range ch {
				ix.Add(b.Articles...)
				f.Add(b.Articles...)
				arts = append(arts, b.Articles...)
			}
		}
		slices.SortFunc(arts, func(a, b *corpus.Article) int {
			return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Index, b.Index))
		})
		collection.arts, collection.ix, collection.finder = arts, ix, f
		collection.load = time.Since(start)
	})
	if len(collection.arts) < 30000 {
		tb.Fatalf("SaudiNewsNet: %d articles, want about 31,000", len(collection.arts))
	}
	return collection.arts, collection.ix, collection.finder
}

// articlesByID maps the articles' ids to them.
func articlesByID(arts []*corpus.Article) map[string]*corpus.Article {
	byID := make(map[string]*corpus.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	return byID
}
