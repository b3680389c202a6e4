// Package search finds articles in a collection of Arabic news by what a
// reader types: words, "exact phrases", prefix* and -excluded words.
//
// The index lives in memory and grows while a collection streams in. It
// stores each word of the collection once, folded (see arabic.Fold) but
// never cut: clitics and suffixes are dealt with when a query comes, by
// looking up the forms of each query word that the collection holds
// (arabic.Forms). A query for اسد finds الأسد، للأسد، والأسد, while
// ايران, كانون or وزارة are never stemmed to other words, and the surface
// form scores above its clitic and suffixed forms, so exact matches rank
// first. Ranking is BM25 with the title weighted above the body; positions
// are kept for phrases.
package search

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"runtime"
	"sahifa/corpus/background"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// Index is an in-memory search index over articles, safe for concurrent
// Add and Search.
type Index struct {
	mu    sync.RWMutex
	terms *vocab            // folded words, numbered
	post  []postings        // term id → its postings
	skips map[uint32][]skip // term id → checkpoints in its postings, if long
	slot  []uint32          // term id → its group in the article being inserted
	docs  []docInfo
	lens  [][2]uint32 // words in each document's title and body, apart from docs for the cache's sake
	sumT  uint64      // title words over all documents, for the average length
	sumB  uint64      // body words

	normMu sync.Mutex
	norm   [][2]float32 // per document, for BM25F (see norms)

	sortMu  sync.Mutex
	sorted  []uint32    // term ids in the order of their names, for prefix queries
	sorting atomic.Bool // a goroutine is bringing sorted up to date
	quiet   *time.Timer // sorts once Adds stop coming
}

// postings is the list of documents holding one term, as a byte stream:
// for each document, uvarint(doc − previous doc), uvarint(tf<<2 | title
// tf capped at 3), uvarint(length of the positions), then the positions
// as uvarint deltas. Documents come in increasing order since Add numbers
// them as they come.
type postings struct {
	data []byte
	last uint32 // last document added
	df   uint32
}

type docInfo struct {
	a     *corpus.Article
	lenT  uint32   // words in the title
	paras []uint32 // the position of each paragraph's first word
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{terms: newVocab(), skips: map[uint32][]skip{}}
}

// Len returns the number of articles in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// analysed is an article cut into folded words, made before taking the
// index's lock so that searches are not held up by the folding. Positions
// number the title's words from 0, then the body's, each paragraph after a
// gap of one so that a phrase never runs from one into the next.
type analysed struct {
	a          *corpus.Article
	buf        []byte   // the folded words back to back
	ends       []uint32 // where each word ends in buf
	pos        []uint32 // each word's position
	lenT, lenB uint32
	paras      []uint32
}

// analysedPool recycles analysed articles: their words are garbage once
// inserted, and a load of SaudiNewsNet would otherwise leave some 150 MB of
// it for the collector, which lets the heap grow that much further.
var analysedPool = sync.Pool{New: func() any { return new(analysed) }}

func analyse(a *corpus.Article, scratch []byte) (*analysed, []byte) {
	an := analysedPool.Get().(*analysed)
	*an = analysed{a: a, buf: an.buf[:0], ends: an.ends[:0], pos: an.pos[:0]}
	p := uint32(0)
	add := func(text string) uint32 {
		n := uint32(0)
		scratch = arabic.FoldWords(text, scratch, func(t arabic.Token, f []byte) {
			if noWord(text[t.Start:t.End], f) {
				return
			}
			an.buf = append(an.buf, f...)
			an.ends = append(an.ends, uint32(len(an.buf)))
			an.pos = append(an.pos, p)
			p++
			n++
		})
		p++ // the gap
		return n
	}
	an.lenT = add(a.Title)
	an.paras = make([]uint32, len(a.Paragraphs))
	for i, para := range a.Paragraphs {
		an.paras[i] = p
		an.lenB += add(para.Text)
	}
	return an, scratch
}

// Add indexes articles; it may be called many times, while other
// goroutines search. Articles are numbered in the order they are added,
// and that order breaks ties between equal scores.
func (ix *Index) Add(articles ...*corpus.Article) {
	// Cutting and folding words is most of the work and needs no lock:
	// workers do it for chunks of articles while this goroutine puts the
	// chunks into the index in order.
	const chunk = 32
	workers := min(runtime.GOMAXPROCS(0), (len(articles)+chunk-1)/chunk)
	if workers <= 1 {
		background.Do(func() {
			var scratch []byte
			var in inserter
			for _, a := range articles {
				if a != nil {
					var an *analysed
					an, scratch = analyse(a, scratch)
					ix.insert([]*analysed{an}, &in)
				}
			}
		})
		ix.sortLater()
		return
	}
	type job struct {
		arts []*corpus.Article
		out  chan []*analysed
	}
	jobs := make(chan job, workers)
	queue := make(chan chan []*analysed, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			background.Thread()
			var scratch []byte
			for j := range jobs {
				slot := background.Take()
				ans := make([]*analysed, 0, len(j.arts))
				for _, a := range j.arts {
					if a != nil {
						var an *analysed
						an, scratch = analyse(a, scratch)
						ans = append(ans, an)
					}
				}
				j.out <- ans // never waits: room for one
				slot.Release()
			}
		})
	}
	go func() {
		for i := 0; i < len(articles); i += chunk {
			j := job{articles[i:min(i+chunk, len(articles))], make(chan []*analysed, 1)}
			queue <- j.out
			jobs <- j
		}
		close(jobs)
		close(queue)
	}()
	var in inserter
	for out := range queue {
		ans := <-out
		background.Do(func() { ix.insert(ans, &in) })
	}
	wg.Wait()
	ix.sortLater()
}

