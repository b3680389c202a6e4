package arabic

import "unicode/utf8"

// Words is Tokens with a run of digits cut from letters it touches, the
// way search sees a text: ١٤٣٦هـ is the year 1436 and the era هـ, so the
// query 1436 finds it.
func Words(s string) []Token {
	return AppendWords(nil, s)
}

// AppendWords appends the words of s, as Words cuts them, to dst.
func AppendWords(dst []Token, s string) []Token {
	for t, ok := NextWord(s, 0); ok; t, ok = NextWord(s, t.End) {
		dst = append(dst, t)
	}
	return dst
}

// NextWord returns the first word of s, as Words cuts it, that starts at
// or after the byte offset at, which must be 0 or the end of a word; ok is
// false when there is none. It lets a caller that wants the nth word of a
// text stop there.
func NextWord(s string, at int) (t Token, ok bool) {
	start, kind := -1, notWord // kind: letter or digit run so far, notWord for marks only
	for i := at; i < len(s); {
		r, n := decode(s, i)
		c := classOf(r)
		switch {
		case c == notWord:
			if start >= 0 {
				return Token{start, i}, true
			}
			i += n
			continue
		case start < 0:
			start, kind = i, notWord
		case c != mark && kind != notWord && c != kind:
			return Token{start, i}, true
		}
		if c != mark {
			kind = c
		}
		i += n
	}
	if start >= 0 {
		return Token{start, len(s)}, true
	}
	return Token{}, false
}

// decode is utf8.DecodeRuneInString(s[i:]) with a shortcut for the
// two-byte runes of the Arabic block, most of an Arabic text.
func decode(s string, i int) (rune, int) {
	if b := s[i]; b >= 0xD8 && b <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// FoldWords calls yield with each word of s, cut as Words cuts it, and its
// folded form (as AppendFold gives it), in one pass over s; folded is only
// valid during the call. It is Words and Fold together, for an indexer
// that sees every word of a collection.
func FoldWords(s string, buf []byte, yield func(t Token, folded []byte)) []byte {
	start, kind := -1, notWord // kind: letter or digit run so far, notWord for marks only
	buf = buf[:0]
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		c := classOf(r)
		if c == notWord {
			if start >= 0 {
				yield(Token{start, i}, buf)
				start, buf = -1, buf[:0]
			}
			i += n
			continue
		}
		if start < 0 {
			start, kind = i, notWord
		} else if c != mark && kind != notWord && c != kind {
			yield(Token{start, i}, buf)
			start, buf = i, buf[:0]
		}
		if c != mark {
			kind = c
		}
		buf = appendFoldedRune(buf, r)
		i += n
	}
	if start >= 0 {
		yield(Token{start, len(s)}, buf)
	}
	return buf
}
