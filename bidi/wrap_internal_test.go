package bidi

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"sahifa/seeds"
)

// TestLastBreakMatchesWholeText checks the windowed search for line-break
// opportunities against uniseg run over the whole paragraph: for every
// cluster where a line could overflow, the break found must be the last
// opportunity after the line's start.
func TestLastBreakMatchesWholeText(t *testing.T) {
	paras := []string{
		"قال (الرئيس) «بوتين» في 2016: إن 90٪ من القوات — أي 12,500 جندي — ستنسحب.",
		"أبعاد الآيفون 5S هي (7.6×58.6×123.8)، والتصميم؟ نعم! «لا» ... [مصدر] http://example.com/a-b/c?d=e",
		"He said: \"it's 5.7 billion\" (approx.) — 'quoted' — and left; x/y 1-2 a.b",
	}
	names, _ := fs.Glob(seeds.FS, "*.txt")
	for _, name := range names {
		b, _ := fs.ReadFile(seeds.FS, name)
		paras = append(paras, strings.Split(string(b), "\n")...)
	}
	rd := new(renderer)
	checked := 0
	for _, p := range paras {
		n, err := checkLastBreak(rd, p)
		if err != "" {
			t.Fatal(err)
		}
		checked += n
	}
	if checked < 1000 {
		t.Fatalf("only %d positions checked", checked)
	}
}

// checkLastBreak checks lastBreak on paragraph p for every cluster where a
// line could overflow, and returns how many it checked and what went wrong.
func checkLastBreak(rd *renderer, p string) (checked int, err string) {
	sanitizeInto(&rd.buf, p, true)
	runes := rd.buf.runes
	if len(runes) == 0 {
		return 0, ""
	}
	rd.out = append(rd.out[:0], runes...)
	rd.glue = append(rd.glue[:0], make([]uint8, len(runes))...)
	levels, _ := ResolveLevels(runes, Auto)
	shape(runes, rd.buf.info, levels, rd.out, rd.glue)
	rd.segment(runes)
	cl := rd.clusters
	// Opportunities from the whole text, as cluster indices.
	var str []byte
	for _, r := range runes {
		str = utf8.AppendRune(str, r)
	}
	opp := map[int]bool{}
	at, k := 0, 0
	for rest, state := str, -1; len(rest) > 0; {
		var seg []byte
		seg, rest, _, state = uniseg.FirstLineSegment(rest, state)
		at += utf8.RuneCount(seg)
		for k < len(cl) && int(cl[k].start) < at {
			k++
		}
		if k < len(cl) && int(cl[k].start) == at {
			opp[k] = true
		}
	}
	start := 0
	for end := 1; end < len(cl); end++ {
		if cl[end].space {
			continue // lines never overflow on a space
		}
		want := -1
		for b := end; b > start; b-- {
			if opp[b] {
				want = b
				break
			}
		}
		if got := rd.lastBreak(runes, start, start, end); got != want {
			return checked, fmt.Sprintf("%q: line from cluster %d overflowing at %d: break before %d, whole-text uniseg says %d", p, start, end, got, want)
		}
		checked++
		if opp[end] && end-start > 30 {
			start = end // move on as a wrap would
		}
	}
	return checked, ""
}

// FuzzLastBreak checks the windowed search for line-break opportunities,
// and its shortcut for words of letters and digits, against uniseg run
// over the whole of any text.
func FuzzLastBreak(f *testing.F) {
	for _, s := range []string{"قال (الرئيس) «بوتين» في 2016: إن", "abc def-ghi 12 ١٢ x", "a  \u064eب b\u00a0c d", "ب) ج) ;د !ه"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if _, err := checkLastBreak(new(renderer), p); err != "" {
			t.Fatal(err)
		}
	})
}
