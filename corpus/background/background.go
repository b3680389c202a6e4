// Package background runs the work a collection does behind the screen
// (reading files, indexing, tagging names) so that the screen never waits
// for it: the work runs on threads of lower priority, and on no more
// scheduler slots than the machine has cores, so that a program with one
// slot more always has one free for its own goroutines, which the
// operating system then runs before the work.
//
// Go's scheduler knows no priorities: a keystroke's goroutine that finds
// every slot (every P) held by busy work waits its turn behind all of
// them, a 10 ms time slice each, for each of the several goroutines a
// keystroke passes through. Niceness alone does not help, since the
// operating system only chooses among the threads that hold a P.
package background

import (
	"runtime"
	"sync"
)

// cores is how many slots the work shares: the GOMAXPROCS the program
// started with, which Go sets from the cores it may use.
var cores = runtime.GOMAXPROCS(0)

// slots holds a token for each core the work is running on.
var slots = make(chan struct{}, cores)

var screenOnce sync.Once

// screenSlots is how many slots a screen keeps over the work's: one for
// the goroutines of its event loop, one for the work it does itself (a
// search in the open article, a panel's contents), so that neither waits
// for the other in Go's scheduler.
const screenSlots = 2

// KeepSlotForScreen gives the program screenSlots scheduler slots more
// than the work may take, for the goroutines of a screen. A program
// without a screen has no need of them.
func KeepSlotForScreen() {
	screenOnce.Do(func() { runtime.GOMAXPROCS(cores + 2) })
}

// A Slot is the right to run on one of the cores the work shares. It is
// held while the work computes and let go while it waits.
type Slot struct{ held bool }

// Take waits for a free slot and returns it held.
func Take() *Slot {
	slots <- struct{}{}
	return &Slot{held: true}
}

// Release lets the slot go; releasing it twice is harmless.
func (s *Slot) Release() {
	if s.held {
		s.held = false
		<-slots
	}
}

// Wait lets the slot go while wait runs, which may block on other work
// (a full channel, a lock held by another slot), and takes it back after.
func (s *Slot) Wait(wait func()) {
	s.Release()
	wait()
	slots <- struct{}{}
	s.held = true
}

// Do runs work holding a slot. Work must not take another slot, nor wait
// for other work that needs one: with every slot held by such waiters,
// nothing would move.
func Do(work func()) {
	s := Take()
	defer s.Release()
	work()
}
