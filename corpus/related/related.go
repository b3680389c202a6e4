// Package related finds, for an article of a collection, the other
// reports of the same story, then the articles related to it, each with
// the reasons a reader would give.
//
// It works on the collection's search index (search.Index) and on the
// entities of its articles; it keeps of each article only a small
// Sketch, made when the article is added, so a collection that grows in
// batches adds sketches as it indexes and asks on demand. A query is
// Lucene's "more like this": the article's most distinctive words
// (search.Index.Terms), weighed by BM25F over the index
// (search.Index.MoreLike); the score, relative to the article's own, is
// raised by how alike the two ledes are (headline and opening words),
// lowered with the distance in time and raised when the titles share the
// article's distinctive words. An article near in time and close enough
// in words, lede and title is the same story; near-copies (the same wire
// text republished, by Sketch) are one row. The names both articles give
// are reasons shown, not weights.
package related

import (
	"cmp"
	"context"
	"hash/fnv"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/corpus/entities"
	"sahifa/corpus/search"
)

// Result is one row of the articles related to another.
type Result struct {
	Article *corpus.Article
	// Copies are near-copies of Article (the same text republished)
	// shown in its row, best first.
	Copies    []*corpus.Article
	Score     float64
	SameStory bool
	Reasons   Reasons
}

// Reasons says why an article is related to another.
type Reasons struct {
	Names      []string `json:"names"`    // names both give, as the asked article writes them
	Terms      []string `json:"words"`    // distinctive words both hold, folded
	SameDay    bool     `json:"same_day"` // dated the same day (known dates only)
	SameSource bool     `json:"same_source"`
	Copy       bool     `json:"copy"` // a near-copy of the asked article itself
	// Days is the time between the two articles' dates, in days; -1 when
	// a date is unknown.
	Days float64 `json:"days"`
}

// String gives the reasons as a line, such as
// "copy; same day; names: بوتين، الأسد; words: حميميم، قاعده".
func (r Reasons) String() string {
	var parts []string
	if r.Copy {
		parts = append(parts, "copy")
	}
	if r.SameDay {
		parts = append(parts, "same day")
	}
	if r.SameSource {
		parts = append(parts, "same source")
	}
	if len(r.Names) > 0 {
		parts = append(parts, "names: "+strings.Join(r.Names, "، "))
	}
	if len(r.Terms) > 0 {
		parts = append(parts, "words: "+strings.Join(r.Terms, "، "))
	}
	return strings.Join(parts, "; ")
}

// Finder finds related articles in a collection. It is safe for
// concurrent use.
type Finder struct {
	ix    *search.Index
	names func(*corpus.Article) []entities.Entity
	m     measure

	mu   sync.RWMutex
	info map[*corpus.Article]*record
}

type record struct {
	sketch   Sketch
	sketched bool // sketch is made
	lede     lede
	leded    bool // lede is read
	names    []name
	named    bool // names are known
}

// name is an entity of an article, as related weighs it.
type name struct{ key, label string }

// measure holds the parameters of the measure; see the README, Related,
// for what each does and how they were chosen.
type measure struct {
	likeTerms int // distinctive words a query has
	likePool  int // articles MoreLike returns, before time and titles
	// comparedPool is how many of them, the best by words and time, are
	// compared by title and sketch.
	comparedPool int
	// decayDays is the time over which the pull of a story fades to 1/e.
	decayDays float64
	// timeFloor is what is left of a score far in time: a related
	// article need not be recent.
	timeFloor float64
	// unknownTime stands for the decay when a date is unknown.
	unknownTime float64
	// titleBoost is how much more an article whose title holds all of
	// the asked title's distinctive words scores; titleSame is what that
	// share adds to the text's when deciding the same story.
	titleBoost, titleSame float64
	// sameStoryText is the share of the article's own score from which an
	// article within sameStoryDays is the same story.
	sameStoryText, sameStoryDays float64
	// sameStoryUndated is sameStoryText when a date is unknown.
	sameStoryUndated float64
	// copyDays bounds the time between near-copies.
	copyDays float64
	// feedbackDocs is how many of the first candidates within
	// sameStoryDays, with a text score of at least feedbackText, add
	// their words to the query, each weighing 1/feedbackDocs of the
	// article; the score of that grown query weighs feedbackWeight in a
	// candidate's text score, the article's own words the rest.
	feedbackDocs                 int
	feedbackText, feedbackWeight float64
	// ledeWords is how much of an article's opening, after its title,
	// makes its lede; ledeScore is how much the cosine of two ledes adds
	// to the text score, and ledeSame what it adds when deciding the same
	// story.
	ledeWords           int
	ledeScore, ledeSame float64
}

