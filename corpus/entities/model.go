package entities

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"

	"sahifa/corpus/arabic"

	"sahifa/corpus/entities/brown"
)

// Tags are the BIO labels the tagger writes: ANERcorp's label set
// (Benajiba, Rosso & Benedí 2007).
var Tags = [...]string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// Inside the model a name's tokens are tagged BILOU: Begin, Inside, Last
// or Unit (a name of one token), which lets the weights tell how names end
// (Ratinov & Roth 2009, "Design challenges and misconceptions in named
// entity recognition"). Tag 0 is O, then four tags per Kind.
const (
	nTags = 1 + 4*nKinds
	start = nTags // the row of trans for the first token of a sentence
)

const (
	posBegin = iota
	posInside
	posLast
	posUnit
)

func kindOfTag(t int) Kind { return Kind((t - 1) / 4) }
func posOfTag(t int) int   { return (t - 1) % 4 }
func tagOf(k Kind, pos int) int {
	return 1 + 4*int(k) + pos
}

// isInside reports whether tag t continues a name.
func isInside(t int) bool {
	return t > 0 && (posOfTag(t) == posInside || posOfTag(t) == posLast)
}

// allowed reports whether tag cur may follow tag prev: an open name (B or
// I) goes on with I or L of its kind, anything else is followed by O, B
// or U.
func allowed(prev, cur int) bool {
	open := prev != start && prev != 0 && (posOfTag(prev) == posBegin || posOfTag(prev) == posInside)
	if open {
		return cur != 0 && kindOfTag(cur) == kindOfTag(prev) && isInside(cur)
	}
	return cur == 0 || !isInside(cur)
}

// allowedBefore lists, for each tag, the tags that may precede it, in
// increasing order.
var allowedBefore = func() (out [nTags][]uint8) {
	for c := range nTags {
		for p := range nTags {
			if allowed(p, c) {
				out[c] = append(out[c], uint8(p))
			}
		}
	}
	return out
}()

// allowedFirst tells for each tag whether it may start a sentence.
var allowedFirst = func() (out [nTags]bool) {
	for c := range nTags {
		out[c] = allowed(start, c)
	}
	return out
}()

// bioTag returns the BIO label of a token of a name of kind k.
func bioTag(k Kind, inside bool) string {
	if inside {
		return Tags[2+2*int(k)]
	}
	return Tags[1+2*int(k)]
}

// Model is a trained sequence tagger: an averaged perceptron over hashed
// features with first-order tag transitions, decoded by Viterbi.
type Model struct {
	index map[uint64]int32 // feature → first weight of its row
	w     []float32        // nTags weights per row
	trans [nTags + 1][nTags]float32
	dict  *nameDict
	// clusters are the cluster paths of words, from Brown clustering of
	// the training text (trainOptions.Clusters).
	clusters map[string]brown.Path

	table featTable // index, laid out for fast lookups
	fixed *fixedRows
	vocab *vocab
}

// finish readies a model built by train or readModel for tagging.
func (m *Model) finish() *Model {
	m.table = newFeatTable(m.index)
	m.fixed = newFixedRows(&m.table)
	m.vocab = newVocab(m.dict, m.clusters)
	return m
}

// featTable maps features to weight rows by open addressing: features are
// well-mixed hashes already, so their low bits index the slots directly,
// and a half-empty table answers most lookups, hits or misses, in one probe.
// A slot holds its key and row side by side: one cache line read a probe.
//
// Most lookups miss (the bigrams of a token with its neighbours, above
// all), and the slots (2 MB for the shipped model) outgrow the
// processor's nearer caches, so that a miss waited for a far one: seen
// has a bit for the top bits of each key the table holds, and a clear bit
// answers most misses from 64 KB that stay near.
type featTable struct {
	slots     []featSlot
	mask      uint64
	seen      []uint64
	seenShift uint
}

type featSlot struct {
	key uint64
	row int32
}

func newFeatTable(index map[uint64]int32) featTable {
	size := 16
	for size < 2*len(index) {
		size *= 2
	}
	t := featTable{slots: make([]featSlot, size), mask: uint64(size - 1)}
	// Eight bits a key or more leave most bits clear.
	nBits := 64
	for nBits < 8*len(index) {
		nBits *= 2
	}
	t.seen, t.seenShift = make([]uint64, nBits/64), uint(64-bits.Len(uint(nBits-1)))
	for k, r := range index {
		k = nonZero(k)
		b := k >> t.seenShift
		t.seen[b/64] |= 1 << (b % 64)
		i := k & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = featSlot{k, r}
	}
	return t
}

