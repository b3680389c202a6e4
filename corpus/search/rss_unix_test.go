//go:build unix

package search

import "syscall"

// peakRSS returns the most memory the process has held, in MB.
func peakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}
