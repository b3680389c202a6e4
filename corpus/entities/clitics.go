package entities

import "strings"

// proclitics are the one-letter words written joined to the next word, in
// the order they stack: a conjunction, then a preposition (Larkey, Ballesteros
// & Connell 2002, "Improving stemming for Arabic information retrieval",
// the prefix set of light stemming; the article ال is not one of them,
// since names keep it: الأسد, القاهرة). Folded forms.
var proclitics = [2][]string{
	{"و", "ف"},
	{"ب", "ل", "ك"},
}

// minStem is the shortest word, in letters, left after a clitic comes off:
// shorter remains are more often part of the word (وزن, بلد).
const minStem = 3

// stripClitics returns a folded word without its proclitics and how many
// leading letters (runes) of the word they took. لل, the preposition ل
// before the article, gives back the article's alef: للرئيس → الرئيس.
func stripClitics(folded string) (stem string, letters int) {
	stem = folded
	for _, set := range proclitics {
		for _, p := range set {
			rest, ok := strings.CutPrefix(stem, p)
			if !ok || runeCount(rest) < minStem {
				continue
			}
			if p == "ل" && strings.HasPrefix(rest, "ل") {
				return "ا" + rest, letters + 1
			}
			stem = rest
			letters++
			break
		}
	}
	return stem, letters
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}
