package entities

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"strings"

	"sahifa/corpus/arabic"
)

// nameDict is what the training data says about words and names: how
// often each word was tagged as part of each kind of name or not at all,
// and the names themselves, for longest-match lookup. It gives features
// that say "seen as a person's name", which the model learns to trust only
// as far as they hold on sentences the dictionary was not made from (the
// training data is split in parts, each tagged with a dictionary of the
// others).
type nameDict struct {
	words map[string]*[nKinds + 1]uint32 // folded core → count as O, then per Kind
	names map[string][]dictName          // by folded first word
}

const nKinds = 4

type dictName struct {
	words []string
	kind  Kind
	count uint32
}

func newNameDict() *nameDict {
	return &nameDict{words: map[string]*[nKinds + 1]uint32{}, names: map[string][]dictName{}}
}

// add counts one tagged sentence.
func (d *nameDict) add(tokens, tags []string) {
	kinds := make([]int, len(tokens)) // 0 for O, 1 + Kind inside a name
	for _, c := range Chunks(tags) {
		k, ok := kindOfType[c.Type]
		if !ok || c.End > len(tokens) {
			continue
		}
		words := make([]string, 0, c.End-c.Start)
		for i := c.Start; i < c.End; i++ {
			kinds[i] = 1 + int(k)
			words = append(words, arabic.Fold(tokens[i]))
		}
		words[0] = coreOf(words[0])
		d.addName(words, k, 1)
	}
	for i, t := range tokens {
		w := coreOf(arabic.Fold(t))
		c := d.words[w]
		if c == nil {
			c = new([nKinds + 1]uint32)
			d.words[w] = c
		}
		c[kinds[i]]++
	}
}

func (d *nameDict) addName(words []string, k Kind, n uint32) {
	list := d.names[words[0]]
	for i := range list {
		if list[i].kind == k && slices.Equal(list[i].words, words) {
			list[i].count += n
			return
		}
	}
	d.names[words[0]] = append(list, dictName{words, k, n})
}

var kindOfType = map[string]Kind{"PERS": Person, "LOC": Place, "ORG": Organisation, "MISC": Other}

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

// common reports whether the training data has w (a folded core) often,
// and mostly outside names: a gazetteer entry such as كان (Cannes) or
// اليوم, or a given name such as جمال, is then a common word.
func (d *nameDict) common(w string) bool {
	if d == nil {
		return false
	}
	c := d.words[w]
	if c == nil {
		return false
	}
	total := uint32(0)
	for _, n := range c {
		total += n
	}
	return total >= 3 && 2*c[0] > total
}

// mark sets the dictionary classes of a sentence's words.
func (d *nameDict) mark(form, core []string, out []uint16) {
	clear(out)
	if d == nil {
		return
	}
	for i := range form {
		c := d.words[core[i]]
		if c == nil {
			continue
		}
		total := uint32(0)
		for _, n := range c {
			total += n
		}
		for k := 0; k < nKinds; k++ {
			switch n := c[1+k]; {
			case 2*n > total:
				out[i] |= dictMostly << (dictBits * k)
			case n > 0:
				out[i] |= dictSometimes << (dictBits * k)
			}
		}
	}
	for i := 0; i < len(form); i++ {
		var best *dictName
		for _, key := range [2]string{form[i], core[i]} {
			for j := range d.names[key] {
				n := &d.names[key][j]
				if best != nil && (len(n.words) < len(best.words) || len(n.words) == len(best.words) && n.count <= best.count) ||
					i+len(n.words) > len(form) {
					continue
				}
				ok := true
				for k := 1; k < len(n.words); k++ {
					if form[i+k] != n.words[k] {
						ok = false
						break
					}
				}
				if ok {
					best = n
				}
			}
		}
		if best == nil {
			continue
		}
		shift := dictBits * int(best.kind)
		out[i] |= dictB << shift
		for k := 1; k < len(best.words); k++ {
			out[i+k] |= dictI << shift
		}
		i += len(best.words) - 1
	}
}

// write appends the dictionary to w: words in order with their counts,
// then names in order.
func (d *nameDict) write(w io.Writer) {
	put := func(v uint64) { w.Write(binary.AppendUvarint(nil, v)) }
	str := func(s string) { put(uint64(len(s))); io.WriteString(w, s) }
	words := make([]string, 0, len(d.words))
	for k := range d.words {
		words = append(words, k)
	}
	slices.Sort(words)
	put(uint64(len(words)))
	for _, k := range words {
		str(k)
		for _, n := range d.words[k] {
			put(uint64(n))
		}
	}
	var names []dictName
	for _, list := range d.names {
		names = append(names, list...)
	}
	slices.SortFunc(names, func(a, b dictName) int {
		if c := strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " ")); c != 0 {
			return c
		}
		return int(a.kind) - int(b.kind)
	})
	put(uint64(len(names)))
	for _, n := range names {
		put(uint64(len(n.words)))
		for _, s := range n.words {
			str(s)
		}
		put(uint64(n.kind))
		put(uint64(n.count))
	}
}

var errDict = errors.New("entities: model: bad name dictionary")

func readNameDict(r *bufio.Reader) (*nameDict, error) {
	d := newNameDict()
	get := func() (uint64, error) { return binary.ReadUvarint(r) }
	str := func() (string, error) {
		n, err := get()
		if err != nil || n > 1<<12 {
			return "", errDict
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return "", errDict
		}
		return string(b), nil
	}
	n, err := get()
	if err != nil || n > 1<<24 {
		return nil, errDict
	}
	for ; n > 0; n-- {
		w, err := str()
		if err != nil {
			return nil, err
		}
		c := new([nKinds + 1]uint32)
		for k := range c {
			v, err := get()
			if err != nil {
				return nil, errDict
			}
			c[k] = uint32(v)
		}
		d.words[w] = c
	}
	if n, err = get(); err != nil || n > 1<<24 {
		return nil, errDict
	}
	for ; n > 0; n-- {
		nw, err := get()
		if err != nil || nw == 0 || nw > 64 {
			return nil, errDict
		}
		words := make([]string, nw)
		for i := range words {
			if words[i], err = str(); err != nil {
				return nil, err
			}
		}
		k, err1 := get()
		c, err2 := get()
		if err1 != nil || err2 != nil || k >= nKinds {
			return nil, errDict
		}
		d.addName(words, Kind(k), uint32(c))
	}
	return d, nil
}
