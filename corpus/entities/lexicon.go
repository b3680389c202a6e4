package entities

import (
	"bufio"
	"embed"
	"slices"
	"strings"
	"sync"

	"sahifa/corpus/arabic"
)

// The gazetteers ship inside the binary; lexicon/README.md says where each
// list comes from and under which licence.
//
//go:embed lexicon/*.txt lexicon/*.tsv
var lexiconFS embed.FS

// lexClass is a bit set of what the word lists say about a word.
type lexClass uint16

const (
	lexCityB       lexClass = 1 << iota // first word of a city name
	lexCityI                            // later word of a city name
	lexCountryB                         // first word of a country or region name
	lexCountryI                         // later word of a country or region name
	lexFirstName                        // a given name
	lexLastName                         // a family name
	lexPersTitle                        // a title that precedes a person's name
	lexOrgHead                          // a word that heads an organisation's name and is part of it
	lexOrgCue                           // a word before an organisation's name, not part of it
	lexLocHead                          // a word that precedes a place name
	lexSay                              // a verb of saying, whose subject is often a person
	lexNationality                      // an adjective of nationality after a title
	lexNumClasses  = iota

	// lexGazetteer are the classes that come from name lists, not from
	// the table of trigger words.
	lexGazetteer = lexCityB | lexCityI | lexCountryB | lexCountryI | lexFirstName | lexLastName
	// lexTrigger are the classes of words that head a name.
	lexTrigger = lexPersTitle | lexOrgHead | lexOrgCue | lexLocHead
)

// triggers lists the words that announce a name, folded at start-up.
// Compiled for Sahifa from the examples and the wording of Arabic
// wire copy (ANERcorp's own contexts: Benajiba, Rosso & Benedí 2007 use
// such trigger lists in ANERsys); each is a hint the model weighs, never a
// rule on its own.
var triggers = []struct {
	class lexClass
	words string
}{
	{lexPersTitle, "الرئيس رئيس الملك الأمير الامير الشيخ السيد السيدة وزير الوزير وزيرة المتحدث الناطق " +
		"الدكتور د المستشار النائب الجنرال العقيد اللواء العميد المشير الفريق قائد زعيم نائب المبعوث الأمين " +
		"مدير المدير السفير الرئيسان نظيره نظيرة المرشد الإمام البابا القاضي المحامي الكاتب الصحفي المدرب " +
		"اللاعب المغني الفنان الممثل الحاخام المطران العاهل ولي الشاعر الروائي المخرج مساعد المندوب السناتور " +
		"السيناتور عضو رئيسة المستشارة الملكة الأميرة النجم حاكم المحافظ عمدة"},
	// ANERcorp counts حزب and جامعة in the name (حزب الله) but leaves
	// شركة or وكالة out of it (وكالة الاناضول: O B-ORG); counted in
	// its training part.
	{lexOrgHead, "وزارة مجلس حزب منظمة جامعة جمعية هيئة بنك مصرف " +
		"اتحاد تنظيم جبهة مؤسسة لجنة مركز المرصد الجيش القوات جماعة كتائب ألوية لواء مجموعة " +
		"منتدى معهد محكمة برلمان البرلمان الكونغرس الكونجرس البنك الأمم الاتحاد الحزب " +
		"المنظمة الجامعة المجلس الوزارة الهيئة اللجنة المؤسسة الجبهة مكتب " +
		"مجمع رابطة نقابة الرئاسة مرصد"},
	{lexOrgCue, "وكالة وكالات شركة صحيفة جريدة قناة حركة الحركة الشركة شبكة الشبكة نادي فريق فريقي موقع " +
		"إذاعة تلفزيون التلفزيون مجلة"},
	{lexLocHead, "مدينة محافظة ولاية منطقة قرية بلدة عاصمة العاصمة إقليم جزيرة جزر بحر نهر جبل " +
		"مطار ميناء قاعدة منتخب شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي حي ضاحية مخيم سهل وادي " +
		"خليج مضيق صحراء ريف بلاد دولة"},
	{lexSay, "قال وقال أعلن وأعلن أضاف وأضاف أكد وأكد أوضح وأوضح صرح وصرح ذكر وذكر أشار وأشار " +
		"قالت وقالت أعلنت أكدت أضافت ذكرت أشارت التقى استقبل زار يزور بحث دعا"},
	{lexNationality, "الروسي الأمريكي الأميركي السوري المصري الفرنسي البريطاني الألماني الإيراني التركي " +
		"العراقي الإسرائيلي الفلسطيني اللبناني الأردني السعودي الصيني الياباني الإسباني الإيطالي " +
		"الروسية الأمريكية الأميركية السورية المصرية الفرنسية البريطانية الألمانية الإيرانية التركية " +
		"العراقية الإسرائيلية الفلسطينية اللبنانية الأردنية السعودية الصينية"},
}

