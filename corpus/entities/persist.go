package entities

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"maps"
	"slices"
	"strings"

	"sahifa/corpus"
)

// RulesVersion numbers the rules around the model: tokens, patterns,
// trimming, spreading, grouping and what a catalog knows with confidence.
// Raise it with any change that may change what Tag, Resolve or a
// catalog's Known give, so that readings kept from an earlier run (a
// cache) are read again; TestVersionCoversAnswers fails until it is.
const RulesVersion = 2

// Version identifies what the package finds: the shipped model's bytes
// and RulesVersion. Readings kept under another version are stale.
func Version() [sha256.Size]byte {
	h := sha256.New()
	h.Write(modelFile)
	h.Write(binary.AppendUvarint(nil, RulesVersion))
	var v [sha256.Size]byte
	h.Sum(v[:0])
	return v
}

var errBinary = errors.New("entities: bad binary form")

// AppendBinary appends t in a form ParseTagging reads back.
func (t Tagging) AppendBinary(b []byte) ([]byte, error) {
	b = binary.AppendUvarint(b, uint64(t.tokens))
	b = binary.AppendUvarint(b, uint64(len(t.names)))
	for _, n := range t.names {
		b = binary.AppendUvarint(b, uint64(n.first))
		b = binary.AppendUvarint(b, uint64(n.last-n.first))
		b = append(b, byte(n.kind))
	}
	return b, nil
}

// ParseTagging reads a Tagging that AppendBinary wrote.
func ParseTagging(b []byte) (Tagging, error) {
	r := uvarints{b: b}
	t := Tagging{tokens: int(r.next())}
	n := r.next()
	if n > uint64(len(b)) {
		return Tagging{}, errBinary
	}
	t.names = make([]taggedName, n)
	for i := range t.names {
		first := r.next()
		last := first + r.next()
		if r.err || len(r.b) == 0 || last >= uint64(t.tokens) || Kind(r.b[0]) > Other {
			return Tagging{}, errBinary
		}
		t.names[i] = taggedName{uint32(first), uint32(last), Kind(r.b[0])}
		r.b = r.b[1:]
	}
	if r.err || len(r.b) != 0 {
		return Tagging{}, errBinary
	}
	return t, nil
}

// uvarints reads uvarints from b, remembering a failure.
type uvarints struct {
	b   []byte
	err bool
}

func (r *uvarints) next() uint64 {
	v, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = true
		return 0
	}
	r.b = r.b[k:]
	return v
}

// Known is what a second reading through a catalog (Resolve) takes from
// it: the names it knows with confidence, by their folded words and kind.
// Two catalogs with equal Known give every article the same reading, so a
// collection can keep its readings across runs as long as its first
// catalog's Known stays the same, and read again only the articles that
// Changes says a difference touches.
type Known struct {
	names map[string]int // kind byte, then the folded words joined by spaces → how many entries give it
}

// Known returns what the catalog knows with confidence, as Resolve would
// spread it now.
func (c *Catalog) Known() Known {
	c.mu.Lock()
	defer c.mu.Unlock()
	k := Known{names: map[string]int{}}
	for w := range c.byFirst {
		for _, kn := range c.knownFrom(w) {
			k.names[string(rune('0'+kn.kind))+strings.Join(kn.words, " ")]++
		}
	}
	return k
}

// AppendBinary appends k in a form ParseKnown reads back.
func (k Known) AppendBinary(b []byte) ([]byte, error) {
	b = binary.AppendUvarint(b, uint64(len(k.names)))
	for _, n := range slices.Sorted(maps.Keys(k.names)) {
		b = binary.AppendUvarint(b, uint64(len(n)))
		b = append(b, n...)
		b = binary.AppendUvarint(b, uint64(k.names[n]))
	}
	return b, nil
}

// ParseKnown reads a Known that AppendBinary wrote.
func ParseKnown(b []byte) (Known, error) {
	r := uvarints{b: b}
	n := r.next()
	if n > uint64(len(b)) {
		return Known{}, errBinary
	}
	k := Known{names: make(map[string]int, n)}
	for range n {
		l := r.next()
		if r.err || l < 2 || l > uint64(len(r.b)) {
			return Known{}, errBinary
		}
		name := string(r.b[:l])
		r.b = r.b[l:]
		k.names[name] = int(r.next())
	}
	if r.err || len(r.b) != 0 {
		return Known{}, errBinary
	}
	return k, nil
}

// Len returns how many names k holds.
func (k Known) Len() int { return len(k.names) }

// Changes is the names two Knowns differ by.
type Changes struct {
	words [][]string // the folded words of each name learnt, forgotten or known with another kind
}

// Changes returns the names k and old differ by.
func (k Known) Changes(old Known) Changes {
	var ch Changes
	seen := map[string]bool{}
	for _, m := range []map[string]int{k.names, old.names} {
		for n := range m {
			words := n[1:]
			if k.names[n] != old.names[n] && !seen[words] {
				seen[words] = true
				ch.words = append(ch.words, strings.Split(words, " "))
			}
		}
	}
	return ch
}

// Len returns how many names changed.
func (ch Changes) Len() int { return len(ch.words) }

// Touch reports whether a second reading of article a may differ between
// the two catalogs: whether a writes every word of a name that changed.
// It costs folding a's words, a fraction of reading it again.
func (ch Changes) Touch(a *corpus.Article) bool {
	if len(ch.words) == 0 || a == nil {
		return false
	}
	bare := tokenize(a).bare
	for _, ws := range ch.words {
		if !slices.ContainsFunc(ws, func(w string) bool { return !bare[w] }) {
			return true
		}
	}
	return false
}
