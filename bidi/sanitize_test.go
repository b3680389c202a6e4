package bidi_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"sahifa/bidi"
)

func TestSanitize(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		replaced       int
	}{
		{"plain", "plain text", "plain text", 0},
		{"Arabic", "قال «بوتين»", "قال «بوتين»", 0},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc", 0},
		{"CSI SGR", "a\x1b[31mred\x1b[0m", "a␛red␛", 2},
		{"CSI private with intermediates", "\x1b[?1049h\x1b[2 qx", "␛␛x", 2},
		{"OSC 8 hyperlink, ST", "\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\", "␛link␛", 2},
		{"OSC title, BEL", "\x1b]0;title\x07x", "␛x", 1},
		{"OSC 52 clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07x", "␛x", 1},
		{"DCS", "\x1bPq#0;2;0;0;0#0~~\x1b\\x", "␛x", 1},
		{"APC kitty graphics", "\x1b_Gf=100;AAAA\x1b\\x", "␛x", 1},
		{"PM", "\x1b^private\x1b\\x", "␛x", 1},
		{"SOS", "\x1bXstring\x1b\\x", "␛x", 1},
		{"8-bit CSI", "\u009b31mred", "␛red", 1},
		{"8-bit OSC with 8-bit ST", "\u009d0;t\u009cx", "␛x", 1},
		{"8-bit DCS", "\u0090q\u009cx", "␛x", 1},
		{"8-bit APC", "\u009fG\u009cx", "␛x", 1},
		{"8-bit PM", "\u009es\u009cx", "␛x", 1},
		{"8-bit SOS", "\u0098s\u009cx", "␛x", 1},
		{"raw 8-bit byte is invalid UTF-8", "\x9b31m", "\uFFFD31m", 1},
		{"unterminated OSC keeps the words", "\x1b]0;title", "␛0;title", 1},
		{"unterminated 8-bit DCS", "\u0090qabc", "␛qabc", 1},
		{"unterminated CSI", "ab\x1b[31", "ab␛", 1},
		{"lone ESC", "ab\x1b", "ab␛", 1},
		{"ESC before a letter", "\x1bcx", "␛x", 1},
		{"designate charset", "\x1b(Bx", "␛x", 1},
		{"CSI cut by a control", "\x1b[3\x01x", "␛␁x", 2},
		{"C0 and DEL", "a\x00b\rc\x7f", "a␀b␍c␡", 3},
		{"other C1", "a\u0085b\u009c", "a\uFFFDb\uFFFD", 2},
		{"invalid UTF-8", "a\xffb\xc3", "a\uFFFDb\uFFFD", 2},
		{"bidi controls kept", "\u202Bx\u202C\u200F", "\u202Bx\u202C\u200F", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, n := bidi.Sanitize(tc.in)
			if got != tc.want || n != tc.replaced {
				t.Errorf("Sanitize(%q) = %q, %d; want %q, %d", tc.in, got, n, tc.want, tc.replaced)
			}
		})
	}
}

// terminalSafe reports why s could act on a terminal, or "".
func terminalSafe(s string, allowTabNewline bool) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case allowTabNewline && (r == '\t' || r == '\n'):
		case r < 0x20 || (r >= 0x7F && r <= 0x9F):
			return fmt.Sprintf("control character U+%04X", r)
		}
	}
	return ""
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"", "plain", "قال", "\x1b[31mx", "\x1b]8;;u\x1b\\l", "\u009b1m", "\xff\xfe", "\x1bP", "a\tb\nc\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		clean, n := bidi.Sanitize(s)
		if why := terminalSafe(clean, true); why != "" {
			t.Fatalf("Sanitize(%q) = %q: %s", s, clean, why)
		}
		if again, m := bidi.Sanitize(clean); again != clean || m != 0 {
			t.Fatalf("Sanitize not idempotent: %q → %q (%d)", clean, again, m)
		}
		if n == 0 && clean != s {
			t.Fatalf("Sanitize(%q) changed the text but counted no replacement", s)
		}
		if terminalSafe(s, true) == "" && clean != s {
			t.Fatalf("Sanitize(%q) changed safe text to %q", s, clean)
		}
	})
}
