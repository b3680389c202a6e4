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
	"encoding/binary"
	"slices"
	"sync"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// Index is an in-memory search index over articles, safe for concurrent
// Add and Search.
type Index struct {
	mu    sync.RWMutex
	terms map[string]uint32 // folded word → term id
	names []string          // term id → folded word
	post  []postings        // term id → its postings
	docs  []docInfo
	sumT  uint64 // title words over all documents, for the average length
	sumB  uint64 // body words

	sortMu sync.Mutex
	sorted []uint32 // term ids in the order of their names, for prefix queries
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
	a          *corpus.Article
	lenT, lenB uint32 // words in the title and in the body
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{terms: map[string]uint32{}}
}

// Len returns the number of articles in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// Positions: the title's words from 0, then the body's, each paragraph
// after a gap of one so that a phrase never runs from one into the next.

// analysed is an article cut into folded words, made before taking the
// index's lock so that searches are not held up by the folding.
type analysed struct {
	a          *corpus.Article
	buf        []byte   // the folded words back to back
	ends       []uint32 // where each word ends in buf
	pos        []uint32 // each word's position
	lenT, lenB uint32
}

func analyse(a *corpus.Article, toks []arabic.Token) (*analysed, []arabic.Token) {
	an := &analysed{a: a}
	p := uint32(0)
	add := func(text string) uint32 {
		toks = arabic.AppendWords(toks[:0], text)
		for _, t := range toks {
			an.buf = arabic.AppendFold(an.buf, text[t.Start:t.End])
			an.ends = append(an.ends, uint32(len(an.buf)))
			an.pos = append(an.pos, p)
			p++
		}
		p++ // the gap
		return uint32(len(toks))
	}
	an.lenT = add(a.Title)
	for _, para := range a.Paragraphs {
		an.lenB += add(para.Text)
	}
	return an, toks
}

// Add indexes articles; it may be called many times, while other
// goroutines search.
func (ix *Index) Add(articles ...*corpus.Article) {
	var toks []arabic.Token
	var keys []uint64
	for _, a := range articles {
		if a == nil {
			continue
		}
		var an *analysed
		an, toks = analyse(a, toks)
		keys = ix.insert(an, keys)
	}
}

func (ix *Index) insert(an *analysed, keys []uint64) []uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	doc := uint32(len(ix.docs))
	ix.docs = append(ix.docs, docInfo{a: an.a, lenT: an.lenT, lenB: an.lenB})
	ix.sumT += uint64(an.lenT)
	ix.sumB += uint64(an.lenB)

	keys = keys[:0]
	start := uint32(0)
	for i, end := range an.ends {
		w := an.buf[start:end]
		start = end
		id, ok := ix.terms[string(w)]
		if !ok {
			id = uint32(len(ix.names))
			name := string(w)
			ix.terms[name] = id
			ix.names = append(ix.names, name)
			ix.post = append(ix.post, postings{})
		}
		keys = append(keys, uint64(id)<<32|uint64(an.pos[i]))
	}
	slices.Sort(keys)
	var posBuf []byte
	for i := 0; i < len(keys); {
		id := uint32(keys[i] >> 32)
		j := i
		tf, tt := 0, 0
		posBuf = posBuf[:0]
		prev := uint32(0)
		for ; j < len(keys) && uint32(keys[j]>>32) == id; j++ {
			p := uint32(keys[j])
			if p < an.lenT {
				tt++
			}
			tf++
			posBuf = binary.AppendUvarint(posBuf, uint64(p-prev))
			prev = p
		}
		pl := &ix.post[id]
		delta := doc
		if pl.df > 0 {
			delta = doc - pl.last
		}
		pl.data = binary.AppendUvarint(pl.data, uint64(delta))
		pl.data = binary.AppendUvarint(pl.data, uint64(tf)<<2|uint64(min(tt, 3)))
		pl.data = binary.AppendUvarint(pl.data, uint64(len(posBuf)))
		pl.data = append(pl.data, posBuf...)
		pl.last = doc
		pl.df++
		i = j
	}
	return keys
}

// cursor walks a postings stream.
type cursor struct {
	data []byte
	off  int
	doc  uint32
	tf   uint32 // occurrences in the document
	tt   uint32 // of which in the title, capped at 3
	pos  int    // where the positions start in data
	npos int    // their length in bytes
	n    int    // postings read
}

func (c *cursor) next() bool {
	if c.off >= len(c.data) {
		return false
	}
	d, k := binary.Uvarint(c.data[c.off:])
	c.off += k
	f, k := binary.Uvarint(c.data[c.off:])
	c.off += k
	l, k := binary.Uvarint(c.data[c.off:])
	c.off += k
	if c.n == 0 {
		c.doc = uint32(d)
	} else {
		c.doc += uint32(d)
	}
	c.n++
	c.tf, c.tt = uint32(f>>2), uint32(f&3)
	c.pos, c.npos = c.off, int(l)
	c.off += int(l)
	return true
}

// appendPositions appends the positions stored at data[off:off+n].
func appendPositions(dst []uint32, data []byte, off, n int) []uint32 {
	p := uint32(0)
	for end := off + n; off < end; {
		d, k := binary.Uvarint(data[off:])
		off += k
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
	if len(ix.sorted) == len(ix.names) {
		return ix.sorted
	}
	cmp := func(a, b uint32) int {
		if ix.names[a] < ix.names[b] {
			return -1
		}
		if ix.names[a] > ix.names[b] {
			return 1
		}
		return 0
	}
	fresh := make([]uint32, 0, len(ix.names)-len(ix.sorted))
	for id := len(ix.sorted); id < len(ix.names); id++ {
		fresh = append(fresh, uint32(id))
	}
	slices.SortFunc(fresh, cmp)
	merged := make([]uint32, 0, len(ix.names))
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
