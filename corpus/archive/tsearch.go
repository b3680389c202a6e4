package archive

import (
	"strconv"
	"strings"

	"sahifa/corpus"
	"sahifa/corpus/search"
)

// The server searches the words Sahifa's own analyser finds, not its own
// parser's: an article's tsvector holds each folded word (search.EachTerm)
// at its position, weight A in the title, and a query becomes a tsquery of
// the forms of each word (search.PlanQuery), so that clitics, hamza and
// spelling variants are handled as in the embedded index, and names are
// never stemmed.
//
// PostgreSQL's limits on a tsvector make three differences, on texts no
// news article reaches: a word longer than maxLexeme bytes is not
// searchable, positions past 16383 count as 16383 (so phrases are not
// found beyond), and a word keeps its first 256 positions.
const (
	maxLexeme    = 2046      // PostgreSQL's MAXSTRLEN, less one
	maxPosition  = 16383     // MAXENTRYPOS - 1
	maxPositions = 256       // MAXNUMPOS
	maxLexemes   = 1<<20 - 1 // MAXSTRPOS: bytes of all lexemes
)

// tsvector returns a's words as the text of a tsvector.
func tsvector(a *corpus.Article) string {
	type entry struct {
		pos   []int
		title []bool
	}
	words := map[string]*entry{}
	var order []string
	size := 0
	search.EachTerm(a, func(term []byte, pos int, title bool) {
		if len(term) > maxLexeme {
			return
		}
		e := words[string(term)]
		if e == nil {
			if size+len(term) > maxLexemes {
				return
			}
			size += len(term)
			e = &entry{}
			words[string(term)] = e
			order = append(order, string(term))
		}
		p := min(pos+1, maxPosition) // tsvector positions start at 1
		if len(e.pos) >= maxPositions || len(e.pos) > 0 && e.pos[len(e.pos)-1] == p {
			return
		}
		e.pos = append(e.pos, p)
		e.title = append(e.title, title)
	})
	var b strings.Builder
	for i, w := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		quoteLexeme(&b, w)
		e := words[w]
		for j, p := range e.pos {
			if j == 0 {
				b.WriteByte(':')
			} else {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
			if e.title[j] {
				b.WriteByte('A')
			}
		}
	}
	return b.String()
}

// quoteLexeme writes w as a quoted lexeme of a tsvector or tsquery: its
// quotes doubled and backslashes escaped.
func quoteLexeme(b *strings.Builder, w string) {
	b.WriteByte('\'')
	for _, r := range w {
		switch r {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
}

// tsquery returns query as the text of a tsquery, or "" when it has no
// words, which Search answers with no articles as the embedded index does.
// A query of excluded words only matches every article without them, as
// in the embedded index; wanted says whether some word is not excluded,
// so that the articles can be found by the index of their words.
func tsquery(query string) (q string, wanted bool) {
	plan := search.PlanQuery(query)
	if len(plan.Clauses) == 0 {
		return "", false
	}
	var b strings.Builder
	for i, c := range plan.Clauses {
		wanted = wanted || !c.Exclude
		if i > 0 {
			b.WriteString(" & ")
		}
		if c.Exclude {
			b.WriteByte('!')
		}
		b.WriteByte('(')
		for j, w := range c.Words {
			if j > 0 {
				b.WriteString(" <-> ")
			}
			b.WriteByte('(')
			n := 0
			alternatives := func(forms []string, suffix string) {
				for _, f := range forms {
					if len(f) > maxLexeme {
						continue
					}
					if n > 0 {
						b.WriteString(" | ")
					}
					quoteLexeme(&b, f)
					b.WriteString(suffix)
					n++
				}
			}
			alternatives(w.Forms, "")
			alternatives(w.Prefixes, ":*")
			if n == 0 {
				// A word no article can hold in the server.
				quoteLexeme(&b, "\x01")
			}
			b.WriteByte(')')
		}
		b.WriteByte(')')
	}
	return b.String(), wanted
}
