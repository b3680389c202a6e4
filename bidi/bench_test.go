package bidi_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahifa/bidi"
	"sahifa/corpus/corpustest"
	"sahifa/seeds"
)

// seedParagraphs returns every line of the seed articles.
func seedParagraphs(tb testing.TB) []string {
	tb.Helper()
	var paras []string
	err := fs.WalkDir(seeds.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := fs.ReadFile(seeds.FS, path)
		paras = append(paras, strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")...)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return paras
}

// newsParagraphs returns the lines of the contents of the SaudiNewsNet
// articles (skipping the test without the shared data), at most max of them
// when max > 0.
func newsParagraphs(tb testing.TB, max int) []string {
	tb.Helper()
	dir := corpustest.Shared(tb, "data/saudinewsnet")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		tb.Skipf("no SaudiNewsNet files in %s", dir)
	}
	var paras []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var arts []struct{ Content string }
		if err := json.Unmarshal(b, &arts); err != nil {
			tb.Fatal(err)
		}
		for _, a := range arts {
			for _, p := range strings.Split(a.Content, "\n") {
				paras = append(paras, strings.TrimSuffix(p, "\r"))
				if max > 0 && len(paras) == max {
					return paras
				}
			}
		}
	}
	return paras
}

// benchRender renders paras at width through Paragraph (cells) and a
// Renderer's AppendLines (text, as `sahifa render` does), as sub-benchmarks.
func benchRender(b *testing.B, paras []string, width int) {
	opt := bidi.Options{Width: width, Pad: true}
	b.Run("cells", func(b *testing.B) {
		benchPass(b, paras, func(p string) { bidi.Paragraph(p, opt) })
	})
	var buf []byte
	var r bidi.Renderer
	b.Run("text", func(b *testing.B) {
		benchPass(b, paras, func(p string) { buf = r.AppendLines(buf[:0], p, opt) })
	})
}

func benchPass(b *testing.B, paras []string, render func(string)) {
	size := 0
	for _, p := range paras {
		size += len(p) + 1
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, n := corpustest.CPUTime(), 0
	for b.Loop() {
		for _, p := range paras {
			render(p)
		}
		n++
	}
	b.StopTimer()
	if cpu := corpustest.CPUTime() - cpu0; cpu > 0 {
		// Throughput by CPU time (garbage collection included), to set
		// against fribidi-cpu-MB/s when other work shares the machine.
		b.ReportMetric(float64(n*size)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
	b.ReportMetric(testing.AllocsPerRun(1, func() {
		for _, p := range paras {
			render(p)
		}
	})/float64(len(paras)), "allocs/para")
}

// BenchmarkSeeds renders the seed articles at widths 0 and 80.
func BenchmarkSeeds(b *testing.B) {
	paras := seedParagraphs(b)
	b.Run("w0", func(b *testing.B) { benchRender(b, paras, 0) })
	b.Run("w80", func(b *testing.B) { benchRender(b, paras, 80) })
}

// BenchmarkNews renders the SaudiNewsNet paragraphs at width 80. It is an
// in-process figure: set against fribidi, whose figure is a whole
// process's, compare whole processes with .ci/bench-render instead.
func BenchmarkNews(b *testing.B) { benchRender(b, newsParagraphs(b, 0), 80) }

// BenchmarkLong lays out single paragraphs of 64 KB, the longest a caller
// gives the renderer, as `render -w 40 --pad` does: B/op is the working
// memory a paragraph needs (the Renderer keeps none between runs here).
func BenchmarkLong(b *testing.B) {
	const size = 64 << 10
	paras := map[string]string{
		"brackets": strings.Repeat("[", size/2) + strings.Repeat("]", size/2),
		"arabic":   strings.Repeat("قال الوزير إن الحكومة ستعمل ", size/len("قال الوزير إن الحكومة ستعمل ")),
	}
	opt := bidi.Options{Width: 40, Pad: true}
	for _, name := range []string{"brackets", "arabic"} {
		p := paras[name]
		b.Run(name+"/text", func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			b.ReportAllocs()
			var buf []byte
			for b.Loop() {
				var r bidi.Renderer
				buf = r.AppendLines(buf[:0], p, opt)
			}
		})
		b.Run(name+"/cells", func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			b.ReportAllocs()
			for b.Loop() {
				bidi.Paragraph(p, opt)
			}
		})
	}
}
