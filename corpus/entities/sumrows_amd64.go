//go:build amd64 && !purego

package entities

// sumRowsSSE sets e to the sums of the weight rows of w as sumRowsGo
// does, four tags an instruction, and reports true; it leaves e alone and
// reports false when a row does not fit in w.
//
//go:noescape
func sumRowsSSE(e *[nTags]float32, w []float32, rows []int32) bool

// sumRows sets e to the sums of the weight rows of w, row by row in order
// (sumRowsGo), four tags an add: in about a third of the time of the Go
// loop, which adds one tag at a time and keeps three of the seventeen
// sums in memory (20 to 40 rows drawn at random from weights of the
// model's size). A packed add rounds each tag's sum as a lone add does,
// so the sums are the same to the bit.
func sumRows(e *[nTags]float32, w []float32, rows []int32) {
	if !sumRowsSSE(e, w, rows) {
		sumRowsGo(e, w, rows) // as it did: a row past w's capacity panics
	}
}
