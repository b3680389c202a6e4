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
	// alias maps a one-word person key to the one full person name of
	// the collection that ends with it, and byLast holds the full person
	// names by their last word, both kept up to date by apply.
	alias  map[string]string
	byLast map[string]map[string]bool

	// gen counts the changes to the names known with confidence;
	// learnt holds the generation at which each such name (its folded
	// words, space-separated) was last learnt or forgotten, by its first
	// word, which is what Extract looks names up by.
	gen    uint64
	learnt map[string]map[string]uint64

	// known holds what confident found for each word at generation
	// knownGen: a catalog read through, unchanging, by a whole
	// collection (a second pass) finds each word's names once, where
	// going through every entry starting with a frequent word again for
	// every article grew with the collection.
	known    map[string]*knownNames // nil for a word that starts none
	knownGen uint64

	// ver counts every change, and top is the last ranking Top made, at
	// ver top.ver (all: every entity, not just the first few).
	ver uint64
	top struct {
		ver    uint64
		ranked []Ranked
		all    bool
	}
	// ranking holds every entity Top may rank, best first, as of the last
	// Top; touched are the entries changed since, which the next Top takes
	// out of it and puts back where they now belong.
	ranking []ranked
	touched map[*catalogEntry]bool
}

// labelWords are the folded words of a label and what notAName says of
// them.
type labelWords struct {
	words          []string
	name, uncommon bool
}

