package arabic

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The affix tables work on folded words (see Fold): teh marbuta is already
// heh, hamza seats are gone, alef has one form.

// conjunctions, prepositions and the article are the proclitics of a noun,
// in the order they attach: و/ف, then ب/ك/ل, then ال.
// Sources: Larkey, Ballesteros & Connell, "Light Stemming for Arabic
// Information Retrieval" (2007), light10 prefixes ال وال بال كال فال لل و;
// Snowball Arabic stemmer (snowballstem.org/algorithms/arabic), prefixes
// ف و ب ك ل بال كال لل.
var (
	conjunctions = []string{"", "و", "ف"}
	prepositions = []string{"", "ب", "ك", "ل"}
)

const article = "ال"

// suffixTable lists the suffixes a base may carry, each with the change it
// makes to a base ending in teh marbuta (folded to ه): a suffix after
// teh marbuta turns it into ت (مدرسة → مدرستها), and the feminine plural
// replaces it (مدرسة → مدرسات).
// Sources: Larkey et al. light10 suffixes ها ان ات ون ين يه ية ه ة ي;
// Snowball Arabic noun suffixes ك كم هم هن ه ي كما هما نا ها ات ة;
// nisba endings ي ية يون يين يات from Ryding, "A Reference Grammar of
// Modern Standard Arabic" (2005), §8.
var suffixTable = []struct {
	suffix  string
	marbuta string // how a base ending in ه takes it: "ت" keeps a stem, "" drops ه
}{
	{"ه", "ت"}, {"ها", "ت"}, {"هم", "ت"}, {"هما", "ت"}, {"هن", "ت"},
	{"ك", "ت"}, {"كم", "ت"}, {"كما", "ت"}, {"كن", "ت"},
	{"نا", "ت"}, {"ي", "ت"},
	{"ان", "ت"}, {"ين", "ت"}, {"ون", ""}, {"ات", ""},
	{"يه", ""}, {"يون", ""}, {"يين", ""}, {"يات", ""},
}

// Affix says how a word differs from the base it was matched to.
type Affix uint8

const (
	// Same is the base itself.
	Same Affix = iota
	// Proclitic is the base behind one or more proclitics (والأسد, للأسد).
	Proclitic
	// Suffixed is the base with a suffix, and possibly proclitics too
	// (مدرستها, الفلسطينيين).
	Suffixed
)

// minBase is the fewest letters a base may have once affixes are taken
// off. Larkey et al. keep two, but two-letter bases are mostly particles
// whose clitic forms are other words: ك + أن is كان "was", ل + أن is لأن
// "because", ال + آن is الآن "now"; in SaudiNewsNet the query أن would
// pull in all of them.
const (
	minBase         = 3
	minSuffixedBase = 3
)

// Forms calls yield with every word that is base with proclitics, a suffix
// or both from the tables above, and how it was formed, starting with base
// itself; it stops when yield returns false. base must be folded.
//
// Forms is how Sahifa finds a name under its clitics without stemming the
// name: a query word is never cut, the words of the collection that are
// forms of it are looked up instead.
func Forms(base string, yield func(form string, how Affix) bool) {
	EachForm(base, nil, func(f []byte, how Affix) bool { return yield(string(f), how) })
}