// nonZero keeps 0 free to mark empty slots.
func nonZero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

func (t *featTable) get(k uint64) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	k = nonZero(k)
	if b := k >> t.seenShift; t.seen[b/64]&(1<<(b%64)) == 0 {
		return 0, false
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch sl := &t.slots[i]; sl.key {
		case k:
			return sl.row, true
		case 0:
			return 0, false
		}
	}
}

// appendRows appends the weight rows of the features the model knows.
func (t *featTable) appendRows(dst []int32, feats []uint64) []int32 {
	for _, f := range feats {
		if r, ok := t.get(f); ok {
			dst = append(dst, r)
		}
	}
	return dst
}

// features returns how many features the model weighs.
func (m *Model) features() int { return len(m.index) }

// tagger holds the buffers for tagging sentences; one per goroutine.
type tagger struct {
	m     *Model
	s     sentence
	feats []uint64
	rows  []int32
	words []arabic.Token // the words of a text, for appendTokensBuf
	score []float32      // emission scores, nTags per token
	delta []float32
	back  []uint8
	tags  []int
	// article counts the articles read, and forms the word forms of
	// the current one: extraction.addWords numbers them by wordInfo.
	article uint64
	forms   int32
}

func (m *Model) newTagger() *tagger { return &tagger{m: m} }

// tag returns the best tag sequence for the tokens, reusing t's buffers.
func (t *tagger) tag(tokens []string) []int {
	n := len(tokens)
	s := &t.s
	s.reset(tokens, t.m.vocab)
	t.score = grow(t.score, n*nTags)
	for i := 0; i < n; i++ {
		// The rows of sentence.features, in its order: the sums of
		// the weights, and so the tags, are the same to the last bit.
		w := s.word[i]
		if !w.rowsKnown {
			t.feats = s.words.knowRows(w, &t.m.table, t.feats)
		}
		k := featureSink{rows: append(t.rows[:0], w.formRows...), table: &t.m.table, fixed: t.m.fixed}
		s.addBigrams(i, &k)
		if s.affixed(i) {
			k.rows = append(k.rows, w.affixRows...)
		}
		s.addDict(i, &k)
		s.addContext(i, &k)
		t.rows = k.rows
		sumRows((*[nTags]float32)(t.score[i*nTags:(i+1)*nTags]), t.m.w, t.rows)
	}
	t.tags = viterbi(&t.m.trans, t.score, n, &t.delta, &t.back, t.tags)
	return t.tags
}

// sumRowsGo sets e to the sums of the weight rows of w, row by row in
// order. Its sums live in registers, not in memory that the weights
// might alias, which halves the time of the loop; the order of the
// additions, and so every bit of the sums, is the plain loop's.
func sumRowsGo(e *[nTags]float32, w []float32, rows []int32) {
	var e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16 float32
	for _, r := range rows {
		w := (*[nTags]float32)(w[r : int(r)+nTags])
		e0 += w[0]
		e1 += w[1]
		e2 += w[2]
		e3 += w[3]
		e4 += w[4]
		e5 += w[5]
		e6 += w[6]
		e7 += w[7]
		e8 += w[8]
		e9 += w[9]
		e10 += w[10]
		e11 += w[11]
		e12 += w[12]
		e13 += w[13]
		e14 += w[14]
		e15 += w[15]
		e16 += w[16]
	}
	*e = [...]float32{e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16}
}

// sumRowsGo and sumRowsSSE have a sum for each of 17 tags: this fails to compile when
// nTags changes.
var _ = [1]struct{}{}[nTags-17]

var negInf = float32(math.Inf(-1))

// viterbi returns the tag sequence of highest total score under BIO
// constraints, for n tokens with the given emission scores.
func viterbi(trans *[nTags + 1][nTags]float32, score []float32, n int, deltaBuf *[]float32, backBuf *[]uint8, out []int) []int {
	out = grow(out, n)
	if n == 0 {
		return out
	}
	// into[c][p] is the weight of going from tag p to tag c, read where
	// BIO allows the step only.
	var into [nTags][nTags]float32
	for c := range nTags {
		for _, p := range allowedBefore[c] {
			into[c][p] = trans[p][c]
		}
	}
	*deltaBuf = grow(*deltaBuf, n*nTags)
	*backBuf = grow(*backBuf, n*nTags)
	delta, back := *deltaBuf, *backBuf
	for c := 0; c < nTags; c++ {
		delta[c] = negInf
		if allowedFirst[c] {
			delta[c] = trans[start][c] + score[c]
		}
	}
	for i := 1; i < n; i++ {
		prev := delta[(i-1)*nTags : i*nTags : i*nTags]
		for c := 0; c < nTags; c++ {
			// A forbidden step weighs -∞ and never wins, so only the
			// allowed ones are tried, in the same order: where all
			// are -∞, tag 0 stays the answer as it was.
			row := &into[c]
			best, arg := negInf, 0
			for _, p := range allowedBefore[c] {
				if v := prev[p] + row[p]; v > best {
					best, arg = v, int(p)
				}
			}
			delta[i*nTags+c] = best + score[i*nTags+c]
			back[i*nTags+c] = uint8(arg)
		}
	}
	last := delta[(n-1)*nTags:]
	arg := 0
	for c := 1; c < nTags; c++ {
		if last[c] > last[arg] {
			arg = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*nTags+arg])
	}
	return out
}

