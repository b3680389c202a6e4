package entities

import (
	"io"

	"sahifa/corpus/entities/conll"
)

// ReadCoNLLDocuments reads CoNLL input split into documents at its
// -DOCSTART- lines, for TagDocument: conll.ReadCoNLLDocuments.
func ReadCoNLLDocuments(r io.Reader) ([][]conll.Sentence, error) {
	return conll.ReadCoNLLDocuments(r)
}

// TagDocument returns the BIO tags of the sentences of one document, each
// a list of tokens: the tagger's names and those its patterns add, spread to wherever the same name
// recurs in the document as Extract does within an article. Tokens are
// taken as given, not split again.
func (m *Model) TagDocument(doc [][]string) [][]string {
	t := m.newTagger()
	x := &extraction{bare: map[string]bool{}}
	t.article, t.forms = 1, 0
	var names []found
	var pat patterner
	for si, toks := range doc {
		first := len(x.toks)
		tags := t.tag(toks)
		for range toks {
			x.toks = append(x.toks, token{para: int32(si)})
		}
		x.addWords(t)
		for _, c := range pat.apply(t, toks, chunksOf(tags)) {
			names = append(names, found{first + c.first, first + c.last, c.kind})
		}
	}
	x.names = names
	x.stems = make([]uncliticked, t.forms)
	x.spread()
	out := make([][]string, len(doc))
	starts := make([]int, len(doc))
	n := 0
	for si, toks := range doc {
		starts[si] = n
		n += len(toks)
		out[si] = make([]string, len(toks))
		for i := range out[si] {
			out[si][i] = Tags[0]
		}
	}
	for _, nm := range x.names {
		si := x.toks[nm.first].para
		for i := nm.first; i <= nm.last; i++ {
			out[si][i-starts[si]] = bioTag(nm.kind, i > nm.first)
		}
	}
	return out
}
