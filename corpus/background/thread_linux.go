package background

import (
	"runtime"
	"syscall"
)

// Nice is the niceness of the work's threads.
const Nice = 10

// Thread puts the calling goroutine on a thread of its own, at Nice, for
// the rest of its life: the thread ends with the goroutine rather than go
// back, niced, to run other goroutines (an unprivileged thread cannot
// take its priority back).
func Thread() {
	runtime.LockOSThread()
	syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), Nice)
}
