//go:build unix

package search

import (
	"syscall"
	"time"
)

// peakRSS returns the most memory the process has held, in MB.
func peakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}

// cpuTime returns the processor time the process has used, user and
// system, which other processes on a shared machine do not inflate.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
