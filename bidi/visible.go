package bidi

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bidiControlNames are the abbreviations Unicode gives the bidi controls
// (UAX #9, Table 1 and §2).
var bidiControlNames = map[rune]string{
	'\u061c': "ALM", '\u200e': "LRM", '\u200f': "RLM",
	'\u202a': "LRE", '\u202b': "RLE", '\u202c': "PDF", '\u202d': "LRO", '\u202e': "RLO",
	'\u2066': "LRI", '\u2067': "RLI", '\u2068': "FSI", '\u2069': "PDI",
}

// Visible returns s with every character that a terminal or the bidi
// algorithm would act on, or that cannot be seen, written as something
// that can: a bidi control as its abbreviation in angle brackets (⟨RLO⟩,
// ⟨LRI⟩), a C0 control as its Control Picture (␛, ␀, ␊), DEL as ␡, a C1
// control, a line or paragraph separator or another invisible format
// character as its code point (⟨U+0085⟩, ⟨U+200B⟩), and each byte of
// invalid UTF-8 as its value (⟨FF⟩), apart from a U+FFFD written as such. It is for metadata — file names,
// paths, URLs — whose controls must be seen and never applied, where
// "user\u202etxt.exe" would otherwise show as userexe.txt; unlike
// Sanitize it keeps every such character distinct, so that two names that
// differ only in them print differently.
func Visible(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, needsShowing) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, "⟨%02X⟩", s[i])
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(delPicture)
		case bidiControlNames[r] != "":
			b.WriteString("⟨" + bidiControlNames[r] + "⟩")
		case needsShowing(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// needsShowing reports whether Visible writes r otherwise than as itself.
func needsShowing(r rune) bool {
	return r < 0x20 || r >= 0x7f && r <= 0x9f ||
		r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r)
}
