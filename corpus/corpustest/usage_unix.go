//go:build unix

package corpustest

import (
	"syscall"
	"time"
)

// CPUTime returns the processor time the process has used, user and
// system, all threads: benchmarks report throughput by it because other
// programs on a shared machine do not inflate it as they do wall time.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// PeakRSS returns the most memory the process has held, in MB, or -1 when
// it cannot be read.
func PeakRSS() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return float64(ru.Maxrss) / 1024 // kilobytes on Linux
}
