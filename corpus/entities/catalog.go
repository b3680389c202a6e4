package entities

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// Catalog gathers the entities of a whole collection, so that a reader
// can show the most named ones and every article that names one. It is
// safe for concurrent use: extraction can fill it while a reader asks.
//
// Across articles a lone family name joins a full name more cautiously
// than within one: only when the collection holds exactly one person's
// full name ending with it (بوتين → فلاديمير بوتين).
//
// What Extract spreads grows with the collection, so an article read
// early may gain names later articles teach. Generation and Stale tell
// which articles a second reading would change, and Replace records it.
type Catalog struct {
	mu      sync.Mutex
	entries map[string]*catalogEntry
	byFirst map[string][]string // entry keys by the first folded word of their labels
	order   map[string]int      // article ID → when it was added
	alias   map[string]string
	dirty   bool

	// gen counts the changes to the names known with confidence;
	// learnt holds the generation at which each such name (its folded
	// words, space-separated) was last learnt or forgotten, by its first
	// word, which is what Extract looks names up by.
	gen    uint64
	learnt map[string]map[string]uint64
}

type catalogEntry struct {
	key      string
	labels   map[string]int
	words    map[string][]string // each label's folded words
	kinds    [4]int
	mentions int
	articles []string
	has      map[string]bool
}

// Ranked is an entity of the collection and the number of articles that
// name it.
type Ranked struct {
	Entity   Entity
	Articles int
}

// NewCatalog returns an empty Catalog.
func NewCatalog() *Catalog {
	return &Catalog{entries: map[string]*catalogEntry{}, order: map[string]int{}, byFirst: map[string][]string{},
		learnt: map[string]map[string]uint64{}}
}

// Add records the entities es that Extract found in article a, and
// reports whether it did: adding an article a second time changes nothing
// (Replace a second reading).
func (c *Catalog) Add(a *corpus.Article, es []Entity) bool {
	if a == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.order[a.ID]; ok {
		return false
	}
	c.order[a.ID] = len(c.order)
	c.apply(a.ID, nil, es)
	return true
}

// Replace records that article a, added with the entities old, now has
// the entities es, as reading it again through the grown catalog found.
// An article not added before is added.
func (c *Catalog) Replace(a *corpus.Article, old, es []Entity) {
	if a == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.order[a.ID]; !ok {
		c.order[a.ID] = len(c.order)
		old = nil
	}
	c.apply(a.ID, old, es)
}

// confidence is what Extract sees of an entry: whether it is known with
// confidence, and under which labels.
type confidence struct {
	known  bool
	labels []string
}

func (en *catalogEntry) confidence() confidence {
	if en == nil || !en.confident() {
		return confidence{}
	}
	return confidence{true, slices.Sorted(maps.Keys(en.labels))}
}

