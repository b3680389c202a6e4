package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
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

// TestRenderLongLineInPieces feeds a 6 MiB line without a newline: it is
// laid out in pieces of at most renderLineLimit, cut after spaces, with one
// message, and the live heap stays far below what laying out the whole
// line would take (about 30 bytes a byte, 190 MB).
func TestRenderLongLineInPieces(t *testing.T) {
	const size = 6 << 20
	word := "قال BBC 2016 "
	line := strings.Repeat(word, size/len(word))
	out := countingWriter{keep: true, live: true}
	var errb bytes.Buffer
	code := render([]string{"-w", "0"}, strings.NewReader(line), &out, &errb)
	if code != 0 {
		t.Fatalf("status %d, stderr %q", code, errb.String())
	}
	if n := strings.Count(errb.String(), "\n"); n != 1 || !strings.Contains(errb.String(), "line 1 is longer than 64 KiB") {
		t.Errorf("stderr %q, want one message about line 1", errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if want := size / (renderLineLimit / 2); len(lines) < size/renderLineLimit || len(lines) > want+1 {
		t.Errorf("%d pieces, want between %d and %d", len(lines), size/renderLineLimit, want+1)
	}
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > renderLineLimit {
			t.Fatalf("piece %d has %d characters", i, n)
		}
		if strings.ContainsRune(l, utf8.RuneError) {
			t.Fatalf("piece %d cuts a character", i)
		}
	}
	t.Logf("live heap at most %d MB", out.maxHeap>>20)
	if out.maxHeap > 100<<20 {
		t.Errorf("heap reached %d MB for a %d MB line", out.maxHeap>>20, size>>20)
	}
}

// zeros is /dev/zero, cut off after n bytes.
type zeros struct{ n int }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := min(len(p), z.n)
	clear(p[:k])
	z.n -= k
	return k, nil
}

// TestRenderZeros reads 4 MiB of NUL bytes, as `sahifa render /dev/zero`
// does forever: control pictures come out piece by piece while the live
// heap stays small.
func TestRenderZeros(t *testing.T) {
	var out countingWriter
	var errb bytes.Buffer
	if code := render(nil, &zeros{4 << 20}, &out, &errb); code != 0 {
		t.Fatalf("status %d, stderr %q", code, errb.String())
	}
	if out.n < 4<<20*3 { // each NUL shows as ␀, three bytes
		t.Errorf("%d bytes out for 4 MiB of NUL", out.n)
	}
	if out.maxHeap > 128<<20 {
		t.Errorf("heap reached %d MB", out.maxHeap>>20)
	}
}

// countingWriter counts bytes, keeps them if asked, and samples the heap
// at every write.
type countingWriter struct {
	n       int
	keep    bool
	kept    bytes.Buffer
	maxHeap uint64
	// live measures the heap after a collection: the garbage of tests
	// running beside this one is left out, and scratch kept for reuse
	// stays in.
	live bool
}

func (c *countingWriter) String() string { return c.kept.String() }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += len(p)
	if c.keep {
		c.kept.Write(p)
	}
	if c.live {
		runtime.GC()
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	c.maxHeap = max(c.maxHeap, m.HeapAlloc)
	return len(p), nil
}
