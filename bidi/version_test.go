package bidi

import (
	"bufio"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

// TestTablesVersionMatchesTestData: the conformance files the tests run
// are of the Unicode version the tables were generated from.
func TestTablesVersionMatchesTestData(t *testing.T) {
	for _, name := range []string{"BidiTest", "BidiCharacterTest"} {
		f, err := os.Open("testdata/" + name + ".txt.gz")
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _ := bufio.NewReader(zr).ReadString('\n')
		f.Close()
		if want := "# " + name + "-" + tablesUnicodeVersion + ".txt"; strings.TrimSpace(first) != want {
			t.Errorf("%s begins %q, want %q", name, first, want)
		}
	}
}
