package cli

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"sahifa/bidi"
)

// FuzzRenderLines renders arbitrary input with a line limit small enough
// that long lines are cut into pieces: no panic, valid UTF-8 out, no
// control or bidi control but the line ends, and no more pieces than the
// input's bytes allow.
func FuzzRenderLines(f *testing.F) {
	f.Add([]byte("قال بوتين: \"Hello\" (2015)\n\x1b[31mأحمر\u202e txt.exe\r\n"), 20)
	f.Add([]byte(strings.Repeat("كلمة ", 30)+"\n"+strings.Repeat("x", 90)), 40)
	f.Add([]byte("\xff\xfe\x00\u0085\u2028\n\n"), 0)
	f.Fuzz(func(t *testing.T, in []byte, width int) {
		var out, errOut bytes.Buffer
		lr := lineRenderer{opt: bidi.Options{Width: width & 127, Pad: width&128 != 0}, w: &out, stderr: &errOut, limit: 32}
		if err := lr.render(bytes.NewReader(in), "fuzz"); err != nil {
			t.Fatal(err)
		}
		if err := lr.flush(); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 out: %q", s)
		}
		for _, r := range s {
			if r != '\n' && jsonEscaped(r) {
				t.Fatalf("U+%04X out of %q: %q", r, in, s)
			}
		}
		if len(in) <= 32 && errOut.Len() > 0 {
			t.Fatalf("a %d-byte input cut into pieces: %s", len(in), errOut.String())
		}
	})
}

// FuzzQueriesFile reads arbitrary --queries files: each line of the file
// is one query, none longer than the limit, and none holds a line end.
func FuzzQueriesFile(f *testing.F) {
	f.Add([]byte("اسد\n\"بشار الأسد\"\r\n-x\n\n"))
	f.Add([]byte("\xff\x00\r\r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		qs, err := readQueries(bytes.NewReader(in))
		if err != nil {
			return
		}
		if want := bytes.Count(in, []byte("\n")); len(qs) != want && len(qs) != want+1 {
			t.Fatalf("%d queries from %d line ends", len(qs), want)
		}
		for _, q := range qs {
			if strings.Contains(q, "\n") || len(q) > maxQueryLine {
				t.Fatalf("query %q", q)
			}
		}
	})
}