var defaultMeasure = measure{
	likeTerms:        30,
	likePool:         200,
	comparedPool:     60,
	decayDays:        3,
	timeFloor:        0.2,
	unknownTime:      0.6,
	titleBoost:       2,
	titleSame:        0.5,
	sameStoryText:    0.8,
	sameStoryDays:    1.5,
	sameStoryUndated: 0.65,
	copyDays:         2,
	feedbackDocs:     8,
	feedbackText:     0.6,
	feedbackWeight:   0.5,
	ledeWords:        80,
	ledeScore:        1,
	ledeSame:         1,
}

const (
	reasonTerms = 5
	reasonNames = 4
)

// New returns a Finder over the articles of ix. names gives an article's
// entities (entities.Extract, or a catalog's reading); it is called at
// query time, from any goroutine, for the articles whose entities were not
// given by SetNames, and may be nil.
func New(ix *search.Index, names func(*corpus.Article) []entities.Entity) *Finder {
	return &Finder{ix: ix, names: names, m: defaultMeasure, info: map[*corpus.Article]*record{}}
}

// Add makes the sketches of articles ahead of the queries that need them,
// spread over the processors; call it with the articles given to the
// index's Add, before or after. A Finder also works without: it makes
// the sketches of the few articles a query compares as it goes.
func (f *Finder) Add(articles ...*corpus.Article) {
	sketches := make([]Sketch, len(articles))
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(articles))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(articles); i += workers {
				if articles[i] != nil {
					sketches[i] = NewSketch(articles[i])
				}
			}
		})
	}
	wg.Wait()
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, a := range articles {
		if a == nil {
			continue
		}
		r := f.info[a]
		if r == nil {
			r = &record{}
			f.info[a] = r
		}
		if !r.sketched { // a query may be reading the sketch it made
			r.sketch, r.sketched = sketches[i], true
		}
	}
}

// Prepare makes the sketches and ledes of articles, one after another
// on the calling goroutine, until ctx is done, so that a first query
// finds those of its candidates made; it returns how many it went
// through. Call it once the index holds the whole collection: a lede
// weighs its words by the index's idf, and a lede made sooner would weigh
// them by a part of the collection. A query makes what is not yet made.
func (f *Finder) Prepare(ctx context.Context, articles []*corpus.Article) int {
	for i, a := range articles {
		if ctx.Err() != nil {
			return i
		}
		if a == nil {
			continue
		}
		r := f.record(a)
		f.sketchOf(a, r)
		f.ledeOf(a, r)
	}
	return len(articles)
}

// SetNames records the entities of a, read by the collection, so that no
// query has to read them again.
func (f *Finder) SetNames(a *corpus.Article, es []entities.Entity) {
	ns := namesOf(es)
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.info[a]
	if r == nil {
		r = &record{}
		f.info[a] = r
	}
	r.names, r.named = ns, true
}

func namesOf(es []entities.Entity) []name {
	ns := make([]name, 0, len(es))
	for _, e := range es {
		if e.Key != "" {
			ns = append(ns, name{key: e.Key, label: e.Label})
		}
	}
	return ns
}

