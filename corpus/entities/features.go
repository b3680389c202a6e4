package entities

import (
	"unicode"
	"unicode/utf8"

	"sahifa/corpus/arabic"
)

// A feature is a 64-bit hash of a template and a value; the model keeps a
// row of per-tag weights for each feature it learnt. Hashing keeps feature
// extraction free of allocations, which is what makes tagging fast.
const (
	tBias uint64 = iota + 1
	tForm
	tStem
	tPre1
	tPre2
	tPre3
	tSuf1
	tSuf2
	tSuf3
	tStemPre2
	tStemSuf2
	tFormM2
	tFormM1
	tFormP1
	tFormP2
	tStemM1
	tStemP1
	tBigramM1
	tBigramP1
	tShape
	tShapeM1
	tShapeP1
	tShapeTri
	tSufM1
	tSufP1
	tPre4
	tSuf4
	tOOV
	tOOVPrev
	tOOVNext
	tDict // + offset (-2…2) * 16 + dictionary bit
	tLex  // + offset (-2…2) * lexNumClasses + class bit
	tStemSuf3
	tHeadWin // a trigger word three or four words back, no punctuation between
	tCluster // + the position (-1…1) and prefix length of a cluster path
)

// wordFeatures is how many features, first in the list, stand for the
// word as a whole rather than its parts or its neighbours.
const wordFeatures = 4

// Shapes of a token: its script and the kind of characters it holds.
const (
	shapeArabic uint8 = iota
	shapeLatin
	shapeLatinCap
	shapeDigits
	shapeMixed
	shapePunct
	shapeBoundary
)

// sentence is what the tagger knows of one sentence: each token's folded
// form, the form without proclitics, their hashes, shape and word-list
// classes. Its slices are reused from one sentence to the next.
type sentence struct {
	buf    []byte
	form   []string
	stem   []string
	hForm  []uint64
	hStem  []uint64
	shape  []uint8
	lex    []lexClass
	dict   []uint16
	oov    []bool // a word the name dictionary has never seen
	length []uint8

	clus [][len(clusterPrefixes)]uint64 // per token, its cluster prefixes' hashes

	ent, stemEnt []*vocabEntry
	word         []*wordInfo // per token, what its folded form alone says
	words        wordCache
}

// appendCommon appends, for each token of s, whether it is a common word:
// mostly outside names in the training data (vocabEntry.common) and in no
// list of given or family names.
func (s *sentence) appendCommon(dst []bool) []bool {
	for i := range s.form {
		var l lexClass
		for _, e := range [2]*vocabEntry{s.ent[i], s.stemEnt[i]} {
			if e != nil {
				l |= e.lex
			}
		}
		dst = append(dst, s.stemEnt[i].common() && l&(lexFirstName|lexLastName) == 0)
	}
	return dst
}

// reset fills s from the tokens, which are the words and punctuation of one
// sentence as written, looking them up in v.
func (s *sentence) reset(tokens []string, v *vocab) {
	n := len(tokens)
	s.form = grow(s.form, n)
	s.stem = grow(s.stem, n)
	s.hForm = grow(s.hForm, n)
	s.hStem = grow(s.hStem, n)
	s.shape = grow(s.shape, n)
	s.lex = grow(s.lex, n)
	s.length = grow(s.length, n)
	s.dict = grow(s.dict, n)
	s.oov = grow(s.oov, n)
	s.clus = grow(s.clus, n)
	s.ent = grow(s.ent, n)
	s.stemEnt = grow(s.stemEnt, n)
	s.word = grow(s.word, n)
	for i, t := range tokens {
		s.buf = arabic.AppendFold(s.buf[:0], t)
		w := s.words.get(s.buf, v)
		s.word[i] = w
		s.form[i] = w.form
		s.stem[i] = w.stem
		s.ent[i] = w.ent
		s.stemEnt[i] = w.stemEnt
		s.hForm[i] = w.hForm
		s.hStem[i] = w.hStem
		s.shape[i] = shapeOf(t)
		s.length[i] = w.length
	}
	v.mark(s)
}

