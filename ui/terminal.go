package ui

// terminalHints tells users of terminals that reorder right-to-left text
// themselves, which Sahifa cannot switch off with CSI 8 l, what to do about
// it. Each entry is an environment variable the terminal sets (with the
// value it must have, or "" for any) and the hint. Sources: the terminal
// survey in the project's bidi notes (Konsole src/profile/Profile.cpp
// BidiRenderingEnabled; mlterm man page, --ctl on by default; kitty
// options/definition.py force_ltr; terminal-wg "prior work": Terminal.app
// has no way to turn bidi off; tmux input.c drops CSI 8 h/l).
var terminalHints = []struct {
	env, value, hint string
}{
	{"KONSOLE_VERSION", "", "Konsole reorders Arabic again: untick Bi-Directional text rendering in the profile, or run with --bidi=terminal"},
	{"MLTERM", "", "mlterm reorders Arabic again: run with --bidi=terminal"},
	{"KITTY_WINDOW_ID", "", "kitty turns Arabic words around again: set force_ltr yes in kitty.conf"},
	{"TERM", "xterm-kitty", "kitty turns Arabic words around again: set force_ltr yes in kitty.conf"},
	{"TERM_PROGRAM", "Apple_Terminal", "Terminal.app reorders Arabic again: run with --bidi=terminal"},
}

// TerminalHint returns a one-line hint for a terminal known to reorder
// right-to-left text that Sahifa has already put in visual order, or "".
// getenv is os.Getenv, or a stand-in in tests.
func TerminalHint(getenv func(string) string) string {
	for _, h := range terminalHints {
		v := getenv(h.env)
		if v != "" && (h.value == "" || v == h.value) {
			return h.hint
		}
	}
	// A VTE terminal is switched to explicit mode by CSI 8 l, but tmux
	// drops the sequence unless it may pass it through.
	if getenv("TMUX") != "" && getenv("VTE_VERSION") != "" {
		return "in tmux, set -g allow-passthrough on so that Sahifa can turn the terminal's own bidi off"
	}
	return ""
}
