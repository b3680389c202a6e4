package collection

import (
	"syscall"
	"time"

	"sahifa/corpus/background"
)

// clock measures the CPU time of the goroutine that started it, which it
// keeps on a thread of its own at the background's priority: the
// background work's cost, apart from the screen's.
type clock struct{}

func startClock() clock {
	background.Thread()
	return clock{}
}

// stop leaves the thread locked: it ends with the goroutine rather than
// go back, niced, to run other goroutines.
func (clock) stop() {}

// rusageThread is RUSAGE_THREAD, which package syscall does not name.
const rusageThread = 1

func (clock) now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
