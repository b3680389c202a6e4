package arabic

import (
	"unicode"
	"unicode/utf8"
)

// Words is Tokens with a run of digits cut from letters it touches, the
// way search sees a text: ١٤٣٦هـ is the year 1436 and the era هـ, so the
// query 1436 finds it.
func Words(s string) []Token {
	return AppendWords(nil, s)
}

// AppendWords appends the words of s, as Words cuts them, to dst.
func AppendWords(dst []Token, s string) []Token {
	for _, t := range Tokens(s) {
		start, digits := t.Start, -1
		for i := t.Start; i < t.End; {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsMark(r) || r == '\u0640' {
				i += n // marks and tatweel stay with what they follow
				continue
			}
			d := 0
			if unicode.IsDigit(r) {
				d = 1
			}
			if digits >= 0 && d != digits {
				dst = append(dst, Token{start, i})
				start = i
			}
			digits = d
			i += n
		}
		dst = append(dst, Token{start, t.End})
	}
	return dst
}
