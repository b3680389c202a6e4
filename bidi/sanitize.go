package bidi

import (
	"strings"
	"unicode/utf8"
)

// Placeholders shown instead of what must not reach a terminal.
const (
	escapePicture = '␛'      // U+241B: a whole escape sequence, or a lone ESC
	delPicture    = '␡'      // U+2421
	badRune       = '\uFFFD' // invalid UTF-8 and stray C1 controls
)

// runeBuf is sanitised text as runes, each with the byte offset in the
// original text where the input it stands for starts.
type runeBuf struct {
	runes []rune
	src   []int32 // len(runes)+1 entries; the last is len(text)
}

// Sanitize returns s with everything a terminal would interpret removed:
// escape sequences of every kind (CSI, OSC, DCS, APC, PM, SOS, in their ESC
// and C1 forms, terminated or not) become ␛, other C0 controls except tab
// and newline become their Control Pictures (U+2400 block), DEL becomes ␡,
// other C1 controls and invalid UTF-8 become U+FFFD. It reports how many
// replacements it made. Bidirectional formatting characters are kept:
// Paragraph needs them and drops them from what it returns.
func Sanitize(s string) (clean string, replaced int) {
	if safe(s) {
		return s, 0
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	replaced = scan(s, false, func(r rune, _ int) { b.WriteRune(r) })
	return b.String(), replaced
}

// safe reports whether s is printable ASCII, tab and newline only, the
// common case that needs no copy.
func safe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n') || c >= 0x7F {
			return false
		}
	}
	return true
}

// sanitizeInto appends the sanitised runes of s to buf for Paragraph, which
// also turns tab, line and paragraph separators into spaces.
func sanitizeInto(buf *runeBuf, s string) {
	buf.runes, buf.src = buf.runes[:0], buf.src[:0]
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7F {
			scan(s, true, func(r rune, at int) {
				buf.runes = append(buf.runes, r)
				buf.src = append(buf.src, int32(at))
			})
			buf.src = append(buf.src, int32(len(s)))
			return
		}
	}
	// Printable ASCII: one rune per byte.
	for i := 0; i < len(s); i++ {
		buf.runes = append(buf.runes, rune(s[i]))
		buf.src = append(buf.src, int32(i))
	}
	buf.src = append(buf.src, int32(len(s)))
}

// scan calls emit for each rune of sanitised s with the byte offset of the
// input it replaces, and returns the number of replacements.
func scan(s string, para bool, emit func(r rune, at int)) (replaced int) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			emit(badRune, i)
			replaced++
			i++
			continue
		case r >= 0x20 && r < 0x7F, r > 0x9F && r != 0x2028 && r != 0x2029:
			emit(r, i)
			i += size
			continue
		}
		if para && (r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029) {
			emit(' ', i)
			i += size
			continue
		}
		if !para && (r == '\t' || r == '\n' || r == 0x2028 || r == 0x2029) {
			emit(r, i)
			i += size
			continue
		}
		if n := escapeLen(s[i:]); n > 0 {
			emit(escapePicture, i)
			replaced++
			i += n
			continue
		}
		switch {
		case r == 0x7F:
			emit(delPicture, i)
		case r < 0x20:
			emit(0x2400+r, i)
		default: // C1
			emit(badRune, i)
		}
		replaced++
		i += size
	}
	return replaced
}

// escapeLen returns the length in bytes of the escape sequence s starts
// with (ECMA-48 §5.4 control sequences, §8.3 control strings, §5.3
// two-byte escapes), or 0 if s starts with none. A control string without
// its terminator counts only its introducer: once that is replaced the rest
// is plain text, and the article's words are kept.
func escapeLen(s string) int {
	var kind byte // '[' CSI, ']' OSC, 'P' DCS, '_' APC, '^' PM, 'X' SOS, 0 other
	body := 0
	switch {
	case s[0] == 0x1B:
		if len(s) > 1 {
			switch s[1] {
			case '[', ']', 'P', '_', '^', 'X':
				kind = s[1]
				body = 2
			}
		}
		if kind == 0 {
			// ESC, intermediates 0x20–0x2F, final 0x30–0x7E.
			n := 1
			for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2F {
				n++
			}
			if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7E {
				n++
			}
			return n
		}
	case len(s) > 1 && s[0] == 0xC2:
		switch s[1] {
		case 0x9B:
			kind = '['
		case 0x9D:
			kind = ']'
		case 0x90:
			kind = 'P'
		case 0x9F:
			kind = '_'
		case 0x9E:
			kind = '^'
		case 0x98:
			kind = 'X'
		default:
			return 0
		}
		body = 2
	default:
		return 0
	}
	if kind == '[' {
		n := body
		for n < len(s) && s[n] >= 0x30 && s[n] <= 0x3F {
			n++
		}
		for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2F {
			n++
		}
		if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7E {
			n++
		}
		return n
	}
	for n := body; n < len(s); n++ {
		switch {
		case s[n] == 0x07 && kind == ']':
			return n + 1
		case s[n] == 0x1B && n+1 < len(s) && s[n+1] == '\\':
			return n + 2
		case s[n] == 0xC2 && n+1 < len(s) && s[n+1] == 0x9C:
			return n + 2
		}
	}
	return body
}
