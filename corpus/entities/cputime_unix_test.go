//go:build unix

package entities

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, so that a
// throughput benchmark can report tokens per second of its own work even
// when other programs share the machine's cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
