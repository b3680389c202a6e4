//go:build !unix

package corpustest

import "time"

// CPUTime is not measured on this system: it returns 0.
func CPUTime() time.Duration { return 0 }

// PeakRSS is not measured on this system: it returns -1.
func PeakRSS() float64 { return -1 }
