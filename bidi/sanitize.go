package bidi

import (
	"slices"
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
	src   []int32    // len(runes)+1 entries; the last is len(text); empty unless asked for
	info  []charInfo // charOfAny of each rune: the one table lookup per rune
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
	for i := 0; i < len(s); {
		r, n, bad := step(s, i, false)
		b.WriteRune(r)
		if bad {
			replaced++
		}
		i += n
	}
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

// sanitizeInto puts the sanitised runes of s in buf for Paragraph, which
// also turns tab, line and paragraph separators into spaces, and their
// offsets in s if offsets is set: text without cells does without them.
func sanitizeInto(buf *runeBuf, s string, offsets bool) {
	n := len(s)
	if cap(buf.runes) < n {
		// Not room for as many runes as bytes: room for as many as there
		// are, since Arabic takes two bytes a letter, and these arrays
		// are much of a long paragraph's memory. Sanitising never makes
		// more runes than UTF-8 decoding does.
		n = utf8.RuneCountInString(s)
	}
	runes, info := slices.Grow(buf.runes[:0], n), slices.Grow(buf.info[:0], n)
	src := buf.src[:0]
	if offsets {
		src = slices.Grow(src, n+1)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7F {
			runes = append(runes, rune(c))
			if offsets {
				src = append(src, int32(i))
			}
			info = append(info, charData[charPages[0]&15][c])
			i++
			continue
		}
		// Two-byte sequences (Arabic, Latin-1 and other alphabets, but not
		// the C1 controls U+0080–U+009F) decoded inline; all of them are in
		// charData.
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 && (c != 0xC2 || s[i+1] > 0x9F) {
			r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			runes = append(runes, r)
			if offsets {
				src = append(src, int32(i))
			}
			info = append(info, charData[charPages[r>>8]&15][r&0xFF])
			i += 2
			continue
		}
		if c >= 0x80 {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r > 0x9F && n > 1 && r != 0x2028 && r != 0x2029 {
				runes = append(runes, r)
				if offsets {
					src = append(src, int32(i))
				}
				info = append(info, charOfAny(r))
				i += n
				continue
			}
		}
		r, n, _ := step(s, i, true)
		runes = append(runes, r)
		if offsets {
			src = append(src, int32(i))
		}
		info = append(info, charOfAny(r))
		i += n
	}
	if offsets {
		src = append(src, int32(len(s)))
	}
	buf.runes, buf.src, buf.info = runes, src, info
}

// step returns the rune that stands for the input at s[i:], how many bytes
// it stands for, and whether it replaces something. In paragraph mode tab,
// line and paragraph separators become spaces; otherwise tab and newline
// are kept and the rest of them shown as pictures.
func step(s string, i int, para bool) (r rune, n int, replaced bool) {
	r, n = utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && n == 1:
		return badRune, 1, true
	case r >= 0x20 && r < 0x7F, r > 0x9F && r != 0x2028 && r != 0x2029:
		return r, n, false
	case para && (r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x2028 || r == 0x2029):
		return ' ', n, false
	case !para && (r == '\t' || r == '\n' || r == 0x2028 || r == 0x2029):
		return r, n, false
	}
	if e := escapeLen(s[i:]); e > 0 {
		return escapePicture, e, true
	}
	switch {
	case r == 0x7F:
		return delPicture, n, true
	case r < 0x20:
		return 0x2400 + r, n, true
	}
	return badRune, n, true // C1
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
