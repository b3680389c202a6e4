package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runRender(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = render(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestRenderStdin(t *testing.T) {
	out, _, code := runRender(t, "قال BBC\r\nhello world\n\n(تقرير)")
	want := "BBC \uFEDD\uFE8E\uFED7\nhello world\n\n(\uFEAE\uFEF3\uFEAE\uFED8\uFE97)\n"
	if code != 0 || out != want {
		t.Errorf("render = %q (status %d), want %q", out, code, want)
	}
}

func TestRenderWrapPad(t *testing.T) {
	out, _, code := runRender(t, "قال إن BBC نقلت الخبر\n", "-w", "8", "--pad")
	// fribidi-lines -w 8 prints the same lines (its '|' marks the edge).
	want := "  \uFEE5\uFE87 \uFEDD\uFE8E\uFED7\n\uFE96\uFEE0\uFED8\uFEE7 BBC\n   \uFEAE\uFE92\uFEA8\uFEDF\uFE8D\n"
	if code != 0 || out != want {
		t.Errorf("render -w 8 --pad = %q (status %d), want %q", out, code, want)
	}
}

func TestRenderOptions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		in   string
		want string
	}{
		{[]string{"--dir", "ltr"}, "قال BBC", "\uFEDD\uFE8E\uFED7 BBC\n"},
		{[]string{"--dir=rtl"}, "BBC قال", "\uFEDD\uFE8E\uFED7 BBC\n"},
		{[]string{"--no-shape"}, "بيت", "تيب\n"},
		{[]string{"--bidi", "terminal"}, "قال BBC", "قال BBC\n"},
		{[]string{"--strip-tashkeel"}, "بِسْمِ", "\uFEE2\uFEB4\uFE91\n"},
	} {
		if out, errs, code := runRender(t, tc.in, tc.args...); code != 0 || out != tc.want {
			t.Errorf("render %v on %q = %q (status %d, %s), want %q", tc.args, tc.in, out, code, errs, tc.want)
		}
	}
}

func TestRenderNeverPassesEscapes(t *testing.T) {
	out, _, _ := runRender(t, "\x1b]0;owned\x07\x1b[31mقال\x1b[0m \u009b2J\n")
	if strings.ContainsAny(out, "\x1b\u009b\a") {
		t.Errorf("escape reached the output: %q", out)
	}
}

func TestRenderFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(a, []byte("one\nقال\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runRender(t, "ignored", a, filepath.Join(dir, "missing.txt"), a)
	if want := "one\n\uFEDD\uFE8E\uFED7\none\n\uFEDD\uFE8E\uFED7\n"; out != want {
		t.Errorf("files rendered as %q, want %q", out, want)
	}
	if code != 1 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing file: status %d, stderr %q", code, errs)
	}
}

func TestRenderBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--dir", "up"}, {"--bidi", "both"}, {"-w", "-3"}, {"--nope"}} {
		if _, errs, code := runRender(t, "", args...); code != 2 || errs == "" {
			t.Errorf("render %v: status %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
	if _, errs, code := runRender(t, "", "-h"); code != 0 || !strings.Contains(errs, "usage: sahifa render") {
		t.Errorf("render -h: status %d, stderr %q", code, errs)
	}
}
