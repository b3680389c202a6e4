package bidi_test

import (
	"fmt"
	"strings"
	"testing"

	"sahifa/bidi"
)

// hexRunes shows s as code points, for failures involving presentation forms.
func hexRunes(s string) string {
	var parts []string
	for _, r := range s {
		parts = append(parts, fmt.Sprintf("%c(U+%04X)", r, r))
	}
	return strings.Join(parts, " ")
}

// oneLine renders text unwrapped and returns its only line's text.
func oneLine(t *testing.T, text string, opt bidi.Options) string {
	t.Helper()
	lines := bidi.Paragraph(text, opt)
	if len(lines) != 1 {
		t.Fatalf("%q: %d lines, want 1", text, len(lines))
	}
	return lines[0].Text
}

// TestShaping checks joining, ligatures and mirroring against the visual
// strings fribidi-lines (GNU FriBidi 1.0.8) prints for the same input.
func TestShaping(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"initial medial final", "بيت", "\uFE96\uFEF4\uFE91"},
		{"lam-alef final after a joining letter", "سلام", "\uFEE1\uFEFC\uFEB3"},
		{"lam-alef isolated", "لا", "\uFEFB"},
		{"lam-alef-madda", "لآ", "\uFEF5"},
		{"lam-alef-hamza-above", "سلأ", "\uFEF8\uFEB3"},
		{"lam-alef-hamza-below", "لإ", "\uFEF9"},
		// fribidi 1.0.8 gives FE8E FEDF 064E here: it cannot ligate across a mark.
		{"lam, fatha, alef: ligature, mark after it", "لَا", "\uFEFB\u064E"},
		{"lam, shadda, fatha, alef after a letter", "ملَّا", "\uFEFC\u064E\u0651\uFEE3"},
		{"no Allah word ligature", "الله", "\uFEEA\uFEE0\uFEDF\uFE8D"},
		{"tatweel joins both sides", "كـتـاب", "\uFE8F\uFE8E\u0640\uFE98\u0640\uFEDB"},
		{"ZWJ joins and is dropped", "ب\u200D", "\uFE91"},
		{"ZWNJ breaks and is dropped", "ب\u200Cت", "\uFE95\uFE8F"},
		{"harakat are transparent, stay after their letter", "بِسْمِ", "\uFEE2\u0650\uFEB4\u0652\uFE91\u0650"},
		{"superscript alef is transparent", "فيٰ", "\uFEF2\u0670\uFED3"},
		{"hamza does not join and keeps its form", "ماء", "\u0621\uFE8E\uFEE3"},
		{"Persian letters", "گچپژ", "\uFB8B\uFB59\uFB7D\uFB94"},
		{"brackets mirror in RTL", "(تقرير)", "(\uFEAE\uFEF3\uFEAE\uFED8\uFE97)"},
		{"guillemets mirror (BidiMirroring.txt, not just paired brackets)", "«خاص»", "«\uFEB9\uFE8E\uFEA7»"},
		{"comparison signs mirror", "أ<ب", "\uFE8F>\uFE83"},
		{"digits after Arabic keep their order", "قال 2016", "2016 \uFEDD\uFE8E\uFED7"},
		{"percent after Arabic-context digits", "نقلت 90٪", "٪90 \uFE96\uFEE0\uFED8\uFEE7"},
		{"LTR text and its brackets untouched", "a (b) «c» <d>", "a (b) «c» <d>"},
		{"override applied, controls dropped", "x \u202Eabc\u202C\u200E", "x cba"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := oneLine(t, tc.in, bidi.Options{}); got != tc.want {
				t.Errorf("%q\n got %s\nwant %s", tc.in, hexRunes(got), hexRunes(tc.want))
			}
		})
	}
}

func TestShapingOptions(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		opt      bidi.Options
		want     string
	}{
		{"strip tashkeel", "بِسْمِ", bidi.Options{StripTashkeel: true}, "\uFEE2\uFEB4\uFE91"},
		{"strip tashkeel keeps tatweel", "كـتـاب", bidi.Options{StripTashkeel: true}, "\uFE8F\uFE8E\u0640\uFE98\u0640\uFEDB"},
		{"no shaping: base letters, still reordered and mirrored", "(بيت)", bidi.Options{NoShape: true}, "(تيب)"},
		{"no shaping keeps lam and alef apart", "لا", bidi.Options{NoShape: true}, "ال"},
		{"logical: untouched order, no shaping, no mirroring", "قال (BBC)", bidi.Options{Logical: true}, "قال (BBC)"},
		{"forced LTR paragraph", "قال BBC", bidi.Options{Dir: bidi.LTR}, "\uFEDD\uFE8E\uFED7 BBC"},
		{"forced RTL paragraph", "BBC قال", bidi.Options{Dir: bidi.RTL}, "\uFEDD\uFE8E\uFED7 BBC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := oneLine(t, tc.in, tc.opt); got != tc.want {
				t.Errorf("%q\n got %s\nwant %s", tc.in, hexRunes(got), hexRunes(tc.want))
			}
		})
	}
}

