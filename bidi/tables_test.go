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
	pt := propTable()
	marks := []rune{0x0300, 0x0301, 0x064B, 0x064E, 0x0650, 0x0651, 0x0652, 0x0670, 0x06E1, 0x08F0, 0xFE20}
	n := 0
	for _, w := range propWindows {
		for r := w.lo; r < w.hi; r++ {
			if propOf(r, pt)&propNarrow == 0 {
				continue
			}
			for _, m := range marks {
				if propOf(m, pt)&propExtend == 0 || !unicode.Is(unicode.Mn, m) {
					t.Fatalf("U+%04X is not a mark", m)
				}
				rd := &renderer{out: []rune{r, m, m}}
				c := cluster{start: 0, end: 3}
				if got, want := rd.clusterWidth(&c, pt), ansi.StringWidth(string([]rune{r, m, m})); got != want {
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