// gazetteers are the word lists of lexicon/ and what their entries are;
// lexicon/README.md gives the source and licence of each. Place names are
// matched whole, longest first; the entries of the other lists are single
// words.
var gazetteers = []gazetteer{
	{"first-names.txt", lexFirstName, 0},
	{"last-names.txt", lexLastName, 0},
	{"cities.txt", lexCityB, 0},
	{"territories.tsv", lexCountryB, 1},
}

type gazetteer struct {
	file   string
	class  lexClass
	column int // the tab-separated column that holds the name, from 0
}

// lexicon maps a folded word to its classes; multi-word gazetteer names are
// kept whole in names, by their folded first word, for longest-match lookup.
type lexicon struct {
	words map[string]lexClass
	names map[string][]gazName
}

type gazName struct {
	words []string // folded
	class lexClass // the B class; the I class is the next bit
}

// adminPrefixes are words that Wikidata-derived city labels often start
// with (ولاية قندهار, مديرية طرطوس); news text says قندهار, and ANERcorp
// tags محافظة إدلب as O then LOC, so only the name without them is listed.
var adminPrefixes = []string{"ولايه", "محافظه", "مدينه", "اقليم", "منطقه", "مقاطعه", "بلديه", "اداره", "مديريه", "قضاء", "ناحيه"}

var (
	lexOnce sync.Once
	lexData *lexicon
)

// lex returns the word lists, read on first use: commands that never
// look for names (sahifa list, sahifa render) do not pay for them.
func lex() *lexicon {
	lexOnce.Do(func() { lexData = loadLexicon() })
	return lexData
}

func loadLexicon() *lexicon {
	l := &lexicon{words: map[string]lexClass{}, names: map[string][]gazName{}}
	for _, t := range triggers {
		for _, w := range strings.Fields(t.words) {
			l.words[arabic.Fold(w)] |= t.class
		}
	}
	for _, g := range gazetteers {
		eachEntry(g, func(s string) {
			if g.class&(lexCityB|lexCountryB) != 0 {
				l.addName(s, g.class)
			} else {
				l.words[arabic.Fold(s)] |= g.class
			}
		})
	}
	return l
}

func (l *lexicon) addName(s string, class lexClass) {
	words := strings.Fields(arabic.Fold(s))
	if len(words) == 0 {
		return
	}
	if len(words) > 1 && slices.Contains(adminPrefixes, words[0]) {
		words = words[1:]
	}
	l.names[words[0]] = append(l.names[words[0]], gazName{words, class})
}

// eachEntry calls f with each name that gazetteer g lists.
func eachEntry(g gazetteer, f func(string)) {
	eachLine("lexicon/"+g.file, func(s string) {
		if g.column > 0 {
			cols := strings.Split(s, "\t")
			if g.column >= len(cols) {
				return
			}
			s = cols[g.column]
		}
		f(s)
	})
}

func eachLine(name string, f func(string)) {
	b, err := lexiconFS.ReadFile(name)
	if err != nil {
		panic("entities: embedded " + name + ": " + err.Error())
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s != "" && !strings.HasPrefix(s, "#") {
			f(s)
		}
	}
}
