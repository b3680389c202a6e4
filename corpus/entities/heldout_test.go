package entities

import (
	"sahifa/corpus/entities/conll"
	"strings"
	"testing"
)

// minHeldOutF1 is the floor for the micro-F1 over PERS, LOC and ORG on the
// held-out sixth of ANERcorp's training part; the measured value is in
// the package documentation.
const minHeldOutF1 = 73

// TestHeldOutF1 learns from the first five sixths of ANERcorp's training
// part and scores the last sixth, exact spans as conlleval counts them,
// with names spread over blocks of 30 sentences as `sahifa entities
// --conll` does.
func TestHeldOutF1(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model: skipped with -short")
	}
	data := readANERcorp(t)
	cut := len(data) * 5 / 6
	m := train(data[:cut], trainOptions{})
	e := conll.Evaluation{}
	test := data[cut:]
	for i := 0; i < len(test); i += 30 {
		doc := test[i:min(i+30, len(test))]
		toks := make([][]string, len(doc))
		for k, s := range doc {
			toks[k] = s.Tokens
		}
		for k, tags := range m.TagDocument(toks) {
			e.Add(doc[k].Tags, tags)
		}
	}
	var b strings.Builder
	e.Report(&b)
	t.Logf("held out %d of %d sentences:\n%s", len(test), len(data), b.String())
	if f1 := e.Micro("PERS", "LOC", "ORG").F1(); f1 < minHeldOutF1 {
		t.Errorf("micro-F1 over PERS, LOC, ORG = %.2f, want at least %d", f1, minHeldOutF1)
	}
}