// apply takes article id's entities old away and adds es, and moves the
// generation on if that changes the names known with confidence.
func (c *Catalog) apply(id string, old, es []Entity) {
	before := map[string]confidence{}
	for _, e := range slices.Concat(old, es) {
		if _, ok := before[e.Key]; !ok {
			before[e.Key] = c.entries[e.Key].confidence()
		}
	}
	for _, e := range old {
		en := c.entries[e.Key]
		if en == nil {
			continue
		}
		n := len(e.Mentions)
		if en.labels[e.Label] -= n; en.labels[e.Label] <= 0 {
			delete(en.labels, e.Label)
			delete(en.words, e.Label)
		}
		en.kinds[e.Kind&3] -= n
		en.mentions -= n
		if en.has[id] {
			delete(en.has, id)
			en.articles = slices.DeleteFunc(en.articles, func(a string) bool { return a == id })
		}
	}
	for _, e := range es {
		en := c.entries[e.Key]
		if en == nil {
			en = &catalogEntry{key: e.Key, labels: map[string]int{}, words: map[string][]string{}, has: map[string]bool{}}
			c.entries[e.Key] = en
			c.dirty = true
		}
		if en.labels[e.Label] == 0 {
			words := foldedWords(e.Label)
			en.words[e.Label] = words
			if len(words) > 0 && !slices.Contains(c.byFirst[words[0]], e.Key) {
				c.byFirst[words[0]] = append(c.byFirst[words[0]], e.Key)
			}
		}
		en.labels[e.Label] += len(e.Mentions)
		en.kinds[e.Kind&3] += len(e.Mentions)
		en.mentions += len(e.Mentions)
		if !en.has[id] {
			en.has[id] = true
			en.articles = append(en.articles, id)
		}
	}
	changed := false
	for k, was := range before {
		en := c.entries[k]
		known := en != nil && en.confident()
		if en != nil && len(en.articles) == 0 {
			delete(c.entries, k)
			c.dirty = true
		}
		if was.known == known && (!known || len(was.labels) == len(en.labels) &&
			!slices.ContainsFunc(was.labels, func(l string) bool { return en.labels[l] == 0 })) {
			continue
		}
		// Names that start with a label's first word are looked up by
		// it: those of every label, before and after, change.
		now := en.confidence()
		for _, l := range slices.Concat(was.labels, now.labels) {
			if words := foldedWords(l); len(words) > 0 {
				if c.learnt[words[0]] == nil {
					c.learnt[words[0]] = map[string]uint64{}
				}
				c.learnt[words[0]][strings.Join(words, " ")] = c.gen + 1
			}
		}
		changed = true
	}
	if changed {
		c.gen++
	}
}

// resolve finds, for each one-word person key, the one full name of the
// collection it stands for, if there is exactly one.
func (c *Catalog) resolve() {
	if !c.dirty && c.alias != nil {
		return
	}
	byLast := map[string][]string{}
	for k, en := range c.entries {
		if i := strings.LastIndexByte(k, ' '); i >= 0 && en.kind() == Person {
			byLast[k[i+1:]] = append(byLast[k[i+1:]], k)
		}
	}
	c.alias = map[string]string{}
	for k, en := range c.entries {
		if full := byLast[k]; len(full) == 1 && !strings.Contains(k, " ") && en.kind() == Person {
			c.alias[k] = full[0]
		}
	}
	c.dirty = false
}

func (en *catalogEntry) kind() Kind {
	k := 0
	for i := range en.kinds {
		if en.kinds[i] > en.kinds[k] {
			k = i
		}
	}
	return Kind(k)
}