// The model file: gzip of a magic line, the transition weights as
// float32, the feature count, the features' keys in increasing order as
// uvarint deltas, then per feature a byte mask of the tags it weighs and
// those weights as int16 steps of the scale, the dictionary of names seen
// in training, and last, when the model has one, the cluster table.
const modelMagic = "sahifa-ner 3\n"

// writeTo writes the model in its file format; equal models give equal
// bytes.
func (m *Model) writeTo(w io.Writer) (int64, error) {
	keys := make([]uint64, 0, len(m.index))
	maxAbs := float32(0)
	for k, r := range m.index {
		keys = append(keys, k)
		for _, v := range m.w[r : int(r)+nTags] {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	}
	slices.Sort(keys)
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	var b bytes.Buffer
	b.WriteString(modelMagic)
	binary.Write(&b, binary.LittleEndian, m.trans)
	binary.Write(&b, binary.LittleEndian, scale)
	b.Write(binary.AppendUvarint(nil, uint64(len(keys))))
	prev := uint64(0)
	for _, k := range keys {
		b.Write(binary.AppendUvarint(nil, k-prev))
		prev = k
	}
	for _, k := range keys {
		row := m.w[m.index[k] : int(m.index[k])+nTags]
		var mask uint32
		var q [nTags]int16
		for t, v := range row {
			q[t] = int16(math.Round(float64(v / scale)))
			if q[t] != 0 {
				mask |= 1 << t
			}
		}
		b.Write(binary.AppendUvarint(nil, uint64(mask)))
		for t := range row {
			if mask&(1<<t) != 0 {
				b.Write(binary.AppendVarint(nil, int64(q[t])))
			}
		}
	}
	if m.dict == nil {
		m.dict = newNameDict()
	}
	m.dict.write(&b)
	if len(m.clusters) > 0 {
		writeClusterTable(&b, m.clusters)
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// readModel reads a model written by writeTo. It trusts no count in the
// file: what it holds grows with what it has read, so that a damaged or
// hostile file of a few bytes cannot make it allocate what its header
// claims.
func readModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("entities: model: %w", err)
	}
	m, err := decodeModel(bufio.NewReader(zr))
	if err != nil {
		return nil, err
	}
	return m.finish(), nil
}

// decodeModel reads what readModel has unzipped; the model it returns is
// not yet finished.
func decodeModel(br *bufio.Reader) (*Model, error) {
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("entities: model: not a sahifa-ner 3 file")
	}
	m := &Model{}
	var scale float32
	if err := binary.Read(br, binary.LittleEndian, &m.trans); err != nil {
		return nil, fmt.Errorf("entities: model: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return nil, fmt.Errorf("entities: model: %w", err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return nil, errors.New("entities: model: bad feature count")
	}
	var keys []uint64 // each key takes a byte of the file at least
	prev := uint64(0)
	for range n {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("entities: model: %w", err)
		}
		if d == 0 && len(keys) > 0 || prev+d < prev {
			return nil, errors.New("entities: model: feature keys not in increasing order")
		}
		prev += d
		keys = append(keys, prev)
	}
	m.index = make(map[uint64]int32, len(keys))
	for i, k := range keys {
		mask, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("entities: model: %w", err)
		}
		m.w = append(m.w, make([]float32, nTags)...)
		row := m.w[i*nTags : (i+1)*nTags]
		for t := range row {
			if mask&(1<<t) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("entities: model: %w", err)
			}
			row[t] = float32(q) * scale
		}
		m.index[k] = int32(i * nTags)
	}
	if m.dict, err = readNameDict(br); err != nil {
		return nil, err
	}
	// The cluster table is last, and only in models trained with one.
	if _, err := br.Peek(1); err == nil {
		if m.clusters, err = readClusterTable(br); err != nil {
			return nil, err
		}
	}
	return m, nil
}