func newLabelWords(label string) labelWords {
	words := foldedWords(label)
	name := !notAName(words, Other, nil)
	return labelWords{words, name, name && !notAName(words, Other, commonWord)}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// isName reports whether the entry is a name a reader looks for: one of
// its labels could be, and for a person one that is not a common word
// alone (الدين, الخير: the second halves of صلاح الدين, عبد الخير).
func (en *catalogEntry) isName() bool {
	if en.kind() == Person {
		return en.uncommon > 0
	}
	return en.names > 0
}

// loneAdjective reports whether the entry is a person named by one word with
// the article that the collection joins to no full name: الصادق of محمد
// الصادق and of العمل المخلص الصادق alike, which a reader does not look
// for alone.
func (en *catalogEntry) loneAdjective() bool {
	return en.kind() == Person && !strings.Contains(en.key, " ") && definite(en.key)
}

type catalogEntry struct {
	key    string
	labels map[string]int
	words  map[string]labelWords // each label's folded words
	kinds  [4]int
	// names and uncommon count the labels that could be names (notAName
	// says no), and those of them that are not a common word alone.
	names, uncommon int
	mentions        int
	articles        []string
	has             map[string]bool
	// aliased marks a family name that stands for the one full name
	// ending with it, and shorts are the family names that stand for this
	// full name (realias).
	aliased bool
	shorts  []*catalogEntry
	// ranked is where the entry stood in the catalog's ranking, if it
	// did.
	ranked ranked
	inRank bool
}

// ranked is an entry of the catalog's ranking and its counts, the
// articles and mentions of a full name taking in those of its family name.
type ranked struct {
	en                 *catalogEntry
	articles, mentions int
}

// before reports whether a ranks before b: more articles, then more
// mentions, then the key.
func (a ranked) before(b ranked) bool {
	return cmp.Or(cmp.Compare(b.articles, a.articles), cmp.Compare(b.mentions, a.mentions), strings.Compare(a.en.key, b.en.key)) < 0
}

func compareRanked(a, b ranked) int {
	if a.before(b) {
		return -1
	}
	if b.before(a) {
		return 1
	}
	return 0
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
		learnt: map[string]map[string]uint64{}, touched: map[*catalogEntry]bool{},
		alias: map[string]string{}, byLast: map[string]map[string]bool{}}
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
	c.ver++
	before := map[string]confidence{}
	person := map[string]bool{}
	for _, e := range slices.Concat(old, es) {
		if _, ok := before[e.Key]; !ok {
			en := c.entries[e.Key]
			before[e.Key] = en.confidence()
			person[e.Key] = en != nil && en.kind() == Person
			if en != nil {
				c.touched[en] = true
			}
		}
	}
	for _, e := range old {
		en := c.entries[e.Key]
		if en == nil {
			continue
		}
		n := len(e.Mentions)
		if en.labels[e.Label] -= n; en.labels[e.Label] <= 0 {
			lw := en.words[e.Label]
			en.names -= b2i(lw.name)
			en.uncommon -= b2i(lw.uncommon)
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
			en = &catalogEntry{key: e.Key, labels: map[string]int{}, words: map[string]labelWords{}, has: map[string]bool{}}
			c.entries[e.Key] = en
			c.touched[en] = true
		}
		if en.labels[e.Label] == 0 {
			lw := newLabelWords(e.Label)
			en.words[e.Label] = lw
			en.names += b2i(lw.name)
			en.uncommon += b2i(lw.uncommon)
			if len(lw.words) > 0 && !slices.Contains(c.byFirst[lw.words[0]], e.Key) {
				c.byFirst[lw.words[0]] = append(c.byFirst[lw.words[0]], e.Key)
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
		gone := en != nil && len(en.articles) == 0
		if gone {
			delete(c.entries, k)
		}
		// Only persons stand for one another.
		if is := en != nil && !gone && en.kind() == Person; person[k] != is {
			if i := strings.LastIndexByte(k, ' '); i >= 0 {
				last := k[i+1:]
				if c.byLast[last] == nil {
					c.byLast[last] = map[string]bool{}
				}
				if is {
					c.byLast[last][k] = true
				} else if delete(c.byLast[last], k); len(c.byLast[last]) == 0 {
					delete(c.byLast, last)
				}
				c.realias(last)
			} else {
				c.realias(k)
			}
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

// realias works out again whether the one-word key k is a family name
// that stands for the one full person name of the collection ending with
// it (بوتين → فلاديمير بوتين), and touches the entries that changes.
func (c *Catalog) realias(k string) {
	en := c.entries[k]
	want := ""
	if full := c.byLast[k]; en != nil && len(full) == 1 && en.kind() == Person {
		for f := range full {
			want = f
		}
	}
	old, had := c.alias[k]
	if had && old == want && en != nil && en.aliased {
		return
	}
	if had {
		delete(c.alias, k)
		if f := c.entries[old]; f != nil {
			f.shorts = slices.DeleteFunc(f.shorts, func(o *catalogEntry) bool { return o.key == k })
			c.touched[f] = true
		}
	}
	if en != nil {
		en.aliased = want != ""
		c.touched[en] = true
	}
	if want != "" {
		c.alias[k] = want
		f := c.entries[want]
		f.shorts = append(f.shorts, en)
		c.touched[f] = true
	}
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
// go to the entity with more mentions. n ≤ 0 returns them all. What is
// no name alone (notAName: الله, رمضان, أمام, a title) is left out, and
// so is a person named only by a word with the article that no full name
// of the collection ends with.
//
// It costs one pass over the catalog's entries, without allocating for
// each, and nothing when the catalog has not changed since the last call:
// a reader may ask for it on every frame.
func (c *Catalog) Top(n int) []Ranked {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.top.ver == c.ver && c.top.ranked != nil && (c.top.all || n > 0 && n <= len(c.top.ranked)) {
		if n > 0 && n < len(c.top.ranked) {
			return slices.Clone(c.top.ranked[:n])
		}
		return slices.Clone(c.top.ranked)
	}
	c.rerank()
	best := c.ranking
	if n > 0 && len(best) > n {
		best = best[:n]
	}
	out := make([]Ranked, len(best))
	for i, r := range best {
		label := ""
		for l, m := range r.en.labels {
			if label == "" || m > r.en.labels[label] || m == r.en.labels[label] && l < label {
				label = l
			}
		}
		out[i] = Ranked{Entity: Entity{Key: r.en.key, Label: label, Kind: r.en.kind()}, Articles: r.articles}
	}
	c.top.ver, c.top.ranked, c.top.all = c.ver, out, n <= 0 || len(out) < n
	return slices.Clone(out)
}

// rerank brings c.ranking up to date: whole if which family name stands
// for which full name may have changed, else only for the entries touched
// since the last time (and the full names their family names stand for).
func (c *Catalog) rerank() {
	if c.ranking == nil {
		clear(c.touched)
		c.ranking = make([]ranked, 0, len(c.entries))
		for _, en := range c.entries {
			if en.inRank = en.rankable(); en.inRank {
				en.ranked = en.count()
				c.ranking = append(c.ranking, en.ranked)
			}
		}
		slices.SortFunc(c.ranking, compareRanked)
		return
	}
	for en := range c.touched {
		if en.aliased {
			if full := c.entries[c.alias[en.key]]; full != nil {
				c.touched[full] = true
			}
		}
	}
	for en := range c.touched {
		if en.inRank {
			if i, ok := slices.BinarySearchFunc(c.ranking, en.ranked, compareRanked); ok {
				c.ranking = slices.Delete(c.ranking, i, i+1)
			}
			en.inRank = false
		}
		if c.entries[en.key] == en && en.rankable() {
			en.ranked, en.inRank = en.count(), true
			i, _ := slices.BinarySearchFunc(c.ranking, en.ranked, compareRanked)
			c.ranking = slices.Insert(c.ranking, i, en.ranked)
		}
	}
	clear(c.touched)
}

// rankable reports whether Top ranks the entry: a name, not a family name
// that stands for a full name, nor a lone adjective.
func (en *catalogEntry) rankable() bool {
	return !en.aliased && en.isName() && !en.loneAdjective()
}

// count returns the entry's counts for the ranking: a full name's take in
// the articles that name the person by family name alone.
func (en *catalogEntry) count() ranked {
	r := ranked{en, len(en.articles), en.mentions}
	if len(en.shorts) == 0 {
		return r
	}
	seen := make(map[string]bool, len(en.articles))
	for _, id := range en.articles {
		seen[id] = true
	}
	for _, o := range en.shorts {
		for _, id := range o.articles {
			seen[id] = true
		}
		r.mentions += o.mentions
	}
	r.articles = len(seen)
	return r
}

// Articles returns the IDs of the articles that name the entity key, in
// the order they were added; a full name's articles include those that
// name the person by family name alone.
func (c *Catalog) Articles(key string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
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

// confident returns the names the collection knows with confidence that
// an article made of words could name: those that start with one of the
// words and whose other words are all among them. A common first word
// starts thousands of known names, and an article holds few of them.
func (c *Catalog) confident(words map[string]bool) []knownName {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.known == nil || c.knownGen != c.gen {
		c.known, c.knownGen = map[string]*knownNames{}, c.gen
	}
	var out []knownName
	add := func(ns []knownName) {
	names:
		for _, kn := range ns {
			for _, o := range kn.words[2:] {
				if !words[o] {
					continue names
				}
			}
			out = append(out, kn)
		}
	}
	for w := range words {
		kn, ok := c.known[w]
		if !ok {
			kn = indexBySecond(c.knownFrom(w))
			c.known[w] = kn
		}
		if kn == nil {
			continue
		}
		out = append(out, kn.single...)
		// Through whichever is shorter: the second words the names go
		// on with, or the article's words.
		if len(kn.bySecond) <= len(words) {
			for second, ns := range kn.bySecond {
				if words[second] {
					add(ns)
				}
			}
			continue
		}
		for second := range words {
			add(kn.bySecond[second])
		}
	}
	return out
}

// knownNames are the names known with confidence that start with one
// word: those of that word alone, and the longer ones by their second word.
type knownNames struct {
	single   []knownName
	bySecond map[string][]knownName
}

// indexBySecond indexes ns, all starting with one word; nil if there are
// none, as for most words.
func indexBySecond(ns []knownName) *knownNames {
	if len(ns) == 0 {
		return nil
	}
	kn := &knownNames{}
	for _, n := range ns {
		if len(n.words) == 1 {
			kn.single = append(kn.single, n)
			continue
		}
		if kn.bySecond == nil {
			kn.bySecond = map[string][]knownName{}
		}
		kn.bySecond[n.words[1]] = append(kn.bySecond[n.words[1]], n)
	}
	return kn
}

// knownFrom returns the names known with confidence that start with w.
func (c *Catalog) knownFrom(w string) []knownName {
	var out []knownName
	for _, k := range c.byFirst[w] {
		en := c.entries[k]
		if en == nil || !en.confident() {
			continue
		}
		kind := en.kind()
		for _, lw := range en.words {
			// A common word alone is a name only where an article's
			// context says so (صحيفة الوطن, not حب الوطن). A lone
			// word with the article is a person's family name in the
			// article that gives the full name, where spreading
			// within the article finds it; across the collection it
			// is far more often the adjective (الصادق, الخير).
			if len(lw.words) > 0 && lw.words[0] == w && lw.uncommon &&
				!(kind == Person && len(lw.words) == 1 && definite(lw.words[0])) {
				out = append(out, knownName{lw.words, kind})
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
	return len(en.articles) >= need && float64(en.kinds[en.kind()]) >= confidentShare*float64(en.mentions) && en.isName()
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
	for _, text := range articleTexts(a) {
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
