package entities

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"strings"

	"sahifa/corpus/arabic"
	"sahifa/corpus/entities/conll"
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
	for _, c := range conll.Chunks(tags) {
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