func TestDirection(t *testing.T) {
	for _, tc := range []struct {
		in  string
		dir bidi.Direction
		rtl bool
	}{
		{"قال BBC", bidi.Auto, true},
		{"BBC قال", bidi.Auto, false},
		{"2016 ...", bidi.Auto, false},
		{"", bidi.Auto, false},
		{"", bidi.RTL, true},
		{"2016", bidi.RTL, true},
		{"قال", bidi.LTR, false},
	} {
		lines := bidi.Paragraph(tc.in, bidi.Options{Dir: tc.dir})
		if len(lines) != 1 || lines[0].RTL != tc.rtl {
			t.Errorf("%q dir %d: %+v, want one line with RTL=%v", tc.in, tc.dir, lines, tc.rtl)
		}
	}
}

const article = "قال الرئيس الروسي فلاديمير بوتين في 2016 إن القوات (الروسية) ستنسحب من «سوريا» خلال أيام، بحسب وكالة BBC News للأنباء."

// TestWrap checks that lines fit, tile the input in logical order, and
// break only between words.
func TestWrap(t *testing.T) {
	for _, w := range []int{8, 12, 20, 33, 80} {
		lines := bidi.Paragraph(article, bidi.Options{Width: w})
		var words []string
		end := 0
		for i, l := range lines {
			if l.Width > w || bidi.Width(l.Text) != l.Width {
				t.Errorf("width %d, line %d: %q is %d cells (Width says %d)", w, i, l.Text, bidi.Width(l.Text), l.Width)
			}
			if l.Start != end {
				t.Errorf("width %d, line %d starts at byte %d, the previous ended at %d", w, i, l.Start, end)
			}
			end = l.End
			words = append(words, strings.Fields(article[l.Start:l.End])...)
			if !l.RTL {
				t.Errorf("width %d, line %d not marked RTL", w, i)
			}
		}
		if end != len(article) {
			t.Errorf("width %d: lines end at %d of %d bytes", w, end, len(article))
		}
		// Below 9 cells "(الروسية)" cannot fit and is split by cluster.
		if got, want := strings.Join(words, " "), strings.Join(strings.Fields(article), " "); w >= 9 && got != want {
			t.Errorf("width %d: lines cut words:\n%s", w, got)
		}
		if w == 80 && len(lines) != 2 {
			t.Errorf("width 80: %d lines, want 2", len(lines))
		}
	}
}

// TestWrapMeasuresShapedText: a lam-alef is one cell, harakat none, so a
// word whose logical length exceeds the width may still fit.
func TestWrapMeasuresShapedText(t *testing.T) {
	word := "لَالَالَا" // 3 ligatures with a fatha each: 9 runes, 3 cells
	lines := bidi.Paragraph(word+" "+word, bidi.Options{Width: 7})
	if len(lines) != 1 || lines[0].Width != 7 {
		t.Errorf("two 3-cell words in 7 cells: %+v, want one line of width 7", lines)
	}
	if got := bidi.Width(lines[0].Text); got != 7 {
		t.Errorf("line measures %d cells, want 7", got)
	}
}

func TestWrapLongWordByCluster(t *testing.T) {
	lines := bidi.Paragraph("بِسْمِبِسْمِبِسْمِ", bidi.Options{Width: 4})
	if len(lines) != 3 {
		t.Fatalf("9-letter word at width 4: %d lines, want 3", len(lines))
	}
	for _, l := range lines {
		for _, r := range l.Text {
			if r == 0x0650 || r == 0x0652 {
				continue
			}
			break
		}
		if strings.HasPrefix(l.Text, "\u0650") || strings.HasPrefix(l.Text, "\u0652") {
			t.Errorf("line %q starts with a mark: a cluster was split", l.Text)
		}
	}
}

func TestPad(t *testing.T) {
	l := bidi.Paragraph("قال", bidi.Options{Width: 10, Pad: true})[0]
	if l.Text != strings.Repeat(" ", 7)+"\uFEDD\uFE8E\uFED7" || l.Width != 10 {
		t.Errorf("padded RTL line %q (width %d)", l.Text, l.Width)
	}
	if c := l.Cells[0]; c.Col != 7 {
		t.Errorf("first cell at column %d, want 7", c.Col)
	}
	if l := bidi.Paragraph("said", bidi.Options{Width: 10, Pad: true})[0]; l.Text != "said" {
		t.Errorf("LTR line padded: %q", l.Text)
	}
}

