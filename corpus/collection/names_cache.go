package collection

import (
	"time"

	"sahifa/corpus"
	"sahifa/corpus/cache"
	"sahifa/corpus/dates"
	"sahifa/corpus/entities"
)

// With a cache, an article of a file taken from it brings what was read
// of it before, under the same version of the tagger and of the date
// rules (the cache keeps none of another): its first reading, its final
// one and its dates. The first reading and the dates depend on the
// article alone and are taken as they are. The final reading depends too
// on the first catalog, made of every article's first reading, and is
// taken when
//
//   - the articles are those whose first readings made the catalog the
//     final readings were read through, every one of them read before:
//     that catalog is then the same, and is not even made again;
//   - or the first catalog made now knows with confidence the same names
//     as that one (entities.Known), or differs only by names the article
//     does not write (entities.Changes.Touch), which is all a second
//     reading takes from it.
//
// Any other article is read again through the new catalog, from its
// kept tagging, at a quarter of the cost of tagging it.

// cached returns what the cache holds of article a, nil if nothing.
func (n *naming) cached(a *corpus.Article) *cache.Reading {
	if n.c.cache == nil {
		return nil
	}
	r, _ := n.c.cache.Reading(a.Path, a.ID)
	return r
}

// firstReading returns article a's first reading, from the cache when it
// holds it, and with a cache keeps a's dates, to write them there.
func (n *naming) firstReading(a *corpus.Article) (es []entities.Entity, t entities.Tagging, cached bool) {
	r := n.cached(a)
	switch {
	case r != nil && r.Dated:
		n.c.keepDates(a, r.Dates)
	case n.c.cache != nil:
		n.c.keepDates(a, dates.Read(a))
	}
	if r != nil && r.Tagged {
		return r.TaggedAs, r.Tagging, true
	}
	es, t = tag(a)
	return es, t, false
}

// recordCached keeps a first reading taken from the cache. It goes into
// the first catalog only when the pass ends, and only if that catalog is
// needed (see settle).
func (n *naming) recordCached(a *corpus.Article, es []entities.Entity, t entities.Tagging) {
	n.mu.Lock()
	defer n.mu.Unlock()
	delete(n.busy, a.ID)
	n.done[0]++
	n.fromCache[0]++
	n.version++
	n.tagged[a.ID] = es
	n.taggings[a.ID] = t
	n.unadded = append(n.unadded, a)
}

// settle ends the first pass: it works out which final readings the
// cache holds can be taken, and makes the first catalog whole if they
// cannot all be, then queues every article for the second pass.
func (n *naming) settle() {
	arts := n.c.Articles()
	n.mu.Lock()
	unadded := n.unadded
	n.unadded = nil
	n.mu.Unlock()
	var prior cache.Names
	had := false
	if n.c.cache != nil {
		prior, had = n.c.cache.Names()
	}
	trust := had && len(unadded) == len(arts) && prior.Articles == n.c.articlesHash(arts)
	for i := 0; trust && i < len(arts); i++ {
		r := n.cached(arts[i])
		trust = r != nil && r.Final
	}
	var known entities.Known
	var changes entities.Changes
	if !trust {
		for _, a := range unadded {
			n.mu.Lock()
			es := n.tagged[a.ID]
			n.mu.Unlock()
			n.first.Add(a, es)
		}
		if n.c.cache != nil {
			known = n.first.Known()
			changes = known.Changes(prior.Known)
		}
	} else {
		known = prior.Known
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	n.reuse = cacheUse{trust: trust, had: had, known: known, changes: changes}
	// With the articles of a followed archive that arrived meanwhile.
	n.queue = append(arts, n.queue...)
	n.settling = false
	n.ranked = time.Now()
}

// cacheUse is what settle found of the cache's final readings.
type cacheUse struct {
	trust   bool // every one is taken
	had     bool // the cache holds final readings of this version
	known   entities.Known
	changes entities.Changes // between the first catalog they were read through and this one
}

// cachedFinal returns article a's final reading from the cache, if it
// holds one that stands.
func (n *naming) cachedFinal(a *corpus.Article) ([]entities.Entity, bool) {
	r := n.cached(a)
	if r == nil || !r.Final {
		return nil, false
	}
	n.mu.Lock()
	use := n.reuse
	n.mu.Unlock()
	if use.trust || use.had && !use.changes.Touch(a) {
		n.mu.Lock()
		n.fromCache[1]++
		n.mu.Unlock()
		return r.FinalNames, true
	}
	return nil, false
}

// keepCache gives the cache the readings of this load to write, unless
// every one came from it; it reports whether it did. The first readings
// are let go once they are written.
func (n *naming) keepCache() bool {
	n.mu.Lock()
	use := n.reuse
	n.mu.Unlock()
	if use.trust {
		n.dropFirst()
		return false
	}
	arts := n.c.Articles()
	n.c.cache.KeepNames(cache.Names{Known: use.known, Articles: n.c.articlesHash(arts)}, n.c.reading)
	return true
}

// dropFirst lets go of the first readings, and of what the cache held,
// once the cache has them.
func (n *naming) dropFirst() {
	n.mu.Lock()
	n.tagged, n.taggings = nil, nil
	n.mu.Unlock()
	if n.c.cache != nil {
		n.c.cache.ReleaseReadings()
	}
}

// reading returns what was read of the article id of the file at path,
// for the cache.
func (c *Collection) reading(path, id string) (cache.Reading, bool) {
	a := c.Article(id)
	if a == nil || a.Path != path {
		return cache.Reading{}, false
	}
	var r cache.Reading
	n := c.names
	n.mu.Lock()
	r.TaggedAs, r.Tagged = n.tagged[id]
	r.Tagging = n.taggings[id]
	r.FinalNames, r.Final = n.final[id]
	n.mu.Unlock()
	c.ownMu.RLock()
	d, ok := c.dated[id]
	c.ownMu.RUnlock()
	if ok && d.path == path {
		r.Dates, r.Dated = d.dates, true
	}
	return r, r.Tagged || r.Final || r.Dated
}

// keptDates is what Read found of an article's dates, kept with the
// article's file.
type keptDates struct {
	path  string
	dates DateReading
}

func (c *Collection) keepDates(a *corpus.Article, d DateReading) {
	c.ownMu.Lock()
	defer c.ownMu.Unlock()
	if c.dated == nil {
		c.dated = map[string]keptDates{}
	}
	c.dated[a.ID] = keptDates{a.Path, d}
}

// keptDatesOf returns the dates kept of a, if they were.
func (c *Collection) keptDatesOf(a *corpus.Article) (DateReading, bool) {
	c.ownMu.RLock()
	defer c.ownMu.RUnlock()
	d, ok := c.dated[a.ID]
	if !ok || d.path != a.Path {
		return DateReading{}, false
	}
	return d.dates, true
}
