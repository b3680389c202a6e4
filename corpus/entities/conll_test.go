package entities

import (
	"bytes"
	"reflect"
	"sahifa/corpus/entities/conll"
	"strings"
	"testing"
)

// toyData is a tiny training set in which names follow trigger words.
func toyData() []conll.Sentence {
	var out []conll.Sentence
	names := [][2]string{{"سامر", "خليل"}, {"ماهر", "نجيب"}, {"رامي", "سعيد"}, {"هادي", "كامل"}}
	places := []string{"دمشق", "حلب", "بيروت", "عمان"}
	for i := 0; i < 40; i++ {
		n, p := names[i%len(names)], places[i%len(places)]
		out = append(out, conll.Sentence{
			Tokens: []string{"قال", "الرئيس", n[0], n[1], "في", p, "."},
			Tags:   []string{"O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"},
		})
	}
	return out
}

// toyOptions train on toyData: its weights stay small, so the default
// pruning, set for ANERcorp, would drop them all.
var toyOptions = trainOptions{Epochs: 5, Prune: 0.05}

func TestTrainLearnsAndModelRoundTrips(t *testing.T) {
	m := train(toyData(), toyOptions)
	toks := []string{"قال", "الرئيس", "ماهر", "خليل", "في", "بيروت", "."}
	want := []string{"O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"}
	if got := m.tagSentence(toks); !reflect.DeepEqual(got, want) {
		t.Fatalf("TagSentence = %v, want %v", got, want)
	}
	m2, written := roundTrip(t, m)
	if got := m2.tagSentence(toks); !reflect.DeepEqual(got, want) {
		t.Errorf("after a round trip TagSentence = %v, want %v", got, want)
	}
	var b2 bytes.Buffer
	train(toyData(), toyOptions).writeTo(&b2)
	if !bytes.Equal(written, b2.Bytes()) {
		t.Error("training twice on the same data gave different model files")
	}
}

// roundTrip writes m and reads it back, returning the model read and the
// bytes written.
func roundTrip(t *testing.T, m *Model) (*Model, []byte) {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.writeTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := readModel(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return m2, b.Bytes()
}

func TestReadModelRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := readModel(strings.NewReader(in)); err == nil {
			t.Errorf("readModel(%q) succeeded", in)
		}
	}
}

func TestEmbeddedModelIsSmallAndReads(t *testing.T) {
	if len(modelFile) > 10<<20 {
		t.Errorf("the embedded model has %d bytes, more than 10 MB", len(modelFile))
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.features() == 0 || len(m.dict.words) == 0 {
		t.Errorf("the embedded model is empty: %d features, %d words", m.features(), len(m.dict.words))
	}
}
