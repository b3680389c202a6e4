// Package conll reads named-entity data in CoNLL form, one token a line
// with its BIO tag, and scores tags against it as conlleval does: exact
// spans, precision, recall and F1 per type and over types.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one sentence of a CoNLL file: its tokens and, when the file
// has them, their tags (the last column).
type Sentence struct {
	Tokens []string
	Tags   []string
}

// maxTokenBytes bounds one line of CoNLL input, so that a file without
// newlines cannot take all memory.
const maxTokenBytes = 1 << 20

// ReadCoNLL reads sentences in CoNLL form: one token a line, its first
// column the token and, if there is more than one column, its last column
// the tag; a blank line ends a sentence. Lines starting with -DOCSTART- are
// skipped.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	docs, err := ReadCoNLLDocuments(r)
	var out []Sentence
	for _, d := range docs {
		out = append(out, d...)
	}
	return out, err
}

// ReadCoNLLDocuments reads CoNLL input as ReadCoNLL does, split into
// documents at its -DOCSTART- lines (one document when it has none).
func ReadCoNLLDocuments(r io.Reader) ([][]Sentence, error) {
	var docs [][]Sentence
	var doc []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxTokenBytes)
	flush := func() {
		if len(cur.Tokens) > 0 {
			doc = append(doc, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) == 0:
			flush()
		case fields[0] == "-DOCSTART-":
			flush()
			if len(doc) > 0 {
				docs = append(docs, doc)
			}
			doc = nil
		default:
			cur.Tokens = append(cur.Tokens, fields[0])
			if len(fields) > 1 {
				cur.Tags = append(cur.Tags, fields[len(fields)-1])
			} else {
				cur.Tags = append(cur.Tags, "")
			}
		}
	}
	flush()
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		return docs, fmt.Errorf("entities: reading CoNLL: %w", err)
	}
	return docs, nil
}

// Chunk is a name found in a tag sequence: tokens [Start, End) of type
// Type (PERS, LOC, ORG, MISC).
type Chunk struct {
	Type       string
	Start, End int
}

// Chunks returns the names in a BIO tag sequence the way conlleval reads
// them: a name starts at B-X, or at I-X after anything but X.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	for i := 0; i <= len(tags); i++ {
		prefix, t := "O", ""
		if i < len(tags) {
			prefix, t, _ = strings.Cut(tags[i], "-")
			if t == "" {
				prefix = "O"
			}
		}
		if open >= 0 && (prefix != "I" || t != typ) {
			out = append(out, Chunk{typ, open, i})
			open = -1
		}
		if open < 0 && (prefix == "B" || prefix == "I") {
			open, typ = i, t
		}
	}
	return out
}

// Score counts names found, expected and right for one type.
type Score struct {
	Found, Gold, Correct int
}

// Precision is the share of names found that are right, in percent.
func (s Score) Precision() float64 { return pct(s.Correct, s.Found) }

// Recall is the share of gold names found exactly, in percent.
func (s Score) Recall() float64 { return pct(s.Correct, s.Gold) }

// F1 is the harmonic mean of Precision and Recall, in percent.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Evaluation holds exact-span scores per type.
type Evaluation map[string]*Score

// Add scores one sentence's predicted tags against its gold tags.
func (e Evaluation) Add(gold, pred []string) {
	g, p := Chunks(gold), Chunks(pred)
	inGold := map[Chunk]bool{}
	for _, c := range g {
		e.score(c.Type).Gold++
		inGold[c] = true
	}
	for _, c := range p {
		e.score(c.Type).Found++
		if inGold[c] {
			e.score(c.Type).Correct++
		}
	}
}

func (e Evaluation) score(t string) *Score {
	if e[t] == nil {
		e[t] = &Score{}
	}
	return e[t]
}

// Micro sums the scores of the given types.
func (e Evaluation) Micro(types ...string) Score {
	var s Score
	for _, t := range types {
		if x := e[t]; x != nil {
			s.Found += x.Found
			s.Gold += x.Gold
			s.Correct += x.Correct
		}
	}
	return s
}

// Report writes a conlleval-like table: per type and micro-averaged over
// PERS, LOC and ORG and over all four types.
func (e Evaluation) Report(w io.Writer) {
	fmt.Fprintf(w, "%-14s %7s %7s %7s %6s %6s %6s\n", "type", "gold", "found", "correct", "P", "R", "F1")
	row := func(name string, s Score) {
		fmt.Fprintf(w, "%-14s %7d %7d %7d %6.2f %6.2f %6.2f\n", name, s.Gold, s.Found, s.Correct, s.Precision(), s.Recall(), s.F1())
	}
	for _, t := range []string{"PERS", "LOC", "ORG", "MISC"} {
		row(t, e.Micro(t))
	}
	row("micro PLO", e.Micro("PERS", "LOC", "ORG"))
	row("micro all", e.Micro("PERS", "LOC", "ORG", "MISC"))
}
