package related

import (
	"fmt"
	"os"
	"testing"

	"sahifa/corpus"
)

func TestMeasureResemblance(t *testing.T) {
	if os.Getenv("RELATED_MEASURE") == "" {
		t.Skip()
	}
	arts, _, _ := saudiFinder(t)
	byID := map[string]*corpus.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	hist := make([]int, 11)
	var pairs, exactHi, estHi, agree int
	for _, q := range readJudged(t) {
		for id := range q.same {
			a, b := byID[q.id], byID[id]
			est := NewSketch(a).Resemblance(NewSketch(b))
			hist[int(est*10)]++
			pairs++
			ex := exactResemblance(a, b)
			if ex >= 0.5 {
				exactHi++
			}
			if est >= 0.5 {
				estHi++
			}
			if (ex >= 0.5) == (est >= 0.5) {
				agree++
			}
		}
	}
	fmt.Println("pairs", pairs, "hist", hist, "exact>=.5", exactHi, "est>=.5", estHi, "agree", agree)
}
