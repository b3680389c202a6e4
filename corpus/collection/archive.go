package collection

import (
	"context"

	"sahifa/corpus"
	"sahifa/corpus/archive"
	"sahifa/corpus/background"
)

// OpenArchive is Open for the PostgreSQL archive at url (see package
// archive): its articles are loaded in the background, as a folder's are,
// and the collection answers every question as it does for files, so the
// screen and the commands do not know which they read. An archive that
// cannot be reached or read is reported among the Problems.
func OpenArchive(ctx context.Context, url string) *Collection {
	return openArchive(ctx, url, false)
}

// FollowArchive is OpenArchive for a reader that stays open: once loaded,
// the collection takes in the articles stored in the archive since the
// load began, as their imports commit (archive.Follow), indexed, in
// order of place, their names read, until ctx is done or the collection
// is closed. Status says how many arrived and whether the archive is
// lost. Wait and WaitLoaded answer as for OpenArchive: following is no
// work that ends.
func FollowArchive(ctx context.Context, url string) *Collection {
	return openArchive(ctx, url, true)
}

func openArchive(ctx context.Context, url string, follow bool) *Collection {
	ctx, cancel := context.WithCancel(ctx)
	c := newCollection(cancel)
	c.following, c.names.follows = follow, follow
	go func() {
		a, err := archive.Open(ctx, url)
		if err != nil {
			failed := make(chan corpus.Batch, 1)
			failed <- corpus.Batch{FilesFound: 1, Done: true,
				Problems: []corpus.Problem{{Path: archive.Name(url), Reason: err.Error()}}}
			close(failed)
			c.load(ctx, failed)
			return
		}
		defer a.Close()
		if !follow {
			c.load(ctx, a.Load(ctx))
			return
		}
		batches, news := a.Follow(ctx, archive.DefaultPoll)
		c.load(ctx, batches)
		for n := range news {
			c.arrive(ctx, n)
		}
	}()
	return c
}

// arrive takes in what following the archive brought: articles stored
// after the load, or word that the archive is lost or back.
func (c *Collection) arrive(ctx context.Context, n archive.News) {
	c.mu.RLock()
	fresh := make([]*corpus.Article, 0, len(n.Articles))
	for _, a := range n.Articles {
		if c.byID[a.ID] == nil {
			fresh = append(fresh, a)
		}
	}
	c.mu.RUnlock()
	// Indexed before they are listed, as the load does, so that a
	// search never finds an article the collection does not hold.
	if len(fresh) > 0 {
		c.index.Add(fresh...)
	}
	c.mu.Lock()
	c.lost = ""
	if n.Lost != nil {
		c.lost = n.Lost.Error()
	}
	c.merge(fresh)
	c.arrived += len(fresh)
	c.progress.ArticlesRead += len(fresh)
	for _, a := range fresh {
		c.progress.DuplicatesFound += len(a.Duplicates)
	}
	c.mu.Unlock()
	c.names.enqueue(fresh)
	c.changed()
	if len(fresh) > 0 {
		background.Do(func() { c.related.Prepare(ctx, fresh) })
	}
}
