package bidi

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// TestTablesMatchUCD regenerates tables.go from Debian's unicode-data files
// and checks that the committed one is what they give.
func TestTablesMatchUCD(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator")
	}
	const ucd = "/usr/share/unicode"
	if _, err := os.Stat(filepath.Join(ucd, "ArabicShaping.txt")); err != nil {
		t.Skipf("no Unicode data in %s (apt-get install unicode-data)", ucd)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH")
	}
	out := filepath.Join(t.TempDir(), "tables.go")
	if msg, err := exec.Command(goTool, "run", "./internal/gen", "-ucd", ucd, "-o", out).CombinedOutput(); err != nil {
		t.Fatalf("generator: %v\n%s", err, msg)
	}
	got, _ := os.ReadFile(out)
	want, _ := os.ReadFile("tables.go")
	if !bytes.Equal(got, want) {
		t.Errorf("tables.go differs from what %s gives: run go generate ./bidi", ucd)
	}
}

// TestClusterWidthShortcut checks the widths taken without asking
// ansi.StringWidth: a narrow base with marks after it is one cell.
func TestClusterWidthShortcut(t *testing.T) {
	marks := []rune{0x0300, 0x0301, 0x064B, 0x064E, 0x0650, 0x0651, 0x0652, 0x0670, 0x06E1, 0x08F0, 0xFE20}
	n := 0
	for _, w := range charWindows {
		for r := w.lo; r < w.hi; r++ {
			if propOf(r)&propNarrow == 0 {
				continue
			}
			for _, m := range marks {
				if propOf(m)&propExtend == 0 || !unicode.Is(unicode.Mn, m) {
					t.Fatalf("U+%04X is not a mark", m)
				}
				rd := &renderer{out: []rune{r, m, m}}
				c := cluster{start: 0}
				if got, want := rd.clusterWidth(&c, 3), ansi.StringWidth(string([]rune{r, m, m})); got != want {
					t.Errorf("U+%04X with U+%04X twice: %d cells, ansi.StringWidth says %d", r, m, got, want)
				}
				n++
			}
		}
	}
	if n < 10000 {
		t.Errorf("only %d clusters checked", n)
	}
}

// charWindows are the ranges charData covers (as bidi/internal/gen writes it).
var charWindows = [...]struct{ lo, hi rune }{
	{0x0000, 0x0900},
	{0x2000, 0x2070},
	{0x2400, 0x2440},
	{0xFB00, 0xFF00},
}

// TestCharInfo checks charData against the lookups it stands for: the bidi
// class (x/text) and the joining type of every code point, inside and
// outside its windows, and that it covers exactly its windows.
func TestCharInfo(t *testing.T) {
	inWindow := func(r rune) bool {
		for _, w := range charWindows {
			if w.lo <= r && r < w.hi {
				return true
			}
		}
		return false
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r > 0x20000 && r < 0xE0000 {
			r = 0xE0000 // unassigned planes: nothing to learn
		}
		if got := charOf(r)&infoKnown != 0; got != inWindow(r) {
			t.Fatalf("U+%04X: in charData %v, in its windows %v", r, got, inWindow(r))
		}
		i := charOfAny(r)
		if c := uint8(i); c != levelsLookup(r) {
			t.Fatalf("U+%04X: class %#x, x/text says %#x", r, c, levelsLookup(r))
		}
		if j := joiningType(i >> infoJoinShift & 7); j != joiningOf(r) {
			t.Fatalf("U+%04X: joining type %d, want %d", r, j, joiningOf(r))
		}
	}
}
