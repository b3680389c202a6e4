package search

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// LikeTerm is a word chosen to find articles like another one, with its
// weight in that article.
type LikeTerm struct {
	Word   string  // folded, its proclitics off where the collection says so (arabic.Stem)
	Weight float64 // how much the word counts in the article: 1 + log of its frequency, a title word counting titleWeight times
	IDF    float64 // the inverse document frequency of the word itself, its other forms aside
}

// Like is an article found by MoreLike.
type Like struct {
	Article *corpus.Article
	Score   float64
	// Shared has bit i set when the article holds the i-th term (i < 64).
	Shared uint64
}

// Terms returns up to n words of a that best tell it apart from the rest
// of the collection, by weight times idf, heaviest first: the query for
// MoreLike. A word is counted with its clitic forms (والأسد, للأسد count
// for الأسد) and a word in no other article is left out, as it finds
// nothing. The article need not be in the index, but then a word it
// alone holds is left out too.
func (ix *Index) Terms(a *corpus.Article, n int) []LikeTerm {
	opening := *a
	opening.Paragraphs = openingParagraphs(a.Paragraphs)
	an, _ := analyse(&opening, nil)
	defer func() {
		an.a, an.paras = nil, nil
		analysedPool.Put(an)
	}()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if len(ix.docs) == 0 || n <= 0 {
		return nil
	}
	count := func(w string) int {
		if id, ok := ix.terms.find([]byte(w)); ok {
			return int(ix.post[id].df)
		}
		return 0
	}
	type tally struct{ title, body int }
	words := map[string]*tally{}
	stems := map[string]string{}
	start := uint32(0)
	for i, end := range an.ends {
		w := string(an.buf[start:end])
		start = end
		st, ok := stems[w]
		if !ok {
			st = arabic.Stem(w, count)
			stems[w] = st
		}
		t := words[st]
		if t == nil {
			t = &tally{}
			words[st] = t
		}
		if an.pos[i] < an.lenT {
			t.title++
		} else {
			t.body++
		}
	}
	idf := func(df int) float64 { return bm25IDF(len(ix.docs), df) }
	out := make([]LikeTerm, 0, len(words))
	for w, t := range words {
		df := count(w)
		if df < 2 {
			continue // in this article alone, or in none when it is not indexed
		}
		tf := float64(t.body) + titleWeight*float64(t.title)
		out = append(out, LikeTerm{Word: w, Weight: 1 + math.Log(tf), IDF: idf(df)})
	}
	slices.SortFunc(out, func(x, y LikeTerm) int {
		if c := cmp.Compare(y.Weight*y.IDF, x.Weight*x.IDF); c != 0 {
			return c
		}
		return cmp.Compare(x.Word, y.Word)
	})
	return out[:min(n, len(out))]
}

// bm25IDF is BM25's inverse document frequency of a word in df of n
// documents.
func bm25IDF(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// likeScratch is one MoreLike's per-document arrays, pooled.
type likeScratch struct {
	acc, score []float32
	shared     []uint64
	seen       []uint32 // stamp: the document was touched by the current term
	stamp      uint32
	touched    []uint32
	termDocs   []uint32
}

var likePool = sync.Pool{New: func() any { return new(likeScratch) }}

// MoreLike returns up to limit articles holding any of terms, best first
// (limit ≤ 0: all), scored as a query that wants none of its words but
// weighs each by its LikeTerm.Weight: the sum of each word's BM25F score,
// its clitic and suffixed forms counting as search counts them. This is
// Lucene's "more like this", on the index searches use.
func (ix *Index) MoreLike(terms []LikeTerm, limit int) []Like {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n := len(ix.docs)
	if n == 0 || len(terms) == 0 {
		return nil
	}
	s := likePool.Get().(*likeScratch)
	defer likePool.Put(s)
	if len(s.acc) < n {
		m := n + n/4
		s.acc, s.score = make([]float32, m), make([]float32, m)
		s.shared, s.seen = make([]uint64, m), make([]uint32, m)
		s.stamp = 0
	}
	norm := ix.norms()
	s.touched = s.touched[:0]
	for ti, t := range terms {
		s.stamp++
		if s.stamp == 0 {
			clear(s.seen)
			s.stamp = 1
		}
		s.termDocs = s.termDocs[:0]
		refs := ix.lookup(newWord(t.Word, false, false, 0))
		for _, r := range refs {
			cur := cursor{data: ix.post[r.id].data}
			for cur.next() {
				d := cur.doc
				if s.seen[d] != s.stamp {
					s.seen[d] = s.stamp
					s.termDocs = append(s.termDocs, d)
					if s.score[d] == 0 && s.shared[d] == 0 {
						s.touched = append(s.touched, d)
					}
				}
				tt := float32(cur.tt)
				tb := max(float32(cur.tf)-tt, 0)
				s.acc[d] += r.wt * (tt*norm[d][0] + tb*norm[d][1])
			}
		}
		// The weight in the query is the word's in the article; BM25
		// brings the idf of the word with its forms, as a search would.
		df := 0
		for _, r := range refs {
			df += int(ix.post[r.id].df)
		}
		w := float32(t.Weight * bm25IDF(n, min(df, n)))
		for _, d := range s.termDocs {
			a := s.acc[d]
			s.score[d] += w * a * (k1 + 1) / (a + k1)
			s.acc[d] = 0
			if ti < 64 {
				s.shared[d] |= 1 << ti
			}
		}
	}
	best := ix.topK(s.score, s.touched, limit)
	out := make([]Like, len(best))
	for i, d := range best {
		out[i] = Like{Article: ix.docs[d].a, Score: float64(s.score[d]), Shared: s.shared[d]}
	}
	for _, d := range s.touched {
		s.score[d], s.shared[d] = 0, 0
	}
	return out
}

// LikeLimit is how much of an article's text Terms reads: the paragraphs
// that start within it. An article's distinctive terms are in its first
// pages, and one that asks for the related articles of a 63 MB text file
// must not wait for all of it to be read.
const LikeLimit = 1 << 20

// openingParagraphs returns the paragraphs that start within LikeLimit
// bytes of text.
func openingParagraphs(ps []corpus.Paragraph) []corpus.Paragraph {
	n := 0
	for i, p := range ps {
		if n >= LikeLimit {
			return ps[:i]
		}
		n += len(p.Text)
	}
	return ps
}
