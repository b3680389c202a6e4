package bidi

import (
	"bytes"
	"sync"
	"testing"
)

func TestEnterExplicitMode(t *testing.T) {
	for _, tc := range []struct {
		tmux         bool
		enter, leave string
	}{
		{false, "\x1b[8l", "\x1b[8h"},
		{true, "\x1bPtmux;\x1b\x1b[8l\x1b\\", "\x1bPtmux;\x1b\x1b[8h\x1b\\"},
	} {
		var b bytes.Buffer
		restore := enterExplicitMode(&b, tc.tmux)
		if got := b.String(); got != tc.enter {
			t.Errorf("tmux=%v: entering wrote %q, want %q", tc.tmux, got, tc.enter)
		}
		b.Reset()
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() { defer wg.Done(); restore() }()
		}
		wg.Wait()
		restore()
		if got := b.String(); got != tc.leave {
			t.Errorf("tmux=%v: restoring (5 calls) wrote %q, want %q once", tc.tmux, got, tc.leave)
		}
	}
}

func TestEnterExplicitModeReadsTMUX(t *testing.T) {
	t.Setenv("TMUX", "/tmp/tmux-0/default,1,0")
	var b bytes.Buffer
	EnterExplicitMode(&b)()
	if want := "\x1bPtmux;\x1b\x1b[8l\x1b\\\x1bPtmux;\x1b\x1b[8h\x1b\\"; b.String() != want {
		t.Errorf("inside tmux wrote %q, want %q", b.String(), want)
	}
	t.Setenv("TMUX", "")
	b.Reset()
	EnterExplicitMode(&b)()
	if want := "\x1b[8l\x1b[8h"; b.String() != want {
		t.Errorf("outside tmux wrote %q, want %q", b.String(), want)
	}
}
