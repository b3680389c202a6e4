package cache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"unsafe"

	"github.com/golang/snappy"

	"sahifa/corpus"
)

// The layout of a cache file, every number a uvarint unless said
// otherwise, every string its length then its bytes:
//
//	header:  the magic line "sahifa cache\n", then the format version
//	records: a kind byte, the payload's length, the payload, then the
//	         CRC-32C of kind, length and payload (4 bytes, little-endian)
//
// The records, in this order:
//
//	'P' paths: count, then the collection's paths, absolute and sorted
//	'N' names: the version of the readings (SHA-256 of the tagger's and
//	           the date rules' versions), then what the final readings
//	           were read through: the articles' hash (32 bytes) and the
//	           first catalog's Known (entities.Known.AppendBinary); absent
//	           when the cache holds no readings
//	'F' file:  path, size, modification time and time of the last check
//	           (ns since 1970, zigzag), SHA-256 (32 bytes), then what was
//	           read (see appendFileRead), compressed with Snappy: Arabic
//	           text takes about half its size, and Snappy is read back at
//	           over a gigabyte a second
//	'R' readings: path, then the readings of the articles of the file
//	           record before it (see appendReadings), compressed with
//	           Snappy
//	'I' index: SHA-256 of the IDs of the articles it numbers, then the
//	           search index's snapshot (search.Index.AppendSnapshot)
//	'E' end:   the number of records before it
//
// A file that does not end with its end record was cut short.
const (
	magic = "sahifa cache\n"
	// version changes with the format and with what the loader makes of
	// a file (3: paragraphs over corpus.MaxParagraphSize cut).
	version = 3
)

