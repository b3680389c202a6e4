package entities

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
)

// named is a name as the tests compare it: its words and kind.
type named struct {
	text string
	kind Kind
}

// tagWithPatterns tags one sentence with the embedded model and the
// pattern rules, and reports the names and which rules fired.
func tagWithPatterns(t *testing.T, sentence string) ([]named, []string) {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, tk := range appendTokens(nil, sentence, 0) {
		words = append(words, sentence[tk.start:tk.end])
	}
	tg := m.newTagger()
	var fired []string
	p := patterner{onFire: func(rule int, _ found) { fired = append(fired, ruleNames[rule]) }}
	var out []named
	for _, n := range p.apply(tg, words, chunksOf(tg.tag(words))) {
		out = append(out, named{strings.Join(words[n.first:n.last+1], " "), n.kind})
	}
	return out, fired
}

// TestPatterns checks each rule on sentences of its own, with the words
// after a trigger that are not names. The sentences are made up or
// written after news copy; none is from the seeds.
func TestPatterns(t *testing.T) {
	for _, c := range []struct {
		sentence string
		want     []named  // names that must be found
		not      []string // words that must not be (part of) any name
	}{
		// place-head
		{"هبطت الطائرة في قاعدة كرافيتسا الجوية مساء أمس .", []named{{"كرافيتسا", Place}}, []string{"الجوية", "قاعدة"}},
		{"وقع الانفجار في منطقة الزرقاوية شمال البلاد .", []named{{"الزرقاوية", Place}}, []string{"منطقة"}},
		{"أنشأت الوزارة قاعدة بيانات جديدة للمواطنين .", nil, []string{"بيانات", "قاعدة"}},
		{"طالب المتظاهرون بإقامة منطقة عازلة قرب الحدود .", nil, []string{"عازلة", "منطقة"}},
		{"وأقامت القوات قاعدة عسكرية قرب الحدود .", nil, []string{"عسكرية"}},
		// sea
		{"أبحرت السفينة في البحر الأحمر نحو الشمال .", []named{{"البحر الأحمر", Place}}, nil},
		{"سبح الأطفال في البحر صباح الجمعة .", nil, []string{"البحر"}},
		// org-head
		{"أعلنت شركة زيلوفارم للأدوية عن أرباحها السنوية .", []named{{"زيلوفارم للأدوية", Organisation}}, []string{"شركة"}},
		{"ذكرت شبكة رصد الإخبارية أن الاشتباكات توقفت .", []named{{"رصد الإخبارية", Organisation}}, nil},
		{"تبنى تنظيم الجهاد الإسلامي الهجوم .", []named{{"تنظيم الجهاد الإسلامي", Organisation}}, nil},
		{"افتتحت شركة كبرى فرعا جديدا في المدينة .", nil, []string{"كبرى", "شركة"}},
		// org-nisba, gov-nisba
		{"قالت الهيئة الليبية لحقوق الإنسان إن السجناء أفرج عنهم .", []named{{"الهيئة الليبية لحقوق الإنسان", Organisation}}, nil},
		{"أعلنت الرئاسة التونسية أن الاجتماع تأجل .", []named{{"الرئاسة التونسية", Organisation}}, nil},
		{"ازدحم الطريق إلى قصر الرئاسة صباحا .", nil, []string{"الرئاسة"}},
		{"ينتشر الخبر على الشبكة العنكبوتية بسرعة .", nil, []string{"الشبكة", "العنكبوتية"}},
		// media
		{"وبحسب وطن الإخبارية فإن الوفد وصل .", []named{{"وطن الإخبارية", Organisation}}, nil},
		// The model finds إيه بي سي; the word before the suffix ends it.
		{"ونقلت وكالة إيه بي سي ميديا للأنباء عن المتحدث قوله .", []named{{"إيه بي سي ميديا", Organisation}}, []string{"للأنباء"}},
		// acronym
		{"قالت CBS إن المرشح انسحب .", []named{{"CBS", Organisation}}, nil},
		{"أرسل المشترك رسالة SMS إلى الرقم المجاني .", nil, []string{"SMS"}},
		{"يبدأ البث في الساعة 10 PM يوميا .", nil, []string{"PM"}},
		// alias
		{"وقالت وكالة الأنباء القطرية الرسمية ( قنا ) إن الأمير وصل .", []named{{"قنا", Organisation}}, nil},
		{"فاز تشلسي ( إنجلترا ) على بورتو بهدفين .", nil, []string{"("}},
		// gazetteer, list
		{"وصلت القافلة إلى منبج بعد ظهر اليوم .", []named{{"منبج", Place}}, nil},
		{"زار الوفد دمشق ثم القامشلي قبل أن يعود .", []named{{"دمشق", Place}, {"القامشلي", Place}}, nil},
		{"اشتدت المعارك في كرافيتسا ودمشق أمس .", []named{{"كرافيتسا", Place}, {"ودمشق", Place}}, nil},
	} {
		checkNamed(t, c.sentence, c.want, c.not)
	}
}

