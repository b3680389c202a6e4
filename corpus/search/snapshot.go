package search

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math/bits"
	"slices"

	"sahifa/corpus"
)

// A snapshot is the index written out as bytes, so that a collection
// opened again finds its index without cutting and folding every article
// once more. Its layout, every number a uvarint unless said otherwise:
//
//	documents: count, then per document its article's number (as the
//	           caller numbers them), words in the title and in the body,
//	           paragraph count and the position of each paragraph's first
//	           word
//	terms:     count, then per term its length and bytes
//	postings:  per term its document count, last document, byte length and
//	           bytes, and its checkpoints: count, then document before and
//	           offset of each
//	sorted:    count, then the terms in the order of their names
//
// The bytes of a snapshot are kept by the index read from it, not copied,
// and must not change afterwards.

// AppendSnapshot appends the index as a snapshot to b; number gives the
// number by which each article will be found again.
func (ix *Index) AppendSnapshot(b []byte, number func(*corpus.Article) uint32) []byte {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	// Grown once to about its size, as the snapshot of a large collection
	// is tens of megabytes: doubling on the way would hold twice that.
	need := len(ix.terms.buf) + len(ix.docs)*24 + ix.terms.len()*14
	for _, pl := range ix.post {
		need += len(pl.data)
	}
	for _, sk := range ix.skips {
		need += len(sk) * 8
	}
	b = slices.Grow(b, need)
	b = binary.AppendUvarint(b, uint64(len(ix.docs)))
	for d, doc := range ix.docs {
		b = binary.AppendUvarint(b, uint64(number(doc.a)))
		b = binary.AppendUvarint(b, uint64(ix.lens[d][0]))
		b = binary.AppendUvarint(b, uint64(ix.lens[d][1]))
		b = binary.AppendUvarint(b, uint64(len(doc.paras)))
		for _, p := range doc.paras {
			b = binary.AppendUvarint(b, uint64(p))
		}
	}
	n := ix.terms.len()
	b = binary.AppendUvarint(b, uint64(n))
	for id := range uint32(n) {
		name := ix.terms.name(id)
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
	}
	for id := range uint32(n) {
		pl := ix.post[id]
		b = binary.AppendUvarint(b, uint64(pl.df))
		b = binary.AppendUvarint(b, uint64(pl.last))
		b = binary.AppendUvarint(b, uint64(len(pl.data)))
		b = append(b, pl.data...)
		sk := ix.skips[id]
		b = binary.AppendUvarint(b, uint64(len(sk)))
		for _, s := range sk {
			b = binary.AppendUvarint(b, uint64(s.prev))
			b = binary.AppendUvarint(b, uint64(s.off))
		}
	}
	sorted := ix.sortedTerms()
	b = binary.AppendUvarint(b, uint64(len(sorted)))
	for _, id := range sorted {
		b = binary.AppendUvarint(b, uint64(id))
	}
	return b
}

// errSnapshot is the error of a snapshot that does not hold together.
var errSnapshot = errors.New("search: damaged index snapshot")

// Restore fills an empty index from a snapshot made by AppendSnapshot;
// article gives the article of each number, nil when there is none. The
// index keeps data, which must not change afterwards. On error the index
// is left empty.
func (ix *Index) Restore(data []byte, article func(uint32) *corpus.Article) error {
	r := snapshotReader{data: data}
	fresh := NewIndex()
	nd := r.count(4)
	fresh.docs = make([]docInfo, 0, nd)
	fresh.lens = make([][2]uint32, 0, nd)
	for range nd {
		a := article(r.u32())
		lenT, lenB := r.u32(), r.u32()
		paras := make([]uint32, r.count(1))
		for i := range paras {
			paras[i] = r.u32()
		}
		if a == nil || r.err != nil {
			return errSnapshot
		}
		fresh.docs = append(fresh.docs, docInfo{a: a, lenT: lenT, paras: paras})
		fresh.lens = append(fresh.lens, [2]uint32{lenT, lenB})
		fresh.sumT += uint64(lenT)
		fresh.sumB += uint64(lenB)
	}
	nt := r.count(2)
	v := fresh.terms
	v.ends = make([]uint32, 0, nt)
	for range nt {
		l := r.count(1)
		v.buf = append(v.buf, r.bytes(l)...)
		v.ends = append(v.ends, uint32(len(v.buf)))
	}
	if r.err != nil {
		return errSnapshot
	}
	size := 1 << bits.Len(uint(2*nt))
	v.slots = make([]uint64, max(size, 1<<10))
	v.known.bits = make([]uint64, len(v.slots)/8)
	for id := range uint32(nt) {
		v.place(id, maphash.Bytes(v.seed, v.name(id)))
	}
	fresh.post = make([]postings, nt)
	fresh.slot = make([]uint32, nt)
	for id := range nt {
		df, last := r.u32(), r.u32()
		l := r.count(1)
		data := r.bytes(l)
		fresh.post[id] = postings{data: data[:l:l], last: last, df: df}
		if k := r.count(2); k > 0 {
			sk := make([]skip, k)
			for i := range sk {
				sk[i] = skip{prev: r.u32(), off: r.u32()}
			}
			fresh.skips[uint32(id)] = sk
		}
		if r.err != nil || int(last) >= nd && df > 0 {
			return errSnapshot
		}
	}
	ns := r.count(1)
	if ns > nt {
		return errSnapshot
	}
	fresh.sorted = make([]uint32, ns)
	for i := range fresh.sorted {
		if fresh.sorted[i] = r.u32(); int(fresh.sorted[i]) >= nt {
			return errSnapshot
		}
	}
	if r.err != nil || r.off != len(data) {
		return errSnapshot
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if len(ix.docs) > 0 {
		return errors.New("search: restoring into an index that is not empty")
	}
	ix.terms, ix.post, ix.skips, ix.slot = fresh.terms, fresh.post, fresh.skips, fresh.slot
	ix.docs, ix.lens, ix.sumT, ix.sumB = fresh.docs, fresh.lens, fresh.sumT, fresh.sumB
	ix.sortMu.Lock()
	ix.sorted = fresh.sorted
	ix.sortMu.Unlock()
	return nil
}

// snapshotReader reads a snapshot's numbers, remembering the first error
// and from then on giving zeros, so that a damaged snapshot is found out
// without a check after every number.
type snapshotReader struct {
	data []byte
	off  int
	err  error
}

func (r *snapshotReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, k := binary.Uvarint(r.data[r.off:])
	if k <= 0 {
		r.err = errSnapshot
		return 0
	}
	r.off += k
	return v
}

func (r *snapshotReader) u32() uint32 {
	v := r.uvarint()
	if v > 1<<32-1 {
		r.err = errSnapshot
		return 0
	}
	return uint32(v)
}

// count reads a number of things that take at least min bytes each, and
// refuses one the rest of the data could not hold.
func (r *snapshotReader) count(min int) int {
	v := r.uvarint()
	if v > uint64(len(r.data)-r.off)/uint64(min) {
		r.err = errSnapshot
		return 0
	}
	return int(v)
}

func (r *snapshotReader) bytes(n int) []byte {
	if r.err != nil || n > len(r.data)-r.off {
		r.err = errSnapshot
		return nil
	}
	b := r.data[r.off : r.off+n]
	r.off += n
	return b
}
