//go:build !amd64 || purego

package entities

// sumRows sets e to the sums of the weight rows of w, row by row in order
// (sumRowsGo).
func sumRows(e *[nTags]float32, w []float32, rows []int32) {
	sumRowsGo(e, w, rows)
}
