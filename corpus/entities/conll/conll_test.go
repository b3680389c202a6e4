package conll

import (
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
