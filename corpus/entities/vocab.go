package entities

import "sahifa/corpus/entities/brown"

// vocab joins what the word lists and the name dictionary know of each
// folded word, so that tagging looks a word up once instead of in each
// list: the lookups are most of the cost of reading a sentence.
type vocab struct {
	words   map[string]*vocabEntry
	hasDict bool
}

type vocabEntry struct {
	lex   lexClass
	gaz   []gazName           // gazetteer names starting with the word
	dict  *[nKinds + 1]uint32 // how often the training data tagged it what
	names []dictName          // training names starting with the word
	// clus holds the hashes of the word's cluster path prefixes
	// (clusterHashes), nil for a word without a cluster.
	clus *[len(clusterPrefixes)]uint64
}

func newVocab(d *nameDict, clusters map[string]brown.Path) *vocab {
	v := &vocab{words: map[string]*vocabEntry{}, hasDict: d != nil}
	get := func(w string) *vocabEntry {
		e := v.words[w]
		if e == nil {
			e = &vocabEntry{}
			v.words[w] = e
		}
		return e
	}
	for w, c := range lex().words {
		get(w).lex = c
	}
	for w, g := range lex().names {
		get(w).gaz = g
	}
	for w, p := range clusters {
		h := clusterHashes(p, true)
		get(w).clus = &h
	}
	if d != nil {
		for w, c := range d.words {
			get(w).dict = c
		}
		for w, n := range d.names {
			get(w).names = n
		}
	}
	return v
}

// common reports whether the training data has the word of e often, and
// mostly outside names: a gazetteer entry such as كان (Cannes) or اليوم,
// or a given name such as جمال, is then a common word.
func (e *vocabEntry) common() bool {
	if e == nil || e.dict == nil {
		return false
	}
	total := uint32(0)
	for _, n := range e.dict {
		total += n
	}
	return total >= 3 && 2*e.dict[0] > total
}

// Dictionary classes, as bits in sentence.dict: per Kind, whether a name
// of that kind starts or continues at the word, and whether the word alone
// was mostly or sometimes part of such a name.
const (
	dictB = 1 << iota
	dictI
	dictMostly
	dictSometimes
	dictBits = 4
)

// classes returns what the entries of a word say of it alone: e is the
// entry of its form, se that of the form without clitics.
func classes(e, se *vocabEntry) (c lexClass, clus *[len(clusterPrefixes)]uint64, dict uint16) {
	if e != nil {
		c = e.lex
	}
	if se != nil {
		c |= se.lex
	}
	// The cluster of the word as written, clitics and all, says more
	// than that of its core: والرياض keeps other company than الرياض
	// (measured: 75.5 against 74.5 held out).
	switch {
	case e != nil && e.clus != nil:
		clus = e.clus
	case se != nil && se.clus != nil:
		clus = se.clus
	}
	if se != nil && se.dict != nil {
		total := uint32(0)
		for _, k := range se.dict {
			total += k
		}
		for k := 0; k < nKinds; k++ {
			switch m := se.dict[1+k]; {
			case 2*m > total:
				dict |= dictMostly << (dictBits * k)
			case m > 0:
				dict |= dictSometimes << (dictBits * k)
			}
		}
	}
	return c, clus, dict
}

// mark sets the word-list and dictionary classes of the sentence's words
// from their entries: ent[i] is the entry of the form, stemEnt[i] that of
// the form without clitics; what these say of a word alone its wordInfo
// keeps.
func (v *vocab) mark(s *sentence) {
	n := len(s.form)
	for i, w := range s.word {
		s.lex[i] = w.lex
		s.clus[i] = [len(clusterPrefixes)]uint64{}
		if w.clus != nil {
			s.clus[i] = *w.clus
		}
		s.dict[i] = w.dict
	}
	// Gazetteer names, longest first.
	for i := 0; i < n; i++ {
		best, class := 0, lexClass(0)
		for _, e := range [2]*vocabEntry{s.ent[i], s.stemEnt[i]} {
			if e == nil {
				continue
			}
			for _, g := range e.gaz {
				if len(g.words) > best && s.matches(i, g.words) {
					best, class = len(g.words), g.class
				}
			}
		}
		if best == 0 {
			continue
		}
		s.lex[i] |= class
		for k := 1; k < best; k++ {
			s.lex[i+k] |= class << 1
		}
		i += best - 1
	}
	// Names of the training data, longest and most frequent first.
	for i := 0; i < n; i++ {
		var best *dictName
		for _, e := range [2]*vocabEntry{s.ent[i], s.stemEnt[i]} {
			if e == nil {
				continue
			}
			for j := range e.names {
				d := &e.names[j]
				if best != nil && (len(d.words) < len(best.words) || len(d.words) == len(best.words) && d.count <= best.count) {
					continue
				}
				if s.matches(i, d.words) {
					best = d
				}
			}
		}
		if best == nil {
			continue
		}
		shift := dictBits * int(best.kind)
		s.dict[i] |= dictB << shift
		for k := 1; k < len(best.words); k++ {
			s.dict[i+k] |= dictI << shift
		}
		i += len(best.words) - 1
	}
	for i := 0; i < n; i++ {
		if s.lex[i]&lexGazetteer != 0 && s.stemEnt[i].common() {
			s.lex[i] &^= lexGazetteer
		}
		s.oov[i] = v.hasDict && s.shape[i] <= shapeLatinCap && (s.stemEnt[i] == nil || s.stemEnt[i].dict == nil)
	}
}

// matches reports whether the words after the first of a listed name
// follow word i of the sentence.
func (s *sentence) matches(i int, words []string) bool {
	if i+len(words) > len(s.form) {
		return false
	}
	for k := 1; k < len(words); k++ {
		if s.form[i+k] != words[k] {
			return false
		}
	}
	return true
}
