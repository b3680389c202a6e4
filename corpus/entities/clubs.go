package entities

import (
	"slices"
	"strings"
	"sync"

	"sahifa/corpus/arabic"
)

// Football clubs are organisations, but most are named after a city
// (برشلونة, نابولي, موناكو) or by a common word (الأهلي "the national",
// الاتحاد "the union", الجزيرة "the island"), and ANERcorp's wire copy of
// 2006 has few of them: the model reads برشلونة as the city. In an
// article about football the rule below makes a listed club an
// organisation wherever it is named; elsewhere برشلونة stays a place.

// clubNames are football clubs that Arab sports news names, as the Arabic
// Wikipedia titles their articles and with the spellings SaudiNewsNet's
// sports pages use (اتلتيكو, سلتا, تشلسي): the clubs of the five large
// European leagues and of Arab leagues that the news of 2015 reports on.
// Each line's clubs are distinctive, a name nothing else in news goes by
// in a football article; those of commonClubNames are common words too.
var clubNames = []string{
	"برشلونة", "ريال مدريد", "أتلتيكو مدريد", "اتلتيكو مدريد", "أتلتيكو", "فالنسيا", "إشبيلية", "اشبيلية", "فياريال",
	"سيلتا فيجو", "سلتا فيجو", "ديبورتيفو لاكورونيا", "أتلتيك بلباو", "ريال سوسيداد", "ملقا", "ريال بيتيس",
	"تشيلسي", "تشلسي", "أرسنال", "آرسنال", "ارسنال", "ليفربول", "مانشستر يونايتد", "مانشستر سيتي", "توتنهام",
	"إيفرتون", "ايفرتون", "وست هام", "وست هام يونايتد", "نيوكاسل", "أستون فيلا", "ساوثهامبتون", "ليستر سيتي", "سوانزي",
	"يوفنتوس", "ميلان", "إيه سي ميلان", "إنتر ميلان", "انتر ميلان", "الإنتر", "إنتر", "روما", "لاتسيو", "نابولي", "فيورنتينا",
	"بايرن ميونخ", "بايرن ميونيخ", "بايرن", "بوروسيا دورتموند", "دورتموند", "شالكه", "باير ليفركوزن", "فولفسبورغ",
	"باريس سان جيرمان", "باريس سان جرمان", "موناكو", "مارسيليا", "ليون", "بورتو", "بنفيكا", "سبورتنغ لشبونة", "أياكس",
	"غلطة سراي", "جالطة سراي", "فنربخشة", "بشكتاش", "ريفر بلايت", "بوكا جونيورز", "زينيت", "شاختار دونيتسك",
	"الزمالك", "الترجي", "الوداد", "الرجاء", "بني ياس", "الإسماعيلي", "الفيصلي", "النصر", "الهلال",
}

// commonClubNames are clubs whose name is also a common word or another
// name's (الأهلي, الاتحاد, الجزيرة, العين), taken for the club in a
// football article only where something says so: a word of the game
// before it (فريق, لاعب, أمام), a masculine nisba after it (الجزيرة
// الإماراتي, where the island would be الإماراتية), or another club it is
// listed with (الزمالك والأهلي).
var commonClubNames = []string{
	"الأهلي", "الاتحاد", "الاتفاق", "الفتح", "التعاون", "الوحدة", "الشباب", "الرائد", "العين", "الجزيرة", "الوصل",
	"الشارقة", "السد", "الريان", "العربي", "القادسية", "الكويت", "الرياض",
}

// clubTable holds the folded club names by their first word, longest
// first, with whether each needs a cue.
var clubTable = sync.OnceValue(func() map[string][]clubName {
	out := map[string][]clubName{}
	add := func(names []string, common bool) {
		for _, n := range names {
			words := strings.Fields(arabic.Fold(n))
			out[words[0]] = append(out[words[0]], clubName{words, common})
		}
	}
	add(clubNames, false)
	add(commonClubNames, true)
	for _, cs := range out {
		slices.SortStableFunc(cs, func(a, b clubName) int { return len(b.words) - len(a.words) })
	}
	return out
})

type clubName struct {
	words  []string
	common bool
}

