package arabic

import "sync"

// variantTable lists spellings of one name that Fold does not bring
// together: transliterations that differ in a letter, not in a hamza or a
// diacritic. Each group cites where both spellings are attested; counts are
// occurrences in SaudiNewsNet (Alhagri 2015, 31,030 articles, 14 Saudi
// newspapers), which shows both in live use.
var variantTable = []struct {
	forms  []string
	source string
}{
	{[]string{"سوريا", "سورية"}, "CLDR 48 ar territory SY = سوريا; SANA and the seeds write سورية; SaudiNewsNet 2,913 / 871"},
	{[]string{"أمريكا", "أميركا"}, "SaudiNewsNet 951 / 626 (Asharq Al-Awsat writes أميركا)"},
	{[]string{"أمريكي", "أميركي"}, "SaudiNewsNet الأمريكية 2,441 / الأميركية 1,892"},
	{[]string{"سيرغي", "سيرجي"}, "Russian Сергей; SaudiNewsNet 71 / 64; the seeds write سيرغي"},
	{[]string{"شويغو", "شويجو"}, "Russian Шойгу; the seeds write شويغو, SaudiNewsNet شويجو"},
	{[]string{"غوغل", "جوجل"}, "Google; SaudiNewsNet 159 / 404"},
	{[]string{"بنغلاديش", "بنجلاديش"}, "CLDR 48 ar BD = بنغلاديش; SaudiNewsNet 34 / 51"},
	{[]string{"نتنياهو", "نتانياهو"}, "SaudiNewsNet 293 / 34"},
	{[]string{"إنجلترا", "إنكلترا"}, "SaudiNewsNet 275 / 24"},
	{[]string{"واشنطن", "واشنطون"}, "SaudiNewsNet 1,158 / 9"},
	{[]string{"إسطنبول", "إستانبول"}, "SaudiNewsNet 293 / 2"},
	{[]string{"بيونغ", "بيونج"}, "Pyongyang; SaudiNewsNet 20 / 4"},
	{[]string{"اليونيسيف", "اليونيسف"}, "UNICEF; SaudiNewsNet 11 / 1"},
}

var (
	variantsOnce sync.Once
	variantMap   map[string][]string
)

// Variants returns the other spellings of the folded word w that
// variantTable lists as the same name, folded, or nil.
func Variants(w string) []string {
	variantsOnce.Do(func() {
		variantMap = map[string][]string{}
		for _, g := range variantTable {
			for _, f := range g.forms {
				ff := Fold(f)
				for _, o := range g.forms {
					if of := Fold(o); of != ff {
						variantMap[ff] = append(variantMap[ff], of)
					}
				}
			}
		}
	})
	return variantMap[w]
}