// sortLater brings the sorted terms up to date in the background: at
// once when the new terms are an eighth of the vocabulary, otherwise once
// no Add has come for sortQuiet. The first prefix query after a load then
// finds the quarter million words of a collection sorted, and a streamed
// load does not re-sort after every batch.
func (ix *Index) sortLater() {
	ix.mu.RLock()
	ix.sortMu.Lock()
	fresh := ix.terms.len() - len(ix.sorted)
	ix.sortMu.Unlock()
	ix.mu.RUnlock()
	if fresh == 0 {
		return
	}
	if fresh > ix.terms.len()/8 && ix.sorting.CompareAndSwap(false, true) {
		go func() {
			defer ix.sorting.Store(false)
			background.Thread()
			background.Do(func() {
				ix.mu.RLock()
				defer ix.mu.RUnlock()
				ix.sortedTerms()
			})
		}()
		return
	}
	ix.sortMu.Lock()
	defer ix.sortMu.Unlock()
	if ix.quiet == nil {
		ix.quiet = time.AfterFunc(sortQuiet, func() {
			background.Thread()
			background.Do(func() {
				ix.mu.RLock()
				defer ix.mu.RUnlock()
				ix.sortedTerms()
			})
		})
	} else {
		ix.quiet.Reset(sortQuiet)
	}
}

const sortQuiet = 100 * time.Millisecond

// insert puts analysed articles into the index under its lock.
func (ix *Index) insert(ans []*analysed, in *inserter) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, an := range ans {
		ix.insertOne(an, in)
		an.a, an.paras = nil, nil
		analysedPool.Put(an)
	}
}

// inserter is the scratch space of insert, kept from one article to the
// next.
type inserter struct {
	group  []uint32 // each word's group: its term in this article
	groups []group
	flat   []uint32 // the positions of every group, group after group
	posBuf []byte
}

// group gathers the occurrences of one term in the article being inserted.
type group struct {
	id       uint32
	prevLast uint32 // the term's last document before this one
	had      bool   // the term was in an earlier document
	n, tt    int    // occurrences, and of them in the title
	off      int    // where its positions start in flat
}

func (ix *Index) insertOne(an *analysed, in *inserter) {
	doc := uint32(len(ix.docs))
	ix.docs = append(ix.docs, docInfo{a: an.a, lenT: an.lenT, paras: an.paras})
	ix.lens = append(ix.lens, [2]uint32{an.lenT, an.lenB})
	ix.sumT += uint64(an.lenT)
	ix.sumB += uint64(an.lenB)

	// Group the words by term in one pass and a counting sort, marking a
	// term as seen in this document by setting its postings' last to doc
	// at once (the document before is kept in the group).
	in.group, in.groups = in.group[:0], in.groups[:0]
	start := uint32(0)
	for i, end := range an.ends {
		w := an.buf[start:end]
		start = end
		id := ix.terms.intern(w)
		if int(id) == len(ix.post) {
			ix.post = append(ix.post, postings{})
			ix.slot = append(ix.slot, 0)
		}
		pl := &ix.post[id]
		if pl.df == 0 || pl.last != doc {
			ix.slot[id] = uint32(len(in.groups))
			in.groups = append(in.groups, group{id: id, prevLast: pl.last, had: pl.df > 0})
			pl.last = doc
			pl.df++
		}
		g := &in.groups[ix.slot[id]]
		g.n++
		if an.pos[i] < an.lenT {
			g.tt++
		}
		in.group = append(in.group, ix.slot[id])
	}
	off := 0
	for i := range in.groups {
		in.groups[i].off = off
		off += in.groups[i].n
		in.groups[i].n = 0
	}
	in.flat = slices.Grow(in.flat[:0], off)[:off]
	for i, g := range in.group {
		gr := &in.groups[g]
		in.flat[gr.off+gr.n] = an.pos[i]
		gr.n++
	}
	for _, g := range in.groups {
		pl := &ix.post[g.id]
		in.posBuf = in.posBuf[:0]
		prev := uint32(0)
		for _, p := range in.flat[g.off : g.off+g.n] {
			in.posBuf = binary.AppendUvarint(in.posBuf, uint64(p-prev))
			prev = p
		}
		delta := doc
		if g.had {
			delta = doc - g.prevLast
			if (pl.df-1)%skipEvery == 0 {
				ix.skips[g.id] = append(ix.skips[g.id], skip{prev: g.prevLast, off: uint32(len(pl.data))})
			}
		}
		var hdr [3 * binary.MaxVarintLen32]byte
		h := binary.AppendUvarint(hdr[:0], uint64(delta))
		h = binary.AppendUvarint(h, uint64(g.n)<<2|uint64(min(g.tt, 3)))
		h = binary.AppendUvarint(h, uint64(len(in.posBuf)))
		if need := len(pl.data) + len(h) + len(in.posBuf); need > cap(pl.data) {
			// Grow by half, not double as append does: postings are
			// most of the index, and a doubled slice is half empty just
			// after it grew. (A quarter saves 2 MB more over
			// SaudiNewsNet but copies twice as much.)
			grown := make([]byte, len(pl.data), need+need/2)
			copy(grown, pl.data)
			pl.data = grown
		}
		pl.data = append(append(pl.data, h...), in.posBuf...)
	}
}