// wordInfo is what reading a sentence takes from a folded word alone.
type wordInfo struct {
	form, stem   string       // stem is coreOf(form)
	unclitic     uncliticPlan // what extraction.unclitic makes of form alone
	hForm, hStem uint64
	length       uint8 // letters of the stem, at most 8
	v            *vocab
	ent, stemEnt *vocabEntry // the entries of form and stem in v
	// What ent and stemEnt say of the word alone (classes).
	lex  lexClass
	clus *[len(clusterPrefixes)]uint64
	dict uint16

	// The model's weight rows of the word's form features and affix
	// features (appendFormFeatures, appendAffixFeatures), once a tagger
	// has looked them up.
	rowsKnown bool
	formRows  []int32
	affixRows []int32
	// roles are the rows of the word's features as a neighbour
	// (featureSink.addOf).
	roles [nRoles]int32

	hSuf2   uint64 // the hash of the form's last two letters, if hasSuf2
	hasSuf2 bool

	// mayStartOrg and mayStartSpelled tell whether the word may begin a
	// listed organisation (listedOrg) or an acronym spelled in letters
	// (spelledAcronym): the patterns try both at every token, and most
	// words begin neither.
	mayStartOrg, mayStartSpelled bool

	// number is the word's extraction.word in the tagger's article
	// (tagger.article) it was last seen in.
	article uint64
	number  int32
}

// wordCache remembers the wordInfo of the words a sentence has seen. It
// keeps two generations of at most wordCacheSize words: when the newer
// is full the older is dropped, and a word found in the older moves to
// the newer, so that the words in use stay. Most tokens are words seen
// before, and looking one up once replaces coreOf, two vocab lookups, two
// hashes and a dozen feature probes.
type wordCache struct {
	m, older wordTable
	infos    []wordInfo // allocated a slab at a time
	rows     []int32    // likewise, for the rows of the infos
}

// wordCacheSize lets a generation hold a day of SaudiNewsNet, 97,755
// words (about 40 MB with their rows): read again, the day then finds
// every word in the cache. A generation of 32,768, its most frequent
// words and 92% of its tokens, let each reading miss 114,000 times.
const wordCacheSize = 1 << 17

// get returns the wordInfo of the folded word f with its entries in v.
func (c *wordCache) get(f []byte, v *vocab) *wordInfo {
	h := hashBytes(f)
	w := c.m.get(h, f)
	if w == nil {
		if c.m.n >= wordCacheSize {
			c.older.clear()
			c.m, c.older = c.older, c.m
		}
		if w = c.older.get(h, f); w == nil {
			w = c.add(string(f), h)
		}
		c.m.put(h, w)
	}
	if w.v != v {
		// Training reads its parts with vocabs of their own.
		w.v, w.ent = v, v.words[w.form]
		w.stemEnt = w.ent
		if w.stem != w.form {
			w.stemEnt = v.words[w.stem]
		}
		w.lex, w.clus, w.dict = classes(w.ent, w.stemEnt)
	}
	return w
}

// add makes the wordInfo of the folded word form, whose hash is h.
func (c *wordCache) add(form string, h uint64) *wordInfo {
	if len(c.infos) == cap(c.infos) {
		c.infos = make([]wordInfo, 0, 256)
	}
	readings := arabic.WithoutProclitics(form)
	st := coreOfReadings(form, readings)
	c.infos = append(c.infos, wordInfo{form: form, stem: st, unclitic: planUnclitic(form, readings), hForm: h, hStem: hashString(st),
		length: uint8(min(runeCount(st), 8))})
	w := &c.infos[len(c.infos)-1]
	for r := range w.roles {
		w.roles[r] = rowUnknown
	}
	if p, ok := suffixRunes(form, 2); ok {
		w.hSuf2, w.hasSuf2 = hashString(p), true
	}
	w.mayStartOrg = latinOrgs()[form]
	for r := range orgForms(form) {
		w.mayStartOrg = w.mayStartOrg || len(orgNameTable()[r]) > 0
	}
	rest, _ := uncliticLetter(form)
	w.mayStartSpelled = letterNames()[form] || letterNames()[rest]
	return w
}

// wordTable is a generation of wordCache: a hash table by open
// addressing of words by their hashes (hashString), which the words need
// anyway, in place of a map that hashes them again and reads each key
// string before it finds the word.
type wordTable struct {
	slots []wordSlot
	n     int
}

