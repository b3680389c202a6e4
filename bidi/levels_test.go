package bidi

import (
	"bufio"
	"compress/gzip"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	xbidi "golang.org/x/text/unicode/bidi"

	"sahifa/seeds"
)

// The conformance files are Unicode's own: testdata/BidiTest.txt.gz and testdata/BidiCharacterTest.txt.gz are
// /usr/share/unicode/BidiTest.txt and BidiCharacterTest.txt of Debian's unicode-data 15.0.0, gzipped. They must
// match the Unicode version of x/text's tables, which follows the toolchain.
const levelsTestUnicode = "15.0.0"

func levelsSkipOtherUnicode(t *testing.T) {
	if unicode.Version != levelsTestUnicode {
		t.Skipf("conformance data is Unicode %s, the toolchain's tables are %s", levelsTestUnicode, unicode.Version)
	}
}

func levelsOpenTestData(t *testing.T, name string) *bufio.Scanner {
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	return sc
}

// levelsRemoved reports whether X9 removes r, which the test files mark 'x' and leave out of the order.
func levelsRemoved(r rune) bool {
	p, _ := xbidi.LookupRune(r)
	switch p.Class() {
	case xbidi.LRE, xbidi.RLE, xbidi.LRO, xbidi.RLO, xbidi.PDF, xbidi.BN:
		return true
	}
	return false
}

// levelsCheck resolves text as one line and compares with the expected levels ('x' = removed, nil entries
// skipped) and visual order; it returns a description of the first difference, or "".
func levelsCheck(text []rune, dir Direction, wantPara int, want []string, wantOrder []int) string {
	levels, para := ResolveLevels(text, dir)
	if wantPara >= 0 && int(para) != wantPara {
		return "paragraph level " + strconv.Itoa(int(para)) + ", want " + strconv.Itoa(wantPara)
	}
	line := LineLevels(text, levels, para, 0, len(text))
	got := make([]string, len(line))
	for i, l := range line {
		got[i] = strconv.Itoa(int(l))
		if levelsRemoved(text[i]) {
			got[i] = "x"
		}
	}
	if !slices.Equal(got, want) {
		return "levels " + strings.Join(got, " ") + ", want " + strings.Join(want, " ")
	}
	order := make([]int, 0, len(text))
	for _, i := range VisualOrder(line) {
		if !levelsRemoved(text[i]) {
			order = append(order, i)
		}
	}
	if !slices.Equal(order, wantOrder) {
		return "order " + levelsInts(order) + ", want " + levelsInts(wantOrder)
	}
	return ""
}

func levelsInts(a []int) string {
	s := make([]string, len(a))
	for i, v := range a {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, " ")
}

func levelsParseInts(t *testing.T, s string) []int {
	var out []int
	for _, f := range strings.Fields(s) {
		v, err := strconv.Atoi(f)
		if err != nil {
			t.Fatalf("bad number %q", f)
		}
		out = append(out, v)
	}
	return out
}

// levelsSample is one character of each Bidi_Class, to turn BidiTest.txt's class lists into text; ON is '!'
// (not a bracket, which N0 would treat differently).
var levelsSample = map[string]rune{
	"L": 'a', "R": 0x05D0, "AL": 0x0627, "EN": '0', "ES": '+', "ET": '#', "AN": 0x0660, "CS": ',', "NSM": 0x0300,
	"BN": 0x00AD, "B": 0x2029, "S": '\t', "WS": ' ', "ON": '!', "LRE": 0x202A, "RLE": 0x202B, "PDF": 0x202C,
	"LRO": 0x202D, "RLO": 0x202E, "LRI": 0x2066, "RLI": 0x2067, "FSI": 0x2068, "PDI": 0x2069,
}

func TestLevelsSampleClasses(t *testing.T) {
	names := map[xbidi.Class]string{
		xbidi.L: "L", xbidi.R: "R", xbidi.AL: "AL", xbidi.EN: "EN", xbidi.ES: "ES", xbidi.ET: "ET", xbidi.AN: "AN",
		xbidi.CS: "CS", xbidi.NSM: "NSM", xbidi.BN: "BN", xbidi.B: "B", xbidi.S: "S", xbidi.WS: "WS", xbidi.ON: "ON",
		xbidi.LRE: "LRE", xbidi.RLE: "RLE", xbidi.PDF: "PDF", xbidi.LRO: "LRO", xbidi.RLO: "RLO", xbidi.LRI: "LRI",
		xbidi.RLI: "RLI", xbidi.FSI: "FSI", xbidi.PDI: "PDI",
	}
	for name, r := range levelsSample {
		p, _ := xbidi.LookupRune(r)
		if got := names[p.Class()]; got != name || p.IsBracket() {
			t.Errorf("sample %U for %s has class %s (bracket %v)", r, name, got, p.IsBracket())
		}
	}
}

