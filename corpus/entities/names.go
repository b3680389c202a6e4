package entities

import "slices"

// What a reader never calls a name on its own, though the tagger, spreading
// within an article, or the catalog across a collection may take it for
// one. Per-article extraction and the catalog ask the same question,
// notAName, so that what the collection learns obeys the article's rules.

// honorifics are the titles of address and the royal style of Gulf and
// Arab news copy, which come before a name and are never one alone
// (خادم الحرمين الشريفين الملك سلمان, صاحب السمو الملكي الأمير…, فيا
// معالي الوزير): the forms of address of Arab protocol, as SaudiNewsNet
// writes them.
var honorifics = foldedSet("خادم الحرمين الشريفين صاحب السمو سمو سموه الملكي معالي معاليه فخامة فخامته " +
	"جلالة جلالته سماحة سماحته فضيلة فضيلته سعادة سعادته حضرة المعالي الفخامة الجلالة السماحة الفضيلة " +
	"يا فيا ويا أصحاب صاحبة صاحبي")

// formulaWords are the words of the religious formulae that carry the
// divine name (رحمه الله, حفظه الله, بسم الله, إن شاء الله, الحمد لله,
// سبحانه وتعالى, بمشيئة الله, عز وجل): with الله they make no name.
var formulaWords = foldedSet("رحمه رحمها رحمهم يرحمه يرحمها رحمة حفظه حفظها حفظهم يحفظه يحفظها " +
	"بسم باسم الحمد شاء إن ان ما سبحان سبحانه تعالى وتعالى عز وجل بمشيئة مشيئة بإذن بعون بفضل " +
	"أمام عند")

// divineForms are the divine name with its clitics.
var divineForms = foldedSet("الله لله والله ولله بالله فالله تالله")

// monthNames are the months of the Gregorian calendar in their Egyptian and
// Levantine forms (CLDR 48, locales ar and ar-SY) and of the Hijri calendar
// (CLDR 48, islamic), with the ordinals that complete some of them (ربيع
// الأول, جمادى الآخرة): رمضان is the month in news copy far more often
// than a person.
var monthNames = foldedSet("يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس سبتمبر أكتوبر نوفمبر ديسمبر " +
	"كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين " +
	"محرم صفر ربيع جمادى جمادي رجب شعبان رمضان شوال ذو ذي القعدة الحجة")

var monthOrdinals = foldedSet("الأول الثاني الآخر الآخرة الأولى الثانية الاول الاخر الاخرة الاولى")

// functionWords are prepositions, adverbs of place and time and other
// function words that the tagger takes into a name or for one (أمام,
// بحضور, لدى), written with the clitics they come with.
var functionWords = foldedSet("أمام وأمام بحضور وبحضور حضور بين وبين عند لدى ولدى حول نحو قبل وقبل بعد وبعد خلال " +
	"ضد دون عبر منذ حتى تحت فوق وراء بجانب جانب برئاسة رئاسة بمشاركة بقيادة برعاية رعاية بواسطة لصالح بدعم " +
	"وفق حسب إثر جراء أثناء تجاه إزاء بشأن لقاء أية أي أم إذ إذا لكن كما مثل غير سوى كل بعض جميع")

// notAName reports whether a name of the given kind made of the folded
// words could never be a name a reader looks for: a function word,
// honorific, month, currency (Other names), or the divine name alone or in
// a formula; and, with common, a single word the training data has mostly
// outside names (الدين, الخير, الوطن), which one article's context may
// make a name but the collection's count may not.
func notAName(words []string, kind Kind, common func(string) bool) bool {
	if len(words) == 0 {
		return true
	}
	all := func(sets ...map[string]bool) bool {
		for _, w := range words {
			in := false
			for _, s := range sets {
				in = in || s[w]
			}
			if !in {
				return false
			}
		}
		return true
	}
	if all(honorifics()) || all(monthNames(), monthOrdinals()) && monthNames()[words[0]] ||
		all(formulaWords(), divineForms()) && slices.ContainsFunc(words, func(w string) bool { return divineForms()[w] }) {
		return true
	}
	if len(words) > 1 {
		return false
	}
	w := words[0]
	return loneWords()[w] || stopWords()[w] || functionWords()[w] || divineForms()[w] || honorifics()[w] ||
		kind == Other && currencies()[w] || common != nil && common(w)
}

// commonWord reports whether the training data of the default model has
// the folded word f often and mostly outside names.
func commonWord(f string) bool {
	m, err := Default()
	if err != nil {
		return false
	}
	return m.vocab.words[coreOf(f)].common()
}