func (f *Finder) record(a *corpus.Article) *record {
	f.mu.RLock()
	r := f.info[a]
	f.mu.RUnlock()
	if r == nil {
		r = &record{}
		f.mu.Lock()
		if old := f.info[a]; old != nil {
			r = old
		} else {
			f.info[a] = r
		}
		f.mu.Unlock()
	}
	return r
}

// sketchOf returns a's sketch, making it if need be.
func (f *Finder) sketchOf(a *corpus.Article, r *record) Sketch {
	return kept(&f.mu, &r.sketch, &r.sketched, func() Sketch { return NewSketch(a) })
}

// kept returns *v when *made says it is made, else makes it, outside the
// lock, and keeps it: two queries may both make it, and either is right.
func kept[T any](mu *sync.RWMutex, v *T, made *bool, build func() T) T {
	mu.RLock()
	x, ok := *v, *made
	mu.RUnlock()
	if ok {
		return x
	}
	x = build()
	mu.Lock()
	*v, *made = x, true
	mu.Unlock()
	return x
}

// namesFor returns a's names, reading them if need be.
func (f *Finder) namesFor(a *corpus.Article, r *record) []name {
	f.mu.RLock()
	ns, ok := r.names, r.named
	f.mu.RUnlock()
	if ok || f.names == nil {
		return ns
	}
	ns = namesOf(f.names(a))
	f.mu.Lock()
	r.names, r.named = ns, true
	f.mu.Unlock()
	return ns
}

// candidate is an article under consideration for a's related list.
type candidate struct {
	a      *corpus.Article
	rec    *record
	text   float64 // MoreLike score over a's own
	days   float64
	score  float64
	shared uint64
	copyOf bool // a near-copy of the asked article
	same   bool
	titled float64 // the share of a's title terms its title holds, by weight
	lede   float64 // the cosine of the two ledes
}

// inspect, when set by a test, sees the candidates that names were
// compared for, before the same story is decided.
var inspect func(a *corpus.Article, top []candidate)

// Related returns up to k rows of the articles related to a, the same
// story first, then the rest, each best first; k ≤ 0 means 10. a should
// be in the index; the others are found there.
func (f *Finder) Related(a *corpus.Article, k int) []Result {
	if a == nil {
		return nil
	}
	if k <= 0 {
		k = 10
	}
	terms := f.ix.Terms(a, f.m.likeTerms)
	cands := f.candidates(a, terms)
	if len(cands) == 0 {
		return nil
	}
	ra := f.record(a)
	if f.m.feedbackDocs > 0 && f.m.feedbackWeight > 0 {
		cands = f.refeed(a, terms, cands)
	}

	// Names are compared for the best few: reading an article's
	// entities may cost a millisecond when the collection has not yet.
	top := cands[:min(f.m.comparedPool, len(cands))]
	var la lede
	ledes := f.m.ledeScore > 0 || f.m.ledeSame > 0
	if ledes {
		la = f.ledeOf(a, ra)
	}
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(top))
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(top); i += workers {
				f.sketchOf(top[i].a, top[i].rec)
				if ledes {
					top[i].lede = la.cosine(f.ledeOf(top[i].a, top[i].rec))
				}
			}
		})
	}
	wg.Wait()
	sa := f.sketchOf(a, ra)
	inTitle := titleTerms(a.Title, terms)
	mass := 0.0
	for i, in := range inTitle {
		if in {
			mass += terms[i].Weight * terms[i].IDF
		}
	}
	for i := range top {
		c := &top[i]
		c.copyOf = f.m.nearCopy(sa, c.rec.sketch, c.days)
		c.score = (c.text + f.m.ledeScore*c.lede) * f.m.decay(c.days)
		if mass > 0 {
			for j, in := range titleTerms(c.a.Title, terms) {
				if in && inTitle[j] {
					c.titled += terms[j].Weight * terms[j].IDF / mass
				}
			}
			c.score *= 1 + f.m.titleBoost*c.titled
		}
	}
	if inspect != nil {
		inspect(a, top)
	}
	for i := range cands {
		cands[i].same = f.m.sameStory(&cands[i])
	}
	slices.SortFunc(top, func(x, y candidate) int {
		if x.same != y.same {
			if x.same {
				return -1
			}
			return 1
		}
		return byScore(x, y)
	})

	// Near-copies of one another make one row; copies of a make one row
	// too, since a reader needs only one of them.
	var rows []Result
	var reps []*record
	for _, c := range top {
		if len(rows) == k && !c.copyOf {
			break
		}
		joined := false
		for i, r := range reps {
			if rows[i].Reasons.Copy && c.copyOf || !rows[i].Reasons.Copy && !c.copyOf && f.m.nearCopy(r.sketch, c.rec.sketch, days(rows[i].Article, c.a)) {
				rows[i].Copies = append(rows[i].Copies, c.a)
				joined = true
				break
			}
		}
		if joined || len(rows) == k {
			continue
		}
		rows = append(rows, f.result(a, c, terms))
		reps = append(reps, c.rec)
	}
	f.nameReasons(a, ra, rows, reps)
	return rows
}

