package search

import (
	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// The words of an article and the forms of a query, as Index reads them,
// for another engine (a database's full-text search) to answer a query
// with the same articles as Search.

// EachTerm calls yield with each folded word of a's title, then of its
// paragraphs, with the position Index gives it: the title's words from 0,
// then each paragraph's after a gap of one, so that a phrase never runs
// from one into the next. term is only valid during the call.
func EachTerm(a *corpus.Article, yield func(term []byte, pos int, title bool)) {
	var scratch []byte
	p := 0
	add := func(text string, title bool) {
		scratch = arabic.FoldWords(text, scratch, func(_ arabic.Token, f []byte) {
			if len(f) > 0 { // a word of tashkeel alone folds to nothing
				yield(f, p, title)
			}
			p++
		})
		p++ // the gap
	}
	add(a.Title, true)
	for _, para := range a.Paragraphs {
		add(para.Text, false)
	}
}

// Plan is a query as Search reads it: clauses an article must all hold,
// but for the excluded ones, which it must not.
type Plan struct {
	Clauses []PlanClause
}

// PlanClause is a word, or a phrase of words at consecutive positions, that
// an article must hold or, when Exclude is set, must not.
type PlanClause struct {
	Words   []PlanWord
	Exclude bool
}

// PlanWord is one word of a query and the folded words of an article that
// match it: Forms exactly (the word, its spelling variants, its clitic and
// suffixed forms, best first), Prefixes as the start of a word (for word*,
// the word behind each of its proclitics).
type PlanWord struct {
	Forms    []string
	Prefixes []string
}

// PlanQuery reads query as Search does.
func PlanQuery(query string) Plan {
	var p Plan
	for _, c := range parse(query).clauses {
		pc := PlanClause{Exclude: c.exclude}
		for _, w := range c.words {
			var pw PlanWord
			seen := map[string]bool{}
			w.eachForm(nil, func(f []byte, _ float32) {
				if !seen[string(f)] {
					seen[string(f)] = true
					pw.Forms = append(pw.Forms, string(f))
				}
			})
			if w.prefix {
				arabic.Forms(w.text, func(f string, how arabic.Affix) bool {
					if how != arabic.Suffixed {
						pw.Prefixes = append(pw.Prefixes, f)
					}
					return true
				})
			}
			pc.Words = append(pc.Words, pw)
		}
		p.Clauses = append(p.Clauses, pc)
	}
	return p
}
