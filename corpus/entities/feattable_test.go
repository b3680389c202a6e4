package entities

import "testing"

// TestFeatTable checks that the feature table, whose bitmap answers
// misses before the slots, finds each feature of the shipped model with
// its row, and no feature it does not hold.
func TestFeatTable(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range m.index {
		if r, ok := m.table.get(k); !ok || r != want {
			t.Fatalf("feature %#x: row %d, %v; want %d", k, r, ok, want)
		}
	}
	misses := 0
	for v := range uint64(100000) {
		k := mix(tCluster+1, v) // a template the model has no features of
		if _, ok := m.index[k]; ok {
			continue
		}
		if r, ok := m.table.get(k); ok {
			t.Fatalf("feature %#x, not in the model: row %d", k, r)
		}
		misses++
	}
	if misses == 0 {
		t.Fatal("no miss tried")
	}
	empty := newFeatTable(map[uint64]int32{})
	if _, ok := empty.get(1); ok {
		t.Error("an empty table finds feature 1")
	}
}
