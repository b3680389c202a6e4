package entities

import (
	"fmt"
	"math"
	"math/rand/v2"

	"sahifa/corpus/entities/brown"
	"sahifa/corpus/entities/conll"
	"sahifa/corpus/entities/internal/training"
)

// trainOptions controls train; see training.Options.
type trainOptions = training.Options

// train learns a Model from tagged sentences with the averaged structured
// perceptron (Collins 2002): decode each sentence with the current
// weights and, where the best path differs from the gold one, move weight
// from the predicted features to the gold ones; the model is the average
// of the weights over all steps. Equal inputs and options give an equal
// model.
func train(data []conll.Sentence, opt trainOptions) *Model {
	if opt.Clusters == nil && opt.Brown > 1 {
		text := make([][]string, len(data))
		for i, d := range data {
			text[i] = d.Tokens
		}
		opt.Clusters = clusters(text, brown.Options{Clusters: opt.Brown})
	}
	if opt.Epochs == 0 {
		// 20 passes rather than 12 gain a little on the held-out part
		// and by cross-validation alike, for every seed tried; more
		// features then pass the pruning, but their table keeps its size.
		opt.Epochs = 20
	}
	if opt.MinCount == 0 {
		opt.MinCount = 1
	}
	if opt.Prune == 0 {
		// Dropping the features whose weights all stay within ±1 keeps
		// the F1 and a third of the features, whose table then fits
		// the processor's caches better: a fifth faster tagging.
		opt.Prune = 1
	}
	if opt.Parts == 0 {
		opt.Parts = 5
	}
	if opt.Bags == 0 {
		opt.Bags = 3
	}
	if opt.Dropout == 0 {
		opt.Dropout = 0.2
	}
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, args...)
		}
	}

	// Extract every sentence's features once.
	var s sentence
	var buf []uint64
	var hashes []uint64
	counts := map[uint64]int32{}
	var order []uint64 // features in order of first sight, for determinism
	examples := make([]example, 0, len(data))
	part := func(i int) int { return i * opt.Parts / max(1, len(data)) }
	dicts := make([]*nameDict, opt.Parts)
	full := newNameDict()
	for k := range dicts {
		dicts[k] = newNameDict()
	}
	for i, d := range data {
		full.add(d.Tokens, d.Tags)
		for k := range dicts {
			if k != part(i) {
				dicts[k].add(d.Tokens, d.Tags)
			}
		}
	}
	paths := opt.Clusters
	vocabs := make([]*vocab, opt.Parts)
	for k, d := range dicts {
		vocabs[k] = newVocab(d, paths)
	}
	for di, d := range data {
		ex := example{gold: goldTags(d.Tags, len(d.Tokens)), off: make([]int32, 0, len(d.Tokens)+1), ctx: make([]int32, len(d.Tokens)), oov: make([]bool, len(d.Tokens))}
		s.reset(d.Tokens, vocabs[part(di)])
		ex.off = append(ex.off, int32(len(hashes)))
		for i := range d.Tokens {
			var identity int
			buf, identity = s.features(i, buf[:0])
			ex.ctx[i] = int32(len(hashes) + identity)
			ex.oov[i] = s.oov[i]
			for _, f := range buf {
				if counts[f] == 0 {
					order = append(order, f)
				}
				counts[f]++
			}
			hashes = append(hashes, buf...)
			ex.off = append(ex.off, int32(len(hashes)))
		}
		examples = append(examples, ex)
	}
	index := map[uint64]int32{}
	for _, f := range order {
		if counts[f] >= int32(opt.MinCount) {
			index[f] = int32(len(index))
		}
	}
	rows := make([]int32, len(hashes)) // feature → row, -1 when not learnt
	for i, f := range hashes {
		r, ok := index[f]
		if !ok {
			r = -1
		}
		rows[i] = r
	}
	logf("%d sentences, %d tokens, %d features (%d seen at least %d times)\n",
		len(examples), totalTokens(data), len(order), len(index), opt.MinCount)

	// Each bag learns with its own order of sentences; the model is the
	// mean of their averaged weights, which evens out what one order
	// happens to favour.
	nf := len(index)
	sum := make([]float64, nf*nTags)
	var tsum [nTags + 1][nTags]float64
	for bag := 0; bag < opt.Bags; bag++ {
		w, trans := learn(examples, rows, nf, opt, opt.Seed+uint64(bag), logf)
		for p := range trans {
			for c := range trans[p] {
				tsum[p][c] += trans[p][c] / float64(opt.Bags)
			}
		}
		for i := range w {
			sum[i] += w[i] / float64(opt.Bags)
		}
	}

	m := &Model{index: map[uint64]int32{}, dict: full, clusters: paths}
	for p := range tsum {
		for c := range tsum[p] {
			m.trans[p][c] = float32(tsum[p][c])
		}
	}
	for _, f := range order {
		r, ok := index[f]
		if !ok {
			continue
		}
		var row [nTags]float32
		keep := false
		for t := 0; t < nTags; t++ {
			v := sum[int(r)*nTags+t]
			row[t] = float32(v)
			keep = keep || math.Abs(v) >= opt.Prune
		}
		if keep {
			m.index[f] = int32(len(m.w))
			m.w = append(m.w, row[:]...)
		}
	}
	if r, ok := m.index[mix(tBias, 0)]; ok {
		m.w[r] -= float32(opt.Recall)
	}
	logf("%d features kept after pruning\n", len(m.index))
	return m.finish()
}

