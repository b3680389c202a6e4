package search

import (
	"slices"
	"strings"

	"sahifa/corpus/arabic"
)

// noWord reports whether a token of text, folded to folded, is no word
// to search by: marks alone (a tatweel, tashkeel), which fold to nothing,
// or proclitics drawn out by a tatweel and written apart from their word
// (لـ «الحياة», بـ CNN), which belong to the word after them. The index, a
// query and the highlighting all pass over such tokens alike: they take
// no position, so that a phrase runs across them as across punctuation,
// and a query word that is one is left out rather than matching nothing.
func noWord(raw string, folded []byte) bool {
	if len(folded) == 0 {
		return true
	}
	// The longest run of proclitics is three letters (وبال, 8 bytes).
	return len(folded) <= 8 && strings.ContainsRune(raw, 'ـ') &&
		slices.Contains(arabic.WithoutProclitics(string(folded)), "")
}

// Dropped returns the words of query that are no word to search by
// (noWord) and so are left out of it, as typed.
func Dropped(query string) []string {
	return parse(query).dropped
}
