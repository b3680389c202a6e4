package arabic

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"sahifa/corpus/corpustest"
	"sahifa/seeds"
)

// forms returns what Forms yields for base, as a set.
func forms(base string) map[string]Affix {
	out := map[string]Affix{}
	Forms(Fold(base), func(f string, how Affix) bool {
		if old, ok := out[f]; !ok || how < old {
			out[f] = how
		}
		return true
	})
	return out
}

// TestFormsRules checks each proclitic and suffix rule: the form must be
// among the forms of its base, formed the way the rule says.
func TestFormsRules(t *testing.T) {
	for _, c := range []struct {
		base, form string
		how        Affix
	}{
		{"أسد", "أسد", Same},
		{"أسد", "الأسد", Proclitic},    // article
		{"أسد", "والأسد", Proclitic},   // و + article
		{"أسد", "بالأسد", Proclitic},   // ب + article
		{"أسد", "كالأسد", Proclitic},   // ك + article
		{"أسد", "فالأسد", Proclitic},   // ف + article
		{"أسد", "للأسد", Proclitic},    // ل + article drops the alef
		{"أسد", "وللأسد", Proclitic},   // و + ل + article
		{"بوتين", "وبوتين", Proclitic}, // و
		{"بوتين", "فبوتين", Proclitic}, // ف
		{"بوتين", "لبوتين", Proclitic}, // ل
		{"بوتين", "كبوتين", Proclitic}, // ك
		{"موسكو", "بموسكو", Proclitic}, // ب
		{"موسكو", "وبموسكو", Proclitic},
		{"الأسد", "للأسد", Proclitic},        // a base with its own article
		{"اللاذقية", "للاذقية", Proclitic},   // ل + الل… keeps two lams
		{"اللاذقية", "باللاذقية", Proclitic}, // ب + a name with its article
		{"مدرسة", "مدرستها", Suffixed},       // teh marbuta becomes teh before a pronoun
		{"مدرسة", "مدرستهم", Suffixed},
		{"مدرسة", "مدرسات", Suffixed},   // feminine plural replaces it
		{"مدرسة", "بمدرستنا", Suffixed}, // proclitic and suffix together
		{"كتاب", "كتابه", Suffixed},     // pronoun suffixes
		{"كتاب", "كتابك", Suffixed},
		{"كتاب", "كتابكم", Suffixed},
		{"كتاب", "كتابي", Suffixed},
		{"مهندس", "المهندسون", Suffixed}, // sound masculine plural
		{"مهندس", "للمهندسين", Suffixed},
		{"مدرس", "مدرسان", Suffixed},        // dual
		{"فلسطين", "الفلسطينيين", Suffixed}, // nisba plural
		{"فلسطين", "فلسطيني", Suffixed},     // nisba
		{"إيران", "الإيرانية", Suffixed},
	} {
		got, ok := forms(c.base)[Fold(c.form)]
		if !ok || got != c.how {
			t.Errorf("Forms(%s): %s is %v (present %v), want %v", c.base, c.form, got, ok, c.how)
		}
	}
}

// TestFormsNotOtherWords checks that the forms of a name never include
// other words: Forms only adds letters to its base.
func TestFormsNotOtherWords(t *testing.T) {
	for _, c := range []struct{ base, not string }{
		{"كانون", "كان"}, // bleve: كانون → كان
		{"إيران", "اير"}, // bleve: ايران → اير
		{"وزارة", "زار"}, // bleve and Snowball: وزارة → زار
		{"وزارة", "زارة"},
		{"فلسطين", "لسطين"}, // Snowball eats ف
		{"فلسطين", "فلسط"},  // bleve
		{"إسرائيل", "سرائيل"},
		{"الولايات", "ولاي"}, // Lucene's light stemmer
		{"الولايات", "ولايات"},
		{"أن", "كان"}, // a two-letter base has no forms: ك + أن is "was"
		{"أن", "لأن"},
	} {
		if _, ok := forms(c.base)[Fold(c.not)]; ok {
			t.Errorf("Forms(%s) yields %s", c.base, c.not)
		}
	}
}