// byScore orders candidates best first, then by id so that ties are
// ordered the same from one run to the next.
func byScore(x, y candidate) int {
	if c := cmp.Compare(y.score, x.score); c != 0 {
		return c
	}
	return cmp.Compare(x.a.ID, y.a.ID)
}

// candidates returns the articles MoreLike finds for terms, but a, each
// scored relative to a's own score and lowered with the time between
// them, best first.
func (f *Finder) candidates(a *corpus.Article, terms []search.LikeTerm) []candidate {
	likes := f.ix.MoreLike(terms, f.m.likePool)
	self := 0.0
	for _, l := range likes {
		if l.Article == a {
			self = l.Score
		}
	}
	if self == 0 && len(likes) > 0 {
		self = likes[0].Score
	}
	if self == 0 {
		return nil
	}
	cands := make([]candidate, 0, len(likes))
	for _, l := range likes {
		if l.Article == a || l.Article.ID == a.ID {
			continue
		}
		c := candidate{a: l.Article, rec: f.record(l.Article), text: min(l.Score/self, 1), shared: l.Shared}
		c.days = days(a, l.Article)
		c.score = c.text * f.m.decay(c.days)
		cands = append(cands, c)
	}
	slices.SortFunc(cands, byScore)
	return cands
}

// refeed blends into each candidate's text score its score for the
// query grown by relevance feedback (Rocchio; Xu and Croft, "Query
// expansion using local and global document analysis", 1996): the words
// of the few candidates near in time and in words that are surely the
// same story added to the article's. Reports of one event share its
// particular words (the place, the toll, the names) more than any one of
// them shares with a report of a neighbouring event, so the words the
// first reports agree on find the others, and the reports the article's
// own words missed.
func (f *Finder) refeed(a *corpus.Article, terms []search.LikeTerm, cands []candidate) []candidate {
	weight := map[string]search.LikeTerm{}
	for _, t := range terms {
		weight[t.Word] = t
	}
	var reports []*corpus.Article
	for _, c := range cands {
		if len(reports) == f.m.feedbackDocs {
			break
		}
		if !(c.days > f.m.sameStoryDays) && c.text >= f.m.feedbackText {
			reports = append(reports, c.a)
		}
	}
	if len(reports) == 0 {
		return cands
	}
	// Reading a report's words is most of the feedback's cost, and the
	// reports are read apart.
	words := make([][]search.LikeTerm, len(reports))
	var wg sync.WaitGroup
	for i, r := range reports {
		wg.Go(func() { words[i] = f.ix.Terms(r, f.m.likeTerms) })
	}
	wg.Wait()
	for _, ts := range words {
		for _, t := range ts {
			w := weight[t.Word]
			w.Word, w.IDF = t.Word, t.IDF
			w.Weight += t.Weight / float64(f.m.feedbackDocs)
			weight[t.Word] = w
		}
	}
	grown := make([]search.LikeTerm, 0, len(weight))
	for _, t := range weight {
		grown = append(grown, t)
	}
	slices.SortFunc(grown, func(x, y search.LikeTerm) int {
		return cmp.Or(cmp.Compare(y.Weight*y.IDF, x.Weight*x.IDF), cmp.Compare(x.Word, y.Word))
	})
	grown = grown[:min(f.m.likeTerms, len(grown))]
	fed := f.candidates(a, grown)
	at := make(map[*corpus.Article]int, len(cands))
	for i, c := range cands {
		at[c.a] = i
		cands[i].text *= 1 - f.m.feedbackWeight
	}
	for _, c := range fed {
		if i, ok := at[c.a]; ok {
			cands[i].text += f.m.feedbackWeight * c.text
			continue
		}
		c.text *= f.m.feedbackWeight
		c.shared = 0 // shared words are the article's own
		cands = append(cands, c)
	}
	for i := range cands {
		cands[i].score = cands[i].text * f.m.decay(cands[i].days)
	}
	slices.SortFunc(cands, byScore)
	return cands
}

