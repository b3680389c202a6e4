package related

import (
	"bufio"
	"fmt"
	"os"
	"testing"

	"sahifa/corpus"
)

// TestFeatures writes, when $RELATED_FEATURES names a file, the
// candidates of each judged query with what the measure weighs and the
// judgement, to choose the measure's parameters from.
func TestFeatures(t *testing.T) {
	file := os.Getenv("RELATED_FEATURES")
	if file == "" {
		t.Skip("RELATED_FEATURES is not set")
	}
	arts, _, f := saudiFinder(t)
	byID := articlesByID(arts)
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := bufio.NewWriter(out)
	defer w.Flush()
	var q judgedQuery
	inspect = func(a *corpus.Article, top []candidate) {
		for i, c := range top {
			fmt.Fprintf(w, "%s\t%d\t%s\t%.4f\t%.4f\t%.3f\t%.3f\t%v\t%v\t%.3f\n", a.ID, i, c.a.ID, c.text, c.score, c.days, 0.0, c.copyOf, q.same[c.a.ID], c.titled)
		}
	}
	defer func() { inspect = nil }()
	for _, q = range readJudged(t) {
		f.Related(byID[q.id], 10)
	}
}
