package collection

import (
	"context"
	"sahifa/corpus/background"
	"slices"
	"strings"
	"sync"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/entities"
)

// The names of a collection are found by one worker, in two passes, so
// that a large collection keeps one core busy and not all of them, and so
// that every article ends with one answer whatever the order things were
// read in:
//
//  1. every article is read by the tagger alone, and its names go into a
//     first catalog;
//  2. once the load and the first pass are over, every article is read
//     again through that catalog, frozen, which spreads the names the
//     collection knows with confidence into articles where the tagger
//     missed them. These readings are final and make the collection's
//     catalog.
//
// A collection that follows an archive (FollowArchive) goes on once the
// second pass is over: each article that arrives is tagged, its names
// added to the first catalog, and read at once through it, as a second
// pass over the grown collection would read it; its final reading goes
// into the collection's catalog, which is ranked again.
//
// The articles a reader is about to open (Prefetch) and opens (Entities)
// go first, in either pass.

// Stage says how far an article's names have been read.
type Stage uint8

const (
	// Unread: nothing is known yet.
	Unread Stage = iota
	// Head: only the start of a long article has been read; the rest is
	// being read.
	Head
	// Tagged: read by the tagger alone; the collection has not been read
	// through yet.
	Tagged
	// Final: read through the names the whole collection knows; this is
	// what every command prints.
	Final
)

// Reading is what an article was found to name, and how far it was read.
type Reading struct {
	Entities []entities.Entity
	Stage    Stage
}

// headBytes is how much of a long article is read for names first when it
// is opened before the worker got to it, so that its panel shows within a
// few milliseconds (about 1 ms of tagging here; the whole of the longest
// SaudiNewsNet article takes 30).
const headBytes = 4096

// rankInterval is how often, at most, the collection's most named
// entities are ranked again while the first pass runs, and rankShare the
// most of the worker's time ranking may take: ranking costs more as the
// catalog grows (a second at 30,000 articles). Each pass ends with a
// ranking.
const (
	rankInterval = 2 * time.Second
	rankShare    = 10
)

// topEntities is how many of the collection's most named entities are
// kept ranked.
const topEntities = 100

// naming is the names worker and what it has found.
type naming struct {
	c      *Collection
	wake   chan struct{}
	loaded chan struct{} // closed when the load is over

	// follows is set, before the load, for a collection that takes in
	// articles after it: the worker then never ends.
	follows bool

	mu       sync.Mutex
	loadOver bool
	over     bool              // the second pass is over and the collection was told
	late     int               // articles read after the second pass since the last ranking
	pass     int               // 1 or 2 while working, 3 once done
	queue    []*corpus.Article // the pass's articles still to read, in order
	urgent   []*corpus.Article // to read first, most recent request first
	busy     map[string]bool   // being read now, by ID
	tagged   map[string][]entities.Entity
	final    map[string][]entities.Entity
	// taggings keeps what the tagger found in each article until the
	// second pass has read it: reading it again through the catalog
	// then costs a quarter of tagging it again.
	taggings  map[string]entities.Tagging
	first     *entities.Catalog // the first pass's catalog, frozen in the second
	second    *entities.Catalog // the final readings' catalog
	done      [2]int            // articles read in each pass
	fromCache [2]int            // of which, readings taken from the cache
	cost      [2]time.Duration  // time spent reading, in each pass
	top       []entities.Ranked
	ranked    time.Time     // when the last ranking began
	rankCost  time.Duration // what it took
	version   uint64
	interned  map[string]string

	// With a cache (names_cache.go): the articles whose first reading
	// came from it, not yet in the first catalog; whether the first
	// pass is being settled; what the cache's final readings are worth.
	unadded  []*corpus.Article
	settling bool
	reuse    cacheUse
}

