package search

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// Hit is an article found by Search.
type Hit struct {
	Article *corpus.Article
	Score   float64
	Matches []Match // every match in the article, in document order
}

// Match is a stretch of an article's text that a query matched: byte
// offsets [Start, End) into the title (Para corpus.TitlePara) or into the
// text of Article.Paragraphs[Para].
type Match = corpus.Span

// BM25 parameters: Robertson & Zaragoza, "The Probabilistic Relevance
// Framework: BM25 and Beyond" (2009), with the usual k1 and b; a title
// word counts titleWeight times a body word (BM25F).
const (
	k1          = 1.2
	bTitle      = 0.5
	bBody       = 0.75
	titleWeight = 3.0
	// titleMatch is how much a title made of exactly the query's words
	// adds to an article's score, relatively.
	titleMatch = 1.0
	// titleTyped is what a title written exactly as the query adds.
	titleTyped = 0.1
	// maxPrefixTerms bounds the words a prefix* stands for, keeping the
	// most frequent, so that a one-letter prefix stays fast.
	maxPrefixTerms = 2000
)

// termRef is a term of the index that a query word matches, with its weight.
type termRef struct {
	id uint32
	wt float32
}

// scratch holds one search's per-document arrays; they are pooled and
// cleaned up after use, so a search allocates little.
type scratch struct {
	acc    []float32 // the current word's weighted term frequency
	score  []float32
	mark   []uint32  // stamp: the document is a candidate of this step
	tw     []float32 // query words found in the document's title, by weight
	twWord []float32 // what the current word added to tw
	tmark  []uint32  // stamp: the current word was counted in tw
	stamp  uint32
	cands  []uint32
	dirty  []uint32 // documents whose acc or score may be non-zero
	next   []uint32
	refs   []posRef
	pos    [][]uint32
}