// TestLevelsBidiTest runs every line of BidiTest.txt for every paragraph direction in its bitset.
func TestLevelsBidiTest(t *testing.T) {
	levelsSkipOtherUnicode(t)
	sc := levelsOpenTestData(t, "BidiTest.txt.gz")
	var want []string
	var order []int
	lines, cases, passed, failed := 0, 0, 0, 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "" || line[0] == '#':
			continue
		case strings.HasPrefix(line, "@Levels:"):
			want = strings.Fields(strings.TrimPrefix(line, "@Levels:"))
			continue
		case strings.HasPrefix(line, "@Reorder:"):
			order = levelsParseInts(t, strings.TrimPrefix(line, "@Reorder:"))
			continue
		case line[0] == '@':
			continue
		}
		input, bits, ok := strings.Cut(line, ";")
		if !ok {
			t.Fatalf("line %d: no bitset: %q", n, line)
		}
		var text []rune
		for _, f := range strings.Fields(input) {
			r, ok := levelsSample[f]
			if !ok {
				t.Fatalf("line %d: unknown class %q", n, f)
			}
			text = append(text, r)
		}
		set, err := strconv.ParseUint(strings.TrimSpace(bits), 16, 8)
		if err != nil {
			t.Fatalf("line %d: bitset: %v", n, err)
		}
		lines++
		for bit, dir := range []Direction{Auto, LTR, RTL} {
			if set&(1<<bit) == 0 {
				continue
			}
			cases++
			if diff := levelsCheck(text, dir, -1, want, order); diff != "" {
				if failed++; failed <= 20 {
					t.Errorf("line %d %q dir %d: %s", n, input, dir, diff)
				}
				continue
			}
			passed++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines < 490000 || cases == 0 {
		t.Fatalf("read only %d lines, %d cases: truncated test data?", lines, cases)
	}
	t.Logf("BidiTest.txt: %d lines, %d cases, %d passed, %d failed", lines, cases, passed, failed)
}

// TestLevelsBidiCharacterTest runs every line of BidiCharacterTest.txt: paragraph level, levels and order.
func TestLevelsBidiCharacterTest(t *testing.T) {
	levelsSkipOtherUnicode(t)
	sc := levelsOpenTestData(t, "BidiCharacterTest.txt.gz")
	lines, passed, failed := 0, 0, 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, ";")
		if len(f) != 5 {
			t.Fatalf("line %d: %d fields", n, len(f))
		}
		var text []rune
		for _, h := range strings.Fields(f[0]) {
			v, err := strconv.ParseUint(h, 16, 32)
			if err != nil {
				t.Fatalf("line %d: %v", n, err)
			}
			text = append(text, rune(v))
		}
		dir := map[string]Direction{"0": LTR, "1": RTL, "2": Auto}[f[1]]
		para, err := strconv.Atoi(f[2])
		if err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		lines++
		if diff := levelsCheck(text, dir, para, strings.Fields(f[3]), levelsParseInts(t, f[4])); diff != "" {
			if failed++; failed <= 20 {
				t.Errorf("line %d %q dir %s: %s", n, f[0], f[1], diff)
			}
			continue
		}
		passed++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if lines < 90000 {
		t.Fatalf("read only %d lines: truncated test data?", lines)
	}
	t.Logf("BidiCharacterTest.txt: %d lines, %d passed, %d failed", lines, passed, failed)
}

// levelsSeedParagraphs returns the non-empty lines of the seed articles.
func levelsSeedParagraphs(tb testing.TB) (paras [][]rune, size int) {
	err := fs.WalkDir(seeds.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(seeds.FS, path)
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				paras = append(paras, []rune(line))
				size += len(line)
			}
		}
		return err
	})
	if err != nil || len(paras) == 0 {
		tb.Fatalf("seed paragraphs: %d, %v", len(paras), err)
	}
	return paras, size
}

// BenchmarkResolveLevels resolves every paragraph of the seed articles; MB/s counts UTF-8 input bytes.
func BenchmarkResolveLevels(b *testing.B) {
	paras, size := levelsSeedParagraphs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var levels []Level
	for b.Loop() {
		for _, p := range paras {
			levels, _ = AppendLevels(levels[:0], p, Auto)
		}
	}
}

// BenchmarkResolveLevelsArticle resolves each seed article as one long paragraph, with the allocating API.
func BenchmarkResolveLevelsArticle(b *testing.B) {
	paras, _ := levelsSeedParagraphs(b)
	var long []rune
	for _, p := range paras {
		long = append(append(long, p...), ' ')
	}
	b.SetBytes(int64(len(string(long))))
	b.ReportAllocs()
	for b.Loop() {
		ResolveLevels(long, Auto)
	}
}

