package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"slices"
	"sync"

	"github.com/golang/snappy"

	"sahifa/corpus"
	"sahifa/corpus/dates"
	"sahifa/corpus/entities"
)

// Reading is what the names worker and the date reader found in one
// article, kept so that an article of an unchanged file is not read
// again at the next opening. Any part may be missing.
type Reading struct {
	// Tagging and Tagged are the first pass's reading, by the tagger
	// alone; Tagged says they are there.
	Tagging    entities.Tagging
	TaggedAs   []entities.Entity
	Tagged     bool
	FinalNames []entities.Entity // the final reading, through the collection's names
	Final      bool
	Dates      dates.Article
	Dated      bool
}

// Names says what the final readings of a collection were read through:
// the first catalog's Known, made of the first readings of the articles
// whose IDs, in order, hash to Articles (see ArticlesHash).
type Names struct {
	Known    entities.Known
	Articles [sha256.Size]byte
}

// readingsVersion identifies the tagger, its rules and the date rules:
// readings kept under another are not taken. A variable, for tests.
var readingsVersion = sync.OnceValue(func() [sha256.Size]byte {
	v := entities.Version()
	h := sha256.New()
	h.Write(v[:])
	h.Write(binary.AppendUvarint(nil, dates.RulesVersion))
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
})

// Names returns what the readings the cache holds were read through; ok
// is false when it holds none, or none of this version.
func (s *Store) Names() (n Names, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.namesRaw == nil {
		return Names{}, false
	}
	copy(n.Articles[:], s.namesRaw)
	k, err := entities.ParseKnown(s.namesRaw[sha256.Size:])
	if err != nil {
		return Names{}, false
	}
	n.Known = k
	return n, true
}

// Reading returns what the cache holds of the article id of the file at
// path, if that file was taken from the cache in this load.
func (s *Store) Reading(path, id string) (*Reading, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.now[path]
	if e == nil || e.fresh {
		return nil, false
	}
	if e.readings == nil && e.readRaw != nil {
		rs, err := decodeReadings(e.readRaw, e.read.Articles)
		if err != nil {
			rs = map[string]*Reading{}
		}
		e.readings, e.readRaw = rs, nil
	}
	r, ok := e.readings[id]
	return r, ok
}

// KeepNames gives the readings of this load to write with the cache at
// the next Save, in place of those it held: n is what the final ones
// were read through, and reading gives those of the article id of the
// file at path.
func (s *Store) KeepNames(n Names, reading func(path, id string) (Reading, bool)) {
	if s.Problem != "" {
		return
	}
	b := append([]byte(nil), n.Articles[:]...)
	b, _ = n.Known.AppendBinary(b)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.namesRaw, s.reading = b, reading
	s.changed = true
}

// readingsOf returns the compressed readings record of the entry at path
// for Save: those KeepNames gave, or those the cache held of a file taken
// from it.
func (s *Store) readingsOf(e *entry, path string, scratch *encoding) []byte {
	if s.reading == nil {
		if e.fresh {
			return nil
		}
		if e.readRaw != nil {
			return e.readRaw
		}
		if e.readings == nil {
			return nil
		}
	}
	var rs []*Reading
	var ids []string
	for _, a := range e.read.Articles {
		var r *Reading
		if s.reading != nil {
			if got, ok := s.reading(path, a.ID); ok {
				r = &got
			}
		} else {
			r = e.readings[a.ID]
		}
		if r != nil {
			rs, ids = append(rs, r), append(ids, a.ID)
		}
	}
	if len(rs) == 0 {
		return nil
	}
	scratch.plain = appendReadings(scratch.plain[:0], ids, rs)
	scratch.packed = snappy.Encode(scratch.packed[:cap(scratch.packed)], scratch.plain)
	return scratch.packed
}

// The flags of a reading, saying which of its parts follow.
const (
	hasTagged = 1 << iota
	hasFinal
	finalAsTagged // the final reading is the first one
	hasDates
)

