//go:build !unix

package search

import "time"

// peakRSS is not measured here.
func peakRSS() float64 { return -1 }

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