func levelsFormat(levels []Level) string {
	s := make([]string, len(levels))
	for i, l := range levels {
		s[i] = strconv.Itoa(int(l))
	}
	return strings.Join(s, " ")
}

// TestLevelsNews checks paragraphs like the articles' against the levels GNU FriBidi 1.0.8 prints for them
// (fribidi --levels, recorded in ../shared/notes/bidi.md §5): European digits after Arabic letters become
// Arabic numbers (W2), so "90٪" keeps its percent sign on the digits' right.
func TestLevelsNews(t *testing.T) {
	for _, tc := range []struct {
		text string
		dir  Direction
		para Level
		want string
	}{
		{"قال بوتين في 2016 إن BBC نقلت 90٪", Auto, 1,
			"1 1 1 1 1 1 1 1 1 1 1 1 1 2 2 2 2 1 1 1 1 2 2 2 1 1 1 1 1 1 2 2 1"},
		// A forced LTR paragraph: Arabic is level 1, the number inside it 2, the Latin around it 0.
		{"The BBC (بي بي سي 2016) report", LTR, 0,
			"0 0 0 0 0 0 0 0 0 1 1 1 1 1 1 1 1 1 2 2 2 2 0 0 0 0 0 0 0 0"},
		// No strong character: Auto falls back to LTR (P3), RTL forces level 1.
		{"2016 - 90%", Auto, 0, "0 0 0 0 0 0 0 0 0 0"},
		{"2016 - 90%", RTL, 1, "2 2 2 2 1 1 1 2 2 2"},
		// P2 skips isolates: the first strong character outside the RLI…PDI is the Latin one.
		{"\u2067عربي\u2069 text", Auto, 0, "0 1 1 1 1 0 0 0 0 0 0"},
	} {
		levels, para := ResolveLevels([]rune(tc.text), tc.dir)
		if got := levelsFormat(levels); para != tc.para || got != tc.want {
			t.Errorf("ResolveLevels(%q, %d) = %s (para %d), want %s (para %d)", tc.text, tc.dir, got, para, tc.want, tc.para)
		}
	}
}

// TestLevelsLine checks L1 on a line cut from a longer paragraph: the space at the cut belongs to the paragraph
// level, whatever level the paragraph gave it, and the line is reordered with that.
func TestLevelsLine(t *testing.T) {
	// Cut between two Latin words: the space after "BBC" is level 2 in the paragraph and ends the first line.
	text := []rune("قال إن BBC CNN نقلت")
	levels, para := ResolveLevels(text, Auto)
	cut := len([]rune("قال إن BBC ")) // "CNN" starts the second line
	if levels[cut-1] != 2 {
		t.Fatalf("space between BBC and CNN has level %d in the paragraph, want 2", levels[cut-1])
	}
	first := LineLevels(text, levels, para, 0, cut)
	if got, want := levelsFormat(first), "1 1 1 1 1 1 1 2 2 2 1"; got != want {
		t.Errorf("first line levels %s, want %s", got, want)
	}
	if got, want := levelsInts(VisualOrder(first)), "10 7 8 9 6 5 4 3 2 1 0"; got != want {
		t.Errorf("first line order %s, want %s", got, want)
	}
	second := LineLevels(text, levels, para, cut, len(text))
	if got, want := levelsFormat(second), "2 2 2 1 1 1 1 1"; got != want {
		t.Errorf("second line levels %s, want %s", got, want)
	}
	// Out-of-range bounds are clamped rather than trusted.
	if got := LineLevels(text, levels, para, -3, len(text)+5); len(got) != len(text) {
		t.Errorf("clamped line has %d levels, want %d", len(got), len(text))
	}
}

func TestAppendLevels(t *testing.T) {
	a, b := []rune("نقلت BBC الخبر"), []rune("(ABC) 123")
	want, _ := ResolveLevels(b, RTL)
	dst, _ := ResolveLevels(a, Auto)
	got, para := AppendLevels(dst, b, RTL)
	if para != 1 || !slices.Equal(got[len(a):], want) || len(got) != len(a)+len(b) {
		t.Errorf("AppendLevels = %v (para %d), want %v after %d levels", got, para, want, len(a))
	}
}