// example is one training sentence: its gold tags and its tokens' features
// as rows of the weight table.
type example struct {
	gold []int
	off  []int32 // feature list of token i: feats[off[i]:off[i+1]]
	ctx  []int32 // where its context features start
	oov  []bool  // the word is unknown to the dictionary of the other parts
}

// learn runs the averaged perceptron over the examples, visiting them in
// the order seed gives, and returns the averaged weights: nTags per
// feature row, and the transitions.
func learn(examples []example, rows []int32, nf int, opt trainOptions, seed uint64, logf func(string, ...any)) ([]float64, [nTags + 1][nTags]float64) {
	// Weights change by whole steps, so integers hold them exactly; acc
	// sums step×change, from which the average follows (Daumé's trick).
	w := make([]int32, nf*nTags)
	acc := make([]int64, nf*nTags)
	var tw [nTags + 1][nTags]int32
	var tacc [nTags + 1][nTags]int64
	step := int64(1)
	update := func(feats []int32, tag int, d int32) {
		for _, r := range feats {
			if r >= 0 {
				w[int(r)*nTags+tag] += d
				acc[int(r)*nTags+tag] += step * int64(d)
			}
		}
	}

	rng := rand.New(rand.NewPCG(seed, 0x5a41f1a))
	perm := make([]int, len(examples))
	for i := range perm {
		perm[i] = i
	}
	var score []float32
	var trans [nTags + 1][nTags]float32
	var delta []float32
	var back []uint8
	var pred []int
	var hidden []bool
	// drop leaves out the identity features of the tokens marked in
	// hidden, and the word features of unseen words.
	drop := func(ex *example, i int) []int32 {
		switch {
		case hidden[i]:
			return rows[ex.ctx[i]:ex.off[i+1]]
		case ex.oov[i]:
			// A word the other parts never saw is, to the finished
			// model, a word without weights of its own: learn it as one.
			return rows[ex.off[i]+wordFeatures : ex.off[i+1]]
		}
		return rows[ex.off[i]:ex.off[i+1]]
	}
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		wrong := 0
		for _, ei := range perm {
			ex := &examples[ei]
			n := len(ex.gold)
			hidden = grow(hidden, n)
			for i := range hidden {
				hidden[i] = rng.Float64() < opt.Dropout
			}
			score = grow(score, n*nTags)
			clear(score)
			for i := 0; i < n; i++ {
				e := score[i*nTags : (i+1)*nTags]
				for _, r := range drop(ex, i) {
					if r >= 0 {
						for k := range e {
							e[k] += float32(w[int(r)*nTags+k])
						}
					}
				}
			}
			for p := range tw {
				for c := range tw[p] {
					trans[p][c] = float32(tw[p][c])
				}
			}
			pred = viterbi(&trans, score, n, &delta, &back, pred)
			for i := 0; i < n; i++ {
				g, p := ex.gold[i], pred[i]
				gp, pp := start, start
				if i > 0 {
					gp, pp = ex.gold[i-1], pred[i-1]
				}
				if g != p {
					wrong++
					feats := drop(ex, i)
					update(feats, g, 1)
					update(feats, p, -1)
				}
				if g != p || gp != pp {
					tw[gp][g]++
					tacc[gp][g] += step
					tw[pp][p]--
					tacc[pp][p] -= step
				}
			}
			step++
		}
		logf("epoch %2d: %d token errors\n", epoch, wrong)
	}

	avg := func(wv int32, av int64) float64 { return float64(wv) - float64(av)/float64(step) }
	var tavg [nTags + 1][nTags]float64
	for p := range tw {
		for c := range tw[p] {
			tavg[p][c] = avg(tw[p][c], tacc[p][c])
		}
	}
	out := make([]float64, len(w))
	for i := range w {
		out[i] = avg(w[i], acc[i])
	}
	return out, tavg
}

func totalTokens(data []conll.Sentence) int {
	n := 0
	for _, d := range data {
		n += len(d.Tokens)
	}
	return n
}

// goldTags returns the model's BILOU tags for a sentence tagged BIO;
// anything unknown is O.
func goldTags(tags []string, n int) []int {
	out := make([]int, n)
	for _, c := range conll.Chunks(tags) {
		k, ok := kindOfType[c.Type]
		if !ok || c.End > n {
			continue
		}
		if c.End-c.Start == 1 {
			out[c.Start] = tagOf(k, posUnit)
			continue
		}
		out[c.Start] = tagOf(k, posBegin)
		for i := c.Start + 1; i < c.End-1; i++ {
			out[i] = tagOf(k, posInside)
		}
		out[c.End-1] = tagOf(k, posLast)
	}
	return out
}

// tagSentence returns the BIO tags the model gives to the tokens of one
// sentence.
func (m *Model) tagSentence(tokens []string) []string {
	t := m.newTagger()
	idx := t.tag(tokens)
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = Tags[0]
		if k != 0 {
			out[i] = bioTag(kindOfTag(k), isInside(k))
		}
	}
	return out
}

// The training command reaches the learner through package training.
func init() {
	training.Train = func(data []conll.Sentence, opt training.Options) training.Model {
		m := train(data, opt)
		return training.Model{TagSentence: m.tagSentence, TagDocument: m.TagDocument, WriteTo: m.writeTo, Features: m.features}
	}
	training.Clusters = clusters
	training.Tokens = tokens
	training.WriteClusters = writeClusters
	training.ReadClusters = readClusters
}