func TestMaxLines(t *testing.T) {
	full := bidi.Paragraph(article, bidi.Options{Width: 20})
	cut := bidi.Paragraph(article, bidi.Options{Width: 20, MaxLines: 2})
	if len(full) <= 2 || len(cut) != 2 {
		t.Fatalf("%d lines, cut to %d, want 2", len(full), len(cut))
	}
	if cut[0].Text != full[0].Text {
		t.Errorf("first line changed by the cut: %q vs %q", cut[0].Text, full[0].Text)
	}
	last := cut[1]
	if last.Width > 20 {
		t.Errorf("last line %q is %d cells", last.Text, last.Width)
	}
	// RTL: the logical end, and so the ellipsis, is on the left.
	if !strings.HasPrefix(last.Text, "…") {
		t.Errorf("last line %q does not end (on the left) with …", last.Text)
	}
	if last.Start != full[1].Start || last.End <= full[1].End-1 || last.End >= len(article) {
		t.Errorf("cut line covers [%d,%d), the full second line [%d,%d)", last.Start, last.End, full[1].Start, full[1].End)
	}
	// Short text is not cut.
	if l := bidi.Paragraph("قال", bidi.Options{Width: 20, MaxLines: 1}); len(l) != 1 || strings.Contains(l[0].Text, "…") {
		t.Errorf("short text cut: %+v", l)
	}
	// LTR: the ellipsis goes to the right.
	ltr := bidi.Paragraph("one two three four five six seven", bidi.Options{Width: 10, MaxLines: 1})
	if len(ltr) != 1 || !strings.HasSuffix(ltr[0].Text, "…") || ltr[0].Width > 10 {
		t.Errorf("LTR cut: %+v", ltr)
	}
}

// TestSpans checks that styles land on the cells of their logical text
// after reordering, and the visual↔logical maps.
func TestSpans(t *testing.T) {
	text := "قال BBC إن" // قال [0,6) space BBC [7,10) space إن [11,15)
	lines := bidi.Paragraph(text, bidi.Options{}, bidi.Span{Start: 7, End: 10, Style: 1}, bidi.Span{Start: 11, End: 13, Style: 2})
	l := lines[0]
	want := []bidi.Segment{{"\uFEE5", 0}, {"\uFE87", 2}, {" ", 0}, {"BBC", 1}, {" \uFEDD\uFE8E\uFED7", 0}}
	if len(l.Segments) != len(want) {
		t.Fatalf("segments %+v, want %+v", l.Segments, want)
	}
	var joined strings.Builder
	for i, s := range l.Segments {
		if s != want[i] {
			t.Errorf("segment %d: %q style %d, want %q style %d", i, s.Text, s.Style, want[i].Text, want[i].Style)
		}
		joined.WriteString(s.Text)
	}
	if joined.String() != l.Text {
		t.Errorf("segments join to %q, text is %q", joined.String(), l.Text)
	}
	for off, col := range map[int]int{0: 9, 2: 8, 3: 8, 4: 7, 6: 6, 7: 3, 9: 5, 11: 1, 13: 0, 15: -1} {
		if got := l.Column(off); got != col {
			t.Errorf("Column(%d) = %d, want %d", off, got, col)
		}
	}
	for col, off := range map[int]int{0: 13, 1: 11, 2: 10, 3: 7, 5: 9, 9: 0, 10: -1} {
		if got := l.Offset(col); got != off {
			t.Errorf("Offset(%d) = %d, want %d", col, got, off)
		}
	}
}

// TestSpanOnLigature: a span on the alef alone styles the whole lam-alef cell.
func TestSpanOnLigature(t *testing.T) {
	l := bidi.Paragraph("سلام", bidi.Options{}, bidi.Span{Start: 4, End: 6, Style: 3})[0]
	want := []bidi.Segment{{"\uFEE1", 0}, {"\uFEFC", 3}, {"\uFEB3", 0}}
	if len(l.Segments) != 3 || l.Segments[0] != want[0] || l.Segments[1] != want[1] || l.Segments[2] != want[2] {
		t.Errorf("segments %+v, want %+v", l.Segments, want)
	}
	if c := l.Cells[1]; c.Start != 2 || c.End != 6 || c.Width != 1 {
		t.Errorf("ligature cell %+v, want bytes [2,6) in one column", c)
	}
}

// TestSpansAcrossLines: a span cut by the wrap styles its part on each line.
func TestSpansAcrossLines(t *testing.T) {
	text := "aaa bbb ccc"
	lines := bidi.Paragraph(text, bidi.Options{Width: 4}, bidi.Span{Start: 2, End: 9, Style: 1})
	var got []string
	for _, l := range lines {
		for _, s := range l.Segments {
			if s.Style == 1 {
				got = append(got, s.Text)
			}
		}
	}
	if strings.Join(got, "|") != "a|bbb|c" {
		t.Errorf("styled parts %q, want a|bbb|c", got)
	}
}

// TestNoWordLigatures: Unicode has presentation forms for whole words (ﷲ
// U+FDF2, ﷽ U+FDFD), two cells wide or more in many fonts, which would break
// the cell grid; shaping must build such words from letter forms only.
func TestNoWordLigatures(t *testing.T) {
	for _, in := range []string{"الله", "والله", "لله", "بسم الله الرحمن الرحيم", "صلى الله عليه وسلم", "جلّ جلاله"} {
		for _, opt := range []bidi.Options{{}, {Width: 8}, {StripTashkeel: true}} {
			for _, l := range bidi.Paragraph(in, opt) {
				if strings.ContainsAny(l.Text, "\uFDF2\uFDFD\uFDFA\uFDFB") {
					t.Errorf("%q (%+v): word ligature in %s", in, opt, hexRunes(l.Text))
				}
				if want := bidi.Width(l.Text); l.Width != want {
					t.Errorf("%q: Width %d, text measures %d", in, l.Width, want)
				}
			}
		}
	}
}
