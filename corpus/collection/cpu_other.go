//go:build !linux

package collection

import "time"

// clock measures the time the background work takes; where the thread's
// CPU time cannot be read, wall time stands for it.
type clock struct{ start time.Time }

func startClock() clock { return clock{time.Now()} }

func (clock) stop() {}

func (c clock) now() time.Duration { return time.Since(c.start) }
