package bidi_test

import (
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	xbidi "golang.org/x/text/unicode/bidi"

	"sahifa/bidi"
)

// allLTR reports whether text is valid UTF-8 made of characters that the
// bidi algorithm leaves at level 0 in a left-to-right paragraph and that
// the renderer has no reason to touch: no right-to-left or Arabic-number
// characters, no controls, no format characters, no separators but space.
func allLTR(text string) bool {
	if !utf8.ValidString(text) {
		return false
	}
	for _, r := range text {
		p, _ := xbidi.LookupRune(r)
		switch p.Class() {
		case xbidi.L, xbidi.EN, xbidi.ES, xbidi.ET, xbidi.CS, xbidi.ON, xbidi.NSM:
		case xbidi.WS:
			if r != ' ' {
				return false
			}
		default:
			return false
		}
		if r < 0x20 || (r >= 0x7F && r <= 0x9F) || unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// vanishes reports whether r may be missing from the screen: white space
// (swallowed at a line break or trailing), format characters (used, then
// dropped) and, when stripping, Arabic marks.
func vanishes(r rune, strip bool) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) ||
		(strip && r >= 0x0610 && r <= 0x08FF && unicode.Is(unicode.Mn, r))
}

func FuzzParagraph(f *testing.F) {
	for _, s := range []string{
		article, "", " ", "abc def", "\x1b[31mقال\x1b[0m بوتين", "لَا سلام", "x \u202Eabc\u202C y", "بِسْمِ اللَّهِ",
		"🇸🇦 👨\u200d👩\u200d👧 é", "한국어 中文 テスト", "(a [b) c] «d»", "\u0650\u0651 ب\u200c\u200dت", "2016-2017 ٪90 $5",
		"\u2067قال BBC\u2069 said", "a\tb\nc\rd", "\xff\xfe\x9b", "\u0600\u0661 \u06dd", "ــــــ",
	} {
		f.Add(s, uint8(20), uint8(0))
		f.Add(s, uint8(3), uint8(0x13))
	}
	f.Fuzz(func(t *testing.T, text string, width, flags uint8) {
		// A styled span from the middle of the text, as a search hit.
		span := bidi.Span{Start: len(text) / 3, End: len(text) * 2 / 3, Style: 1}
		opt := bidi.Options{
			Width:         int(width % 100),
			Pad:           flags&1 != 0,
			NoShape:       flags&2 != 0,
			StripTashkeel: flags&4 != 0,
			Logical:       flags&8 != 0,
			MaxLines:      int(flags>>4) % 4,
			Dir:           bidi.Direction(int(flags>>6) % 3),
		}
		lines := bidi.Paragraph(text, opt, span)
		if len(lines) == 0 || (opt.MaxLines > 0 && len(lines) > opt.MaxLines) {
			t.Fatalf("%d lines (MaxLines %d)", len(lines), opt.MaxLines)
		}
		limit := opt.Width
		if limit == 1 {
			limit = 2 // a wide character cannot be made narrower
		}
		type cover struct{ start, end int }
		var covered []cover
		for i, l := range lines {
			if why := terminalSafe(l.Text, false); why != "" {
				t.Fatalf("line %d %q: %s", i, l.Text, why)
			}
			shown := []rune(l.Text)
			for k, r := range shown {
				// A ZWJ may stay inside an emoji sequence, never by Arabic.
				if r == 0x200D && k > 0 && k+1 < len(shown) && !unicode.Is(unicode.Arabic, shown[k-1]) && !unicode.Is(unicode.Arabic, shown[k+1]) {
					continue
				}
				if unicode.Is(unicode.Cf, r) {
					t.Fatalf("line %d %q: format character U+%04X", i, l.Text, r)
				}
				if (r == 0xFDF2 || r == 0xFDFD) && !strings.ContainsRune(text, r) {
					t.Fatalf("line %d %q: shaping made the word ligature U+%04X", i, l.Text, r)
				}
			}
			// A cluster wider than the line (an emoji joined to a
			// symbol that terminals draw apart, three cells) cannot be
			// cut: it stands alone on its line.
			alone := len(l.Cells) == 1 && int(l.Cells[0].Width) > limit
			if w := bidi.Width(l.Text); w != l.Width || (limit > 0 && w > limit && !alone) {
				t.Fatalf("line %d %q: %d cells, Width %d, limit %d", i, l.Text, w, l.Width, limit)
			}
			var joined strings.Builder
			styled := 0
			for _, s := range l.Segments {
				joined.WriteString(s.Text)
				if s.Style == 1 {
					styled += bidi.Width(s.Text)
				}
			}
			inSpan := 0
			for _, c := range l.Cells {
				if c.Start < c.End && int(c.Start) < span.End && span.Start < int(c.End) {
					inSpan += int(c.Width)
				}
			}
			if styled != inSpan {
				t.Fatalf("line %d: %d styled cells, %d cells hold the span's text", i, styled, inSpan)
			}
			if joined.String() != l.Text {
				t.Fatalf("line %d: segments %q do not make the text %q", i, joined.String(), l.Text)
			}
			col := l.Width // a line without cells may only hold padding
			if len(l.Cells) > 0 {
				col = int(l.Cells[0].Col)
			}
			if strings.Trim(l.Text[:col], " ") != "" {
				t.Fatalf("line %d %q: %d columns before the first cell are not padding", i, l.Text, col)
			}
			for _, c := range l.Cells {
				if int(c.Col) != col {
					t.Fatalf("line %d: cell %+v at column %d, want %d", i, c, c.Col, col)
				}
				col += int(c.Width)
				if c.Start < c.End {
					covered = append(covered, cover{int(c.Start), int(c.End)})
				}
			}
			if col != l.Width {
				t.Fatalf("line %d: cells end at column %d, line is %d wide", i, col, l.Width)
			}
		}
		// Every character shows in exactly one cell, unless it may vanish.
		sort.Slice(covered, func(i, j int) bool { return covered[i].start < covered[j].start })
		end := lines[len(lines)-1].End
		at := 0
		for _, c := range append(covered, cover{end, end}) {
			if c.start < at {
				t.Fatalf("bytes [%d,%d) shown twice", c.start, at)
			}
			for _, r := range text[at:c.start] {
				if !vanishes(r, opt.StripTashkeel) {
					t.Fatalf("%q at byte %d is not shown", r, at)
				}
			}
			at = max(at, c.end)
		}
		if opt.MaxLines == 0 && end != len(text) {
			t.Fatalf("lines end at byte %d of %d", end, len(text))
		}
		// The text-only path writes exactly the lines' texts.
		var want []byte
		for _, l := range lines {
			want = append(append(want, l.Text...), '\n')
		}
		if got := bidi.AppendLines([]byte("x"), text, opt); string(got) != "x"+string(want) {
			t.Fatalf("AppendLines wrote %q, lines are %q", got[1:], want)
		}
		if opt.Width == 0 && opt.MaxLines == 0 && opt.Dir != bidi.RTL && !opt.StripTashkeel && allLTR(text) {
			// A spacing mark with no letter before it is shown on a
			// dotted circle, the one thing added to such text.
			noBase := func(s string) string { return strings.ReplaceAll(s, "\u25CC", "") }
			if got, want := lines[0].Text, strings.TrimRight(text, " "); noBase(got) != noBase(want) {
				t.Fatalf("left-to-right text changed:\n got %q\nwant %q", got, want)
			}
		}
	})
}
