package bidi_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahifa/bidi"
	"sahifa/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

// TestGolden renders every line of each seed article as a paragraph at
// widths 40 and 80, right-aligned, and compares with testdata/*.golden.
// A '|' closes each line at the width so that alignment shows in a diff.
// The golden files were read by eye (see the README).
func TestGolden(t *testing.T) {
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	for _, name := range names {
		text, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []int{40, 80} {
			var b strings.Builder
			for _, para := range strings.Split(strings.TrimSuffix(string(text), "\n"), "\n") {
				for _, l := range bidi.Paragraph(para, bidi.Options{Width: w, Pad: true}) {
					fmt.Fprintf(&b, "%s%s|\n", l.Text, strings.Repeat(" ", max(0, w-l.Width)))
				}
			}
			path := filepath.Join("testdata", fmt.Sprintf("%s.w%d.golden", strings.TrimSuffix(name, ".txt"), w))
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run Golden -update to create it)", err)
			}
			if got := b.String(); got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Errorf("%s line %d:\n got %s\nwant %s", path, i+1, gl[i], wl[i])
						break
					}
				}
				if len(gl) != len(wl) {
					t.Errorf("%s: %d lines, want %d", path, len(gl), len(wl))
				}
			}
		}
	}
}
