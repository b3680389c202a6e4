// Package arabic holds the text analysis that search and entity grouping
// share: folding spelling variants to one form, splitting text into words
// with their byte offsets, and the clitics and suffixes of Arabic words.
//
// Folding follows Lucene's ArabicNormalizer (alef forms, alef maksura, teh
// marbuta, tashkeel, tatweel) and its DecimalDigitFilter, and adds what
// Lucene leaves out but news text needs: hamza on waw and yeh, superscript
// alef, Persian keheh and yeh, presentation forms and Latin case.
//
// Clitics and suffixes are not stripped by rule, which is how light
// stemmers turn ايران into اير and كانون into كان. Forms goes from a word
// to the forms it takes (الأسد، للأسد، والأسد for أسد), so that a search
// looks those up among the words of its collection; Candidates,
// WithoutProclitics and Stem go the other way, Stem only as far as the
// collection's own word counts allow. Variants lists transliterations of
// one name that folding cannot join (سوريا، سورية).
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps a rune to what it folds to; a zero value drops the rune.
// Sources: Lucene ArabicNormalizer.java (alef, yeh, teh marbuta, harakat,
// tatweel); Unicode 15.0 UnicodeData.txt for the code points.
var foldTable = map[rune]rune{
	'\u0622': 'ا', // آ alef with madda above
	'\u0623': 'ا', // أ alef with hamza above
	'\u0625': 'ا', // إ alef with hamza below
	'\u0671': 'ا', // ٱ alef wasla
	'\u0649': 'ي', // ى alef maksura
	'\u0629': 'ه', // ة teh marbuta
	'\u0624': 'ء', // ؤ hamza on waw: مسؤول and مسئول fold alike
	'\u0626': 'ء', // ئ hamza on yeh
	'\u06A9': 'ك', // ک Persian keheh
	'\u06CC': 'ي', // ی Persian yeh
	'\u0640': 0,   // tatweel
	'\u064B': 0,   // fathatan
	'\u064C': 0,   // dammatan
	'\u064D': 0,   // kasratan
	'\u064E': 0,   // fatha
	'\u064F': 0,   // damma
	'\u0650': 0,   // kasra
	'\u0651': 0,   // shadda
	'\u0652': 0,   // sukun
	'\u0653': 0,   // maddah above
	'\u0654': 0,   // hamza above
	'\u0655': 0,   // hamza below
	'\u0670': 0,   // superscript alef
}

// Fold returns s with Arabic spelling variants, tashkeel and tatweel folded
// away, every decimal digit turned to ASCII and letters lower-cased, so that
// two spellings a reader takes for the same word compare equal.
func Fold(s string) string {
	return string(AppendFold(make([]byte, 0, len(s)), s))
}

// AppendFold appends the folded form of s to dst and returns it.
func AppendFold(dst []byte, s string) []byte {
	for _, r := range s {
		dst = appendFoldedRune(dst, r)
	}
	return dst
}

func appendFoldedRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF:
		// Presentation forms, as text copied from PDFs carries them. The
		// same blocks hold runes NFKC leaves alone (the byte order mark
		// U+FEFF, noncharacters, unassigned code points): a format
		// character is dropped, the rest kept as it is.
		if d := norm.NFKC.String(string(r)); d != string(r) {
			for _, c := range d {
				dst = appendFoldedRune(dst, c)
			}
			return dst
		}
		if unicode.Is(unicode.Cf, r) {
			return dst
		}
		return utf8.AppendRune(dst, r)
	}
	if r >= blockStart && r < blockEnd {
		// The Arabic block, where nearly every rune of a text is: a table
		// built from foldTable and Unicode's digits.
		switch f := arabicBlock[r-blockStart].fold; f {
		case 0:
			return dst
		case -1:
			return utf8.AppendRune(dst, r)
		default:
			return utf8.AppendRune(dst, f)
		}
	}
	if f, ok := foldTable[r]; ok {
		if f == 0 {
			return dst
		}
		return utf8.AppendRune(dst, f)
	}
	if unicode.IsDigit(r) {
		return append(dst, byte('0'+digitValue(r)))
	}
	if unicode.IsUpper(r) {
		r = unicode.ToLower(r)
	}
	return utf8.AppendRune(dst, r)
}

// digitValue returns the value of a decimal digit of any script: Unicode
// puts Nd digits in runs of ten from zero, some runs back to back.
func digitValue(r rune) int {
	z := r
	for unicode.IsDigit(z - 1) {
		z--
	}
	return int(r-z) % 10
}

// IsWordRune reports whether r belongs inside a word: a letter, a digit, a
// combining mark or tatweel.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r >= blockStart && r < blockEnd {
		return arabicBlock[r-blockStart].class != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// The Arabic block, U+0600–U+06FF, precomputed: what each rune folds to
// (-1 itself, 0 nothing) and whether it is a letter, digit or mark.
const (
	blockStart = 0x0600
	blockEnd   = 0x0700
)

type runeClass uint8

const (
	notWord runeClass = iota
	letter
	digit
	mark // a combining mark, or tatweel, which stays with what it follows
)

var arabicBlock = func() (t [blockEnd - blockStart]struct {
	fold  rune
	class runeClass
}) {
	for i := range t {
		r := rune(blockStart + i)
		t[i].fold = -1
		if f, ok := foldTable[r]; ok {
			t[i].fold = f
		} else if unicode.IsDigit(r) {
			t[i].fold = '0' + rune(digitValue(r))
		}
		switch {
		case unicode.IsDigit(r):
			t[i].class = digit
		case unicode.IsMark(r) || r == '\u0640':
			t[i].class = mark
		case unicode.IsLetter(r):
			t[i].class = letter
		}
	}
	return t
}()

// classOf returns what kind of word rune r is.
func classOf(r rune) runeClass {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case '0' <= r && r <= '9':
			return digit
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			return letter
		}
		return notWord
	case r >= blockStart && r < blockEnd:
		return arabicBlock[r-blockStart].class
	case unicode.IsDigit(r):
		return digit
	case unicode.IsMark(r):
		return mark
	case unicode.IsLetter(r):
		return letter
	}
	return notWord
}

// Token is a word of a text: the byte range [Start, End) it occupies.
type Token struct {
	Start, End int
}

// Tokens splits s into words and returns their byte ranges, in order.
func Tokens(s string) []Token {
	return AppendTokens(nil, s)
}

// AppendTokens appends the words of s to dst and returns it.
func AppendTokens(dst []Token, s string) []Token {
	start := -1
	for i, r := range s {
		if IsWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = append(dst, Token{start, i})
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, Token{start, len(s)})
	}
	return dst
}

// HasArabic reports whether s holds at least one Arabic letter.
func HasArabic(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }) >= 0
}
