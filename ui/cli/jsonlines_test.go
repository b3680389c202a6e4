package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestJSONLinesEveryRune: every rune, alone and between Arabic letters,
// comes back unchanged through encoding/json's decoder, and the runes that
// must not appear raw never do.
func TestJSONLinesEveryRune(t *testing.T) {
	var out bytes.Buffer
	enc := newJSONLines(&out)
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue // not encodable in UTF-8
		}
		s := "ب" + string(r) + "ت"
		out.Reset()
		if err := enc.Encode(map[string]string{"t": s}); err != nil {
			t.Fatal(err)
		}
		line := out.Bytes()
		if bytes.IndexByte(line, '\n') != len(line)-1 {
			t.Fatalf("U+%04X: not one line: %q", r, line)
		}
		var back map[string]string
		if err := json.Unmarshal(line, &back); err != nil || back["t"] != s {
			t.Fatalf("U+%04X: decoded %q (%v), want %q", r, back["t"], err, s)
		}
		if jsonEscaped(r) && bytes.ContainsRune(line[:len(line)-1], r) {
			t.Fatalf("U+%04X raw in %q", r, line)
		}
	}
	for _, r := range []rune{0x7f, 0x80, 0x85, 0x9f, 0x061c, 0x200e, 0x200f, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028, 0x2029} {
		if !jsonEscaped(r) {
			t.Errorf("U+%04X is not escaped", r)
		}
	}
	// Every Bidi_Control rune is escaped.
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Bidi_Control, r) && !jsonEscaped(r) {
			t.Errorf("bidi control U+%04X is not escaped", r)
		}
	}
}

// unicodeLineEnds are the characters Python's str.splitlines splits at.
const unicodeLineEnds = "\n\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029"

// TestJSONOutputOfEveryCommand runs every command that has --json on
// articles whose titles and text carry C0, C1, DEL, bidi controls and
// line separators: each output line is one JSON object, no such character
// stands raw, and the hostile text did reach the output (escaped).
func TestJSONOutputOfEveryCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hostile.json")
	hostile := `[{"title":"بشار الأسد \u202e txt.exe \u0085 \u0080 \u007f \u061c \u200f \u2066 \u2028 x","content":"قال الرئيس بشار الأسد في دمشق \u202e عكس \u0085 \u009b31m \u007f \u2029 اليوم 5 مايو 2015 إن الحرب في سوريا مستمرة"},` +
		`{"title":"الأسد في دمشق \u202d","content":"قال الرئيس بشار الأسد في دمشق \u202e عكس \u0085 اليوم 5 مايو 2015 إن الحرب في سوريا مستمرة والمعارضة"}]`
	if err := os.WriteFile(path, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	var first listJSON
	if err := json.Unmarshal(bytes.SplitN(runOK(t, list, []string{"--json", path}).Bytes(), []byte("\n"), 2)[0], &first); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		run  func([]string, *testing.T) *bytes.Buffer
	}{
		{"list", func(a []string, t *testing.T) *bytes.Buffer { return runOK(t, list, a) }},
		{"search", func(a []string, t *testing.T) *bytes.Buffer {
			return runOK(t, searchCmd, append(a[:1:1], append([]string{"الأسد"}, a[1:]...)...))
		}},
		{"entities", func(a []string, t *testing.T) *bytes.Buffer { return runOK(t, entitiesCmd, a) }},
		{"dates", func(a []string, t *testing.T) *bytes.Buffer { return runOK(t, datesCmd, a) }},
		{"related", func(a []string, t *testing.T) *bytes.Buffer {
			return runOK(t, relatedCmd, append(a[:1:1], append([]string{first.ID}, a[1:]...)...))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := tc.run([]string{"--json", path}, t).String()
			if out == "" {
				t.Fatal("no output")
			}
			for i, r := range out {
				if r == utf8.RuneError || (jsonEscaped(r) && r != '\n') {
					t.Errorf("raw U+%04X at byte %d", r, i)
				}
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if n := len(strings.FieldsFunc(out, func(r rune) bool { return strings.ContainsRune(unicodeLineEnds, r) })); n != len(lines) {
				t.Errorf("%d lines split the Unicode way, %d JSON lines", n, len(lines))
			}
			for _, l := range lines {
				if !json.Valid([]byte(l)) {
					t.Errorf("not JSON: %q", l)
				}
			}
			if !strings.Contains(out, `\u202`) {
				t.Errorf("the titles' bidi controls do not reach the output, escaped:\n%s", out)
			}
		})
	}
}
