package entities

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestSumRows checks that sumRows, which may add four tags an
// instruction, gives sumRowsGo's sums to the bit, over the shipped
// model's rows, and that a row outside the weights panics as it does.
func TestSumRows(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	nRows := len(m.w) / nTags
	r := rand.New(rand.NewPCG(1, 2))
	var rows []int32
	for range 10000 {
		rows = rows[:0]
		for range r.IntN(40) {
			rows = append(rows, int32(r.IntN(nRows)*nTags))
		}
		var got, want [nTags]float32
		sumRows(&got, m.w, rows)
		sumRowsGo(&want, m.w, rows)
		for k := range got {
			if math.Float32bits(got[k]) != math.Float32bits(want[k]) {
				t.Fatalf("rows %v, tag %d: %v, want %v", rows, k, got[k], want[k])
			}
		}
	}
	for _, bad := range []int32{-1, int32(cap(m.w) - nTags + 1)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("row %d of %d weights: no panic", bad, cap(m.w))
				}
			}()
			var e [nTags]float32
			sumRows(&e, m.w, []int32{0, bad})
		}()
	}
}