// TestNamesIntact checks Stem on the names that light stemmers mangle,
// with counts in which every mangled remainder is itself a word (as in
// SaudiNewsNet: كان, زار, اير all occur) but rarer than the name.
func TestNamesIntact(t *testing.T) {
	counts := map[string]int{}
	for w, n := range map[string]int{
		"ايران": 900, "اير": 3, "فلسطين": 700, "لسطين": 1, "كانون": 40, "كان": 9000,
		"وزارة": 5000, "زارة": 2, "زار": 120, "اسرائيل": 600, "سرائيل": 1,
		"الولايات": 1300, "ولايات": 200, "والولايات": 30,
		"الأسد": 300, "والأسد": 20, "للأسد": 10, "أسد": 4,
		"فيصل": 80, "يصل": 60, "وقال": 9000, "قال": 8000,
	} {
		counts[Fold(w)] = n
	}
	count := func(w string) int { return counts[w] }
	for _, c := range []struct{ in, want string }{
		{"ايران", "ايران"},
		{"فلسطين", "فلسطين"},
		{"كانون", "كانون"}, // suffixes are never cut by Stem
		{"وزارة", "وزارة"}, // زارة is rarer than وزارة: و belongs to the word
		{"اسرائيل", "اسرائيل"},
		{"الولايات", "الولايات"}, // ولايات is rarer: the article stays
		{"والولايات", "الولايات"},
		{"والأسد", "الأسد"},
		{"للأسد", "الأسد"},
		{"فيصل", "فيصل"},
		{"وقال", "وقال"}, // قال is rarer than وقال here: kept
	} {
		if got, want := Stem(Fold(c.in), count), Fold(c.want); got != want {
			t.Errorf("Stem(%s) = %s, want %s", c.in, got, want)
		}
	}
}

func TestCandidates(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // must be among the candidates
	}{
		{"والأسد", []string{"الأسد", "أسد"}},
		{"للأسد", []string{"الأسد", "أسد"}},
		{"للاذقية", []string{"اللاذقية", "لاذقية"}},
		{"بمدرستها", []string{"مدرسة"}},
		{"الفلسطينيين", []string{"فلسطين"}},
		{"كانون", []string{"كان"}}, // Candidates does not know words: Stem and Forms do
	} {
		got := Candidates(Fold(c.in))
		for _, w := range c.want {
			if !slices.Contains(got, Fold(w)) {
				t.Errorf("Candidates(%s) = %q, want %s among them", c.in, got, w)
			}
		}
		if slices.Contains(got, Fold(c.in)) {
			t.Errorf("Candidates(%s) holds the word itself", c.in)
		}
	}
}

// TestFormsCandidatesAgree checks that the two directions agree: every
// form of a base has the base among its candidates.
func TestFormsCandidatesAgree(t *testing.T) {
	for _, base := range []string{"أسد", "بوتين", "مدرسة", "اللاذقية", "الأسد", "فلسطين", "موسكو", "ليبيا"} {
		b := Fold(base)
		Forms(b, func(f string, how Affix) bool {
			if how != Same && !slices.Contains(Candidates(f), b) {
				t.Errorf("%s is a form of %s, but Candidates(%s) = %q", f, b, f, Candidates(f))
			}
			return true
		})
	}
}

func TestVariants(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"سوريا", "سورية"}, {"سورية", "سوريا"}, {"أمريكا", "أميركا"}, {"سيرغي", "سيرجي"}, {"غوغل", "جوجل"},
	} {
		if !slices.Contains(Variants(Fold(c.a)), Fold(c.b)) {
			t.Errorf("Variants(%s) = %q, want %s", c.a, Variants(Fold(c.a)), c.b)
		}
	}
	if v := Variants(Fold("روسيا")); v != nil {
		t.Errorf("Variants(روسيا) = %q, want none", v)
	}
}

// TestSeedPersonNamesIntact: with the seeds as the collection, no word of
// a gold person name is cut by Stem, and every proclitic form of it is
// brought back to it.
func TestSeedPersonNamesIntact(t *testing.T) {
	counts := map[string]int{}
	files, _ := fs.Glob(seeds.FS, "*.txt")
	for _, name := range files {
		b, err := fs.ReadFile(seeds.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		FoldWords(string(b), nil, func(_ Token, f []byte) { counts[string(f)]++ })
	}
	count := func(w string) int { return counts[w] }
	gold := corpustest.Gold(t)
	seen := map[string]bool{}
	checked := 0
	for _, a := range gold.Articles {
		for _, name := range a.Persons {
			for _, w := range strings.Fields(name) {
				f := Fold(w)
				if seen[f] {
					continue
				}
				seen[f] = true
				if got := Stem(f, count); got != f {
					t.Errorf("Stem(%s) = %s: a name cut", w, got)
				}
				for _, p := range []string{"و", "ب", "ل", "وب", "ول"} {
					form := p + f
					if strings.HasPrefix(f, "ال") && strings.HasSuffix(p, "ل") {
						form = p + f[len("ا"):]
					}
					if count(f) == 0 {
						continue
					}
					counts[form]++ // a form seen once, rarer than the name
					if got := Stem(form, count); got != f {
						t.Errorf("Stem(%s) = %s, want %s", form, got, f)
					}
					counts[form]--
					checked++
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d forms checked", checked)
	}
}
