package entities

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"io"
	"runtime"
	"testing"

	"sahifa/corpus/entities/conll"
)

// rawModel returns the unzipped file of a model trained on two sentences.
func rawModel(t testing.TB) []byte {
	m := train([]conll.Sentence{
		{Tokens: []string{"قال", "بوتين", "في", "موسكو"}, Tags: []string{"O", "B-PERS", "O", "B-LOC"}},
		{Tokens: []string{"وزارة", "الخارجية", "السورية"}, Tags: []string{"B-ORG", "I-ORG", "I-ORG"}},
	}, trainOptions{Epochs: 1})
	var zipped bytes.Buffer
	if _, err := m.writeTo(&zipped); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&zipped)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestModelHeaderNotTrusted: a model file of a few dozen bytes whose
// header claims 2^26 features is refused without allocating what the
// header asks (it took 512 MB).
func TestModelHeaderNotTrusted(t *testing.T) {
	var raw bytes.Buffer
	raw.WriteString(modelMagic)
	raw.Write(make([]byte, 4*len(Model{}.trans)+4)) // transitions, scale
	raw.Write(binary.AppendUvarint(nil, 1<<26))
	var file bytes.Buffer
	zw := gzip.NewWriter(&file)
	zw.Write(raw.Bytes())
	zw.Close()
	var err error
	n := allocated(func() { _, err = readModel(bytes.NewReader(file.Bytes())) })
	if err == nil {
		t.Fatal("a model cut short after its header was read")
	}
	if n > 1<<20 {
		t.Errorf("a %d-byte model file made readModel allocate %d bytes", file.Len(), n)
	}
}

// FuzzReadModel decodes arbitrary model files (unzipped): no panic, and
// a model it accepts has a row of weights for each feature it lists.
// (Readying a model for tagging takes some 70 ms, so the fuzzer stops at
// the decoding; TestModelHeaderNotTrusted checks the allocation.)
func FuzzReadModel(f *testing.F) {
	raw := rawModel(f)
	f.Add(raw)
	f.Add(raw[:len(raw)/2])
	f.Add([]byte(modelMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := decodeModel(bufio.NewReader(bytes.NewReader(data)))
		if err != nil {
			return
		}
		if len(m.w) != len(m.index)*nTags {
			t.Fatalf("%d weights for %d features", len(m.w), len(m.index))
		}
		for _, r := range m.index {
			if r < 0 || int(r)+nTags > len(m.w) {
				t.Fatalf("row %d of %d weights", r, len(m.w))
			}
		}
	})
}

// TestReadModelTags: the model decoded from a file written by writeTo
// tags a sentence once readied.
func TestReadModelTags(t *testing.T) {
	m, err := decodeModel(bufio.NewReader(bytes.NewReader(rawModel(t))))
	if err != nil {
		t.Fatal(err)
	}
	for _, tags := range m.finish().TagDocument([][]string{{"قال", "بوتين", "في", "موسكو"}}) {
		if len(tags) != 4 {
			t.Fatalf("%d tags for 4 tokens", len(tags))
		}
	}
}