func newNaming(c *Collection) *naming {
	return &naming{c: c, wake: make(chan struct{}, 1), loaded: make(chan struct{}), pass: 1,
		busy: map[string]bool{}, tagged: map[string][]entities.Entity{}, final: map[string][]entities.Entity{},
		taggings: map[string]entities.Tagging{},
		first:    entities.NewCatalog(), second: entities.NewCatalog(), interned: map[string]string{}}
}

func (n *naming) poke() {
	select {
	case n.wake <- struct{}{}:
	default:
	}
}

func (n *naming) enqueue(as []*corpus.Article) {
	if len(as) == 0 {
		return
	}
	n.mu.Lock()
	n.queue = append(n.queue, as...)
	n.mu.Unlock()
	n.poke()
}

func (n *naming) loadDone() {
	n.mu.Lock()
	n.loadOver = true
	n.mu.Unlock()
	close(n.loaded)
	n.poke()
}

// job is one unit of the worker's work.
type job struct {
	art  *corpus.Article // the article to read, nil for a ranking
	pass int
	rank *entities.Catalog // the catalog to rank, for a ranking
	// settle ends the first pass (names_cache.go)
	settle bool
}

// next returns the next job, moving from pass to pass; ok is false when
// there is nothing to do until more articles come.
func (n *naming) next() (j job, ok bool) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for {
		switch n.pass {
		case 1:
			if a := n.pop(n.tagged); a != nil {
				return job{art: a, pass: 1}, true
			}
			if time.Since(n.ranked) > max(rankInterval, rankShare*n.rankCost) && n.done[0] > 0 {
				n.ranked = time.Now()
				return job{rank: n.first}, true
			}
			if !n.loadOver || len(n.busy) > 0 {
				return j, false
			}
			// The first pass is over: settle it, rank what it found,
			// then read everything again through its catalog.
			n.pass = 2
			n.settling = true
			return job{settle: true}, true
		case 2:
			if n.settling {
				return j, false
			}
			if a := n.pop(n.final); a != nil {
				return job{art: a, pass: 2}, true
			}
			if len(n.busy) > 0 {
				return j, false
			}
			// The first pass's readings and catalog have served, but
			// for the cache, which drops them once written, and for
			// the articles a followed archive will bring.
			n.pass = 3
			if !n.follows {
				n.first = nil
			}
			if n.c.cache == nil {
				n.tagged, n.taggings = nil, nil
			}
			return job{rank: n.second}, true
		default:
			if !n.follows {
				return j, false
			}
			if a := n.pop(n.final); a != nil {
				if time.Since(n.ranked) > max(rankInterval, rankShare*n.rankCost) && n.late > 0 {
					// Put back: ranking first, so that a long run of
					// arrivals shows in the names as it goes.
					delete(n.busy, a.ID)
					n.urgent = append([]*corpus.Article{a}, n.urgent...)
				} else {
					return job{art: a, pass: 3}, true
				}
			}
			if n.late == 0 || len(n.busy) > 0 {
				return j, false
			}
			n.late = 0
			n.ranked = time.Now()
			return job{rank: n.second}, true
		}
	}
}

// pop takes the next article that has no reading in read and is not being
// read, urgent ones first.
func (n *naming) pop(read map[string][]entities.Entity) *corpus.Article {
	for len(n.urgent) > 0 {
		a := n.urgent[0]
		n.urgent = n.urgent[1:]
		if _, ok := read[a.ID]; !ok && !n.busy[a.ID] {
			n.busy[a.ID] = true
			return a
		}
	}
	for len(n.queue) > 0 {
		a := n.queue[0]
		n.queue = n.queue[1:]
		if _, ok := read[a.ID]; !ok && !n.busy[a.ID] {
			n.busy[a.ID] = true
			return a
		}
	}
	return nil
}

