package ui

import (
	"strings"
	"testing"
)

// TestTmuxBadPaths runs sahifa in a shell as a user would, with a folder
// that does not exist and with a mistyped command: each prints an error
// naming it and exits with status 2, and no reader opens.
func TestTmuxBadPaths(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	tm := startTmux(t, 100, 20)
	for _, c := range []struct{ arg, want string }{
		{"/no/such/folder", "sahifa: /no/such/folder: no such file or folder"},
		{"lsit", `sahifa: unknown command "lsit"`},
	} {
		tm.typeText("clear; " + bin + " " + c.arg + "; echo status=$?")
		tm.keys("Enter")
		// The typed command holds "status=$?" too, and the screen the
		// last one's status until clear runs: wait for this error and
		// the line the shell prints after it.
		s := tm.waitFor(c.arg+"'s error", func(s string) bool {
			i := strings.Index(s, c.want)
			return i >= 0 && strings.Contains(s[i:], "\nstatus=")
		})
		if !strings.Contains(s, c.want) || !strings.Contains(s, "status=2") || strings.Contains(s, "Articles") {
			t.Fatalf("%s:\n%s", c.arg, s)
		}
	}
}
