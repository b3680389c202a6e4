package entities

import (
	"bytes"
	"maps"
	"reflect"
	"strings"
	"testing"

	"sahifa/corpus/entities/brown"
)

func TestModelKeepsItsClusters(t *testing.T) {
	opt := toyOptions
	opt.Brown = 4
	m := train(toyData(), opt)
	if len(m.clusters) == 0 {
		t.Fatal("a model trained with Brown: 4 has no clusters")
	}
	// The toy sentences name a person where they name no place: their
	// first names must not share a cluster with the places.
	if m.clusters["سامر"] == m.clusters["دمشق"] {
		t.Errorf("سامر and دمشق share cluster %v", m.clusters["سامر"])
	}
	m2, _ := roundTrip(t, m)
	if !maps.Equal(m.clusters, m2.clusters) {
		t.Errorf("after a round trip the model has %d clusters, want %d", len(m2.clusters), len(m.clusters))
	}
	toks := []string{"قال", "الرئيس", "ماهر", "خليل", "في", "بيروت", "."}
	if a, b := m.tagSentence(toks), m2.tagSentence(toks); !reflect.DeepEqual(a, b) {
		t.Errorf("after a round trip TagSentence = %v, want %v", b, a)
	}
	// A model without clusters writes no table: files of earlier
	// models still read.
	var b3 bytes.Buffer
	train(toyData(), toyOptions).writeTo(&b3)
	m3, err := readModel(&b3)
	if err != nil || m3.clusters != nil {
		t.Errorf("a model without clusters reads back with %d clusters, error %v", len(m3.clusters), err)
	}
}

func TestReadClustersReadsWclusterOutput(t *testing.T) {
	// Liang's wcluster writes path, word and count; words are folded.
	in := "0010\tسورية\t12\n0011\tأحمد\t3\n1\t.\t40\n"
	got, err := readClusters(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]brown.Path{"سوريه": {Bits: 0b0010, Len: 4}, "احمد": {Bits: 0b0011, Len: 4}, ".": {Bits: 1, Len: 1}}
	if !maps.Equal(got, want) {
		t.Errorf("ReadClusters = %v, want %v", got, want)
	}
	var b strings.Builder
	if err := writeClusters(&b, got); err != nil {
		t.Fatal(err)
	}
	if b.String() != "0010\tسوريه\n0011\tاحمد\n1\t.\n" {
		t.Errorf("WriteClusters wrote %q", b.String())
	}
	for _, bad := range []string{"x\tword\n", "0101\n", "\tword\n"} {
		if _, err := readClusters(strings.NewReader(bad)); err == nil {
			t.Errorf("readClusters(%q) succeeded", bad)
		}
	}
}

func TestTokensSplitsMarksOffWords(t *testing.T) {
	got := tokens("قال بوتين: «نعم»، اليوم.")
	want := []string{"قال", "بوتين", ":", "«", "نعم", "»", "،", "اليوم", "."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

// FuzzReadClusters reads arbitrary cluster files: nothing may panic, and
// what reads back writes and reads again to the same table.
func FuzzReadClusters(f *testing.F) {
	f.Add("0010\tسورية\t12\n0011\tأحمد\t3\n")
	f.Add("1\t.\n" + strings.Repeat("1", 80) + "\tx\n")
	f.Add("01\t\n\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		paths, err := readClusters(strings.NewReader(in))
		if err != nil {
			return
		}
		var b strings.Builder
		if err := writeClusters(&b, paths); err != nil {
			t.Fatal(err)
		}
		again, err := readClusters(strings.NewReader(b.String()))
		if err != nil {
			t.Fatalf("reading what WriteClusters wrote: %v\n%q", err, b.String())
		}
		if !maps.Equal(paths, again) {
			t.Errorf("a round trip changed the table: %v, then %v", paths, again)
		}
	})
}