// run is the worker: it reads articles and ranks names until the second
// pass is over or ctx is done.
func (n *naming) run(ctx context.Context) {
	clock := startClock()
	defer clock.stop()
	for {
		j, ok := n.next()
		if !ok {
			select {
			case <-n.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		if ctx.Err() != nil {
			return
		}
		if !n.work(j, clock) {
			return
		}
	}
}

// work does job j on a slot of the background's, and reports whether
// there is more to come.
func (n *naming) work(j job, clock clock) bool {
	slot := background.Take()
	defer slot.Release()
	if j.settle {
		n.settle()
		j = job{rank: n.first}
	}
	if j.rank != nil {
		t := clock.now()
		top := j.rank.Top(topEntities)
		n.mu.Lock()
		// Ranking is part of the pass that asked for it.
		n.rankCost = clock.now() - t
		n.cost[min(n.pass, 2)-1] += n.rankCost
		n.top = top
		n.version++
		over := n.pass == 3 && !n.over
		n.over = n.over || over
		n.mu.Unlock()
		n.c.changed()
		if over {
			n.c.workOver()
			return n.follows
		}
		return true
	}
	t := clock.now()
	switch j.pass {
	case 3:
		es, tg := tag(j.art)
		n.first.Add(j.art, es)
		es = n.first.Resolve(j.art, tg)
		n.recordLate(j.art, es, clock.now()-t)
		n.c.related.SetNames(j.art, es)
	case 1:
		if es, tg, cached := n.firstReading(j.art); cached {
			n.recordCached(j.art, es, tg)
		} else {
			n.record(j.art, es, tg, 1, clock.now()-t)
		}
	default:
		es, ok := n.cachedFinal(j.art)
		if !ok {
			es = n.reread(j.art)
		}
		n.record(j.art, es, entities.Tagging{}, 2, clock.now()-t)
		n.c.related.SetNames(j.art, es)
	}
	n.c.changed()
	return true
}

// tag reads article a with the tagger alone: its names, and what the
// tagger found, to read it again through a catalog later.
func tag(a *corpus.Article) ([]entities.Entity, entities.Tagging) {
	m, err := entities.Default()
	if err != nil {
		return nil, entities.Tagging{}
	}
	return m.ExtractTagged(a)
}

// reread reads a again through the first pass's catalog, from what the
// tagger found in it.
func (n *naming) reread(a *corpus.Article) []entities.Entity {
	n.mu.Lock()
	t, ok := n.taggings[a.ID]
	n.mu.Unlock()
	if ok {
		return n.first.Resolve(a, t)
	}
	return n.first.Extract(a)
}

// record keeps a reading of pass 1 or 2 and adds it to that pass's
// catalog.
func (n *naming) record(a *corpus.Article, es []entities.Entity, t entities.Tagging, pass int, cost time.Duration) {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.busy, a.ID)
	n.cost[pass-1] += cost
	n.done[pass-1]++
	n.version++
	es = n.keep(es)
	if pass == 1 {
		n.tagged[a.ID] = es
		n.taggings[a.ID] = t
		n.first.Add(a, es)
		return
	}
	n.final[a.ID] = es
	if n.c.cache == nil {
		delete(n.taggings, a.ID)
	}
	n.second.Add(a, es)
}

// recordLate keeps the final reading of an article that arrived after
// the second pass, and adds it to the collection's catalog.
func (n *naming) recordLate(a *corpus.Article, es []entities.Entity, cost time.Duration) {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.busy, a.ID)
	n.cost[1] += cost
	n.done[1]++
	n.late++
	n.version++
	es = n.keep(es)
	n.final[a.ID] = es
	n.second.Add(a, es)
}

// keep returns a compact copy of es to hold on to: the names shared with
// other articles' entities, the mentions in one array of exactly their
// number. On SaudiNewsNet they are a third of a million names.
func (n *naming) keep(es []entities.Entity) []entities.Entity {
	if len(es) == 0 {
		return nil
	}
	total := 0
	for _, e := range es {
		total += len(e.Mentions)
	}
	out := make([]entities.Entity, len(es))
	ms := make([]entities.Mention, 0, total)
	for i, e := range es {
		out[i] = e
		out[i].Key, out[i].Label = n.intern(e.Key), n.intern(e.Label)
		ms = append(ms, e.Mentions...)
		out[i].Mentions = ms[len(ms)-len(e.Mentions) : len(ms) : len(ms)]
	}
	return out
}

