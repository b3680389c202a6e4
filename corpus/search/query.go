package search

import (
	"strings"
	"unicode"

	"sahifa/corpus/arabic"
)

// Weights of the forms a query word matches, relative to the word as typed:
// a clitic form (والأسد for اسد) is nearly as good, a suffixed one
// (مدرستها for مدرسة) or a prefix completion weaker, so that the article
// using the reader's own word comes first.
const (
	weightSame      = 1.0
	weightProclitic = 0.9
	weightSuffixed  = 0.5
	weightVariant   = 0.9 // times the above, for a spelling from arabic.Variants
	weightPrefix    = 0.6
)

var affixWeight = [...]float32{
	arabic.Same:      weightSame,
	arabic.Proclitic: weightProclitic,
	arabic.Suffixed:  weightSuffixed,
}

// word is one word of a query, with what it matches.
type word struct {
	text   string   // folded, as typed
	bases  []string // text and its spelling variants
	phrase bool     // in a phrase
	at     int      // its place in the phrase
	prefix bool     // text* : any word starting with text, behind proclitics
	forms  map[string]float32
}

// clause is a word or a phrase of a query, required or excluded.
type clause struct {
	words   []*word // more than one: a phrase
	exclude bool
}

// query is a parsed query.
type query struct {
	clauses []*clause
	dropped []string // words left out as no word to search by (noWord), as typed
}

// parse reads a query: words separated by spaces are all required, "…"
// makes a phrase, a leading - excludes a word or phrase, a trailing *
// asks for words that start with what precedes it. A chunk that Words cuts
// in several (١٤٣٦هـ, covid-19) is a phrase. Words that are no word to
// search by (a lone tatweel, لـ) are left out and listed in dropped.
func parse(s string) *query {
	q := &query{}
	for len(s) > 0 {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		exclude := false
		if len(s) > 1 && s[0] == '-' && s[1] != ' ' {
			exclude = true
			s = s[1:]
		}
		var chunk string
		phrase := false
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				chunk, s = s[1:], ""
			} else {
				chunk, s = s[1:1+end], s[2+end:]
			}
			phrase = true
		} else {
			end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
			if end < 0 {
				end = len(s)
			}
			chunk, s = s[:end], s[end:]
		}
		var folded []string
		for _, t := range arabic.Words(chunk) {
			raw := chunk[t.Start:t.End]
			if f := arabic.Fold(raw); !noWord(raw, []byte(f)) {
				folded = append(folded, f)
			} else {
				q.dropped = append(q.dropped, raw)
			}
		}
		if len(folded) == 0 {
			continue
		}
		c := &clause{exclude: exclude}
		prefix := !phrase && len(folded) == 1 && strings.HasSuffix(chunk, "*")
		for i, f := range folded {
			c.words = append(c.words, newWord(f, prefix, len(folded) > 1, i))
		}
		q.clauses = append(q.clauses, c)
	}
	return q
}

// newWord works out what a query word matches. Alone or first in a
// phrase it matches its clitic forms; alone, its suffixed forms too; later
// in a phrase, only itself and its spelling variants, as a phrase is meant
// to be exact but may take a conjunction or preposition in front.
func newWord(text string, prefix, inPhrase bool, at int) *word {
	return &word{
		text:   text,
		bases:  append([]string{text}, arabic.Variants(text)...),
		phrase: inPhrase,
		at:     at,
		prefix: prefix,
	}
}

// eachForm calls yield with each form w matches and its weight; a form
// may come more than once, with different weights.
func (w *word) eachForm(buf []byte, yield func(form []byte, wt float32)) []byte {
	for bi, b := range w.bases {
		scale := float32(1)
		if bi > 0 {
			scale = weightVariant
		}
		buf = arabic.EachForm(b, buf, func(f []byte, how arabic.Affix) bool {
			if w.phrase && (how == arabic.Suffixed || how == arabic.Proclitic && w.at > 0) {
				return true
			}
			yield(f, affixWeight[how]*scale)
			return true
		})
	}
	return buf
}

// buildForms fills w.forms, for matching the words of one article.
func (w *word) buildForms() {
	if w.forms != nil {
		return
	}
	w.forms = map[string]float32{}
	w.eachForm(nil, func(f []byte, wt float32) {
		if wt > w.forms[string(f)] {
			w.forms[string(f)] = wt
		}
	})
}

// matchBytes is match for a word held in a byte slice.
func (w *word) matchBytes(f []byte) float32 {
	if wt, ok := w.forms[string(f)]; ok {
		return wt
	}
	if w.prefix && len(f) > 0 {
		return w.match(string(f))
	}
	return 0
}

// match returns the weight with which the folded word f matches w, or 0.
func (w *word) match(f string) float32 {
	if wt, ok := w.forms[f]; ok {
		return wt
	}
	if w.prefix {
		for i, b := range arabic.WithoutProclitics(f) {
			if strings.HasPrefix(b, w.text) {
				if i == 0 {
					return weightPrefix
				}
				return weightPrefix * weightProclitic
			}
		}
	}
	return 0
}