// nameReasons gives each row the names it shares with a. Names weigh
// nothing in the score: on the judged set they added nothing to the words
// and titles (see the README), and reading an article's entities costs
// about a millisecond when the collection has not yet, so only the rows
// shown are read.
func (f *Finder) nameReasons(a *corpus.Article, ra *record, rows []Result, reps []*record) {
	qn := f.namesFor(a, ra)
	if len(qn) == 0 {
		return
	}
	var wg sync.WaitGroup
	for i := range rows {
		wg.Go(func() {
			cn := f.namesFor(rows[i].Article, reps[i])
			for _, n := range qn {
				if len(rows[i].Reasons.Names) < reasonNames && slices.ContainsFunc(cn, func(m name) bool { return m.key == n.key }) {
					rows[i].Reasons.Names = append(rows[i].Reasons.Names, n.label)
				}
			}
		})
	}
	wg.Wait()
}

// sameStory reports whether c reports the same story as the asked
// article: a copy of it, or near in time and in words; without a date,
// nearer in words.
func (m measure) sameStory(c *candidate) bool {
	near := c.text + m.titleSame*c.titled + m.ledeSame*c.lede
	if math.IsNaN(c.days) {
		return c.copyOf || near >= m.sameStoryUndated
	}
	return c.copyOf || c.days <= m.sameStoryDays && near >= m.sameStoryText
}

// lede is an article's headline and opening words, each weighed as
// Terms weighs it times its idf: where a news report says what happened.
// Words are kept as 32-bit hashes with their weights, in order, so that a
// lede costs about half a kilobyte however long its words (a collection
// keeps one for every article) and two compare by one merge. Two words of
// two ledes share a hash by chance about once in a million comparisons of
// ledes of 60 words, and then add one word's weight to a cosine.
type lede struct {
	words []ledeWord
	norm  float64
}

type ledeWord struct {
	hash   uint32
	weight float32
}

// ledeOf returns a's lede, reading it if need be.
func (f *Finder) ledeOf(a *corpus.Article, r *record) lede {
	return kept(&f.mu, &r.lede, &r.leded, func() lede { return f.lede(a) })
}

