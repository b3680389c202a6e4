package entities

import (
	"iter"
	"slices"
	"strings"
	"sync"

	"sahifa/corpus/arabic"
)

// Organisations of today's news that ANERcorp, from 2006 wire copy, never
// had: platforms and outlets, armed groups and coalitions, names written in
// Latin letters or spelled out in Arabic letters, and outlets quoted as
// the ones spoken to. The rules below find them after the tagger, like
// those of patterns.go.

// orgNames are organisations a reader expects in the panel that the tagger
// has no features for, compiled for Sahifa from the names Arab news of
// 2015-2018 calls them by (SaudiNewsNet; the outlets' own names): social
// platforms and firms, news outlets and agencies, armed groups, parties
// and coalitions. Names that are also common words (سبق, الحياة, الأمل)
// are left out: a head finds them (صحيفة سبق).
var orgNames = []string{
	"تويتر", "فيسبوك", "فيس بوك", "يوتيوب", "إنستغرام", "انستغرام", "إنستجرام", "انستقرام", "واتساب", "واتس آب",
	"سناب شات", "تيليغرام", "تلغرام", "غوغل", "جوجل", "مايكروسوفت", "سامسونغ", "سامسونج", "هواوي",
	"فرانس 24", "فرانس برس", "الأناضول", "رويترز", "أسوشيتد برس", "بلومبرغ", "بلومبيرغ",
	"سي إن إن", "بي بي سي", "سكاي نيوز", "روسيا اليوم",
	"التحالف العربي", "التحالف الدولي", "الحوثيون", "الحوثيين", "البشمركة", "البيشمركة", "طالبان", "داعش",
	"حزب العمال الكردستاني", "حزب الشعب الجمهوري", "حزب العدالة والتنمية", "حزب الله", "حماس",
	"حلف الناتو", "الناتو", "الإخوان المسلمين", "الإخوان المسلمون", "جبهة النصرة", "هيئة تحرير الشام",
	"قوات سوريا الديمقراطية", "الحشد الشعبي", "الحرس الثوري",
}

// orgNameTable holds orgNames folded, longest first, by their first word.
var orgNameTable = sync.OnceValue(func() map[string][][]string {
	out := map[string][][]string{}
	for _, n := range orgNames {
		words := strings.Fields(arabic.Fold(n))
		out[words[0]] = append(out[words[0]], words)
	}
	for _, ws := range out {
		slices.SortStableFunc(ws, func(a, b []string) int { return len(b) - len(a) })
	}
	return out
})

// latinOrgs are organisations that Arabic copy writes in Latin letters,
// folded (lower case).
var latinOrgs = foldedSet("CNN BBC NATO UNESCO UNICEF UNHCR FIFA UEFA IMF OPEC NASA FBI CIA AFP " +
	"Reuters Bloomberg Google Apple Microsoft Facebook Twitter YouTube Instagram WhatsApp Snapchat Telegram " +
	"Samsung Huawei Netflix Uber Aramco SABIC STC MBC OSN")

// orgProclitics are the proclitics an organisation's name takes, the
// empty one first; لل stands for ل and the article's ا.
var orgProclitics = []string{"", "و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "لل", "ولل"}

// orgForms yields the folded word f without each of orgProclitics it
// starts with, the article back where لل took it.
func orgForms(f string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, c := range orgProclitics {
			r, ok := strings.CutPrefix(f, c)
			if !ok {
				continue
			}
			if c == "لل" || c == "ولل" {
				r = "ال" + r
			}
			if !yield(r) {
				return
			}
		}
	}
}

// listedOrg: تويتر, لفيسبوك, التحالف العربي, CNN — a listed organisation,
// the first word with or without its proclitics. It replaces the names of
// another kind the model found within it (تويتر as a place).
func (p *patterner) listedOrg(i int) (int, bool) {
	if !p.s.word[i].mayStartOrg {
		return 0, false
	}
	f := p.s.form[i]
	if latinOrgs()[f] {
		if p.free(i, i) {
			p.set(ruleOrgList, found{i, i, Organisation})
			return i, true
		}
		return 0, false
	}
	table := orgNameTable()
	for r := range orgForms(f) {
		for _, ws := range table[r] {
			end := i + len(ws) - 1
			if end >= len(p.words) || !slices.Equal(p.s.form[i+1:end+1], ws[1:]) {
				continue
			}
			end = p.edition(end)
			if !p.free(i, end) {
				continue
			}
			p.set(ruleOrgList, found{i, end, Organisation})
			return end, true
		}
	}
	return 0, false
}

// spelledAcronym: بي بي سي, سي إن إن, إم بي سي — two or more Latin letters
// spelled in Arabic, one of them not also a common word (إن, أي), name an
// organisation (a clitic may ride on the first: لبي بي سي).
func (p *patterner) spelledAcronym(i int) (int, bool) {
	if !p.s.word[i].mayStartSpelled {
		return 0, false
	}
	first := p.s.form[i]
	if !letterNames()[first] {
		if first, _ = uncliticLetter(first); !letterNames()[first] {
			return 0, false
		}
	}
	end, plain := i, !wordLetters()[first]
	for end+1 < len(p.words) && letterNames()[p.s.form[end+1]] {
		end++
		plain = plain || !wordLetters()[p.s.form[end]]
	}
	if end == i || !plain {
		return 0, false
	}
	if end = p.edition(end); !p.free(i, end) {
		return 0, false
	}
	p.set(ruleSpelled, found{i, end, Organisation})
	return end, true
}

// outletEditions are the words after a spelled outlet's name that make
// them the name of one of its editions, as the outlets write them.
var outletEditions = foldedSet("عربي العربية نيوز")

// edition returns the last token of an organisation's name that ends at
// token end, taking in an edition word after it: بي بي سي عربي, سكاي نيوز
// العربية, the outlet's Arabic edition, a name of its own.
func (p *patterner) edition(end int) int {
	if end+1 < len(p.words) && outletEditions()[p.s.form[end+1]] {
		return end + 1
	}
	return end
}

// wordLetters are the spelled letters that are also common words.
var wordLetters = foldedSet("إن أن أي آي إي أو في")

// quoteCloser maps the quotation marks that Arab news copy puts around an
// outlet's name to the mark that closes them.
var quoteCloser = map[string]string{"«": "»", "{": "}", "“": "”"}

// outletCues are the words before a quoted name that make it the outlet
// spoken to: لـ«الشرق الأوسط», حوار مع «الشرق الأوسط».
var outletCues = foldedSet("ل لـ مع")

// quotedOutlet: قال لـ«الشرق الأوسط» — a name in quotation marks after ل
// or مع is the newspaper or channel the speaker spoke to, an organisation,
// whatever kind the model gave it (the newspaper الشرق الأوسط is also a
// region).
func (p *patterner) quotedOutlet(i int) (int, bool) {
	if i == 0 || !outletCues()[p.s.form[i-1]] || i+2 >= len(p.words) {
		return 0, false
	}
	o := p.owner[i+1]
	if o < 0 || p.names[o].first != i+1 || p.names[o].kind == Person {
		return 0, false
	}
	nm := p.names[o]
	if nm.last+1 >= len(p.words) || p.words[nm.last+1] != quoteCloser[p.words[i]] {
		return 0, false
	}
	p.set(ruleOutlet, found{nm.first, nm.last, Organisation})
	return nm.last + 1, true
}