// FuzzLevels resolves arbitrary text: no panic, levels in range, the same answer whatever was resolved before,
// orders that are permutations, and left-to-right text untouched.
func FuzzLevels(f *testing.F) {
	for _, s := range []string{
		"", "abc", "قال بوتين في 2016 إن BBC نقلت 90٪", "\u202Eabc\u202C(\u2067def\u2069]", "((((a)]]]\u2329b\u3009",
		"\u2068\u2068\u2069\u202B\u202D1\u0300\u00AD\t\u2029x", "a (b [c {d} e] f) g 1,2.3 ٤،٥ #$%",
		strings.Repeat("\u202B", 130) + "x" + strings.Repeat("\u2067", 130) + "y",
	} {
		f.Add(s, uint8(0), 3)
	}
	f.Fuzz(func(t *testing.T, s string, d uint8, cut int) {
		text := []rune(s)
		dir := Direction(d % 3)
		levels, para := ResolveLevels(text, dir)
		if len(levels) != len(text) || para > 1 || (dir == LTR && para != 0) || (dir == RTL && para != 1) {
			t.Fatalf("%d levels for %d runes, para %d for dir %d", len(levels), len(text), para, dir)
		}
		for i, l := range levels {
			if l < para || l > levelsMaxDepth+1 {
				t.Fatalf("level %d at %d out of [%d, %d]", l, i, para, levelsMaxDepth+1)
			}
		}
		other := slices.Clone(text)
		slices.Reverse(other)
		ResolveLevels(other, RTL-dir%2)
		if again, _ := ResolveLevels(text, dir); !slices.Equal(again, levels) {
			t.Fatalf("second resolution differs: %v, then %v", levels, again)
		}
		if len(text) > 0 {
			cut = min(max(cut%len(text), -cut%len(text)), len(text))
		} else {
			cut = 0
		}
		for _, r := range [][2]int{{0, cut}, {cut, len(text)}} {
			line := LineLevels(text, levels, para, r[0], r[1])
			if len(line) != r[1]-r[0] {
				t.Fatalf("line %v has %d levels", r, len(line))
			}
			order := VisualOrder(line)
			seen := make([]bool, len(line))
			for _, i := range order {
				if i < 0 || i >= len(line) || seen[i] {
					t.Fatalf("order %v is not a permutation", order)
				}
				seen[i] = true
			}
		}
		ltr := true
		for _, r := range text {
			p, _ := xbidi.LookupRune(r)
			switch p.Class() {
			case xbidi.R, xbidi.AL, xbidi.AN, xbidi.LRE, xbidi.RLE, xbidi.LRO, xbidi.RLO, xbidi.PDF, xbidi.LRI,
				xbidi.RLI, xbidi.FSI, xbidi.PDI:
				ltr = false
			}
		}
		if ltr {
			levels, _ := ResolveLevels(text, LTR)
			for i, l := range levels {
				if l != 0 {
					t.Fatalf("left-to-right text has level %d at %d", l, i)
				}
			}
		}
	})
}

// checkUniformShortcut resolves text with and without the shortcut for
// paragraphs of one direction, and reports a difference.
func checkUniformShortcut(t *testing.T, text []rune, dir Direction) (shortcut bool) {
	t.Helper()
	var fast, full levelsScratch
	full.noShortcut = true
	a, b := make([]Level, len(text)), make([]Level, len(text))
	pa, pb := fast.resolve(text, nil, dir, a), full.resolve(text, nil, dir, b)
	if pa != pb || !slices.Equal(a, b) {
		t.Fatalf("%q (%v): shortcut gives %v (para %d), the rules %v (para %d)", string(text), dir, a, pa, b, pb)
	}
	return fast.uniform
}

// TestUniformShortcut checks that the levels resolve gives a paragraph
// without its rules (only one direction of strong character, no numbers
// of another level) are those the rules give, on the seeds and on every
// pair and triple of characters from a sample of every class.
func TestUniformShortcut(t *testing.T) {
	sample := []rune{'a', 'Z', 'ب', 'ا', 0x05D0, '1', '٣', 0x06F1, '+', '-', '%', '$', ',', '.', ':', '،', ' ', '\t',
		'!', '"', '(', ')', '[', '«', '»', 0x064E, 0x0300, 0x2029, 0x001F, 0x200F, 0x200E, 0x061C, 0x00A0}
	taken := 0
	for _, dir := range []Direction{Auto, LTR, RTL} {
		for _, x := range sample {
			for _, y := range sample {
				for _, z := range sample {
					if checkUniformShortcut(t, []rune{x, y, z}, dir) {
						taken++
					}
				}
			}
		}
	}
	paras, _ := levelsSeedParagraphs(t)
	for _, p := range paras {
		for _, dir := range []Direction{Auto, LTR, RTL} {
			if checkUniformShortcut(t, p, dir) {
				taken++
			}
		}
	}
	if taken < 1000 {
		t.Errorf("the shortcut was taken only %d times", taken)
	}
}

// FuzzUniformShortcut checks the shortcut against the rules on any text.
func FuzzUniformShortcut(f *testing.F) {
	for _, s := range []string{"قال بوتين (الرئيس)، «نعم».", "he said (yes), «no».", "ب 12", "a ب", "\u064eب .", "، ؟"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, s string, dir uint8) {
		checkUniformShortcut(t, []rune(s), Direction(dir%3))
	})
}