type wordSlot struct {
	h uint64
	w *wordInfo
}

func (t *wordTable) get(h uint64, f []byte) *wordInfo {
	if t.n == 0 {
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	for i := slotOf(h) & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.w == nil || sl.h == h && sl.w.form == string(f) {
			return sl.w
		}
	}
}

// put adds w, whose hash is h and which t does not hold.
func (t *wordTable) put(h uint64, w *wordInfo) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots, t.n = make([]wordSlot, max(1024, 2*len(old))), 0 // 1024: enough for an article
		for _, sl := range old {
			if sl.w != nil {
				t.put(sl.h, sl.w)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := slotOf(h) & mask
	for t.slots[i].w != nil {
		i = (i + 1) & mask
	}
	t.slots[i] = wordSlot{h, w}
	t.n++
}

// slotOf spreads the hash h over the slots: the low bits of FNV-1a
// depend on the low bits of the bytes only.
func slotOf(h uint64) uint64 { return h ^ h>>29 }

// clear empties t, keeping its slots for the next generation.
func (t *wordTable) clear() {
	clear(t.slots)
	t.n = 0
}

// knowRows looks up in t the rows of w's form and affix features.
func (c *wordCache) knowRows(w *wordInfo, t *featTable, feats []uint64) []uint64 {
	feats = appendFormFeatures(feats[:0], w.hForm, w.hStem)
	w.formRows = c.appendRows(t, feats)
	feats = appendAffixFeatures(feats[:0], w.form, w.stem)
	w.affixRows = c.appendRows(t, feats)
	w.rowsKnown = true
	return feats
}

// appendRows returns the rows of feats in t, kept in c's slab.
func (c *wordCache) appendRows(t *featTable, feats []uint64) []int32 {
	if cap(c.rows)-len(c.rows) < len(feats) {
		c.rows = make([]int32, 0, max(4096, len(feats)))
	}
	from := len(c.rows)
	c.rows = t.appendRows(c.rows, feats)
	return c.rows[from:len(c.rows):len(c.rows)]
}

// coreOf returns the shortest reading of the folded word f without its
// proclitics and article that keeps at least minStem letters: the part a
// name and its clitic forms share (والروسي, للروسي → روسي).
func coreOf(f string) string { return coreOfReadings(f, arabic.WithoutProclitics(f)) }

// coreOfReadings is coreOf with f's readings,
// arabic.WithoutProclitics(f).
func coreOfReadings(f string, readings []string) string {
	best := f
	n := runeCount(f)
	for _, r := range readings[1:] {
		if k := runeCount(r); k >= minStem && k < n {
			best, n = r, k
		}
	}
	return best
}

// minStem is the fewest letters left when clitics come off a word:
// shorter remains are more often part of the word (وزن, بلد).
const minStem = 3

func runeCount(s string) int { return utf8.RuneCountInString(s) }

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func shapeOf(t string) uint8 {
	var ar, lat, cap, dig, other bool
	for _, r := range t {
		switch {
		// Most runes are Arabic letters, ASCII letters or digits: they
		// are told apart without the Unicode tables.
		case 0x621 <= r && r <= 0x63a || 0x641 <= r && r <= 0x64a:
			ar = true
		case 'a' <= r && r <= 'z':
			lat = true
		case 'A' <= r && r <= 'Z':
			lat, cap = true, true
		case '0' <= r && r <= '9' || unicode.IsDigit(r):
			dig = true
		case unicode.Is(unicode.Arabic, r):
			ar = ar || unicode.IsLetter(r)
		case unicode.IsLetter(r):
			lat = true
			cap = cap || unicode.IsUpper(r)
		case unicode.IsMark(r):
		default:
			other = true
		}
	}
	switch {
	case dig && !ar && !lat:
		return shapeDigits
	case ar && !lat && !dig:
		return shapeArabic
	case lat && !ar && !dig && cap:
		return shapeLatinCap
	case lat && !ar && !dig:
		return shapeLatin
	case !ar && !lat && !dig && other:
		return shapePunct
	}
	return shapeMixed
}

// features appends the features of token i to dst and returns how many
// of them, at the start, name the word itself (its form, affixes and
// dictionary entry): training hides those at random (Dropout) so that the
// model also learns the contexts and word lists that point to names, which
// is all it has for a name it never saw.
func (s *sentence) features(i int, dst []uint64) ([]uint64, int) {
	n0 := len(dst)
	// The first wordFeatures name the word itself.
	dst = appendFormFeatures(dst, s.hForm[i], s.hStem[i])
	k := featureSink{hashes: dst, fixed: &hashOnly}
	s.addBigrams(i, &k)
	if s.affixed(i) {
		k.hashes = appendAffixFeatures(k.hashes, s.form[i], s.stem[i])
	}
	s.addDict(i, &k)
	identity := len(k.hashes) - n0
	s.addContext(i, &k)
	return k.hashes, identity
}

// The features of a token, in the order features gives them, are made in
// parts so that the tagger can keep the rows of those that depend on the
// folded word alone (wordInfo): its form, then the bigrams with its
// neighbours, its affixes where its shape has them, its own dictionary
// classes, and its context, where the features of a neighbouring word are
// again the word's alone.

// featureSink gathers the features of a token: their hashes, for
// training, or for a tagger (table set) the weight rows of those the
// model knows.
type featureSink struct {
	hashes []uint64
	rows   []int32
	table  *featTable
	fixed  *fixedRows // the table's rows of features of few values
}

// fixedRows are the rows of the features whose values are few (shapes,
// word-list and dictionary bits, sentence boundaries), looked up once per
// model so that a tagger indexes an array where it would hash and probe
// for each token. rowAbsent marks a feature the model does not know.
type fixedRows struct {
	bias, oov int32
	dict      [5 * 16]int32
	lex       [4*lexNumClasses + 16]int32
	head      [16]int32
	shape     [shapeBoundary + 1][9]int32
	shapeM1   [shapeBoundary + 1]int32
	shapeP1   [shapeBoundary + 1]int32
	shapeTri  [shapeBoundary + 1][shapeBoundary + 1][shapeBoundary + 1]int32
	bos, eos  [nRoles]int32
}

// hashOnly is the fixedRows of a sink that gathers hashes, which never
// reads it.
var hashOnly fixedRows

// neighbourTemplates are the templates of the neighbour roles.
var neighbourTemplates = [nRoles]uint64{
	roleFormM1: tFormM1, roleFormP1: tFormP1, roleFormM2: tFormM2, roleFormP2: tFormP2,
	roleStemM1: tStemM1, roleStemP1: tStemP1, roleOOVPrev: tOOVPrev, roleOOVNext: tOOVNext,
	roleSufM1: tSufM1, roleSufP1: tSufP1,
}

func newFixedRows(t *featTable) *fixedRows {
	row := func(tpl, v uint64) int32 {
		if r, ok := t.get(mix(tpl, v)); ok {
			return r
		}
		return rowAbsent
	}
	f := &fixedRows{bias: row(tBias, 0), oov: row(tOOV, 0)}
	for v := range f.dict {
		f.dict[v] = row(tDict, uint64(v))
	}
	for v := range f.lex {
		f.lex[v] = row(tLex, uint64(v))
	}
	for v := range f.head {
		f.head[v] = row(tHeadWin, uint64(v))
	}
	for a := range f.shapeTri {
		for l := range f.shape[a] {
			f.shape[a][l] = row(tShape, uint64(a)<<8|uint64(l))
		}
		f.shapeM1[a] = row(tShapeM1, uint64(a))
		f.shapeP1[a] = row(tShapeP1, uint64(a))
		for b := range f.shapeTri[a] {
			for c := range f.shapeTri[a][b] {
				f.shapeTri[a][b][c] = row(tShapeTri, uint64(a)<<16|uint64(b)<<8|uint64(c))
			}
		}
	}
	for r, tpl := range neighbourTemplates {
		f.bos[r] = row(tpl, hashBOS)
		f.eos[r] = row(tpl, hashEOS)
	}
	return f
}

// addFixed adds the feature of template tpl and value v, whose row r a
// tagger has in fixedRows.
func (k *featureSink) addFixed(tpl, v uint64, r int32) {
	if k.table == nil {
		k.hashes = append(k.hashes, mix(tpl, v))
	} else if r >= 0 {
		k.rows = append(k.rows, r)
	}
}

func (k *featureSink) add(h uint64) {
	if k.table == nil {
		k.hashes = append(k.hashes, h)
	} else if r, ok := k.table.get(h); ok {
		k.rows = append(k.rows, r)
	}
}

// addBits adds a feature of template tpl for each bit set in bits,
// numbered from base; rows are the fixedRows of the template.
func (k *featureSink) addBits(tpl, base, bits uint64, rows []int32) {
	for c := uint64(0); bits != 0; c, bits = c+1, bits>>1 {
		if bits&1 != 0 {
			k.addFixed(tpl, base+c, rows[base+c])
		}
	}
}

// addOf adds the feature of template tpl and value v, which are the
// neighbouring word w's alone (its role slot): a tagger looks its row up
// once per word and role.
func (k *featureSink) addOf(w *wordInfo, slot neighbourRole, tpl, v uint64) {
	if k.table == nil {
		k.hashes = append(k.hashes, mix(tpl, v))
		return
	}
	r := w.roles[slot]
	if r == rowUnknown {
		r = rowAbsent
		if got, ok := k.table.get(mix(tpl, v)); ok {
			r = got
		}
		w.roles[slot] = r
	}
	if r >= 0 {
		k.rows = append(k.rows, r)
	}
}

// neighbourRole is a feature of a word as a neighbour of the token tagged.
type neighbourRole uint8

const (
	roleFormM1 neighbourRole = iota
	roleFormP1
	roleFormM2
	roleFormP2
	roleStemM1
	roleStemP1
	roleOOVPrev
	roleOOVNext
	roleSufM1
	roleSufP1
	nRoles
)

// The rows of wordInfo.roles before they are looked up, and of a feature
// the model does not know.
const (
	rowUnknown = -2
	rowAbsent  = -1
)

// addNeighbour adds the feature of template tpl of word j, by its folded
// form or its stem, or of the sentence boundary where there is no word j.
func (s *sentence) addNeighbour(k *featureSink, role neighbourRole, tpl uint64, j int, stem bool) {
	switch {
	case j < 0:
		k.addFixed(tpl, hashBOS, k.fixed.bos[role])
	case j >= len(s.form):
		k.addFixed(tpl, hashEOS, k.fixed.eos[role])
	case stem:
		k.addOf(s.word[j], role, tpl, s.word[j].hStem)
	default:
		k.addOf(s.word[j], role, tpl, s.word[j].hForm)
	}
}

func appendFormFeatures(dst []uint64, hForm, hStem uint64) []uint64 {
	return append(dst, mix(tForm, hForm), mix(tStem, hStem))
}

func (s *sentence) addBigrams(i int, k *featureSink) {
	k.add(mix(tBigramM1, s.formHash(i-1)*31^s.hForm[i]))
	k.add(mix(tBigramP1, s.hForm[i]*31^s.formHash(i+1)))
}

// affixed reports whether token i is written in letters, whose affixes
// are features.
func (s *sentence) affixed(i int) bool {
	return s.shape[i] == shapeArabic || s.shape[i] == shapeLatin || s.shape[i] == shapeLatinCap
}

// appendAffixFeatures appends the features of the prefixes and suffixes
// of the folded word f and of its stem st.
func appendAffixFeatures(dst []uint64, f, st string) []uint64 {
	for k, t := range [4]uint64{tPre1, tPre2, tPre3, tPre4} {
		if p, ok := prefixRunes(f, k+1); ok {
			dst = append(dst, mix(t, hashString(p)))
		}
	}
	for k, t := range [4]uint64{tSuf1, tSuf2, tSuf3, tSuf4} {
		if p, ok := suffixRunes(f, k+1); ok {
			dst = append(dst, mix(t, hashString(p)))
		}
	}
	if st != f {
		if p, ok := prefixRunes(st, 2); ok {
			dst = append(dst, mix(tStemPre2, hashString(p)))
		}
		if p, ok := suffixRunes(st, 2); ok {
			dst = append(dst, mix(tStemSuf2, hashString(p)))
		}
		if p, ok := suffixRunes(st, 3); ok {
			dst = append(dst, mix(tStemSuf3, hashString(p)))
		}
	}
	return dst
}

func (s *sentence) addDict(i int, k *featureSink) {
	k.addBits(tDict, 2*16, uint64(s.dict[i]), k.fixed.dict[:])
}

// addContext adds the features of token i's shape and of the words
// around it.
func (s *sentence) addContext(i int, k *featureSink) {
	f := k.fixed
	sh, l := s.shape[i], s.length[i]
	k.addFixed(tBias, 0, f.bias)
	k.addFixed(tShape, uint64(sh)<<8|uint64(l), f.shape[sh][l])
	s.addNeighbour(k, roleFormM1, tFormM1, i-1, false)
	s.addNeighbour(k, roleFormP1, tFormP1, i+1, false)
	s.addNeighbour(k, roleFormM2, tFormM2, i-2, false)
	s.addNeighbour(k, roleFormP2, tFormP2, i+2, false)
	s.addNeighbour(k, roleStemM1, tStemM1, i-1, true)
	s.addNeighbour(k, roleStemP1, tStemP1, i+1, true)
	prev, next := s.shapeAt(i-1), s.shapeAt(i+1)
	k.addFixed(tShapeM1, uint64(prev), f.shapeM1[prev])
	k.addFixed(tShapeP1, uint64(next), f.shapeP1[next])
	k.addFixed(tShapeTri, uint64(prev)<<16|uint64(sh)<<8|uint64(next), f.shapeTri[prev][sh][next])
	// A head word further back still governs a long name: مجلس التعاون
	// لدول الخليج العربية.
	for j := i - 3; j >= max(0, i-4); j-- {
		if s.shape[j] == shapePunct || s.shape[j+1] == shapePunct {
			break
		}
		if c := s.lex[j] & lexTrigger; c != 0 {
			k.addBits(tHeadWin, 0, uint64(c), f.head[:])
			break
		}
	}
	if s.oov[i] {
		// What stands around a word never seen in training is the best
		// guide to whether it is a name: في طرطوس, الرئيس فلان.
		k.addFixed(tOOV, 0, f.oov)
		s.addNeighbour(k, roleOOVPrev, tOOVPrev, i-1, false)
		s.addNeighbour(k, roleOOVNext, tOOVNext, i+1, false)
	}
	for _, j := range [2]int{i - 1, i + 1} {
		if j >= 0 && j < len(s.form) {
			if w := s.word[j]; w.hasSuf2 {
				role, tpl := roleSufM1, tSufM1
				if j > i {
					role, tpl = roleSufP1, tSufP1
				}
				k.addOf(w, role, tpl, w.hSuf2)
			}
		}
	}
	for off := -1; off <= 1; off++ {
		j := i + off
		if j < 0 || j >= len(s.form) {
			continue
		}
		for c, h := range s.clus[j] {
			if h != 0 {
				k.add(mix(tCluster, mix(uint64((off+1)*len(clusterPrefixes)+c), h)))
			}
		}
	}
	for off := -2; off <= 2; off++ {
		j := i + off
		if j < 0 || j >= len(s.form) {
			continue
		}
		k.addBits(tLex, uint64((off+2)*lexNumClasses), uint64(s.lex[j]), f.lex[:])
		if off == -1 || off == 1 {
			k.addBits(tDict, uint64((off+2)*16), uint64(s.dict[j]), f.dict[:])
		}
	}
}

// Hashes of the sentence boundaries, for neighbours that do not exist.
var (
	hashBOS = hashString("\x00<s>")
	hashEOS = hashString("\x00</s>")
)

func (s *sentence) formHash(i int) uint64 {
	switch {
	case i < 0:
		return hashBOS
	case i >= len(s.form):
		return hashEOS
	}
	return s.hForm[i]
}

func (s *sentence) shapeAt(i int) uint8 {
	if i < 0 || i >= len(s.form) {
		return shapeBoundary
	}
	return s.shape[i]
}

// prefixRunes returns the first n runes of s when s is longer than that.
func prefixRunes(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], i < len(s)
}

// suffixRunes returns the last n runes of s when s is longer than that.
func suffixRunes(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], i > 0
}

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// hashBytes is hashString of b.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// mix combines a template and a value into a feature (the SplitMix64
// finaliser, so that nearby values spread over the whole key space).
func mix(tpl, v uint64) uint64 {
	x := tpl*0x9E3779B97F4A7C15 ^ v
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}
