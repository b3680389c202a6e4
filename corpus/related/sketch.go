package related

import (
	"math/bits"
	"slices"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/corpus/search"
)

// A Sketch is a bottom-k MinHash of an article's text (Broder, "On the
// resemblance and containment of documents", 1997): the sketchSize
// smallest hashes of its shingles, runs of shingleWords folded words. Two
// sketches estimate the Jaccard resemblance of the articles' shingle sets,
// which is near 1 for the same wire text republished with a new headline
// or a line cut, and low for two reports of one event written apart.
type Sketch []uint32

const (
	shingleWords = 3
	sketchSize   = 64
	// copyResemblance is the estimated resemblance from which two
	// articles are near-copies of each other (see the README, Related).
	copyResemblance = 0.5
)

// wordHash is 64-bit FNV-1a (Fowler, Noll, Vo), fixed so that sketches,
// and the rows they group, are the same from one run to the next.
func wordHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// NewSketch returns the sketch of a's title and of the paragraphs that
// start within search.LikeLimit bytes of its text.
func NewSketch(a *corpus.Article) Sketch {
	var (
		low   = make(Sketch, 0, sketchSize) // a heap: the largest of the smallest on top
		words []uint64                      // the hashes of the last shingleWords words
		buf   []byte
	)
	add := func(text string) {
		words = words[:0] // a shingle never runs across paragraphs
		buf = arabic.FoldWords(text, buf, func(_ arabic.Token, f []byte) {
			if len(f) == 0 {
				return
			}
			// Slid in place: reslicing from the front made the window
			// walk through fresh memory, a megabyte and a half of garbage
			// on a long article.
			if len(words) == shingleWords {
				copy(words, words[1:])
				words = words[:shingleWords-1]
			}
			words = append(words, wordHash(f))
			if len(words) == shingleWords {
				// Mixed with a rotation per place, so that a b c and
				// c b a are different shingles.
				h := words[0] ^ bits.RotateLeft64(words[1], 21) ^ bits.RotateLeft64(words[2], 42)
				h ^= h >> 33
				h *= 0xff51afd7ed558ccd
				h ^= h >> 33
				low = low.keep(uint32(h >> 32))
			}
		})
	}
	add(a.Title)
	// As far as the terms are read: near-copies of a huge text differ in
	// its first pages or not at all, as far as a reader can tell.
	n := 0
	for _, p := range a.Paragraphs {
		if n >= search.LikeLimit {
			break
		}
		n += len(p.Text)
		add(p.Text)
	}
	slices.Sort(low)
	return low
}

// keep adds h to the heap s of the smallest distinct hashes, if it is one
// of them.
func (s Sketch) keep(h uint32) Sketch {
	if len(s) == sketchSize && h >= s[0] || slices.Contains(s, h) {
		return s
	}
	if len(s) < sketchSize {
		s = append(s, h)
		for i := len(s) - 1; i > 0; {
			p := (i - 1) / 2
			if s[p] >= s[i] {
				break
			}
			s[p], s[i] = s[i], s[p]
			i = p
		}
		return s
	}
	s[0] = h
	for i := 0; ; {
		l, m := 2*i+1, i
		if l < len(s) && s[l] > s[m] {
			m = l
		}
		if r := l + 1; r < len(s) && s[r] > s[m] {
			m = r
		}
		if m == i {
			return s
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}

// Resemblance estimates the Jaccard resemblance of the shingle sets s and
// t were made from: of the sketchSize smallest hashes of their union, the
// share both hold.
func (s Sketch) Resemblance(t Sketch) float64 {
	i, j, union, both := 0, 0, 0, 0
	for union < sketchSize && (i < len(s) || j < len(t)) {
		switch {
		case j == len(t) || i < len(s) && s[i] < t[j]:
			i++
		case i == len(s) || t[j] < s[i]:
			j++
		default:
			both++
			i++
			j++
		}
		union++
	}
	if union == 0 {
		return 0
	}
	return float64(both) / float64(union)
}
