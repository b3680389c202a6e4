// Package collection is one collection of articles as the screen and every
// command see it: the loaded articles, their search index, the names they
// contain, and the background work that builds these. The reader and the
// commands ask it the same questions through the same methods, so they
// print the same answers.
//
// Open returns at once and loads in the background. Everything it learns
// (articles, progress, names) is announced on Changes; Status says what is
// running and how far it has got; Wait blocks until the work is done. The
// collection never waits for its caller: a screen that reads Changes late
// finds one notice standing for all it missed.
package collection

import (
	"cmp"
	"context"
	"sahifa/corpus/background"
	"slices"
	"strings"
	"sync"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/cache"
	"sahifa/corpus/entities"
	"sahifa/corpus/related"
	"sahifa/corpus/search"
)

// Collection is a collection of articles being loaded or loaded. Its
// methods are safe for concurrent use.
type Collection struct {
	index   *search.Index
	names   *naming
	related *related.Finder

	changes chan struct{}
	cancel  context.CancelFunc
	done    chan struct{} // closed when the load, the naming and the related preparation are over

	mu       sync.RWMutex
	articles []*corpus.Article // in order of place: path, then position in the file
	byID     map[string]*corpus.Article
	copies   map[string][]string // places of the copies of an article, by its ID
	problems []corpus.Problem
	progress corpus.Batch // the counts of the last batch
	loading  bool
	started  time.Time // when the load began, for its rate
	rtl      int
	version  uint64
	working  int  // background workers not yet over; done closes at 0
	prepared Cost // what the related preparation has cost

	// Following an archive after the load (FollowArchive): the articles
	// taken in since, and why the archive cannot be reached, "" while
	// it can.
	following bool
	arrived   int
	lost      string

	cache *cache.Store  // nil without a cache; read by the load alone
	saved chan struct{} // with a cache, closed once it is written or not to be

	// ownMu guards own apart from mu, so that a date filter never waits
	// for the names worker.
	ownMu   sync.RWMutex
	own     map[*corpus.Article]ownDay // own dates read so far
	ownDays map[*corpus.Article]day    // their days alone, for filters over every article
	dated   map[string]keptDates       // with a cache, every article's dates by ID, as the names worker reads them
}

// Open loads the articles of the files and folders at paths in the
// background, or the embedded seed articles when there are none, so that
// a fresh checkout has something to show. Cancelling ctx stops the work.
func Open(ctx context.Context, paths []string) *Collection {
	return OpenCached(ctx, paths, "")
}

// FromBatches makes a collection of the articles arriving on batches, as
// corpus.Load sends them; cancel, if not nil, is called by Close.
func FromBatches(ctx context.Context, cancel context.CancelFunc, batches <-chan corpus.Batch) *Collection {
	if cancel == nil {
		ctx, cancel = context.WithCancel(ctx)
	}
	c := newCollection(cancel)
	go c.load(ctx, batches)
	return c
}

// newCollection makes an empty collection, loading until told otherwise.
func newCollection(cancel context.CancelFunc) *Collection {
	c := &Collection{
		index:   search.NewIndex(),
		changes: make(chan struct{}, 1),
		cancel:  cancel,
		done:    make(chan struct{}),
		byID:    make(map[string]*corpus.Article),
		copies:  make(map[string][]string),
		own:     make(map[*corpus.Article]ownDay),
		ownDays: make(map[*corpus.Article]day),
		loading: true,
		started: time.Now(),
		working: 2, // the names worker and the related preparation
	}
	c.names = newNaming(c)
	c.related = related.New(c.index, func(a *corpus.Article) []entities.Entity { return c.Entities(a).Entities })
	return c
}

// Close stops the background work, and waits for the cache to be written
// if it is being written; the collection still answers with what it had.
func (c *Collection) Close() {
	c.cancel()
	if c.saved != nil {
		<-c.saved
	}
}

// CloseWithin is Close waiting no longer than limit for the cache, and
// reports whether the cache was written (or had nothing to write). A
// program that must end at once uses it: the cache is written to a
// temporary file renamed into place, so a write cut short by the exit
// leaves the cache as it was, and the next writer removes the rest.
func (c *Collection) CloseWithin(limit time.Duration) bool {
	c.cancel()
	if c.saved == nil {
		return true
	}
	select {
	case <-c.saved: // written already: said so whatever the limit
		return true
	default:
	}
	t := time.NewTimer(limit)
	defer t.Stop()
	select {
	case <-c.saved:
		return true
	case <-t.C:
		return false
	}
}

// Changes returns a channel that receives a value after the collection
// changed: articles arrived, names were found, work moved on. One value
// stands for every change since the last was received.
func (c *Collection) Changes() <-chan struct{} { return c.changes }

// changed bumps the version and notifies Changes without ever waiting.
func (c *Collection) changed() {
	c.mu.Lock()
	c.version++
	c.mu.Unlock()
	select {
	case c.changes <- struct{}{}:
	default:
	}
}

