package entities

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestChunksReadsBIOAsConlleval(t *testing.T) {
	tags := []string{"B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-MISC"}
	want := []Chunk{{"PERS", 0, 2}, {"LOC", 3, 5}, {"LOC", 5, 6}, {"ORG", 6, 7}, {"MISC", 7, 8}}
	if got := Chunks(tags); !reflect.DeepEqual(got, want) {
		t.Errorf("Chunks(%v) = %v, want %v", tags, got, want)
	}
}

func TestReadCoNLLIgnoresExtraColumns(t *testing.T) {
	in := "-DOCSTART- O\n\nقال NN O\nبوتين NNP B-PERS\n\n\nفي O\nموسكو B-LOC\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"قال", "بوتين"}, Tags: []string{"O", "B-PERS"}},
		{Tokens: []string{"في", "موسكو"}, Tags: []string{"O", "B-LOC"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCoNLL = %v, want %v", got, want)
	}
}

func TestEvaluationCountsExactSpansOnly(t *testing.T) {
	e := Evaluation{}
	e.Add([]string{"B-PERS", "I-PERS", "O", "B-LOC"}, []string{"B-PERS", "O", "O", "B-LOC"})
	if s := e.Micro("PERS"); s != (Score{Found: 1, Gold: 1, Correct: 0}) {
		t.Errorf("PERS score %+v: a name cut short is not a hit", s)
	}
	if s := e.Micro("PERS", "LOC"); s.F1() != 50 {
		t.Errorf("micro F1 = %v, want 50", s.F1())
	}
}

// toyData is a tiny training set in which names follow trigger words.
func toyData() []Sentence {
	var out []Sentence
	names := [][2]string{{"سامر", "خليل"}, {"ماهر", "نجيب"}, {"رامي", "سعيد"}, {"هادي", "كامل"}}
	places := []string{"دمشق", "حلب", "بيروت", "عمان"}
	for i := 0; i < 40; i++ {
		n, p := names[i%len(names)], places[i%len(places)]
		out = append(out, Sentence{
			Tokens: []string{"قال", "الرئيس", n[0], n[1], "في", p, "."},
			Tags:   []string{"O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"},
		})
	}
	return out
}

// toyOptions train on toyData: its weights stay small, so the default
// pruning, set for ANERcorp, would drop them all.
var toyOptions = TrainOptions{Epochs: 5, Prune: 0.05}

func TestTrainLearnsAndModelRoundTrips(t *testing.T) {
	m := Train(toyData(), toyOptions)
	toks := []string{"قال", "الرئيس", "ماهر", "خليل", "في", "بيروت", "."}
	want := []string{"O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O"}
	if got := m.TagSentence(toks); !reflect.DeepEqual(got, want) {
		t.Fatalf("TagSentence = %v, want %v", got, want)
	}
	m2, written := roundTrip(t, m)
	if got := m2.TagSentence(toks); !reflect.DeepEqual(got, want) {
		t.Errorf("after a round trip TagSentence = %v, want %v", got, want)
	}
	var b2 bytes.Buffer
	Train(toyData(), toyOptions).WriteTo(&b2)
	if !bytes.Equal(written, b2.Bytes()) {
		t.Error("training twice on the same data gave different model files")
	}
}

// roundTrip writes m and reads it back, returning the model read and the
// bytes written.
func roundTrip(t *testing.T, m *Model) (*Model, []byte) {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return m2, b.Bytes()
}

func TestReadModelRejectsGarbage(t *testing.T) {
	for _, in := range []string{"", "not gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00"} {
		if _, err := ReadModel(strings.NewReader(in)); err == nil {
			t.Errorf("ReadModel(%q) succeeded", in)
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
	if m.Features() == 0 || len(m.dict.words) == 0 {
		t.Errorf("the embedded model is empty: %d features, %d words", m.Features(), len(m.dict.words))
	}
}
