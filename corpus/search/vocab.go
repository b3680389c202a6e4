package search

import (
	"bytes"
	"hash/maphash"
)

// vocab interns the index's terms. A term is a number, given in the order
// terms are first seen; its bytes sit back to back with all the others in
// one slice, and an open-addressing table leads from a term's hash to its
// number. A Go map of a quarter million strings costs about three times as
// much memory, each string being an allocation of its own.
type vocab struct {
	seed  maphash.Seed
	buf   []byte   // every term's bytes, back to back
	ends  []uint32 // term → where its bytes end in buf
	slots []uint64 // 0: empty; else term+1 in the low half, the hash's high half above
	known filter   // a quick "certainly not a term" for the many forms a query tries
}

func newVocab() *vocab {
	v := &vocab{seed: maphash.MakeSeed(), slots: make([]uint64, 1<<10)}
	v.known.bits = make([]uint64, 1<<10/8)
	return v
}

// len returns the number of terms.
func (v *vocab) len() int { return len(v.ends) }

// name returns the bytes of term id; they must not be changed.
func (v *vocab) name(id uint32) []byte {
	start := uint32(0)
	if id > 0 {
		start = v.ends[id-1]
	}
	return v.buf[start:v.ends[id]:v.ends[id]]
}

// find returns the number of term w.
func (v *vocab) find(w []byte) (uint32, bool) {
	h := maphash.Bytes(v.seed, w)
	if !v.known.mayHold(h) {
		return 0, false
	}
	return v.probe(w, h)
}

func (v *vocab) probe(w []byte, h uint64) (uint32, bool) {
	mask := uint64(len(v.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return 0, false
		}
		if s>>32 == h>>32 && bytes.Equal(v.name(uint32(s)-1), w) {
			return uint32(s) - 1, true
		}
	}
}

// intern returns the number of term w, adding it if it is new.
func (v *vocab) intern(w []byte) uint32 {
	h := maphash.Bytes(v.seed, w)
	if id, ok := v.probe(w, h); ok {
		return id
	}
	id := uint32(len(v.ends))
	v.buf = append(v.buf, w...)
	v.ends = append(v.ends, uint32(len(v.buf)))
	if 2*len(v.ends) > len(v.slots) {
		// Keep the table at most half full, so probes stay short.
		v.slots = make([]uint64, 2*len(v.slots))
		v.known.bits = make([]uint64, len(v.slots)/8)
		for t := range uint32(len(v.ends)) {
			v.place(t, maphash.Bytes(v.seed, v.name(t)))
		}
		return id
	}
	v.place(id, h)
	return id
}

func (v *vocab) place(id uint32, h uint64) {
	v.known.set(h)
	mask := uint64(len(v.slots) - 1)
	i := h & mask
	for v.slots[i] != 0 {
		i = (i + 1) & mask
	}
	v.slots[i] = uint64(id+1) | h>>32<<32
}

// filter is a Bloom filter over the terms (Bloom, "Space/time trade-offs
// in hash coding with allowable errors", CACM 1970): a query word tries
// hundreds of clitic and suffixed forms, most of which the collection does
// not hold, and a few bits that stay in cache answer that faster than the
// table. vocab gives it 8 bits per slot of its table, so 16 to 32 per
// term: with 3 probes, under 0.5% false positives.
type filter struct {
	bits []uint64
}

const filterProbes = 3

func (f *filter) set(h uint64) {
	n := uint64(len(f.bits)*64 - 1)
	for i := range uint64(filterProbes) {
		b := (h + i*(h>>32|1)) & n
		f.bits[b/64] |= 1 << (b % 64)
	}
}

// mayHold reports whether a term with hash h may be in the filter; false
// is certain.
func (f *filter) mayHold(h uint64) bool {
	n := uint64(len(f.bits)*64 - 1)
	for i := range uint64(filterProbes) {
		b := (h + i*(h>>32|1)) & n
		if f.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}
