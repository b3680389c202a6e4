package background

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSlotsBoundTheWork runs many times more pieces of work than there
// are cores and checks that no more than cores ever ran at once, and that
// all of them ran.
func TestSlotsBoundTheWork(t *testing.T) {
	var running, most, done atomic.Int32
	var wg sync.WaitGroup
	for range 8 * cores {
		wg.Go(func() {
			Do(func() {
				n := running.Add(1)
				for {
					m := most.Load()
					if n <= m || most.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(time.Millisecond)
				running.Add(-1)
				done.Add(1)
			})
		})
	}
	wg.Wait()
	if got := done.Load(); got != int32(8*cores) {
		t.Fatalf("%d pieces of work ran, want %d", got, 8*cores)
	}
	if m := most.Load(); m > int32(cores) || m < 1 {
		t.Fatalf("%d pieces of work ran at once on %d cores", m, cores)
	}
}

// TestWaitLetsTheSlotGo holds every slot, each holder waiting for the
// next one's work: with Wait letting the slot go, the chain moves; a
// holder that kept its slot while waiting would leave the last piece
// without one.
func TestWaitLetsTheSlotGo(t *testing.T) {
	held := make([]*Slot, cores)
	for i := range held {
		held[i] = Take()
	}
	ran := make(chan struct{})
	go Do(func() { close(ran) })
	select {
	case <-ran:
		t.Fatal("work ran with every slot held")
	case <-time.After(20 * time.Millisecond):
	}
	held[0].Wait(func() { <-ran })
	for _, s := range held {
		s.Release()
		s.Release() // twice is harmless
	}
	if n := len(slots); n != 0 {
		t.Fatalf("%d slots still held after every release", n)
	}
}

// TestKeepSlotForScreen checks that the program gets one slot more than
// the work, and keeps it however often it is asked.
func TestKeepSlotForScreen(t *testing.T) {
	before := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(before)
	KeepSlotForScreen()
	KeepSlotForScreen()
	if got := runtime.GOMAXPROCS(0); got != cores+screenSlots {
		t.Fatalf("GOMAXPROCS %d with %d cores, want %d", got, cores, cores+screenSlots)
	}
}

// BenchmarkScreenUnderWork keeps every core busy with background work,
// twice as many pieces as cores waiting for a slot, and measures how late
// a goroutine of the screen's wakes from a 1 ms sleep, as a keystroke's
// goroutine wakes from its read: late-p50-ms and late-p99-ms. Run it
// with and without the slots (-bench 'ScreenUnderWork/(slots|free)').
func BenchmarkScreenUnderWork(b *testing.B) {
	for _, c := range []struct {
		name  string
		slots bool
	}{{"slots", true}, {"free", false}} {
		b.Run(c.name, func(b *testing.B) {
			before := runtime.GOMAXPROCS(0)
			defer runtime.GOMAXPROCS(before)
			if c.slots {
				runtime.GOMAXPROCS(cores + screenSlots)
			}
			stop := make(chan struct{})
			var wg sync.WaitGroup
			for range 3 * cores {
				wg.Go(func() {
					Thread()
					spin := func() {
						for t := time.Now(); time.Since(t) < 5*time.Millisecond; {
						}
					}
					for {
						select {
						case <-stop:
							return
						default:
						}
						if c.slots {
							Do(spin)
						} else {
							spin()
						}
					}
				})
			}
			var late []time.Duration
			for b.Loop() {
				t := time.Now()
				time.Sleep(time.Millisecond)
				late = append(late, time.Since(t)-time.Millisecond)
			}
			close(stop)
			wg.Wait()
			slices.Sort(late)
			b.ReportMetric(float64(late[len(late)/2])/1e6, "late-p50-ms")
			b.ReportMetric(float64(late[len(late)*99/100])/1e6, "late-p99-ms")
		})
	}
}