// footballWords are the words of a football report (folded, with the
// clitic forms news copy writes), each mapped to one lemma: an article
// with two different ones is about football. Not هدف, فريق or الموسم
// alone, which other news uses too (هدف "aim", فريق عمل "working party").
var footballWords = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for lemma, forms := range map[string]string{
		"دوري":   "الدوري دوري للدوري بالدوري والدوري الدوريات",
		"مباراة": "مباراة المباراة مباراته مباريات المباريات بمباراة للمباراة ومباراة",
		"لاعب":   "لاعب اللاعب لاعبا لاعبي لاعبين اللاعبين للاعب واللاعب",
		"مدرب":   "مدرب المدرب مدربا للمدرب والمدرب",
		"مهاجم":  "مهاجم المهاجم مهاجما",
		"نادي":   "نادي النادي لنادي بنادي ونادي للنادي",
		"منتخب":  "منتخب المنتخب لمنتخب بمنتخب",
		"هدف":    "أهداف الأهداف بهدف بهدفين هدفا",
		"كرة":    "القدم",
		"ملعب":   "ملعب الملعب بملعب ملعبه",
	} {
		for w := range foldedSet(forms)() {
			out[w] = lemma
		}
	}
	delete(out, arabic.Fold("الدوريات")) // police patrols
	return out
})

// clubCues are the words before a club's name that make a common word the
// club: فريق الأهلي, لاعب الاتحاد, أمام الأهلي.
var clubCues = foldedSet("فريق الفريق فريقي لفريق نادي لنادي بنادي ونادي لاعب مهاجم مدافع حارس مدرب " +
	"أمام امام ضد مرمى بفوز فوز وفاز فاز خسر وخسر تعادل")

// clubNisbas are the masculine nisbas of the countries whose clubs Arab
// sports news follows that placeNisba cannot derive from the gazetteers
// (الإماراتي from الإمارات, الإنجليزي from إنجلترا), with the spellings
// of SaudiNewsNet's sports pages.
var clubNisbas = foldedSet("الإماراتي الاماراتي الإنجليزي الإنكليزي الانجليزي الانكليزي الأرجنتيني الارجنتيني " +
	"البرازيلي البرتغالي الهولندي الإسباني الاسباني الإيطالي الايطالي الألماني الفرنسي الإسكتلندي " +
	"القطري الكويتي البحريني العماني السعودي المصري التونسي المغربي الجزائري الأردني العراقي")

// aboutFootball reports whether the folded tokens are a football report:
// two different words of the game.
func aboutFootball(folded []string) bool {
	words := footballWords()
	first := ""
	for _, f := range folded {
		lemma, ok := words[f]
		switch {
		case !ok:
		case first == "":
			first = lemma
		case lemma != first:
			return true
		}
	}
	return false
}

// footballClubs makes the listed clubs of a football article
// organisations, replacing the names of another kind the model or the
// patterns found over them (برشلونة as a place, ياس الدوري as a person),
// and returns the names.
func (x *extraction) footballClubs(names []found) []found {
	if disabledRules[ruleClub] || !aboutFootball(x.folded) {
		return names
	}
	table := clubTable()
	clubAt := map[int]int{} // first token → last token of a club found
	for i := 0; i < len(x.folded); i++ {
		for r := range orgForms(x.folded[i]) {
			end, ok := x.club(i, r, table[r], clubAt)
			if !ok {
				continue
			}
			clubAt[i] = end
			names = slices.DeleteFunc(names, func(n found) bool { return n.first <= end && n.last >= i })
			names = append(names, found{i, end, Organisation})
			i = end
			break
		}
	}
	slices.SortFunc(names, func(a, b found) int { return a.first - b.first })
	return names
}

// club returns the last token of the club among cs that starts at token
// i (its first word, without clitics, r), if one does and, for a common
// word, something says it is the club.
func (x *extraction) club(i int, r string, cs []clubName, clubAt map[int]int) (int, bool) {
	para := x.toks[i].para
	for _, c := range cs {
		end := i + len(c.words) - 1
		if end >= len(x.folded) || x.toks[end].para != para || !slices.Equal(x.folded[i+1:end+1], c.words[1:]) {
			continue
		}
		if !c.common || x.clubCue(i, end, r != x.folded[i], clubAt) {
			return end, true
		}
	}
	return 0, false
}

// clubCue reports whether something around tokens [i, end] says a common
// word is the club: a word of the game before, a masculine nisba after,
// or a club before it that it is joined to with و.
func (x *extraction) clubCue(i, end int, clitic bool, clubAt map[int]int) bool {
	if i > 0 && x.toks[i-1].para == x.toks[i].para {
		prev := x.folded[i-1]
		if clubCues()[prev] {
			return true
		}
		if strings.HasPrefix(x.folded[i], "و") && clitic {
			for first, last := range clubAt {
				if last == i-1 && first <= i-1 {
					return true
				}
			}
		}
	}
	if j := end + 1; j < len(x.folded) && x.toks[j].para == x.toks[i].para {
		n := x.folded[j]
		return strings.HasSuffix(n, "ي") && (placeNisba(n) || clubNisbas()[n])
	}
	return false
}
