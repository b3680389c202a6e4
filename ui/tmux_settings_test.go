package ui

import (
	"os"
	"strings"
	"testing"
)

// TestTmuxSettings: layout = "ltr" in $XDG_CONFIG_HOME/sahifa/config.toml
// puts the list on the left of the seeds (Arabic, so on the right by
// default); --layout=rtl on the command line overrides the file; a broken
// file is named with its line in the status line and Sahifa starts with
// the defaults, as with a key bound to two actions.
func TestTmuxSettings(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	cfgHome, file := settingsHome(t)
	const w, h = 100, 24
	tm := startTmux(t, w, h)
	// listLeft reports whether the list's title starts the first row.
	listLeft := func(s string) bool { return strings.HasPrefix(s, "Articles 5") }
	listRight := func(s string) bool { return strings.Contains(s, "│Articles 5") }
	run := func(flags string) {
		tm.typeText("clear; XDG_CONFIG_HOME='" + cfgHome + "' " + bin + flags + "; echo EXIT-$?")
		tm.keys("Enter")
	}
	quit := func() {
		tm.keys("q")
		tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })
	}

	os.WriteFile(file, []byte("# my settings\nlayout = \"ltr\"\n"), 0o600)
	run("")
	tm.waitFor("the list on the left", listLeft)
	quit()

	run(" --layout=rtl")
	tm.waitFor("the flag over the file: the list on the right", listRight)
	quit()

	os.WriteFile(file, []byte("# my settings\nlayout = \n"), 0o600)
	run("")
	s := tm.waitFor("the broken file named, the defaults used", func(s string) bool {
		return listRight(s) && strings.Contains(s, "config.toml: line 2")
	})
	if !strings.Contains(s, "defaults used: ") {
		t.Fatalf("the status line does not say the defaults are used:\n%s", s)
	}
	quit()

	// A key given to an action that another has already: the line, the
	// key and both actions named, and q still quits.
	tm.resize(200, h)
	os.WriteFile(file, []byte("[keys]\nbookmark = \"q\"\n"), 0o600)
	run("")
	tm.waitFor("the clash of keys named", func(s string) bool {
		return strings.Contains(s, `config.toml: line 2: keys.bookmark binds "q", which quit has already`)
	})
	quit()
}