// Top returns the n entities named in the most articles, most first; ties
// go to the entity with more mentions. n ≤ 0 returns them all.
func (c *Catalog) Top(n int) []Ranked {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.resolve()
	type total struct {
		entity   Entity
		articles map[string]bool
		mentions int
		labels   map[string]int
	}
	totals := map[string]*total{}
	for k, en := range c.entries {
		canon := k
		if full, ok := c.alias[k]; ok {
			canon = full
		}
		t := totals[canon]
		if t == nil {
			t = &total{articles: map[string]bool{}, labels: map[string]int{}}
			totals[canon] = t
		}
		for _, id := range en.articles {
			t.articles[id] = true
		}
		t.mentions += en.mentions
		if canon == k {
			t.entity = Entity{Key: k, Kind: en.kind()}
			for l, m := range en.labels {
				t.labels[l] += m
			}
		}
	}
	out := make([]Ranked, 0, len(totals))
	mentions := map[string]int{}
	for k, t := range totals {
		best := ""
		for l, m := range t.labels {
			if best == "" || m > t.labels[best] || m == t.labels[best] && l < best {
				best = l
			}
		}
		t.entity.Label = best
		mentions[k] = t.mentions
		out = append(out, Ranked{Entity: t.entity, Articles: len(t.articles)})
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), cmp.Compare(mentions[b.Entity.Key], mentions[a.Entity.Key]),
			strings.Compare(a.Entity.Key, b.Entity.Key))
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// Articles returns the IDs of the articles that name the entity key, in
// the order they were added; a full name's articles include those that
// name the person by family name alone.
func (c *Catalog) Articles(key string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.resolve()
	if full, ok := c.alias[key]; ok {
		key = full
	}
	var out []string
	seen := map[string]bool{}
	add := func(en *catalogEntry) {
		for _, id := range en.articles {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	if en := c.entries[key]; en != nil {
		add(en)
	}
	for short, full := range c.alias {
		if full == key {
			add(c.entries[short])
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Compare(c.order[a], c.order[b]) })
	return out
}

// Thresholds of confidence for spreading a name from the collection into
// an article where the tagger missed it: named in this many articles
// (more for a one-word name, which is likelier a common word too), and
// with this share of its mentions of one kind.
const (
	confidentArticles     = 2
	confidentArticlesWord = 3
	confidentShare        = 0.9
)

// Extract is the package-level Extract that also marks, more cautiously
// than within one article, the names the collection knows with confidence:
// a name found with one kind in several articles is found in this one
// wherever it is written, even where the tagger missed it. The catalog is
// not changed: Add the result to it.
func (c *Catalog) Extract(a *corpus.Article) []Entity {
	m, err := Default()
	if err != nil || a == nil {
		return nil
	}
	return m.extract(a, c)
}

// confident returns the names of the collection that start with one of
// the words and that it knows with confidence.
func (c *Catalog) confident(words map[string]bool) []knownName {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []knownName
	for w := range words {
		for _, k := range c.byFirst[w] {
			en := c.entries[k]
			if en == nil || !en.confident() {
				continue
			}
			kind := en.kind()
			for _, lw := range en.words {
				if len(lw) > 0 && lw[0] == w {
					out = append(out, knownName{lw, kind})
				}
			}
		}
	}
	return out
}

// confident reports whether the entry is named in enough articles, with
// one kind enough of the time, to be spread.
func (en *catalogEntry) confident() bool {
	need := confidentArticles
	if !strings.Contains(en.key, " ") {
		need = confidentArticlesWord
	}
	return len(en.articles) >= need && float64(en.kinds[en.kind()]) >= confidentShare*float64(en.mentions)
}

// Generation returns the catalog's generation, which moves on whenever
// the names it knows with confidence change. Read it before Extract and
// keep it with the result, to ask Stale later.
func (c *Catalog) Generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// Stale reports whether Extract might read article a differently now
// than at generation since: whether a name known with confidence whose
// every word a writes was learnt, or forgotten, since. It costs folding
// a's words, a fraction of extracting them.
func (c *Catalog) Stale(a *corpus.Article, since uint64) bool {
	if a == nil || c.Generation() == since {
		return false
	}
	// Fold outside the lock: extraction goes on meanwhile.
	words := map[string]bool{}
	var buf []byte
	for i := -1; i < len(a.Paragraphs); i++ {
		text := a.Title
		if i >= 0 {
			text = a.Paragraphs[i].Text
		}
		for _, t := range arabic.Tokens(text) {
			buf = arabic.AppendFold(buf[:0], text[t.Start:t.End])
			if !words[string(buf)] {
				words[string(buf)] = true
			}
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for w := range words {
		for name, g := range c.learnt[w] {
			if g > since && allIn(name, words) {
				return true
			}
		}
	}
	return false
}

// allIn reports whether every space-separated word of name is in words.
func allIn(name string, words map[string]bool) bool {
	for w := range strings.SplitSeq(name, " ") {
		if !words[w] {
			return false
		}
	}
	return true
}

// foldedWords returns the folded words of a label.
func foldedWords(label string) []string {
	var out []string
	for _, t := range arabic.Tokens(label) {
		out = append(out, arabic.Fold(label[t.Start:t.End]))
	}
	return out
}
