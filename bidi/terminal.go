package bidi

import (
	"io"
	"os"
	"sync"

	"github.com/charmbracelet/x/ansi"
)

// EnterExplicitMode tells the terminal on w not to reorder right-to-left
// text itself (BDSM reset, CSI 8 l: explicit mode in VTE, WezTerm and
// mintty), since Paragraph's lines are already in visual order, and returns
// the function that sets implicit mode back (CSI 8 h). Send it before the
// alternate screen is entered: VTE fixes a row's mode when the row is
// cleared. Inside tmux, which drops these sequences, both are wrapped for
// tmux passthrough (effective with `set -g allow-passthrough on`).
//
// restore writes once however often it is called and is safe to call from
// any goroutine, so a program can both defer it and call it from a signal
// handler.
func EnterExplicitMode(w io.Writer) (restore func()) {
	return enterExplicitMode(w, os.Getenv("TMUX") != "")
}

func enterExplicitMode(w io.Writer, tmux bool) func() {
	seq := func(s string) string {
		if tmux {
			return ansi.TmuxPassthrough(s)
		}
		return s
	}
	io.WriteString(w, seq(ansi.ResetModeBiDirectionalSupport))
	var once sync.Once
	return func() {
		once.Do(func() { io.WriteString(w, seq(ansi.SetModeBiDirectionalSupport)) })
	}
}
