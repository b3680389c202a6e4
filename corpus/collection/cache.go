package collection

import (
	"context"
	"sahifa/corpus/background"

	"sahifa/corpus"
	"sahifa/corpus/cache"
	"sahifa/seeds"
)

// OpenCached is Open keeping what it reads in a cache in the folder
// cacheDir, and taking from there what it read before of files that have
// not changed: a collection opened again opens at once. With cacheDir ""
// nothing is cached. A cache that cannot be written is reported among the
// Problems, and the collection opens without it.
func OpenCached(ctx context.Context, paths []string, cacheDir string) *Collection {
	ctx, cancel := context.WithCancel(ctx)
	if len(paths) == 0 {
		return FromBatches(ctx, cancel, corpus.LoadFS(ctx, seeds.FS))
	}
	if cacheDir == "" {
		return FromBatches(ctx, cancel, corpus.Load(ctx, paths))
	}
	c := newCollection(cancel)
	c.saved = make(chan struct{})
	// The cache is opened with the load, not before the first frame.
	go func() {
		store := cache.Open(cacheDir, paths)
		if store.Problem != "" {
			c.mu.Lock()
			c.problems = append(c.problems, corpus.Problem{Path: cacheDir, Reason: store.Problem})
			c.mu.Unlock()
			close(c.saved)
			c.load(ctx, corpus.Load(ctx, paths))
			return
		}
		c.cache = store // only the load reads it, in this goroutine
		c.load(ctx, corpus.LoadReusing(ctx, paths, store))
	}()
	return c
}

// articlesHash is the hash of the IDs of the articles, in order.
func (c *Collection) articlesHash(arts []*corpus.Article) [32]byte {
	return cache.ArticlesHash(func(yield func(string) bool) {
		for _, a := range arts {
			if !yield(a.ID) {
				return
			}
		}
	})
}

// restoreIndex fills the index, held back during the load, from the
// cache's snapshot when the articles are those it was made of, or else
// from the articles.
func (c *Collection) restoreIndex() {
	arts := c.Articles()
	if c.cache.Unchanged() {
		if snap := c.cache.Index(c.articlesHash(arts)); snap != nil {
			var err error
			background.Do(func() {
				err = c.index.Restore(snap, func(n uint32) *corpus.Article {
					if int(n) < len(arts) {
						return arts[n]
					}
					return nil
				})
			})
			if err == nil {
				return
			}
		}
	}
	c.index.Add(arts...)
}

// beforeSaving, when a test sets it, is called as the saving begins.
var beforeSaving func(ctx context.Context)

// saveCache writes the cache once the load is over, unless it was cut
// short, and again with the names and dates once they are all read,
// unless they all came from the cache; Close waits for it.
func (c *Collection) saveCache(ctx context.Context) {
	if c.cache == nil {
		return
	}
	c.cache.Release() // every file has been asked for
	defer close(c.saved)
	if beforeSaving != nil {
		beforeSaving(ctx)
	}
	// Whether the load was whole, not whether ctx is done: a collection
	// closed as soon as its work is over may be closed before this
	// goroutine, at the background's priority, comes here, and its
	// cache is still to be written.
	c.mu.RLock()
	whole := c.progress.Done && c.progress.FilesRead == c.progress.FilesFound
	c.mu.RUnlock()
	if !whole {
		return
	}
	background.Do(c.writeCache)
	select {
	case <-c.done:
	case <-ctx.Done():
		select {
		case <-c.done: // names read all the same: kept
		default:
			return
		}
	}
	if c.names.keepCache() {
		background.Do(c.writeCache)
		c.names.dropFirst()
	}
}

// writeCache writes the cache with the index as it is now.
func (c *Collection) writeCache() {
	arts := c.Articles()
	number := make(map[*corpus.Article]uint32, len(arts))
	for i, a := range arts {
		number[a] = uint32(i)
	}
	c.cache.Save(c.articlesHash(arts), func(b []byte) []byte {
		return c.index.AppendSnapshot(b, func(a *corpus.Article) uint32 {
			if n, ok := number[a]; ok {
				return n
			}
			// An article the index holds from before its place was
			// settled: the article now at its ID.
			return number[c.Article(a.ID)]
		})
	})
}

// CacheDir returns the folder where collections keep their caches:
// $XDG_CACHE_HOME/sahifa, or ~/.cache/sahifa.
func CacheDir() (string, error) { return cache.Dir() }

// ClearCache removes every collection's cache from dir and reports how
// many files it removed.
func ClearCache(dir string) (int, error) { return cache.Clear(dir) }
