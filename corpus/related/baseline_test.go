package related

import (
	"cmp"
	"math"
	"slices"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// tfidf is the baseline the judged set compares Related with: the cosine
// of TF-IDF vectors (raw frequency times log(N/df), no stemming, folded
// words of title and body), among the articles within baselineWindow of
// the asked one.
type tfidf struct {
	arts  []*corpus.Article
	at    map[*corpus.Article]int
	terms map[string]int
	post  [][]posting // term → the articles holding it, with the term's weight there
	vec   [][]posting // article → its terms and weights, normalised
}

type posting struct {
	id int
	w  float64
}

const baselineWindow = 15 * 24 * time.Hour

func newTFIDF(arts []*corpus.Article) *tfidf {
	b := &tfidf{arts: arts, at: map[*corpus.Article]int{}, terms: map[string]int{}}
	counts := make([]map[int]int, len(arts))
	var buf []byte
	for i, a := range arts {
		b.at[a] = i
		c := map[int]int{}
		add := func(s string) {
			buf = arabic.FoldWords(s, buf, func(_ arabic.Token, f []byte) {
				if len(f) == 0 {
					return
				}
				id, ok := b.terms[string(f)]
				if !ok {
					id = len(b.terms)
					b.terms[string(f)] = id
					b.post = append(b.post, nil)
				}
				c[id]++
			})
		}
		add(a.Title)
		for _, p := range a.Paragraphs {
			add(p.Text)
		}
		counts[i] = c
		for id := range c {
			b.post[id] = append(b.post[id], posting{id: i})
		}
	}
	n := float64(len(arts))
	b.vec = make([][]posting, len(arts))
	for i, c := range counts {
		v := make([]posting, 0, len(c))
		norm := 0.0
		for id, tf := range c {
			w := float64(tf) * math.Log(n/float64(len(b.post[id])))
			v = append(v, posting{id, w})
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for k := range v {
			if norm > 0 {
				v[k].w /= norm
			}
		}
		slices.SortFunc(v, func(x, y posting) int { return cmp.Compare(x.id, y.id) })
		b.vec[i] = v
	}
	for id := range b.post {
		b.post[id] = b.post[id][:0]
	}
	for i, v := range b.vec {
		for _, t := range v {
			b.post[t.id] = append(b.post[t.id], posting{i, t.w})
		}
	}
	return b
}

// scored is an article with its baseline cosine.
type scored struct {
	a   *corpus.Article
	cos float64
}

// related returns the k articles most like a within the window, best first.
func (b *tfidf) related(a *corpus.Article, k int) []scored {
	q, ok := b.at[a]
	if !ok {
		return nil
	}
	acc := map[int]float64{}
	for _, t := range b.vec[q] {
		for _, p := range b.post[t.id] {
			acc[p.id] += t.w * p.w
		}
	}
	var out []scored
	for i, c := range acc {
		o := b.arts[i]
		if i == q || o.ID == a.ID {
			continue
		}
		if a.DateFrom != corpus.DateUnknown && o.DateFrom != corpus.DateUnknown {
			if d := a.Date.Sub(o.Date); d > baselineWindow || d < -baselineWindow {
				continue
			}
		}
		out = append(out, scored{o, c})
	}
	slices.SortFunc(out, func(x, y scored) int { return cmp.Or(cmp.Compare(y.cos, x.cos), cmp.Compare(x.a.ID, y.a.ID)) })
	return out[:min(k, len(out))]
}
