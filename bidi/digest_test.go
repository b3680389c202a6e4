package bidi_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sahifa/bidi"
)

// digestFile holds one SHA-256 per corpus and option set: of every line's
// text, and of everything else a Line carries (width, direction, byte range,
// cells, segments). It was written by the renderer before it was made
// faster, so that a change in any byte of the output fails the test.
var digestFile = filepath.Join("testdata", "render.digest")

// digestOptions are the option sets the digests are taken with: those of
// `sahifa render` (-w 0, -w 80 --pad) and of the reader (styled spans,
// MaxLines for titles, forced direction, the text left to the terminal).
var digestOptions = []struct {
	name string
	opt  bidi.Options
}{
	{"w0", bidi.Options{}},
	{"w80pad", bidi.Options{Width: 80, Pad: true}},
	{"w40rtl", bidi.Options{Width: 40, Dir: bidi.RTL}},
	{"w30strip2lines", bidi.Options{Width: 30, StripTashkeel: true, MaxLines: 2}},
	{"w60logical", bidi.Options{Width: 60, Logical: true}},
	{"w60noshapeltr", bidi.Options{Width: 60, NoShape: true, Dir: bidi.LTR}},
}

// digestSpan styles the middle third of a paragraph, as a search hit is.
func digestSpan(p string) bidi.Span {
	return bidi.Span{Start: len(p) / 3, End: len(p) * 2 / 3, Style: 1}
}

// renderDigests renders paras with every option set and returns the
// digests, named corpus/options/text and corpus/options/layout.
func renderDigests(corpus string, paras []string, each func(p string, opt bidi.Options, text, layout hash.Hash)) map[string]string {
	out := map[string]string{}
	for _, o := range digestOptions {
		text, layout := sha256.New(), sha256.New()
		for _, p := range paras {
			each(p, o.opt, text, layout)
		}
		out[corpus+"/"+o.name+"/text"] = fmt.Sprintf("%x", text.Sum(nil))
		out[corpus+"/"+o.name+"/layout"] = fmt.Sprintf("%x", layout.Sum(nil))
	}
	return out
}

// digestParagraph feeds the lines of one paragraph to the two hashes.
func digestParagraph(p string, opt bidi.Options, text, layout hash.Hash) {
	var b []byte
	for _, l := range bidi.Paragraph(p, opt, digestSpan(p)) {
		text.Write([]byte(l.Text))
		text.Write([]byte{'\n'})
		b = b[:0]
		rtl := int32(0)
		if l.RTL {
			rtl = 1
		}
		for _, v := range []int32{int32(l.Width), rtl, int32(l.Start), int32(l.End), int32(len(l.Cells)), int32(len(l.Segments))} {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
		for _, c := range l.Cells {
			for _, v := range []int32{c.Col, c.Width, c.Start, c.End} {
				b = binary.LittleEndian.AppendUint32(b, uint32(v))
			}
		}
		for _, s := range l.Segments {
			b = binary.LittleEndian.AppendUint32(b, uint32(len(s.Text)))
			b = binary.LittleEndian.AppendUint32(b, uint32(s.Style))
			b = append(b, s.Text...)
		}
		layout.Write(b)
	}
}

func readDigests(t *testing.T) map[string]string {
	t.Helper()
	m := map[string]string{}
	f, err := os.Open(digestFile)
	if os.IsNotExist(err) {
		return m
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), " "); ok && !strings.HasPrefix(k, "#") {
			m[k] = v
		}
	}
	return m
}

func writeDigests(t *testing.T, m map[string]string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("# SHA-256 of bidi.Paragraph's output, written by go test ./bidi -run Digest -update\n")
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}) {
		fmt.Fprintf(&b, "%s %s\n", k, m[k])
	}
	if err := os.WriteFile(digestFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func checkDigests(t *testing.T, corpus string, paras []string) {
	got := renderDigests(corpus, paras, digestParagraph)
	want := readDigests(t)
	// AppendLines must write exactly Paragraph's texts.
	var buf []byte
	var r bidi.Renderer
	textOnly := renderDigests(corpus, paras, func(p string, opt bidi.Options, text, _ hash.Hash) {
		buf = r.AppendLines(buf[:0], p, opt)
		text.Write(buf)
	})
	for k, v := range textOnly {
		if strings.HasSuffix(k, "/text") && v != got[k] {
			t.Errorf("%s: AppendLines's digest %s differs from Paragraph's %s", k, v, got[k])
		}
	}
	if *update {
		for k, v := range got {
			want[k] = v
		}
		writeDigests(t, want)
		return
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range got {
			if !yield(k) {
				return
			}
		}
	}) {
		switch w, ok := want[k]; {
		case !ok:
			t.Errorf("%s: no stored digest in %s (go test ./bidi -run Digest -update)", k, digestFile)
		case w != got[k]:
			t.Errorf("%s: output changed (digest %s, stored %s)", k, got[k], w)
		}
	}
}

// TestDigestSeeds checks that every seed line renders byte for byte as it
// did when the digests were stored.
func TestDigestSeeds(t *testing.T) { checkDigests(t, "seeds", seedParagraphs(t)) }

// TestDigestNews checks every SaudiNewsNet paragraph the same way.
func TestDigestNews(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("renders 200,000 paragraphs six times (skipped with -short and -race)")
	}
	checkDigests(t, "news", newsParagraphs(t, 0))
}

// TestAppendLinesAllocs checks that AppendLines, once warm, allocates
// nothing for a paragraph, whatever the options and the characters.
func TestAppendLinesAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop what it is given")
	}
	// The seeds, clusters whose width ansi.StringWidth measures, and a
	// SaudiNewsNet sentence whose line-break segments, counted after uniseg
	// finds them, are longer than 32 bytes.
	paras := append(seedParagraphs(t), "قال 🇸🇦 👨\u200d👩\u200d👧 é 한국어 中文 テスト", "\u0600\u0661 \u06dd ©®‼", "a\u0300\u0301\u0302 x",
		"يكفيه «العرّاب» الأول والثاني و«سفر الرؤيا الآن» لوضعه على منصّة «كبار» المخرجين. لقد ذهب في أفلامه الثلاثة هذه، إلى حيث لم يذهب أحد سواه لا في سينما «الغانغسترز» (كما حال «العرابي")
	for _, o := range digestOptions {
		buf := make([]byte, 0, 1<<16)
		for _, p := range paras {
			buf = bidi.AppendLines(buf[:0], p, o.opt)
		}
		allocs := testing.AllocsPerRun(5, func() {
			for _, p := range paras {
				buf = bidi.AppendLines(buf[:0], p, o.opt)
			}
		})
		if allocs != 0 {
			t.Errorf("%s: %.1f allocations per pass over %d paragraphs, want 0", o.name, allocs, len(paras))
		}
	}
}
