package collection

import (
	"runtime"
	"syscall"
	"time"
)

// clock measures the CPU time of the goroutine that started it, which it
// keeps on one thread: the background work's cost, apart from the
// screen's. That thread also runs at a lower priority (nice 10), so that
// a keystroke's frame never waits for the background work.
type clock struct{}

// backgroundNice is the niceness of the background work's thread.
const backgroundNice = 10

func startClock() clock {
	runtime.LockOSThread()
	syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), backgroundNice)
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
