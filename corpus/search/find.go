package search

import (
	"strings"
	"unicode/utf8"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// FindInArticle returns every match of query in a, in document order, the
// title first. Excluded words do not match; the article need not hold all
// the query's words.
func FindInArticle(a *corpus.Article, query string) []Match {
	if a == nil {
		return nil
	}
	ms, _ := parse(query).find(a, corpus.TitlePara, len(a.Paragraphs), -1)
	return ms
}

// FindInArticleFrom returns the matches of query in article a's
// paragraphs from from (corpus.TitlePara: the title first) up to to, in
// document order, stopping after the paragraph that takes the text
// searched past budget bytes; next is the paragraph to go on from, to when
// the range is done. A long article is searched piece by piece this way,
// the part on screen first.
func FindInArticleFrom(a *corpus.Article, query string, from, to, budget int) (ms []Match, next int) {
	if a == nil {
		return nil, to
	}
	return parse(query).find(a, from, min(to, len(a.Paragraphs)), max(budget, 1))
}

func (q *query) find(a *corpus.Article, from, to, budget int) ([]Match, int) {
	for _, c := range q.clauses {
		for _, w := range c.words {
			w.buildForms()
		}
	}
	var out []Match
	var toks []arabic.Token
	var ends []int
	var buf, scratch []byte
	scan := func(para int, text string) {
		toks, ends, buf = toks[:0], ends[:0], buf[:0]
		scratch = arabic.FoldWords(text, scratch, func(t arabic.Token, f []byte) {
			if noWord(text[t.Start:t.End], f) {
				return
			}
			toks = append(toks, t)
			buf = append(buf, f...)
			ends = append(ends, len(buf))
		})
		folded := func(i int) []byte {
			if i == 0 {
				return buf[:ends[0]]
			}
			return buf[ends[i-1]:ends[i]]
		}
		for i := 0; i < len(toks); {
			end := -1
			for _, c := range q.clauses {
				if c.exclude || i+len(c.words) > len(toks) {
					continue
				}
				ok := true
				for j, w := range c.words {
					if w.matchBytes(folded(i+j)) == 0 {
						ok = false
						break
					}
				}
				if ok && i+len(c.words) > end {
					end = i + len(c.words)
				}
			}
			if end < 0 {
				i++
				continue
			}
			out = append(out, Match{Para: para, Start: toks[i].Start, End: toks[end-1].End})
			i = end
		}
	}
	for i := max(from, corpus.TitlePara); i < to; i++ {
		text := textOf(a, i)
		scan(i, text)
		if budget -= len(text); budget <= 0 && budget+len(text) > 0 {
			return out, i + 1
		}
	}
	return out, max(to, from)
}

// textOf returns the text a match points into.
func textOf(a *corpus.Article, para int) string {
	if para < 0 {
		return a.Title
	}
	if para < len(a.Paragraphs) {
		return a.Paragraphs[para].Text
	}
	return ""
}

// Snippet returns the text around m in a, about runes runes long, cut at
// word boundaries with "…" where text was left out, and m's place in it.
func Snippet(a *corpus.Article, m Match, runes int) (text string, hl []Match) {
	return snippet(a, m, []Match{m}, runes)
}

// Snippet returns the text around the hit's matches in the body (or in
// the title when the body has none), about runes runes long, with every
// match that falls inside it. It centres on the match with the most
// different matched words close after it, so that a query of several
// words shows them together when the article has them together.
func (h Hit) Snippet(runes int) (text string, hl []Match) {
	if h.Article == nil || len(h.Matches) == 0 {
		return "", nil
	}
	m, best := h.Matches[0], 0
	// Matches are in document order; count, for each, the distinct words
	// matched in the same paragraph within about a snippet's length
	// (two bytes a rune, as most are Arabic letters).
	reach := 2 * runes
	for i, x := range h.Matches {
		if x.Para < 0 {
			continue
		}
		seen := map[string]bool{}
		text := textOf(h.Article, x.Para)
		for _, y := range h.Matches[i:] {
			if y.Para != x.Para || y.End-x.Start > reach || y.End > len(text) {
				break
			}
			seen[arabic.Fold(text[y.Start:y.End])] = true
		}
		if len(seen) > best {
			m, best = x, len(seen)
		}
		if i > 200 {
			break // enough to choose from
		}
	}
	return snippet(h.Article, m, h.Matches, runes)
}

func snippet(a *corpus.Article, m Match, all []Match, runes int) (string, []Match) {
	if a == nil {
		return "", nil
	}
	s := textOf(a, m.Para)
	if m.Start < 0 || m.End > len(s) || m.Start > m.End {
		return "", nil
	}
	if runes < 1 {
		runes = 1
	}
	// Spend what the match leaves over on both sides, a third before it.
	spare := runes - utf8.RuneCountInString(s[m.Start:m.End])
	before := max(spare/3, 0)
	start := m.Start
	for n := 0; n < before && start > 0; n++ {
		_, k := utf8.DecodeLastRuneInString(s[:start])
		start -= k
	}
	end := m.End
	for n := 0; n < spare-(utf8.RuneCountInString(s[start:m.Start])) && end < len(s); n++ {
		_, k := utf8.DecodeRuneInString(s[end:])
		end += k
	}
	// Do not cut a word in two.
	if start > 0 {
		if i := strings.IndexAny(s[start:m.Start], " \t\n"); i >= 0 {
			start += i + 1
		} else {
			start = m.Start
		}
	}
	if end < len(s) {
		if i := strings.LastIndexAny(s[m.End:end], " \t\n"); i >= 0 {
			end = m.End + i
		} else {
			end = m.End
		}
	}
	var b strings.Builder
	shift := -start
	if start > 0 {
		b.WriteString("…")
		shift += len("…")
	}
	b.WriteString(s[start:end])
	if end < len(s) {
		b.WriteString("…")
	}
	var hl []Match
	for _, x := range all {
		if x.Para == m.Para && x.Start >= start && x.End <= end {
			hl = append(hl, Match{Para: m.Para, Start: x.Start + shift, End: x.End + shift})
		}
	}
	return b.String(), hl
}