// skip is a checkpoint in a long postings stream, every skipEvery
// documents: where a document's entry starts and the document before it.
// A required word that is common (في، على) is then read only around the
// few documents the rarer words left, not from end to end.
type skip struct {
	prev uint32 // the document before the entry at off
	off  uint32
}

const skipEvery = 64

// cursor walks a postings stream.
type cursor struct {
	data  []byte
	skips []skip
	off   int
	doc   uint32
	tf    uint32 // occurrences in the document
	tt    uint32 // of which in the title, capped at 3
	pos   int    // where the positions start in data
	npos  int    // their length in bytes
	valid bool   // doc, tf, tt, pos and npos describe an entry
}

func (c *cursor) next() bool {
	if c.off >= len(c.data) {
		c.valid = false
		return false
	}
	var d, f, l uint64
	d, c.off = uvarint(c.data, c.off)
	f, c.off = uvarint(c.data, c.off)
	l, c.off = uvarint(c.data, c.off)
	c.doc += uint32(d)
	c.tf, c.tt = uint32(f>>2), uint32(f&3)
	c.pos, c.npos = c.off, int(l)
	c.off += int(l)
	c.valid = true
	return true
}

// uvarint reads the uvarint at data[off:] and returns it and the offset
// after it; most numbers in postings fit in one byte.
func uvarint(data []byte, off int) (uint64, int) {
	if b := data[off]; b < 0x80 {
		return uint64(b), off + 1
	}
	v, k := binary.Uvarint(data[off:])
	if k <= 0 {
		return 0, len(data) // cannot happen: the index wrote these bytes
	}
	return v, off + k
}

// seek moves to the first entry for a document ≥ target, never backwards,
// and reports whether there is one.
func (c *cursor) seek(target uint32) bool {
	if c.valid && c.doc >= target {
		return true
	}
	// The last checkpoint whose entry is at or before target.
	i, _ := slices.BinarySearchFunc(c.skips, target, func(s skip, t uint32) int { return cmp.Compare(s.prev, t) })
	if i > 0 && int(c.skips[i-1].off) > c.off {
		c.off, c.doc = int(c.skips[i-1].off), c.skips[i-1].prev
	}
	for c.next() {
		if c.doc >= target {
			return true
		}
	}
	return false
}

// appendPositions appends the positions stored at data[off:off+n].
func appendPositions(dst []uint32, data []byte, off, n int) []uint32 {
	p := uint32(0)
	for end := off + n; off < end; {
		var d uint64
		d, off = uvarint(data, off)
		p += uint32(d)
		dst = append(dst, p)
	}
	return dst
}

// sortedTerms returns every term id in the order of the terms' names,
// merging in those added since the last call. The caller holds ix.mu for
// reading.
func (ix *Index) sortedTerms() []uint32 {
	ix.sortMu.Lock()
	defer ix.sortMu.Unlock()
	n := ix.terms.len()
	if len(ix.sorted) == n {
		return ix.sorted
	}
	cmp := func(a, b uint32) int { return bytes.Compare(ix.terms.name(a), ix.terms.name(b)) }
	fresh := make([]uint32, 0, n-len(ix.sorted))
	for id := len(ix.sorted); id < n; id++ {
		fresh = append(fresh, uint32(id))
	}
	slices.SortFunc(fresh, cmp)
	merged := make([]uint32, 0, n)
	i, j := 0, 0
	for i < len(ix.sorted) && j < len(fresh) {
		if cmp(ix.sorted[i], fresh[j]) <= 0 {
			merged = append(merged, ix.sorted[i])
			i++
		} else {
			merged = append(merged, fresh[j])
			j++
		}
	}
	merged = append(merged, ix.sorted[i:]...)
	merged = append(merged, fresh[j:]...)
	ix.sorted = merged
	return merged
}
