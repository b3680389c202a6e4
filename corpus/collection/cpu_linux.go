package collection

import (
	"runtime"
	"syscall"
	"time"
)

// clock measures the CPU time of the goroutine that started it, which it
// keeps on one thread: the background work's cost, apart from the
// screen's.
type clock struct{}

func startClock() clock {
	runtime.LockOSThread()
	return clock{}
}

func (clock) stop() { runtime.UnlockOSThread() }

// rusageThread is RUSAGE_THREAD, which package syscall does not name.
const rusageThread = 1

func (clock) now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