// appendReadings appends readings rs of the articles ids: a table of the
// names' keys and labels, then for each article its ID, a flags byte and
// the parts the flags say: the tagging (a string of its binary form), the
// names read by the tagger, the final names and the dates (a string of
// their binary form). Names are a count, then for each its key and label
// (indexes into the table), kind byte and mentions (count, then para
// (zigzag), start and length of each).
func appendReadings(b []byte, ids []string, rs []*Reading) []byte {
	table := map[string]int{}
	var order []string
	var body []byte
	index := func(s string) uint64 {
		i, ok := table[s]
		if !ok {
			i = len(order)
			table[s] = i
			order = append(order, s)
		}
		return uint64(i)
	}
	appendNames := func(body []byte, es []entities.Entity) []byte {
		body = binary.AppendUvarint(body, uint64(len(es)))
		for _, e := range es {
			body = binary.AppendUvarint(body, index(e.Key))
			body = binary.AppendUvarint(body, index(e.Label))
			body = append(body, byte(e.Kind))
			body = binary.AppendUvarint(body, uint64(len(e.Mentions)))
			for _, m := range e.Mentions {
				body = binary.AppendVarint(body, int64(m.Para))
				body = binary.AppendUvarint(body, uint64(m.Start))
				body = binary.AppendUvarint(body, uint64(m.End-m.Start))
			}
		}
		return body
	}
	var part []byte
	for i, r := range rs {
		body = appendString(body, ids[i])
		var flags byte
		if r.Tagged {
			flags |= hasTagged
		}
		if r.Final {
			flags |= hasFinal
			if r.Tagged && sameNames(r.FinalNames, r.TaggedAs) {
				flags |= finalAsTagged
			}
		}
		if r.Dated {
			flags |= hasDates
		}
		body = append(body, flags)
		if r.Tagged {
			part, _ = r.Tagging.AppendBinary(part[:0])
			body = appendString(body, string(part))
			body = appendNames(body, r.TaggedAs)
		}
		if flags&(hasFinal|finalAsTagged) == hasFinal {
			body = appendNames(body, r.FinalNames)
		}
		if r.Dated {
			part, _ = r.Dates.AppendBinary(part[:0])
			body = appendString(body, string(part))
		}
	}
	b = appendStrings(b, order)
	b = binary.AppendUvarint(b, uint64(len(rs)))
	return append(b, body...)
}

func sameNames(x, y []entities.Entity) bool {
	return slices.EqualFunc(x, y, func(a, b entities.Entity) bool {
		return a.Key == b.Key && a.Label == b.Label && a.Kind == b.Kind && slices.Equal(a.Mentions, b.Mentions)
	})
}

// decodeReadings reads what appendReadings wrote, compressed, of the
// articles arts (for the words of their dates), by article ID. A reading
// of an article arts does not hold is damage.
func decodeReadings(compressed []byte, arts []*corpus.Article) (map[string]*Reading, error) {
	data, err := snappy.Decode(nil, compressed)
	if err != nil {
		return nil, errDamaged
	}
	byID := make(map[string]*corpus.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	r := reader{data: data}
	table := r.strings()
	name := func() string {
		i := r.uvarint()
		if i >= uint64(len(table)) {
			r.fail()
			return ""
		}
		return table[i]
	}
	readNames := func() []entities.Entity {
		n := r.count(4)
		if n == 0 {
			return nil
		}
		es := make([]entities.Entity, n)
		for i := range es {
			es[i] = entities.Entity{Key: name(), Label: name(), Kind: entities.Kind(r.byte())}
			ms := make([]entities.Mention, r.count(3))
			for j := range ms {
				ms[j].Para = int(r.varint())
				ms[j].Start = int(r.uvarint())
				ms[j].End = ms[j].Start + int(r.uvarint())
			}
			es[i].Mentions = ms
		}
		return es
	}
	n := r.count(2)
	out := make(map[string]*Reading, n)
	for range n {
		id := r.string()
		flags := r.byte()
		a := byID[id]
		if a == nil || r.err != nil {
			return nil, errDamaged
		}
		rd := &Reading{Tagged: flags&hasTagged != 0, Final: flags&hasFinal != 0, Dated: flags&hasDates != 0}
		if rd.Tagged {
			if rd.Tagging, err = entities.ParseTagging([]byte(r.string())); err != nil {
				return nil, errDamaged
			}
			rd.TaggedAs = readNames()
		}
		switch {
		case flags&finalAsTagged != 0:
			rd.FinalNames = rd.TaggedAs
		case rd.Final:
			rd.FinalNames = readNames()
		}
		if rd.Dated {
			if rd.Dates, err = dates.ParseArticle([]byte(r.string()), a); err != nil {
				return nil, errDamaged
			}
		}
		if r.err != nil {
			return nil, r.err
		}
		out[id] = rd
	}
	if r.err != nil || r.off != len(data) {
		return nil, errDamaged
	}
	return out, nil
}

// cloneBytes copies b out of a mapped file that is to be let go.
func cloneBytes(b []byte) []byte { return bytes.Clone(b) }

// ReleaseReadings lets go of the readings the cache held, once the
// collection has taken what it needed of them and written its own; a
// Save after it keeps only the readings KeepNames gave.
func (s *Store) ReleaseReadings() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.now {
		e.readings, e.readRaw = nil, nil
	}
}
