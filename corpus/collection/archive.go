package collection

import (
	"context"

	"sahifa/corpus"
	"sahifa/corpus/archive"
)

// OpenArchive is Open for the PostgreSQL archive at url (see package
// archive): its articles are loaded in the background, as a folder's are,
// and the collection answers every question as it does for files, so the
// screen and the commands do not know which they read. An archive that
// cannot be reached or read is reported among the Problems.
func OpenArchive(ctx context.Context, url string) *Collection {
	ctx, cancel := context.WithCancel(ctx)
	c := newCollection(cancel)
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
		c.load(ctx, a.Load(ctx))
	}()
	return c
}
