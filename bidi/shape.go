package bidi

import (
	"sort"
	"sync"
	"unicode"
)

//go:generate go run ./internal/gen -ucd /usr/share/unicode -o tables.go

// joiningType is a character's Unicode Joining_Type (ArabicShaping.txt).
type joiningType uint8

const (
	joinU joiningType = iota // non-joining: spaces, digits, Latin, hamza, ZWNJ
	joinT                    // transparent: harakat and other marks, format characters
	joinC                    // join-causing: tatweel, ZWJ
	joinD                    // dual-joining: beh, lam, meem…
	joinR                    // right-joining: alef, dal, reh, waw…
	joinL                    // left-joining (none in Arabic proper)
)

// joiningRange is a run of code points sharing a Joining_Type.
type joiningRange struct {
	lo, hi rune
	t      joiningType
}

func joiningOf(r rune) joiningType {
	if r < rune(len(joiningDense)) {
		return joiningDense[r]
	}
	i := sort.Search(len(joiningRanges), func(i int) bool { return joiningRanges[i].hi >= r })
	if i < len(joiningRanges) && joiningRanges[i].lo <= r {
		return joiningRanges[i].t
	}
	return joinU
}

const lam = 0x0644

// dropped marks a logical character that produces nothing on screen: a
// format character once resolution and shaping have used it, a mark removed
// by StripTashkeel, or the alef absorbed into a lam-alef ligature.
const dropped = -1

// shape writes into out, for each logical character, the character to show
// in its place, or dropped. Letters take the presentation form their
// neighbours call for; joining skips transparent characters and never
// crosses a change of embedding level (as fribidi's fribidi_join_arabic).
// glue[i] is set for every character between a lam and the alef it ligates
// with, so that the renderer keeps them in the lam's cluster: the harakat in
// between then follow the ligature.
//
// info holds charOfAny of each character, whose joining type shape reads.
func shape(text []rune, info []charInfo, levels []Level, out []rune, glue []uint8) {
	forms := shapingForms()
	prev := 0         // index of the previous non-transparent character
	prevR := rune(-1) // that character; -1 before the first
	prevT := joinU
	var linkedPrev uint8 // 1 if text[prev] joins the character before it
	for i, r := range text {
		t := joiningType(info[i] >> infoJoinShift & 7)
		if t == joinT {
			continue
		}
		// Flags rather than branches: whether letters join is as good as
		// random to the processor.
		linked := joinLinks[prevT][t]
		if levels[prev] != levels[i] {
			linked = 0
		}
		if prevR == lam && linked != 0 && r >= 0x0622 && r <= 0x0627 {
			if lig := forms.lamAlef[r-0x0622]; lig[0] != 0 {
				out[prev] = lig[linkedPrev]
				out[i] = dropped
				for k := prev + 1; k <= i; k++ {
					glue[k] = 1
				}
				// The ligature ends in an alef, which joins nothing after it.
				prev, prevR, prevT, linkedPrev = i, r, joinR, linked
				continue
			}
		}
		if uint32(prevR-0x0600) < 0x100 && out[prev] == prevR {
			out[prev] = forms.letter[prevR-0x0600][linkedPrev|linked<<1]
		}
		prev, prevR, prevT, linkedPrev = i, r, t, linked
	}
	if uint32(prevR-0x0600) < 0x100 && out[prev] == prevR {
		out[prev] = forms.letter[prevR-0x0600][linkedPrev]
	}
}

// joinLinks[a][b] is 1 when a character of joining type a joins a character
// of type b after it: a is dual- or left-joining or join-causing, b dual-
// or right-joining or join-causing.
var joinLinks = func() (t [joinL + 1][joinL + 1]uint8) {
	for a := range t {
		for b := range t[a] {
			after := a == int(joinD) || a == int(joinL) || a == int(joinC)
			before := b == int(joinD) || b == int(joinR) || b == int(joinC)
			if after && before {
				t[a][b] = 1
			}
		}
	}
	return t
}()

// shapingTables are presentationForms and lamAlefForms as shape reads them.
type shapingTables struct {
	// letter[r-0x0600][f] is the form f (isolated, final, initial,
	// medial: joined before is bit 0 and joined after bit 1) of a joining
	// letter r, or r itself where Unicode has no such form or r does not
	// join: hamza and other non-joining letters keep their base form, as
	// in fribidi.
	letter [0x100][4]rune
	// lamAlef[a-0x0622] holds the isolated and final lam-alef ligatures
	// for alef a, zero for the characters in between that are not alefs.
	lamAlef [6][2]rune
}

var shapingForms = sync.OnceValue(func() *shapingTables {
	t := new(shapingTables)
	for i := range t.letter {
		r := rune(0x0600 + i)
		jt := joiningDense[r]
		for f := range t.letter[i] {
			t.letter[i][f] = r
			if (jt == joinD || jt == joinR || jt == joinL) && presentationForms[i][f] != 0 {
				t.letter[i][f] = presentationForms[i][f]
			}
		}
	}
	for a, lig := range lamAlefForms {
		t.lamAlef[a-0x0622] = lig
	}
	return t
})

// isTashkeel reports whether r is an Arabic combining mark (harakat, shadda,
// sukun, superscript alef, Quranic annotation signs).
func isTashkeel(r rune) bool {
	return r >= 0x0610 && r <= 0x08FF && unicode.Is(unicode.Mn, r)
}

// mirrored returns the Bidi_Mirroring_Glyph of r (rule L4), or r.
func mirrored(r rune) rune {
	if m, ok := mirrorGlyphs[r]; ok {
		return m
	}
	return r
}