// EachForm is Forms writing each form into buf, which it returns for
// reuse: form is only valid during the call. It spares a caller that looks
// hundreds of forms up in a map an allocation for each.
func EachForm(base string, buf []byte, yield func(form []byte, how Affix) bool) []byte {
	if utf8.RuneCountInString(base) < minBase {
		yield(append(buf[:0], base...), Same)
		return buf
	}
	type stem struct {
		s   string
		how Affix
	}
	stems := make([]stem, 1, 1+len(suffixTable))
	stems[0] = stem{base, Same}
	if utf8.RuneCountInString(base) >= minSuffixedBase {
		cut, marbuta := strings.CutSuffix(base, "ه")
		for _, e := range suffixTable {
			s := base + e.suffix
			if marbuta {
				s = cut + e.marbuta + e.suffix
			}
			stems = append(stems, stem{s, Suffixed})
		}
	}
	for _, st := range stems {
		for det := range 2 {
			noun := st.s
			if det == 1 {
				if strings.HasPrefix(noun, article) {
					continue
				}
				noun = article + noun
			}
			for _, c := range conjunctions {
				for _, p := range prepositions {
					how := st.how
					if how == Same && (c != "" || p != "" || det == 1) {
						how = Proclitic
					}
					buf = append(append(buf[:0], c...), p...)
					if p == "ل" && strings.HasPrefix(noun, article) {
						// ل before the article drops its alef
						// (ل + الأسد = للأسد), and before a noun
						// starting with ل one of three lams
						// (ل + الليل = لليل).
						rest := noun[len("ا"):]
						if strings.HasPrefix(rest, "لل") {
							rest = rest[len("ل"):]
						}
						buf = append(buf, rest...)
					} else {
						buf = append(buf, noun...)
					}
					if !yield(buf, how) {
						return buf
					}
				}
			}
		}
	}
	return buf
}

// Candidates returns the bases the folded word w may be a form of, that is
// w with proclitics, a suffix or both removed following the same tables as
// Forms, longest first and without w itself. Nothing here knows whether a
// candidate is a real word: ايران yields اير, كانون yields كان. Callers
// keep only candidates their collection knows (see Stem), or go the other
// way with Forms.
func Candidates(w string) []string {
	var out []string
	seen := map[string]bool{w: true}
	add := func(s string, min int) {
		if utf8.RuneCountInString(s) >= min && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, n := range WithoutProclitics(w) {
		add(n, minBase)
		for _, e := range suffixTable {
			r, ok := strings.CutSuffix(n, e.suffix)
			if !ok {
				continue
			}
			add(r, minSuffixedBase)
			if e.marbuta == "ت" {
				if s, ok := strings.CutSuffix(r, "ت"); ok {
					add(s+"ه", minSuffixedBase)
				}
			} else {
				add(r+"ه", minSuffixedBase)
			}
		}
	}
	// Longest first: the least cut reading is the safest one.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// WithoutProclitics returns the folded word w followed by every reading of
// it with proclitics (و ف ب ك ل and the article, as EachForm attaches them)
// removed. Like Candidates it does not know which readings are words.
func WithoutProclitics(w string) []string {
	out := []string{w}
	for _, c := range conjunctions {
		a, ok := strings.CutPrefix(w, c)
		if !ok {
			continue
		}
		for _, p := range prepositions {
			if c == "" && p == "" {
				continue
			}
			b, ok := strings.CutPrefix(a, p)
			if !ok {
				continue
			}
			if p != "" || c != "" {
				out = append(out, b)
			}
			if p == "ل" && strings.HasPrefix(b, "ل") {
				// لل… is ل + ال…, or ل + الل… with a lam dropped.
				out = append(out, "ا"+b, "ال"+b)
			}
		}
	}
	// The article, after whatever came before it.
	for _, n := range out[:len(out):len(out)] {
		if b, ok := strings.CutPrefix(n, article); ok {
			out = append(out, b)
		}
	}
	return out
}

// Stem returns w with proclitics removed as long as each remainder is a
// word the collection holds at least as often as the word it was cut from,
// or w itself; count gives how often a folded word occurs in the
// collection. Suffixes are never removed, and a remainder rarer than the
// word is taken as a sign that the letters belong to the word: وزارة stays
// وزارة although زارة exists, والولايات becomes الولايات and no less.
func Stem(w string, count func(string) int) string {
	cands := WithoutProclitics(w)[1:]
	// Least cut first, so each step removes one more proclitic.
	slices.SortStableFunc(cands, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	best, n := w, count(w)
	for _, c := range cands {
		if utf8.RuneCountInString(c) < minBase {
			continue
		}
		if m := count(c); m > 0 && m >= n {
			best, n = c, m
		}
	}
	return best
}