func (n *naming) intern(s string) string {
	if c, ok := n.interned[s]; ok {
		return c
	}
	n.interned[s] = s
	return s
}

// Entities returns the names article a contains, as far as they are known:
// its final reading once the collection has been read through, else what
// the tagger found. An article not read yet is read now (a long one, its
// head only, the rest following), so this may take some milliseconds: call
// it off the screen's goroutine. The article goes first in the worker's
// queue whenever a better reading is to come.
func (c *Collection) Entities(a *corpus.Article) Reading {
	if a == nil {
		return Reading{}
	}
	n := c.names
	n.mu.Lock()
	if es, ok := n.final[a.ID]; ok {
		n.mu.Unlock()
		return Reading{es, Final}
	}
	es, tagged := n.tagged[a.ID]
	h, long := head(a)
	// Read now what the worker is not already reading; a long article,
	// its head only, the worker reading the whole of it first.
	readNow := !tagged && !long && !n.busy[a.ID]
	record := readNow && n.pass == 1
	if record {
		n.busy[a.ID] = true
	}
	if (n.pass < 3 || n.follows) && !readNow {
		n.urgent = append([]*corpus.Article{a}, n.urgent...)
	}
	n.mu.Unlock()
	n.poke()
	switch {
	case tagged:
		return Reading{es, Tagged}
	case readNow:
		es, t, cached := n.firstReading(a)
		switch {
		case record && cached:
			n.recordCached(a, es, t)
			c.changed()
		case record:
			n.record(a, es, t, 1, 0)
			c.changed()
		}
		return Reading{es, Tagged}
	case !long:
		h = a
	}
	return Reading{entities.Extract(h), Head}
}

// Prefetch asks for the articles' names to be read before the others':
// those a reader is likely to open next.
func (c *Collection) Prefetch(as ...*corpus.Article) {
	n := c.names
	n.mu.Lock()
	if n.pass < 3 || n.follows {
		as = slices.DeleteFunc(slices.Clone(as), func(a *corpus.Article) bool { return a == nil })
		n.urgent = append(as, n.urgent...)
	}
	n.mu.Unlock()
	n.poke()
}

// TopEntities returns up to k of the entities named in the most articles,
// most first, as far as the collection has been read.
func (c *Collection) TopEntities(k int) []entities.Ranked {
	n := c.names
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.top[:min(k, len(n.top))])
}

// Naming returns the entity with the given key's articles, in order of
// place, as far as the collection has been read.
func (c *Collection) Naming(key string) []*corpus.Article {
	n := c.names
	n.mu.Lock()
	cat := n.first
	if n.pass == 3 {
		cat = n.second
	}
	n.mu.Unlock()
	ids := cat.Articles(key)
	out := make([]*corpus.Article, 0, len(ids))
	for _, id := range ids {
		if a := c.Article(id); a != nil {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, byPlace)
	return out
}

// head returns the start of a: its title and paragraphs up to about
// headBytes, the last cut after a space; ok is false when a is short
// enough to read whole at once.
func head(a *corpus.Article) (h *corpus.Article, ok bool) {
	size := len(a.Title)
	for i, p := range a.Paragraphs {
		if size+len(p.Text) <= headBytes {
			size += len(p.Text)
			continue
		}
		rest := 0
		for _, q := range a.Paragraphs[i:] {
			rest += len(q.Text)
		}
		if size+rest <= headBytes*3/2 {
			return nil, false
		}
		cut := *a
		cut.Paragraphs = slices.Clone(a.Paragraphs[:i+1])
		at := strings.LastIndexByte(p.Text[:max(headBytes-size, 0)], ' ')
		cut.Paragraphs[i].Text = p.Text[:max(at, 0)]
		return &cut, true
	}
	return nil, false
}
