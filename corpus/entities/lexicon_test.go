package entities

import (
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"sahifa/corpus/arabic"
)

// TestGazetteersLoadedAndCredited checks that every word list embedded
// from lexicon/ is read through the gazetteers table, that its entries
// reach the lexicon with their class, and that lexicon/README.md credits
// it, as the lists' licences require.
func TestGazetteersLoadedAndCredited(t *testing.T) {
	readme, err := os.ReadFile("lexicon/README.md")
	if err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(lexiconFS, "lexicon/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := path.Base(f)
		if !slices.ContainsFunc(gazetteers, func(g gazetteer) bool { return g.file == name }) {
			t.Errorf("%s is embedded but the gazetteers table does not read it", name)
		}
	}
	for _, g := range gazetteers {
		if !strings.Contains(string(readme), "| "+g.file+" |") {
			t.Errorf("lexicon/README.md has no row for %s", g.file)
		}
		entries, found := 0, 0
		eachEntry(g, func(s string) {
			entries++
			if inLexicon(s, g.class) {
				found++
			}
		})
		if entries == 0 || found != entries {
			t.Errorf("%s: %d of %d entries are in the lexicon as class %#x", g.file, found, entries, g.class)
		}
	}
}

// inLexicon reports whether the entry s of a gazetteer of class c can be
// found in lex the way the tagger looks it up.
func inLexicon(s string, c lexClass) bool {
	words := strings.Fields(arabic.Fold(s))
	if len(words) == 0 {
		return true // nothing to find: a list line of punctuation only
	}
	if c&(lexCityB|lexCountryB) == 0 {
		return lex().words[arabic.Fold(s)]&c != 0
	}
	if len(words) > 1 && slices.Contains(adminPrefixes, words[0]) {
		words = words[1:]
	}
	return slices.ContainsFunc(lex().names[words[0]], func(n gazName) bool {
		return n.class == c && slices.Equal(n.words, words)
	})
}