// posRef says where the positions of a phrase word's term in a document are.
type posRef struct {
	doc  uint32
	word int
	data []byte
	off  int
	n    int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func (s *scratch) grow(n int) {
	if len(s.acc) < n {
		n += n / 4
		s.acc = make([]float32, n)
		s.score = make([]float32, n)
		s.mark = make([]uint32, n)
		s.tw = make([]float32, n)
		s.twWord = make([]float32, n)
		s.tmark = make([]uint32, n)
		s.stamp = 0
	}
}

func (s *scratch) newStamp() uint32 {
	s.stamp++
	if s.stamp == 0 {
		clear(s.mark)
		clear(s.tmark)
		s.stamp = 1
	}
	return s.stamp
}

// Search returns up to limit articles that match query, best first; limit
// ≤ 0 means all of them. A query of excluded words only (-سوريا) matches
// every article without them, in the order they were added.
func (ix *Index) Search(query string, limit int) []Hit {
	hits, _ := ix.search(parse(query), query, limit)
	return hits
}

// SearchTotal is Search, and also says how many articles match in all,
// limit or not.
func (ix *Index) SearchTotal(query string, limit int) (hits []Hit, total int) {
	return ix.search(parse(query), query, limit)
}

// sameFields reports whether s, its runs of spaces made one, is typed.
func sameFields(s, typed string) bool {
	if len(s) < len(typed) {
		return false
	}
	return strings.Join(strings.Fields(s), " ") == typed
}

func (ix *Index) search(q *query, raw string, limit int) ([]Hit, int) {
	var pos, neg []*clause
	for _, c := range q.clauses {
		if c.exclude {
			neg = append(neg, c)
		} else {
			pos = append(pos, c)
		}
	}
	if len(pos) == 0 && len(neg) == 0 {
		return nil, 0
	}

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := len(ix.docs)
	if n == 0 {
		return nil, 0
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.grow(n)

	terms := make([][][]termRef, len(q.clauses))
	cost := map[*clause]int{}
	for ci, c := range q.clauses {
		terms[ci] = make([][]termRef, len(c.words))
		for wi, w := range c.words {
			terms[ci][wi] = ix.lookup(w)
			for _, t := range terms[ci][wi] {
				cost[c] += int(ix.post[t.id].df)
			}
		}
	}
	termsOf := func(c *clause) [][]termRef { return terms[slices.Index(q.clauses, c)] }
	// The rarest clause first: it leaves the fewest candidates to the rest.
	slices.SortStableFunc(pos, func(a, b *clause) int { return cmp.Compare(cost[a], cost[b]) })

	norm := ix.norms()
	s.cands = s.cands[:0]
	s.dirty = s.dirty[:0]
	all := true // no candidate list yet: every document is one
	if len(pos) == 0 {
		// Only exclusions: every article without the excluded words,
		// all of score 0, so in order of place.
		stamp := s.newStamp()
		for d := range uint32(n) {
			s.mark[d] = stamp
			s.cands = append(s.cands, d)
		}
	}
	for _, c := range pos {
		ok := ix.clause(s, c, termsOf(c), all, true, norm)
		all = false
		if !ok || len(s.cands) == 0 {
			s.cands = s.cands[:0]
			break
		}
	}
	for _, c := range neg {
		if len(s.cands) == 0 {
			break
		}
		keep := append([]uint32(nil), s.cands...)
		ix.clause(s, c, termsOf(c), false, false, norm)
		matched := s.stamp
		fresh := s.newStamp()
		s.cands = s.cands[:0]
		for _, d := range keep {
			if s.mark[d] != matched {
				s.mark[d] = fresh
				s.cands = append(s.cands, d)
			}
		}
	}

	// A reader who types a headline wants that article: scale each score
	// by how much of the query the title holds and how much of the title
	// the query is, so that a title equal to the query doubles it.
	words := 0
	for _, c := range pos {
		words += len(c.words)
	}
	// A title that is the query as typed, letter for letter, comes before
	// the same title spelt or punctuated otherwise.
	typed := strings.Join(strings.Fields(raw), " ")
	for _, d := range s.cands {
		if words == 0 {
			break // only exclusions: no title to match
		}
		info := &ix.docs[d]
		cov := min(s.tw[d]/float32(words), 1)
		fit := min(s.tw[d]/float32(max(info.lenT, 1)), 1)
		s.score[d] *= 1 + titleMatch*cov*fit
		if cov == 1 && fit == 1 && sameFields(info.a.Title, typed) {
			s.score[d] *= 1 + titleTyped
		}
	}
	total := len(s.cands)
	best := ix.topK(s.score, s.cands, limit)
	hits := make([]Hit, len(best))
	for i, d := range best {
		hits[i] = Hit{Article: ix.docs[d].a, Score: float64(s.score[d])}
	}
	posTerms := make([][][]termRef, len(pos))
	for i, c := range pos {
		posTerms[i] = termsOf(c)
	}
	for i, ms := range ix.matches(s, pos, posTerms, best) {
		hits[i].Matches = ms
	}
	for _, d := range s.dirty {
		s.score[d] = 0
		s.acc[d] = 0
		s.tw[d] = 0
	}
	return hits, total
}

// norms returns, for each document, what a word's frequency in its title
// and in its body is multiplied by in BM25F: the title's weight and the
// length normalisation of each field. They change with the average lengths
// as articles come, and are worked out again when a search finds new ones.
// The caller holds ix.mu for reading.
func (ix *Index) norms() [][2]float32 {
	ix.normMu.Lock()
	defer ix.normMu.Unlock()
	if len(ix.norm) == len(ix.docs) {
		return ix.norm
	}
	n := float32(len(ix.docs))
	avgT := float32(ix.sumT)/n + 1
	avgB := float32(ix.sumB)/n + 1
	norm := make([][2]float32, len(ix.docs))
	for d, l := range ix.lens {
		norm[d] = [2]float32{
			titleWeight / (1 - bTitle + bTitle*float32(l[0])/avgT),
			1 / (1 - bBody + bBody*float32(l[1])/avgB),
		}
	}
	ix.norm = norm
	return norm
}

// topK returns the k documents of cands with the highest scores, best
// first, ties going to the article first by place (ix.placeBefore); k ≤ 0
// means all. It keeps a heap of the best k, so that a word in every
// article costs little more than a rare one. The caller holds ix.mu.
func (ix *Index) topK(score []float32, cands []uint32, k int) []uint32 {
	better := func(a, b uint32) bool {
		if score[a] != score[b] {
			return score[a] > score[b]
		}
		return ix.placeBefore(a, b)
	}
	if k <= 0 || k > len(cands) {
		k = len(cands)
	}
	h := make([]uint32, 0, k) // a heap with the worst of the best on top
	down := func(i int) {
		for {
			l, w := 2*i+1, i
			if l < len(h) && better(h[w], h[l]) {
				w = l
			}
			if r := l + 1; r < len(h) && better(h[w], h[r]) {
				w = r
			}
			if w == i {
				return
			}
			h[i], h[w] = h[w], h[i]
			i = w
		}
	}
	for _, d := range cands {
		if len(h) < k {
			h = append(h, d)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !better(h[p], h[i]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
		} else if better(d, h[0]) {
			h[0] = d
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b uint32) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	return h
}

// placeBefore orders documents by their articles' place: path, position
// in the file, then ID. Results of equal score come in this order, the
// order of the list, rather than in the order the articles happened to be
// added. The caller holds ix.mu.
func (ix *Index) placeBefore(a, b uint32) bool {
	x, y := ix.docs[a].a, ix.docs[b].a
	return cmp.Or(strings.Compare(x.Path, y.Path), cmp.Compare(x.Index, y.Index), strings.Compare(x.ID, y.ID), cmp.Compare(a, b)) < 0
}

// clause narrows s.cands to the documents matching c (all documents when
// all is set), adding each word's BM25 score when score is set. It leaves
// s.stamp marking the documents in s.cands and reports false when a word
// of c matches nothing.
func (ix *Index) clause(s *scratch, c *clause, terms [][]termRef, all, score bool, norm [][2]float32) bool {
	n := float32(len(ix.docs))
	phrase := len(c.words) > 1
	s.refs = s.refs[:0]
	for wi := range c.words {
		if len(terms[wi]) == 0 {
			s.cands = s.cands[:0]
			s.newStamp()
			return false
		}
		// The word's document frequency, for its idf: the sum over its
		// forms, which counts an article holding two forms twice but
		// needs no pass over every posting.
		df := 0
		for _, t := range terms[wi] {
			df += int(ix.post[t.id].df)
		}
		df = min(df, len(ix.docs))
		candStamp := s.stamp
		wordStamp := s.newStamp()
		s.next = s.next[:0]
		visit := func(cur *cursor, wt float32) {
			d := cur.doc
			switch m := s.mark[d]; {
			case m == wordStamp:
			case all || m == candStamp:
				s.mark[d] = wordStamp
				s.next = append(s.next, d)
			default:
				return
			}
			if score && cur.tt > 0 {
				// The word's best form in the title counts, so that a
				// title with the word as typed beats one with a
				// suffixed form of it.
				if s.tmark[d] != wordStamp {
					s.tmark[d] = wordStamp
					s.twWord[d] = wt
					s.tw[d] += wt
				} else if wt > s.twWord[d] {
					s.tw[d] += wt - s.twWord[d]
					s.twWord[d] = wt
				}
			}
			if score {
				tt := float32(cur.tt)
				tb := max(float32(cur.tf)-tt, 0)
				f := tt*norm[d][0] + tb*norm[d][1]
				s.acc[d] += wt * f
			}
			if phrase {
				s.refs = append(s.refs, posRef{doc: d, word: wi, data: cur.data, off: cur.pos, n: cur.npos})
			}
		}
		// Few candidates left and a common word: seek to each candidate
		// instead of reading the word's postings through.
		seeking := !all && len(s.cands)*16 < df
		if seeking {
			slices.Sort(s.cands)
		}
		for _, t := range terms[wi] {
			cur := cursor{data: ix.post[t.id].data, skips: ix.skips[t.id]}
			if !seeking {
				for cur.next() {
					visit(&cur, t.wt)
				}
				continue
			}
			for _, d := range s.cands {
				if !cur.seek(d) {
					break
				}
				if cur.doc == d {
					visit(&cur, t.wt)
				}
			}
		}
		if all {
			// Every document any later step touches holds this word.
			s.dirty = append(s.dirty, s.next...)
		}
		all = false
		if score {
			idf := float32(math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5)))
			for _, d := range s.next {
				a := s.acc[d]
				s.score[d] += idf * a * (k1 + 1) / (a + k1)
				s.acc[d] = 0
			}
		}
		s.cands, s.next = s.next, s.cands
	}
	if phrase {
		ix.verifyPhrase(s, len(c.words))
	}
	return len(s.cands) > 0
}

// verifyPhrase keeps the candidates where the phrase's words stand one
// after another.
func (ix *Index) verifyPhrase(s *scratch, words int) {
	slices.SortStableFunc(s.refs, func(a, b posRef) int { return cmp.Compare(a.doc, b.doc) })
	keep := s.stamp
	fresh := s.newStamp()
	out := s.next[:0]
	if cap(s.pos) < words {
		s.pos = make([][]uint32, words)
	}
	s.pos = s.pos[:words]
	refs := s.refs
	for i := 0; i < len(refs); {
		j := i
		d := refs[i].doc
		for ; j < len(refs) && refs[j].doc == d; j++ {
		}
		if s.mark[d] == keep {
			for w := range s.pos {
				s.pos[w] = s.pos[w][:0]
			}
			for _, r := range refs[i:j] {
				s.pos[r.word] = appendPositions(s.pos[r.word], r.data, r.off, r.n)
			}
			if adjacent(s.pos) {
				s.mark[d] = fresh
				out = append(out, d)
			}
		}
		i = j
	}
	slices.Sort(out)
	s.next = s.cands
	s.cands = out
}

// adjacent reports whether some position p has word i at p+i for every i.
func adjacent(pos [][]uint32) bool {
	for w := 1; w < len(pos); w++ {
		slices.Sort(pos[w])
	}
	for _, p := range pos[0] {
		ok := true
		for w := 1; w < len(pos) && ok; w++ {
			_, ok = slices.BinarySearch(pos[w], p+uint32(w))
		}
		if ok {
			return true
		}
	}
	return false
}

// lookup returns the terms of the index that w matches.
func (ix *Index) lookup(w *word) []termRef {
	var out []termRef
	seen := map[uint32]bool{}
	at := map[uint32]int{}
	w.eachForm(nil, func(f []byte, wt float32) {
		id, ok := ix.terms.find(f)
		if !ok {
			return
		}
		if i, ok := at[id]; ok {
			out[i].wt = max(out[i].wt, wt)
			return
		}
		at[id] = len(out)
		seen[id] = true
		out = append(out, termRef{id, wt})
	})
	if w.prefix && w.text != "" {
		sorted := ix.sortedTerms()
		var more []termRef
		for _, lead := range prefixLeads(w.text) {
			lead := []byte(lead)
			i, _ := slices.BinarySearchFunc(sorted, lead, func(id uint32, s []byte) int { return bytes.Compare(ix.terms.name(id), s) })
			for ; i < len(sorted) && bytes.HasPrefix(ix.terms.name(sorted[i]), lead); i++ {
				id := sorted[i]
				if seen[id] {
					continue
				}
				if wt := w.matchBytes(ix.terms.name(id)); wt > 0 {
					seen[id] = true
					more = append(more, termRef{id, wt})
				}
			}
		}
		if len(more) > maxPrefixTerms {
			slices.SortFunc(more, func(a, b termRef) int { return cmp.Compare(ix.post[b.id].df, ix.post[a.id].df) })
			more = more[:maxPrefixTerms]
		}
		out = append(out, more...)
	}
	// Map order must not leak into scores' floating-point sums.
	slices.SortFunc(out, func(a, b termRef) int { return cmp.Compare(a.id, b.id) })
	return out
}

// prefixLeads returns how a word starting with p may begin once
// proclitics are attached: p itself, ال+p, و+p, وال+p, لل+p and so on.
func prefixLeads(p string) []string {
	seen := map[string]bool{}
	var out []string
	arabic.Forms(p, func(f string, how arabic.Affix) bool {
		if how != arabic.Suffixed && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
		return true
	})
	return out
}