// Wait blocks until the collection has loaded and its background work is
// over, or ctx is done.
func (c *Collection) Wait(ctx context.Context) error {
	select {
	case <-c.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// WaitLoaded blocks until every article has been read and indexed, or ctx
// is done; names may still be being found.
func (c *Collection) WaitLoaded(ctx context.Context) error {
	for {
		if !c.Status().Loading {
			return nil
		}
		select {
		case <-c.done:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		case <-c.names.loaded:
			return nil
		}
	}
}

// load reads the batches, indexes each, and hands its articles to the
// naming worker.
func (c *Collection) load(ctx context.Context, batches <-chan corpus.Batch) {
	background.Thread()
	go c.names.run(ctx)
	// With an index snapshot in the cache, the index waits for the end of
	// the load: if the files are those the snapshot was made of, it is
	// taken as it is.
	held := c.cache != nil && c.cache.HasIndex()
	for b := range batches {
		if !held {
			c.index.Add(b.Articles...)
		}
		c.addBatch(b)
		c.names.enqueue(b.Articles)
		c.changed()
	}
	c.mu.Lock()
	c.settlePlaces()
	c.mu.Unlock()
	if held {
		c.restoreIndex()
	}
	c.mu.Lock()
	c.loading = false
	c.mu.Unlock()
	c.names.loadDone()
	go c.prepareRelated(ctx)
	c.changed()
	c.saveCache(ctx)
}

// prepareRelated makes every article's sketch and lede for the related
// articles once the index is whole, on a thread of its own at the
// background's priority, so that a first ask compares articles already
// made rather than make 60 of them (about 3 ms of CPU each time).
func (c *Collection) prepareRelated(ctx context.Context) {
	clock := startClock()
	defer clock.stop()
	t := clock.now()
	// In steps, each on a slot of the background's, so that the slot is
	// let go between them for the other work.
	const step = 64
	arts := c.Articles()
	n := 0
	for i := 0; i < len(arts) && n == i; i += step {
		background.Do(func() { n += c.related.Prepare(ctx, arts[i:min(i+step, len(arts))]) })
	}
	c.mu.Lock()
	c.prepared = Cost{JobRelated, n, clock.now() - t}
	c.mu.Unlock()
	if ctx.Err() == nil {
		c.workOver()
	}
}

// workOver is told by each background worker when it is over, and closes
// done after the last.
func (c *Collection) workOver() {
	c.mu.Lock()
	c.working--
	over := c.working == 0
	c.mu.Unlock()
	if over {
		close(c.done)
	}
}

// addBatch merges a batch into the articles, which stay in order of place
// however the files arrive.
func (c *Collection) addBatch(b corpus.Batch) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.progress = b
	c.progress.Articles, c.progress.Problems, c.progress.Duplicates = nil, nil, nil
	c.problems = append(c.problems, b.Problems...)
	for _, d := range b.Duplicates {
		c.copies[d.ID] = append(c.copies[d.ID], d.Where)
	}
	c.merge(b.Articles)
}

// merge puts articles among the others in order of place; the caller
// holds c.mu.
func (c *Collection) merge(arts []*corpus.Article) {
	if len(arts) == 0 {
		return
	}
	batch := slices.Clone(arts)
	slices.SortFunc(batch, byPlace)
	for _, a := range batch {
		c.byID[a.ID] = a
		if a.Dir == corpus.RTL {
			c.rtl++
		}
	}
	if n := len(c.articles); n == 0 || byPlace(c.articles[n-1], batch[0]) <= 0 {
		// Files read in order, the usual case: appending never moves
		// what a caller holds of the slice.
		c.articles = append(c.articles, batch...)
		return
	}
	// A new array, so that slices handed out earlier stay as they were.
	merged := make([]*corpus.Article, 0, len(c.articles)+len(batch))
	i, j := 0, 0
	for i < len(c.articles) && j < len(batch) {
		if byPlace(batch[j], c.articles[i]) < 0 {
			merged = append(merged, batch[j])
			j++
		} else {
			merged = append(merged, c.articles[i])
			i++
		}
	}
	c.articles = append(append(merged, c.articles[i:]...), batch[j:]...)
}

// settlePlaces gives each article its copies, as corpus.Collect does, once
// the load is over. Articles are shared with callers, so an article with
// copies is replaced by a changed copy of it rather than written to.
func (c *Collection) settlePlaces() {
	for i, a := range c.articles {
		ds, ok := c.copies[a.ID]
		if !ok {
			continue
		}
		b := *a
		b.Duplicates = corpus.Copies(a, ds)
		c.articles[i], c.byID[a.ID] = &b, &b
	}
}

// byPlace orders articles as corpus.Collect does.
func byPlace(x, y *corpus.Article) int {
	return cmp.Or(strings.Compare(x.Path, y.Path), cmp.Compare(x.Index, y.Index), strings.Compare(x.ID, y.ID))
}

// Len returns the number of articles loaded so far.
func (c *Collection) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.articles)
}

// Articles returns the articles loaded so far in order of place (path,
// then position in the file). The slice is the caller's to keep, not to
// change.
func (c *Collection) Articles() []*corpus.Article {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.articles[:len(c.articles):len(c.articles)]
}

// Article returns the article with the given ID, nil if there is none.
func (c *Collection) Article(id string) *corpus.Article {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.byID[id]
}

// Copies returns the places (path, or path#index) where copies of the
// article's text were found and left out, first place first.
func (c *Collection) Copies(a *corpus.Article) []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return corpus.Copies(a, c.copies[a.ID])
}

// Problems returns the files, or parts of files, that could not be read,
// with why, in the order they were found.
func (c *Collection) Problems() []corpus.Problem {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return slices.Clip(c.problems)
}

// MostlyRTL reports whether most articles are written right to left.
func (c *Collection) MostlyRTL() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.rtl*2 > len(c.articles)
}

// Find returns every match of query in article a, in document order.
func (c *Collection) Find(a *corpus.Article, query string) []search.Match {
	return search.FindInArticle(a, query)
}

// FindFrom returns the matches of query in a's paragraphs from from
// (TitlePara: the title first) up to to, stopping once about budget bytes
// are searched, and the paragraph to go on from: to when the range is
// done. A screen searches a long article this way, piece by piece, what it
// shows first.
func (c *Collection) FindFrom(a *corpus.Article, query string, from, to, budget int) ([]search.Match, int) {
	return search.FindInArticleFrom(a, query, from, to, budget)
}
