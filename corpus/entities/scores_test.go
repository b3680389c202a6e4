package entities

import (
	"math"
	"testing"
)

// TestScoresAsFeatures checks that the tagger, which keeps the rows of a
// word's own features from one sentence to the next, weighs every token
// of the seeds with the rows of sentence.features in their order: the
// emission scores are equal to the last bit, as they were when each
// feature was looked up in turn.
func TestScoresAsFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tg := m.newTagger()
	var ref sentence
	var feats []uint64
	sentences, tokens := 0, 0
	for _, a := range seedArticles(t) {
		for _, text := range articleTexts(a) {
			var words []string
			for _, tk := range appendTokens(nil, text, 0) {
				words = append(words, text[tk.start:tk.end])
			}
			// Twice, so that the second reading takes the rows the
			// first one kept.
			for range 2 {
				tg.tag(words)
				ref.reset(words, m.vocab)
				for i := range words {
					var want [nTags]float32
					feats, _ = ref.features(i, feats[:0])
					for _, f := range feats {
						if r, ok := m.table.get(f); ok {
							for k := range want {
								want[k] += m.w[int(r)+k]
							}
						}
					}
					for k, w := range want {
						if got := tg.score[i*nTags+k]; math.Float32bits(got) != math.Float32bits(w) {
							t.Fatalf("%q, token %d (%q), tag %d: score %v, features give %v", text, i, words[i], k, got, w)
						}
					}
				}
				sentences++
				tokens += len(words)
			}
		}
	}
	if tokens == 0 {
		t.Fatal("no tokens in the seeds")
	}
	t.Logf("%d texts, %d tokens", sentences, tokens)
}