const (
	kindPaths = 'P'
	kindFile  = 'F'
	kindNames = 'N'
	kindReads = 'R'
	kindIndex = 'I'
	kindEnd   = 'E'
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// recordWriter writes records, remembering the first error.
type recordWriter struct {
	w   *bufio.Writer
	n   int
	err error
}

func newRecordWriter(w io.Writer) *recordWriter {
	return &recordWriter{w: bufio.NewWriterSize(w, 1<<20)}
}

func (w *recordWriter) header() {
	w.write(binary.AppendUvarint([]byte(magic), version))
}

func (w *recordWriter) record(kind byte, payload []byte) {
	head := binary.AppendUvarint([]byte{kind}, uint64(len(payload)))
	crc := crc32.Update(crc32.Update(0, castagnoli, head), castagnoli, payload)
	w.write(head)
	w.write(payload)
	w.write(binary.LittleEndian.AppendUint32(nil, crc))
	w.n++
}

func (w *recordWriter) end() {
	w.record(kindEnd, binary.AppendUvarint(nil, uint64(w.n)))
	if w.err == nil {
		w.err = w.w.Flush()
	}
}

func (w *recordWriter) write(b []byte) {
	if w.err == nil {
		_, w.err = w.w.Write(b)
	}
}

// errDamaged is the error of a cache that does not hold together.
var errDamaged = errors.New("damaged")

// decode reads the records of a cache file, data, into s. The articles'
// records point into data until they are decoded; the index is copied
// out of it.
func (s *Store) decode(data []byte) error {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return errors.New("not a Sahifa cache")
	}
	v, k := binary.Uvarint(data[len(magic):])
	if k <= 0 {
		return errDamaged
	}
	if v != version {
		return fmt.Errorf("format version %d, not %d", v, version)
	}
	off := len(magic) + k
	for n := 0; ; n++ {
		if off >= len(data) {
			return errors.New("cut short")
		}
		kind := data[off]
		l, k := binary.Uvarint(data[off+1:])
		start := off + 1 + k
		if k <= 0 || l > uint64(len(data)-start) || len(data)-start-int(l) < 4 {
			return errors.New("cut short")
		}
		end := start + int(l)
		payload := data[start:end:end]
		if crc32.Checksum(data[off:end], castagnoli) != binary.LittleEndian.Uint32(data[end:]) {
			return errors.New("checksum mismatch")
		}
		off = end + 4
		r := reader{data: payload}
		switch kind {
		case kindPaths:
			if n != 0 {
				return errDamaged
			}
			paths := r.strings()
			if r.err != nil || !equal(paths, s.paths) {
				return errors.New("written for other paths")
			}
		case kindFile:
			p := r.string()
			e := &entry{size: r.varint(), mtime: r.varint(), checked: r.varint()}
			copy(e.sum[:], r.bytes(sha256.Size))
			e.raw = r.rest()
			if r.err != nil || n == 0 {
				return errDamaged
			}
			s.old[strings.Clone(p)] = e
		case kindNames:
			v := r.bytes(sha256.Size)
			if r.err != nil || n != 1 {
				return errDamaged
			}
			if [sha256.Size]byte(v) == readingsVersion() {
				s.namesRaw = bytes.Clone(r.rest())
			}
		case kindReads:
			e := s.old[r.string()]
			raw := r.rest()
			if r.err != nil || e == nil {
				return errDamaged
			}
			if s.namesRaw != nil {
				e.readRaw = raw
			}
		case kindIndex:
			copy(s.indexOf[:], r.bytes(sha256.Size))
			s.index = bytes.Clone(r.rest())
			if r.err != nil || n == 0 {
				return errDamaged
			}
		case kindEnd:
			if r.uvarint() != uint64(n) || r.err != nil || off != len(data) {
				return errDamaged
			}
			return nil
		default:
			return errDamaged
		}
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// encode appends the file record of e, the file at path. The scratch
// buffers are reused from one file to the next, so that writing a cache
// leaves little garbage behind: it is written when the collection is
// largest in memory.
func (e *entry) encode(b []byte, path string, scratch *encoding) []byte {
	b = appendString(b, path)
	b = binary.AppendVarint(b, e.size)
	b = binary.AppendVarint(b, e.mtime)
	b = binary.AppendVarint(b, e.checked)
	b = append(b, e.sum[:]...)
	if e.raw != nil {
		return append(b, e.raw...)
	}
	scratch.plain = appendFileRead(scratch.plain[:0], *e.read)
	scratch.packed = snappy.Encode(scratch.packed[:cap(scratch.packed)], scratch.plain)
	return append(b, scratch.packed...)
}

// encoding holds the buffers encode reuses.
type encoding struct{ record, plain, packed []byte }

// appendFileRead appends what a file gave: its problems, then its
// articles, each as its key (16 bytes), ID, index in the file (zigzag),
// title, source, URL, author, category, credit, how its date is known (a
// byte) and, when it is, the date (time.Time's binary form, as a string),
// its paragraphs (count, then kind byte and text of each), what was
// removed, its direction (a byte) and the places of its copies. The path
// is the file's.
func appendFileRead(b []byte, fr corpus.FileRead) []byte {
	b = appendStrings(b, fr.Problems)
	b = binary.AppendUvarint(b, uint64(len(fr.Articles)))
	for i, a := range fr.Articles {
		b = append(b, fr.Keys[i][:]...)
		b = appendString(b, a.ID)
		b = binary.AppendVarint(b, int64(a.Index))
		for _, f := range []string{a.Title, a.Source, a.URL, a.Author, a.Category, a.Credit} {
			b = appendString(b, f)
		}
		b = append(b, byte(a.DateFrom))
		if a.DateFrom != corpus.DateUnknown {
			t, _ := a.Date.MarshalBinary()
			b = appendString(b, string(t))
		}
		b = binary.AppendUvarint(b, uint64(len(a.Paragraphs)))
		for _, p := range a.Paragraphs {
			b = append(b, byte(p.Kind))
			b = appendString(b, p.Text)
		}
		b = appendStrings(b, a.Removed)
		b = append(b, byte(a.Dir))
		b = appendStrings(b, a.Duplicates)
	}
	return b
}

// decodeFileRead reads what appendFileRead wrote of the file at path,
// compressed.
func decodeFileRead(compressed []byte, path string) (corpus.FileRead, error) {
	data, err := snappy.Decode(nil, compressed)
	if err != nil {
		return corpus.FileRead{}, errDamaged
	}
	r := reader{data: data}
	fr := corpus.FileRead{Problems: r.strings()}
	n := r.count(20)
	fr.Articles = make([]*corpus.Article, 0, n)
	fr.Keys = make([][16]byte, 0, n)
	arts := make([]corpus.Article, n) // one allocation for them all
	for i := range n {
		var key [16]byte
		copy(key[:], r.bytes(16))
		a := &arts[i]
		a.Path = path
		a.ID = r.string()
		a.Index = int(r.varint())
		a.Title, a.Source, a.URL, a.Author, a.Category, a.Credit = r.string(), r.string(), r.string(), r.string(), r.string(), r.string()
		a.DateFrom = corpus.DateSource(r.byte())
		if a.DateFrom != corpus.DateUnknown {
			if err := a.Date.UnmarshalBinary([]byte(r.string())); err != nil {
				return fr, errDamaged
			}
		}
		if np := r.count(2); np > 0 {
			a.Paragraphs = make([]corpus.Paragraph, np)
			for j := range a.Paragraphs {
				a.Paragraphs[j] = corpus.Paragraph{Kind: corpus.ParagraphKind(r.byte()), Text: r.string()}
			}
		}
		a.Removed = r.strings()
		a.Dir = corpus.Direction(r.byte())
		a.Duplicates = r.strings()
		if r.err != nil {
			return fr, r.err
		}
		fr.Articles = append(fr.Articles, a)
		fr.Keys = append(fr.Keys, key)
	}
	if r.err != nil || r.off != len(data) {
		return fr, errDamaged
	}
	return fr, nil
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendStrings(b []byte, ss []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(ss)))
	for _, s := range ss {
		b = appendString(b, s)
	}
	return b
}

// reader reads a record's fields, remembering the first error and giving
// zeros from then on. Its strings point into data, not copies of it: a
// cache file's texts are read once and shared by its articles.
type reader struct {
	data []byte
	off  int
	err  error
}

func (r *reader) fail() { r.err = errDamaged }

func (r *reader) uvarint() uint64 { return number(r, binary.Uvarint) }

func (r *reader) varint() int64 { return number(r, binary.Varint) }

// number reads a number with decode, as binary.Uvarint or binary.Varint.
func number[T uint64 | int64](r *reader, decode func([]byte) (T, int)) T {
	if r.err != nil {
		return 0
	}
	v, k := decode(r.data[r.off:])
	if k <= 0 {
		r.fail()
		return 0
	}
	r.off += k
	return v
}

// count reads a number of things at least min bytes long each, refusing
// one the rest of the data could not hold.
func (r *reader) count(min int) int {
	v := r.uvarint()
	if v > uint64(len(r.data)-r.off)/uint64(min) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *reader) byte() byte {
	b := r.bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n > len(r.data)-r.off {
		r.fail()
		return nil
	}
	b := r.data[r.off : r.off+n : r.off+n]
	r.off += n
	return b
}

func (r *reader) rest() []byte { return r.bytes(len(r.data) - r.off) }

func (r *reader) string() string {
	n := r.count(1)
	b := r.bytes(n)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func (r *reader) strings() []string {
	n := r.count(1)
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.string()
	}
	return ss
}
