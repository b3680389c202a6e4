package bidi

import (
	"sort"
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

// Indices into presentationForms rows.
const (
	formIsolated = iota
	formFinal
	formInitial
	formMedial
)

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
func shape(text []rune, levels []Level, out []rune, glue []bool) {
	const (
		joinsAfter  = 1<<joinD | 1<<joinL | 1<<joinC // joins the character after it
		joinsBefore = 1<<joinD | 1<<joinR | 1<<joinC // joins the character before it
		hasForms    = 1<<joinD | 1<<joinR | 1<<joinL // a letter with presentation forms
	)
	prev := -1 // index of the previous non-transparent character
	var prevT joiningType
	var linkedPrev bool // whether text[prev] joins the character before it
	for i, r := range text {
		var t joiningType
		if r < rune(len(joiningDense)) {
			t = joiningDense[r]
		} else {
			t = joiningOf(r)
		}
		if t == joinT {
			continue
		}
		linked := prev >= 0 && joinsAfter&(1<<prevT) != 0 && joinsBefore&(1<<t) != 0 && levels[prev] == levels[i]
		if prev >= 0 {
			if linked && text[prev] == lam && r >= 0x0622 && r <= 0x0627 {
				if lig, ok := lamAlefForms[r]; ok {
					f := lig[formIsolated]
					if linkedPrev {
						f = lig[formFinal]
					}
					out[prev] = f
					out[i] = dropped
					for k := prev + 1; k <= i; k++ {
						glue[k] = true
					}
					// The ligature ends in an alef, which joins nothing after it.
					prev, prevT, linkedPrev = i, joinR, linked
					continue
				}
			}
			if hasForms&(1<<prevT) != 0 {
				setForm(out, prev, text[prev], linkedPrev, linked)
			}
		}
		prev, prevT, linkedPrev = i, t, linked
	}
	if prev >= 0 && hasForms&(1<<prevT) != 0 {
		setForm(out, prev, text[prev], linkedPrev, false)
	}
}

// setForm puts the presentation form of letter r joined as told at out[i],
// unless out[i] is already taken by a ligature or Unicode has no such form.
// Hamza and other non-joining letters keep their base form, as in fribidi;
// shape calls it only for joining ones.
func setForm(out []rune, i int, r rune, before, after bool) {
	if out[i] != r || r < 0x0600 || r > 0x06FF {
		return
	}
	form := formIsolated // the rows are ordered so that before and after make the index
	if before {
		form |= formFinal
	}
	if after {
		form |= formInitial
	}
	if f := presentationForms[r-0x0600][form]; f != 0 {
		out[i] = f
	}
}

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