// lede returns a's lede: its title and its first ledeWords words, a short
// opening paragraph (a dateline, a caption: "عين اليوم – كابول") left out.
// Two reports of one event tell it in their first sentences, and differ
// after, in background and reactions, which a report of a neighbouring
// event shares: the ledes tell them apart where the whole texts do not.
func (f *Finder) lede(a *corpus.Article) lede {
	opening := &corpus.Article{Title: a.Title}
	words := 0
	for _, p := range a.Paragraphs {
		if words >= f.m.ledeWords {
			break
		}
		fs := strings.Fields(p.Text)
		if words == 0 && len(fs) < 4 {
			continue
		}
		opening.Paragraphs = append(opening.Paragraphs, corpus.Paragraph{Text: strings.Join(fs[:min(len(fs), f.m.ledeWords-words)], " ")})
		words += len(fs)
	}
	terms := f.ix.Terms(opening, 4*f.m.ledeWords)
	l := lede{words: make([]ledeWord, len(terms))}
	for i, t := range terms {
		h := fnv.New32a()
		h.Write([]byte(t.Word))
		w := float32(t.Weight * t.IDF)
		l.words[i] = ledeWord{hash: h.Sum32(), weight: w}
		l.norm += float64(w) * float64(w)
	}
	l.norm = math.Sqrt(l.norm)
	slices.SortFunc(l.words, func(x, y ledeWord) int { return cmp.Compare(x.hash, y.hash) })
	return l
}

// cosine returns the cosine of two ledes.
func (l lede) cosine(m lede) float64 {
	if l.norm == 0 || m.norm == 0 {
		return 0
	}
	dot := 0.0
	for i, j := 0, 0; i < len(l.words) && j < len(m.words); {
		switch x, y := l.words[i], m.words[j]; {
		case x.hash < y.hash:
			i++
		case x.hash > y.hash:
			j++
		default:
			dot += float64(x.weight) * float64(y.weight)
			i++
			j++
		}
	}
	return dot / (l.norm * m.norm)
}

// titleTerms reports which of terms the title holds, behind clitics.
func titleTerms(title string, terms []search.LikeTerm) []bool {
	in := make([]bool, len(terms))
	for _, t := range arabic.Tokens(title) {
		for _, w := range arabic.WithoutProclitics(arabic.Fold(title[t.Start:t.End])) {
			for i, term := range terms {
				if term.Word == w {
					in[i] = true
				}
			}
		}
	}
	return in
}

// nearCopy reports whether two articles d days apart are copies of one
// text: a republished wire story is within copyDays, while the same
// template filled in again a week later (the fifth relief flight, the
// sixth) is another story.
func (m measure) nearCopy(s, t Sketch, d float64) bool {
	return !(d > m.copyDays) && s.Resemblance(t) >= copyResemblance
}

func (f *Finder) result(a *corpus.Article, c candidate, terms []search.LikeTerm) Result {
	r := Result{Article: c.a, Score: c.score, SameStory: c.same}
	r.Reasons.Copy = c.copyOf
	r.Reasons.Days = -1
	if !math.IsNaN(c.days) {
		r.Reasons.Days = math.Round(c.days*10) / 10
	}
	r.Reasons.SameDay = !math.IsNaN(c.days) && sameDay(a.Date, c.a.Date)
	r.Reasons.SameSource = a.Source != "" && a.Source == c.a.Source
	for i, t := range terms {
		if i < 64 && c.shared&(1<<i) != 0 && len(r.Reasons.Terms) < reasonTerms {
			r.Reasons.Terms = append(r.Reasons.Terms, t.Word)
		}
	}
	return r
}

// days returns the days between a and b, NaN when either date is unknown.
func days(a, b *corpus.Article) float64 {
	if a.DateFrom == corpus.DateUnknown || b.DateFrom == corpus.DateUnknown || a.Date.IsZero() || b.Date.IsZero() {
		return math.NaN()
	}
	return math.Abs(a.Date.Sub(b.Date).Hours()) / 24
}

// decay is what a score keeps at a distance of d days.
func (m measure) decay(d float64) float64 {
	if math.IsNaN(d) {
		return m.unknownTime
	}
	return m.timeFloor + (1-m.timeFloor)*math.Exp(-d/m.decayDays)
}

func sameDay(a, b time.Time) bool {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	return ya == yb && ma == mb && da == db
}
