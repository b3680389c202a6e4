package bidi

import (
	"slices"
	"testing"
)

// plainAgrees reports whether segmentPlain and segmentUniseg cut runes
// into the same clusters, and returns both.
func plainAgrees(runes []rune) (ok bool, plain, ref []cluster) {
	rd := &renderer{out: slices.Clone(runes), glue: make([]uint8, len(runes))}
	for _, r := range runes {
		rd.buf.info = append(rd.buf.info, charOfAny(r))
	}
	rd.segmentPlain(runes)
	plain = slices.Clone(rd.clusters)
	rd.segmentUniseg(runes)
	return slices.Equal(plain, rd.clusters), plain, rd.clusters
}

// TestSegmentPlainMatchesUniseg checks the grapheme clustering shortcut
// against uniseg for every rune it handles, after and before a sample of
// every kind of rune it handles: Latin and Arabic letters, digits, spaces
// (U+0020 and no-break), marks, ZWJ, ZWNJ, format characters, punctuation,
// presentation forms and control pictures.
func TestSegmentPlainMatchesUniseg(t *testing.T) {
	context := []rune{'a', '5', ' ', 0x00A0, 0x0300, 0x064E, 0x0651, 0x0627, 0x0644, 0x0661, 0x060C, 0x200C, 0x200D,
		0x200F, 0x202B, 0x2066, 0x00AD, 0x2019, 0xFEFB, 0xFE8E, 0x241B, 0xFEFF, '.', '('}
	n := 0
	for _, w := range charWindows {
		for r := w.lo; r < w.hi; r++ {
			if propOf(r)&propPlain == 0 {
				continue
			}
			for _, c := range context {
				for _, runes := range [][]rune{{r}, {c, r}, {r, c}, {c, r, c}, {r, r, c}, {c, c, r}} {
					if ok, plain, ref := plainAgrees(runes); !ok {
						t.Fatalf("%U: shortcut gives %v, uniseg %v", runes, plain, ref)
					}
					n++
				}
			}
		}
	}
	if n < 100000 {
		t.Errorf("only %d texts checked", n)
	}
}

// FuzzSegmentPlain checks the clustering shortcut against uniseg on any
// text made of the runes it handles.
func FuzzSegmentPlain(f *testing.F) {
	for _, s := range []string{"abc", "بِسْمِ اللَّهِ", "a\u0300\u200d\u0301 \u00a0\u064e", "\u200f\u0651x\u200c\u200dب", "\ufefb\u0650 ؟"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var runes []rune
		for _, r := range s {
			if r < 0x20 {
				r += 0x2400 // as sanitised
			}
			if propOf(r)&propPlain != 0 {
				runes = append(runes, r)
			}
		}
		if ok, plain, ref := plainAgrees(runes); !ok {
			t.Fatalf("%U: shortcut gives %v, uniseg %v", runes, plain, ref)
		}
	})
}