// TestPatternsOnSaudiNewsNet runs the rules over a day of SaudiNewsNet:
// each must fire on real news copy, never on a word that cannot be a name,
// and what they find is logged for reading (go test -v).
func TestPatternsOnSaudiNewsNet(t *testing.T) {
	dir := corpustest.Shared(t, "data/saudinewsnet")
	arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{filepath.Join(dir, "2015-07-21.json")}))
	if len(arts) == 0 {
		t.Skip("no articles in 2015-07-21.json")
	}
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var counts [nRules]int
	samples := make([][]string, nRules)
	tg := m.newTagger()
	var p patterner
	tokens := 0
	var words []string // the sentence being tagged
	p.onFire = func(rule int, n found) {
		counts[rule]++
		if n.first == n.last && stopWords()[tg.s.form[n.first]] {
			t.Errorf("%s named %q", ruleNames[rule], words[n.first])
		}
		// Every 40th, to read a sample from all over the day.
		if counts[rule]%40 == 1 {
			lo, hi := max(0, n.first-3), min(len(words), n.last+3)
			samples[rule] = append(samples[rule], strings.Join(words[lo:n.first], " ")+" ["+
				strings.Join(words[n.first:n.last+1], " ")+"] "+strings.Join(words[n.last+1:hi], " "))
		}
	}
	for _, a := range arts {
		for _, para := range a.Paragraphs {
			toks := appendTokens(nil, para.Text, 0)
			tokens += len(toks)
			for from, i := 0, 0; i <= len(toks); i++ {
				if i < len(toks) && !endsSentence(para.Text[toks[i].start:toks[i].end]) {
					continue
				}
				end := min(i+1, len(toks))
				if end > from {
					words = words[:0]
					for _, tk := range toks[from:end] {
						words = append(words, para.Text[tk.start:tk.end])
					}
					p.apply(tg, words, chunksOf(tg.tag(words)))
				}
				from = end
			}
		}
	}
	for r, n := range counts {
		if r == ruleClub {
			continue // a rule of whole articles, not of sentences
		}
		if n == 0 {
			t.Errorf("%s never fired in %d tokens of news copy", ruleNames[r], tokens)
		}
		t.Logf("%-10s fired %5d times in %d tokens; e.g.\n\t%s", ruleNames[r], n, tokens, strings.Join(samples[r], "\n\t"))
	}
}

// TestOrganisationRules checks the rules of orgs.go on sentences written
// after news copy, none from the seeds, with negatives: heads that start no
// name (وزارة جديدة, حزب كبير), spelled letters that are words, a region
// in quotation marks.
func TestOrganisationRules(t *testing.T) {
	for _, c := range []struct {
		sentence string
		want     []named
		not      []string
	}{
		// org-list
		{"ونشر الوزير صورة الاجتماع على حسابه في تويتر مساء أمس .", []named{{"تويتر", Organisation}}, nil},
		{"وقال متحدث باسم التحالف العربي إن الغارات استهدفت مخازن أسلحة .", []named{{"التحالف العربي", Organisation}}, nil},
		{"وأعلن حزب العمال الكردستاني مسؤوليته عن الهجوم .", []named{{"حزب العمال الكردستاني", Organisation}}, nil},
		{"وقالت شبكة CNN إن المفاوضات تعثرت .", []named{{"CNN", Organisation}}, nil},
		{"واستعادت قوات البشمركة السيطرة على البلدة .", []named{{"البشمركة", Organisation}}, nil},
		// spelled
		{"وقال مراسل بي بي سي عربي إن الوضع هادئ .", []named{{"بي بي سي عربي", Organisation}}, nil},
		{"وذكرت شبكة سي إن إن أن الرئيس سيسافر .", []named{{"سي إن إن", Organisation}}, nil},
		{"وقال إن أي تأخير سيكلف الكثير .", nil, []string{"إن", "أي"}},
		// outlet
		{"وقال المتحدث لـ«الشرق الأوسط» إن الاتفاق قريب .", []named{{"الشرق الأوسط", Organisation}}, nil},
		{"وتشهد منطقة «الشرق الأوسط» توترا .", nil, nil},
		// org-nisba with a qualifier
		{"والتقى وفدا من الائتلاف الوطني السوري في إسطنبول .", []named{{"الائتلاف الوطني السوري", Organisation}}, nil},
		// heads that start no name
		{"وشكل الرئيس وزارة جديدة تضم عشرين وزيرا .", nil, []string{"وزارة", "جديدة"}},
		{"وقال إن حزب كبير سيدخل الانتخابات .", nil, []string{"حزب", "كبير"}},
	} {
		checkNamed(t, c.sentence, c.want, c.not)
	}
}

// checkNamed tags the sentence with the patterns and checks that it names
// each of want, and nothing with a word of not.
func checkNamed(t *testing.T, sentence string, want []named, not []string) {
	t.Helper()
	got, fired := tagWithPatterns(t, sentence)
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: want %q as a %v; got %v (rules %v)", sentence, w.text, w.kind, got, fired)
		}
	}
	for _, n := range got {
		for _, w := range not {
			if slices.Contains(strings.Fields(n.text), w) {
				t.Errorf("%s: %q should not be named; got %v (rules %v)", sentence, n.text, got, fired)
			}
		}
	}
}
