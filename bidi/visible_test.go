package bidi

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"user\u202etxt.exe":      "user⟨RLO⟩txt.exe",
		"تقرير.txt":              "تقرير.txt",
		"a\x1b[31mb\x00\x7f":     "a␛[31mb␀␡",
		"x\u0085y\u2028z\u200bw": "x⟨U+0085⟩y⟨U+2028⟩z⟨U+200B⟩w",
		"\xff\xfeok":             "⟨FF⟩⟨FE⟩ok",
		"\u2066\u2069\u061c":     "⟨LRI⟩⟨PDI⟩⟨ALM⟩",
		"new\nline\ttab":         "new␊line␉tab",
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzVisible: what Visible returns is valid UTF-8 with nothing a
// terminal or the bidi algorithm acts on, and two names that differ
// only in such characters stay apart.
func FuzzVisible(f *testing.F) {
	f.Add("user\u202etxt.exe", "user\u202dtxt.exe")
	f.Add("a\x01", "a\x02")
	f.Add("\xff", "\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		va := Visible(a)
		if !utf8.ValidString(va) {
			t.Fatalf("Visible(%q) = %q, invalid UTF-8", a, va)
		}
		for _, r := range va {
			if r < 0x20 || r >= 0x7f && r <= 0x9f || unicode.Is(unicode.Bidi_Control, r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("Visible(%q) = %q holds U+%04X", a, va, r)
			}
		}
		if a != b && va == Visible(b) && !strings.Contains(a+b, "⟨") && !strings.ContainsFunc(a+b, func(r rune) bool { return r >= 0x2400 && r <= 0x2421 }) {
			t.Fatalf("%q and %q both show as %q", a, b, va)
		}
	})
}
