package entities

import (
	"slices"
	"strings"
	"sync"

	"sahifa/corpus/arabic"
)

// Patterns are what the tagger's training data cannot teach: ANERcorp, from
// 2006 wire copy, leaves many spans that a reader takes for names untagged
// (قاعدة X, شركة X للطيران, المرصد السوري لحقوق الإنسان) and has few of the
// words of later news, so the model misses names it has no feature for.
// After each sentence is tagged, the rules below look for the phrases that
// announce such a name — a head word and a word the model does not know, a
// nisba after an organisation's head, a news outlet's suffix, an acronym —
// and add the name. They only fill what the model left empty, except where
// they say so, and each is measured on ANERcorp and read on SaudiNewsNet
// (see patterns_test.go).

// cue is what the pattern tables say a head word announces.
type cue uint8

const (
	// cuePlace heads a place and is not part of its name: ANERcorp tags
	// مدينة X, محافظة X, بلدة X, نهر X as O then LOC (91, 9, 11 and 11
	// times in its training part).
	cuePlace cue = iota + 1
	// cueSea is a sea, gulf or ocean named with an adjective, both part of
	// the name as ANERcorp tags البحر الأحمر (B-LOC I-LOC, 11 times).
	cueSea
	// cueOrgPart heads an organisation and is part of its name: منظمة
	// التحرير الفلسطينية (ANERcorp: B-ORG I-ORG 18 of 21 times), تنظيم
	// القاعدة.
	cueOrgPart
	// cueOrgCue precedes an organisation's name and is not part of it:
	// ANERcorp tags شركة موتورولا, صحيفة التايمز, قناة الجزيرة, حركة
	// طالبان as O then ORG.
	cueOrgCue
	// cueOrgDef is a definite head that, with a nisba after it, names an
	// organisation: المرصد السوري, الشبكة السورية.
	cueOrgDef
	// cueGov is an office of a state that, with the state's nisba, names
	// it as an organisation: الرئاسة السورية, الحكومة المصرية.
	cueGov
)

// cueWords are the head words of the patterns, as written without clitics.
// Compiled for Sahifa from the trigger list and the heads that
// precede names in ANERcorp's training part (counted there: see cue).
var cueWords = []struct {
	cue   cue
	words string
}{
	{cuePlace, "قاعدة منطقة مدينة محافظة بلدة قرية مطار ميناء نهر مخيم جزيرة ولاية ولايات إقليم مقاطعة"},
	{cueSea, "البحر الخليج المحيط"},
	{cueOrgPart, "تنظيم منظمة حزب جبهة هيئة"},
	// Not موقع, which is as often a site on the ground (موقع الثويلة):
	// a website is found by its suffix (موقع شام الإخبارية).
	{cueOrgCue, "شركة وكالة قناة صحيفة جريدة مجلة حركة جماعة إذاعة شبكة"},
	{cueOrgDef, "المرصد الشبكة المنظمة الجبهة الحركة الجمعية الرابطة الهيئة الائتلاف البرلمان التحالف"},
	{cueGov, "الرئاسة"},
}

// seaNames are the adjectives that name a sea after البحر or الخليج, and
// oceanNames those that name an ocean after المحيط, which is also "the
// surroundings" (المحيط العربي) — from the Arabic Wikipedia's lists of seas
// and oceans.
var (
	seaNames = foldedSet("الأسود الأحمر الأبيض المتوسط الميت الكاريبي العربي الفارسي " +
		"الأيوني البلطيقي الأدرياتيكي الإيجي الشمالي")
	oceanNames = foldedSet("الهادئ الهادي الأطلسي الأطلنطي الهندي المتجمد الشمالي الجنوبي")
)

// orgQualifiers may stand between an organisation's head and the nisba of
// its country (الائتلاف الوطني السوري, المجلس الوطني الكردي).
var orgQualifiers = foldedSet("الوطني الوطنية الأعلى الاعلى")

// orgTrailers are phrases that end an organisation's name after its
// head and nisba: المرصد السوري لحقوق الإنسان, مصر للطيران.
var orgTrailers = [][]string{
	{"لحقوق", "الانسان"},
}

// agencyNouns make a name of a cue and a nisba: وكالة الأنباء السورية is
// Syria's news agency (ANERcorp tags وكالة الأنباء المصرية B-ORG I-ORG
// I-ORG), where شركة الطيران الروسية only describes one.
var agencyNouns = foldedSet("الأنباء")

// mediaSuffixes end the name of a news outlet: X الإخبارية (part of the
// name, as the outlets write it) and X للأنباء (news agency, not part of
// it: وكالة رويترز للأنباء names رويترز).
var mediaSuffixes = map[string]bool{"الاخباريه": true, "للانباء": true}

// nonOrgCaps are capitalised abbreviations of news copy that are not
// organisations: times, units and currencies (ISO 4217 for the last).
var nonOrgCaps = map[string]bool{"AM": true, "PM": true, "GMT": true, "UTC": true, "TV": true, "KM": true,
	"USD": true, "EUR": true, "GBP": true, "SAR": true, "AED": true, "OK": true, "ID": true, "PDF": true}

// cueForms maps every folded form of a cue word with the proclitics news
// copy puts on it (وفي قاعدة, بقاعدة, للمرصد) to its cue.
var cueForms = sync.OnceValue(makeCueForms)

func makeCueForms() map[string]cue {
	out := map[string]cue{}
	for _, t := range cueWords {
		for w := range foldedSet(t.words)() {
			out[w] = t.cue
			for _, c := range []string{"و", "ف", "ب", "ك", "وب", "فب", "وك"} {
				out[c+w] = t.cue
			}
			if rest, ok := strings.CutPrefix(w, "ال"); ok {
				for _, c := range []string{"لل", "ولل", "فلل"} {
					out[c+rest] = t.cue
				}
			} else {
				for _, c := range []string{"ل", "ول", "فل"} {
					out[c+w] = t.cue
				}
			}
		}
	}
	return out
}

// Rules names each pattern rule, for the tests that count how often each
// fires.
const (
	rulePlaceHead = iota
	ruleSea
	ruleOrgHead
	ruleOrgNisba
	ruleGovNisba
	ruleMedia
	ruleAcronym
	ruleAlias
	ruleGazetteer
	ruleList
	ruleOrgList
	ruleSpelled
	ruleOutlet
	ruleClub
	ruleGivenName
	nRules
)

// disabledRules leaves rules out, for the tests that measure what each
// brings; nothing else sets it.
var disabledRules [nRules]bool

var ruleNames = [nRules]string{"place-head", "sea", "org-head", "org-nisba", "gov-nisba", "media", "acronym", "alias", "gazetteer", "list", "org-list", "spelled", "outlet", "club", "given-name"}

// patterner applies the rules to one tagged sentence.
type patterner struct {
	s      *sentence
	words  []string
	score  []float32               // the tagger's emission scores, nTags per token
	names  []found                 // sorted, sentence-local
	owner  []int                   // index in names of each token's name, or -1
	onFire func(rule int, n found) // for the tests that count the rules
}

// apply returns the names of the sentence t has just tagged (its words,
// and names as chunksOf gives them) with the names the rules find. The
// patterner keeps its buffers from one sentence to the next.
func (p *patterner) apply(t *tagger, words []string, names []found) []found {
	p.s, p.words, p.score, p.names = &t.s, words, t.score, names
	p.owner = grow(p.owner, len(words))
	p.index()
	n := len(words)
	for i := 0; i < n; i++ {
		if end, ok := p.at(i); ok {
			i = end
		}
	}
	for i := 0; i < n; i++ {
		p.givenNameAsPlace(i)
	}
	for i := 0; i < n; i++ {
		p.gazetteer(i)
	}
	// Twice, so that a list grows from a place at either end.
	for range 2 {
		for i := 0; i < n; i++ {
			p.list(i)
		}
	}
	return p.names
}

// index fills owner from names.
func (p *patterner) index() {
	for i := range p.owner {
		p.owner[i] = -1
	}
	for k, nm := range p.names {
		for j := nm.first; j <= nm.last; j++ {
			p.owner[j] = k
		}
	}
}

// set makes [first, last] a name of kind k, dropping the names it
// overlaps.
func (p *patterner) set(rule int, n found) {
	if disabledRules[rule] {
		return
	}
	if p.onFire != nil {
		p.onFire(rule, n)
	}
	p.names = slices.DeleteFunc(p.names, func(o found) bool { return o.first <= n.last && o.last >= n.first })
	i, _ := slices.BinarySearchFunc(p.names, n.first, func(o found, first int) int { return o.first - first })
	p.names = slices.Insert(p.names, i, n)
	p.index()
}

// free reports whether tokens [first, last] are outside every name, or in
// names that lie within them.
func (p *patterner) free(first, last int) bool {
	for j := first; j <= last; j++ {
		if o := p.owner[j]; o >= 0 && (p.names[o].first < first || p.names[o].last > last) {
			return false
		}
	}
	return true
}

// ownerAt is owner[j], or -1 outside the sentence.
func (p *patterner) ownerAt(j int) int {
	if j < 0 || j >= len(p.owner) {
		return -1
	}
	return p.owner[j]
}

// empty reports whether tokens [first, last] are outside every name.
func (p *patterner) empty(first, last int) bool {
	for j := first; j <= last; j++ {
		if p.owner[j] >= 0 {
			return false
		}
	}
	return true
}

// at tries the rules that start at token i and returns the last token of
// what one matched.
func (p *patterner) at(i int) (int, bool) {
	f := p.s.form[i]
	if end, ok := p.listedOrg(i); ok {
		return end, true
	}
	if end, ok := p.spelledAcronym(i); ok {
		return end, true
	}
	if end, ok := p.formalPlace(i); ok {
		return end, true
	}
	switch cueForms()[f] {
	case cuePlace:
		return p.placeHead(i)
	case cueSea:
		return p.sea(i)
	case cueOrgPart:
		return p.orgHead(i, true)
	case cueOrgCue:
		return p.orgHead(i, false)
	case cueOrgDef:
		return p.orgNisba(i, ruleOrgNisba)
	case cueGov:
		return p.orgNisba(i, ruleGovNisba)
	}
	if mediaSuffixes[f] {
		return p.media(i)
	}
	if p.s.shape[i] == shapeLatinCap {
		return p.acronym(i)
	}
	if f == "(" {
		return p.alias(i)
	}
	if quoteCloser[f] != "" {
		return p.quotedOutlet(i)
	}
	return 0, false
}

// formalPlace: مملكة البحرين, بسلطنة عمان, شبه جزيرة القرم — a state's
// formal head before a place the model or the gazetteers know makes one
// place of both, which keys as the short name (formalHeads).
func (p *patterner) formalPlace(i int) (int, bool) {
	if !formalHeadEnding(p.s.form[i]) {
		return 0, false // most words: no head, without the work of formalHeads
	}
	n := formalHeads(p.s.form[i:min(i+3, len(p.words))], withoutConjunction)
	j := i + n
	if n == 0 || j >= len(p.words) {
		return 0, false
	}
	end := -1
	if o := p.owner[j]; o >= 0 && p.names[o].first == j && p.names[o].kind == Place {
		end = p.names[o].last
	} else if o < 0 && p.nameLike(j) {
		end = p.gazetteerEnd(j)
	}
	if end < 0 || !p.free(i, end) {
		return 0, false
	}
	p.set(rulePlaceHead, found{i, end, Place})
	return end, true
}

// givenNameAsPlace: وقالت شانتال أكرمان, الممثلة شانتال دوبوا — a foreign given
// name the model took for a place (ANERcorp has few such names, and the
// cities list has towns named شانتال) is a person's: a place of one word,
// neither a country nor a word the training data saw mostly as a place,
// right after a verb of saying, a person's title or a feminine noun with
// the article (الممثلة, الكاتبة), and not after a preposition of place or
// a place's head, when the family name after it is a word the model left
// untagged and never saw that may be a name.
func (p *patterner) givenNameAsPlace(i int) {
	o := p.owner[i]
	if o < 0 || p.names[o].kind != Place || p.names[o].first != i || p.names[o].last != i ||
		p.s.lex[i]&lexCountryB != 0 || p.s.dict[i]&(dictMostly<<(dictBits*int(Place))) != 0 {
		return
	}
	if i > 0 && (placePrepositions()[p.s.form[i-1]] || cueForms()[p.s.form[i-1]] != 0 || p.s.lex[i-1]&lexLocHead != 0) {
		return
	}
	if i == 0 {
		return
	}
	prev := p.s.form[i-1]
	if p.s.lex[i-1]&(lexSay|lexPersTitle) == 0 && !(definite(prev) && strings.HasSuffix(prev, "ه") && p.s.lex[i-1]&lexTrigger == 0) {
		return
	}
	end := i
	if j := i + 1; j < len(p.words) && p.owner[j] < 0 && p.s.oov[j] && p.s.shape[j] == shapeArabic && !conjoined(p.s, j) &&
		p.nameLike(j) && !p.placeWord(j) && !isAdjective(p.s.form[j]) && !definite(p.s.form[j]) {
		end = j
	}
	if end == i {
		// Alone, the word after a verb of saying or a noun is a place
		// as often as a person in ANERcorp: taking it cost 0.1 F1 by
		// cross-validation.
		return
	}
	p.set(ruleGivenName, found{i, end, Person})
}

// placeHead: قاعدة حميميم, في منطقة الضبعة, نهر الفرات — a place's head
// and a name the model left untagged, which is then a place.
func (p *patterner) placeHead(i int) (int, bool) {
	j := i + 1
	if p.owner[i] >= 0 || j >= len(p.words) || !p.empty(j, j) || !p.nameLike(j) {
		return 0, false
	}
	end := p.gazetteerEnd(j)
	if !p.empty(j, end) {
		return 0, false
	}
	p.set(rulePlaceHead, found{j, end, Place})
	return end, true
}

// sea: البحر الأسود, الخليج العربي, البحر الأبيض المتوسط.
func (p *patterner) sea(i int) (int, bool) {
	names := seaNames()
	if strings.HasSuffix(p.s.form[i], "محيط") {
		names = oceanNames()
	}
	end := i
	for end+1 < len(p.words) && end < i+2 && (names[p.s.form[end+1]] || end > i && seaNames()[p.s.form[end+1]]) {
		end++
	}
	if end == i || !p.free(i, end) || p.owner[i] >= 0 && p.names[p.owner[i]] == (found{i, end, Place}) {
		return 0, false
	}
	p.set(ruleSea, found{i, end, Place})
	return end, true
}

// orgHead: شركة مصر للطيران, وكالة آر آي إيه نوفوستي للأنباء, موقع شام
// الإخبارية, تنظيم الدولة الإسلامية, وكالة الأنباء السورية. A head's name
// is what stands between it and a news outlet's suffix, or words the model
// does not know up to a trailer; a name that starts with a known place
// (مصر) needs the trailer to be an organisation's. Otherwise a definite
// noun and the nisba of a place name one (وكالة الأنباء السورية, head
// and all, as ANERcorp tags وكالة الأنباء المصرية), and so do a definite
// noun and its adjective after a head that is part of the name (منظمة
// التحرير الفلسطينية).
func (p *patterner) orgHead(i int, part bool) (int, bool) {
	n := len(p.words)
	if p.owner[i] >= 0 || i+1 >= n {
		return 0, false
	}
	first := i + 1
	if part {
		first = i
		// تنظيم القاعدة: the head joins the name the model found after
		// it, as ANERcorp tags منظمة and تنظيم with their names.
		if o := p.owner[i+1]; o >= 0 && p.names[o].kind == Organisation && p.names[o].first == i+1 {
			nm := p.names[o]
			p.set(ruleOrgHead, found{i, nm.last, Organisation})
			return nm.last, true
		}
	}
	end, suffix := i, -1
	for k := i + 1; k < n && k <= i+5; k++ {
		if mediaSuffixes[p.s.form[k]] {
			if k > i+1 {
				end, suffix = k-1, k
			}
			break
		}
		if !p.empty(k, k) || p.s.shape[k] > shapeLatinCap || stopWords()[p.s.form[k]] || cueForms()[p.s.form[k]] != 0 {
			break
		}
	}
	if end > i {
		// وكالة تسنيم الإيرانية للأنباء: the nisba after the name is not
		// part of it.
		for end > i+1 && p.nisba(p.s.form[end]) {
			end--
		}
	} else {
		for end+1 < n && end < i+4 && p.free(i+1, end+1) && p.nameLike(end+1) && (end == i || !verbLike(p.s.form[end+1])) {
			end++
		}
	}
	if end == i {
		if i+2 >= n || !p.empty(i+1, i+2) || !definite(p.s.form[i+1]) || stopWords()[p.s.form[i+1]] {
			return 0, false
		}
		// Agreement is not asked: الأنباء السورية, a plural of things,
		// takes a feminine nisba.
		if !(part && p.adjectiveOf(i+1, i+2)) && !(agencyNouns()[p.s.form[i+1]] && p.nisba(p.s.form[i+2])) {
			return 0, false
		}
		first, end = i, i+2
	}
	last, consumed := end, end
	room := p.empty
	if suffix > end+1 {
		consumed = suffix // the nisba between name and suffix is left out
	} else if tr := p.trailerEnd(end); tr > end {
		// The trailer makes an organisation of a name the model took
		// for a place: شركة مصر للطيران.
		last, consumed, room = tr, tr, p.free
	} else if end+1 < n && mediaSuffixes[p.s.form[end+1]] {
		consumed = end + 1
		if p.s.form[end+1] == "الاخباريه" {
			last = end + 1
		}
	} else if p.placeWord(i+1) || p.s.dict[i+1]&(dictMostly<<dictBits) != 0 {
		return 0, false // شركة مصر, قناة السويس: a place's company, a canal
	}
	if !room(first, consumed) {
		return 0, false
	}
	p.set(ruleOrgHead, found{first, last, Organisation})
	return consumed, true
}

// trailerEnd returns the last token of an organisation's trailer after
// token end (لحقوق الإنسان, a لل word such as للطيران), or end.
func (p *patterner) trailerEnd(end int) int {
	n := len(p.words)
next:
	for _, t := range orgTrailers {
		if end+len(t) >= n {
			continue
		}
		for k, w := range t {
			if p.s.form[end+1+k] != w {
				continue next
			}
		}
		return end + len(t)
	}
	if end+1 < n {
		f := p.s.form[end+1]
		if strings.HasPrefix(f, "لل") && runeCount(f) >= 5 && !mediaSuffixes[f] && p.empty(end+1, end+1) {
			// With the adjectives of its noun: للملكية الفكرية.
			end++
			for k := 0; k < 2 && end+1 < n && p.empty(end+1, end+1) && definite(p.s.form[end+1]) &&
				nisbaShaped(p.s.form[end+1]) && !p.nisba(p.s.form[end+1]); k++ {
				end++
			}
		}
	}
	return end
}

// orgNisba: المرصد السوري لحقوق الإنسان, الشبكة السورية, الرئاسة السورية —
// a definite head and the nisba of a place that agrees with it.
func (p *patterner) orgNisba(i, rule int) (int, bool) {
	n := len(p.words)
	// الائتلاف الوطني السوري: national before the nisba.
	j := i + 1
	if j+1 < n && orgQualifiers()[p.s.form[j]] {
		j++
	}
	if j >= n || !p.nisba(p.s.form[j]) || !agrees(p.s.form[i], p.s.form[j]) {
		return 0, false
	}
	// وزير الخارجية السوري, رئيس الحكومة: the office of a person.
	if i > 0 && lex().words[p.s.form[i-1]]&(lexPersTitle|lexOrgHead) != 0 {
		return 0, false
	}
	end := p.trailerEnd(j)
	if !p.free(i, end) {
		return 0, false
	}
	p.set(rule, found{i, end, Organisation})
	return end, true
}

// media: شام الإخبارية, رويترز للأنباء — up to two words before a news
// outlet's suffix: names the model does not know, or any word without the
// article (وطن الإخبارية; but الوكالة الإخبارية is a description).
func (p *patterner) media(i int) (int, bool) {
	first := i
	for first-1 >= 0 && first > i-2 && p.empty(first-1, first-1) && p.mediaName(first-1) {
		first--
	}
	if first == i || p.owner[i] >= 0 {
		return 0, false
	}
	// وكالة آر آي إيه نوفوستي للأنباء: the words before the suffix end
	// the organisation the model found just before them.
	if o := p.ownerAt(first - 1); o >= 0 && p.names[o].kind == Organisation && p.names[o].last == first-1 {
		first = p.names[o].first
	}
	last := i
	if p.s.form[i] == "للانباء" {
		last--
	}
	p.set(ruleMedia, found{first, last, Organisation})
	return i, true
}

// acronymMargin is how much more than an organisation the model must
// score another kind of name for an acronym to keep it.
const acronymMargin = 4

// acronym: BBC, CNN, NATO — capitals of the Latin alphabet that the model
// took for a name of another kind name an organisation, unless the model
// is sure. One it left untagged stays so: in Saudi news copy most of
// those are terms (SMS, OLED, DNA), not organisations.
func (p *patterner) acronym(i int) (int, bool) {
	w := p.words[i]
	if len(w) < 2 || len(w) > 6 || nonOrgCaps[w] || strings.IndexFunc(w, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
		return 0, false
	}
	if o := p.owner[i]; o < 0 {
		return 0, false
	} else {
		// The model may join a word before it (بحسب BBC, MISC): what
		// counts is how it scores the acronym itself.
		nm := p.names[o]
		if nm.kind == Organisation {
			return 0, false
		}
		for j := nm.first; j <= nm.last; j++ {
			if j != i && !stopWords()[p.s.form[j]] && hasLetter(p.s.form[j]) {
				return 0, false
			}
		}
		e := p.score[i*nTags : (i+1)*nTags]
		if e[tagOf(nm.kind, posUnit)]-e[tagOf(Organisation, posUnit)] > acronymMargin {
			return 0, false
		}
	}
	p.set(ruleAcronym, found{i, i, Organisation})
	return i, true
}

// alias: وكالة الأنباء السورية الرسمية (سانا) — one or two words in
// brackets after an organisation's name, or after the adjectives that
// follow it, are its short name; a place in brackets (a football club's
// country) is not.
func (p *patterner) alias(i int) (int, bool) {
	n := len(p.words)
	closing := -1
	for j := i + 2; j < n && j <= i+3; j++ {
		if p.s.form[j] == ")" {
			closing = j
			break
		}
	}
	if closing < 0 || i == 0 {
		return 0, false
	}
	before := i - 1
	for before > 0 && before >= i-2 && p.owner[before] < 0 && definite(p.s.form[before]) && isAdjective(p.s.form[before]) {
		before--
	}
	if o := p.owner[before]; o < 0 || p.names[o].kind != Organisation || p.names[o].last != before {
		return 0, false
	}
	// Not a place (a football club's country) nor an adjective (the
	// source of a report: الفرنسية).
	for j := i + 1; j < closing; j++ {
		f := p.s.form[j]
		if p.s.shape[j] > shapeLatinCap || p.placeWord(j) || p.s.dict[j]&(dictMostly<<dictBits) != 0 ||
			months()[f] || p.s.lex[j]&lexLocHead != 0 || p.owner[j] >= 0 && p.names[p.owner[j]].kind == Person ||
			definite(f) && isAdjective(f) || !p.s.oov[j] && p.owner[j] >= 0 && p.names[p.owner[j]].kind == Place {
			return 0, false
		}
	}
	if !p.free(i+1, closing-1) {
		return 0, false
	}
	p.set(ruleAlias, found{i + 1, closing - 1, Organisation})
	return closing, true
}

// gazetteer: a word of the place gazetteers that the training data never
// saw is a place, where the model left it untagged, after a preposition
// of place (إلى طبرق), or at the end of a clause if it is a bare word that
// does not end as an adjective (من أهمها حلب.). Elsewhere the gazetteers'
// many towns named as common words are (لم يزد, شرب الخمر, الجهد
// الوافر.).
func (p *patterner) gazetteer(i int) {
	if !p.s.oov[i] || !p.placeWord(i) || !p.empty(i, i) || p.s.lex[i]&lexTrigger != 0 || isAdjective(p.s.form[i]) && definite(p.s.form[i]) || conjoined(p.s, i) {
		return
	}
	end := p.gazetteerEnd(i)
	f := p.s.form[i]
	for _, e := range pluralEndings {
		if strings.HasSuffix(f, e) {
			return // في المقرين: the two headquarters
		}
	}
	final := (end+1 == len(p.words) || p.s.shape[end+1] == shapePunct && p.s.form[end+1] != "(") &&
		end == i && !definite(f) && p.s.stem[i] == f && !isAdjective(f)
	if !(i > 0 && strongPlacePrepositions()[p.s.form[i-1]]) && !final {
		return
	}
	if p.empty(i, end) {
		p.set(ruleGazetteer, found{i, end, Place})
	}
}

// placePrepositions are the prepositions that come before a place, and
// strongPlacePrepositions those that come before little else.
var (
	placePrepositions       = foldedSet("في من إلى الى بين نحو")
	strongPlacePrepositions = foldedSet("في إلى الى نحو")
)

// months are the names of the months that news copy puts in brackets after
// another calendar's (نيسان ( أبريل )), from CLDR's Arabic locale and its
// Levantine forms.
var months = foldedSet("يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر " +
	"كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين")

// listSeparators join the members of a list.
var listSeparators = map[string]bool{"،": true, ",": true, "ثم": true, "و": true}

// list: تلتها حلب ثم حماة, في حميميم وطرطوس — a gazetteer place left
// untagged next to a place in a list is a place too, and so is a word the
// training data never saw after a preposition of place (news copy lists
// verbs the same way: موسكو، معتبرين).
func (p *patterner) list(i int) {
	if !p.empty(i, i) || p.s.lex[i]&lexTrigger != 0 {
		return
	}
	if !p.placeWord(i) && !(p.s.oov[i] && p.nameLike(i) && i > 0 && placePrepositions()[p.s.form[i-1]]) {
		return
	}
	end := p.gazetteerEnd(i)
	// The other member is a place the model or a rule found, or, when
	// this one is in the gazetteers, another gazetteer place
	// (تلتها حلب ثم حماة).
	gaz := p.placeWord(i)
	place := func(j int) bool {
		if j < 0 || j >= len(p.words) {
			return false
		}
		if o := p.owner[j]; o >= 0 {
			return p.names[o].kind == Place
		}
		return gaz && p.placeWord(j) && p.s.lex[j]&lexTrigger == 0
	}
	joined := strings.HasPrefix(p.s.form[i], "و") && p.s.stem[i] != p.s.form[i] // وطرطوس
	before := i - 1
	if before >= 0 && listSeparators[p.s.form[before]] {
		before--
		joined = true
	}
	after := end + 1
	if after < len(p.words) && listSeparators[p.s.form[after]] {
		after++
	} else if after < len(p.words) && !(strings.HasPrefix(p.s.form[after], "و") && p.s.stem[after] != p.s.form[after]) {
		after = -1
	}
	if joined && place(before) || place(after) {
		p.set(ruleList, found{i, end, Place})
	}
}

// nameLike reports whether token i may be a name the model does not know:
// a word of the place gazetteers, a word the training data mostly saw in
// names, or one it never saw that is not an indefinite adjective agreeing
// with a head (منطقة عازلة, قاعدة عسكرية).
func (p *patterner) nameLike(i int) bool {
	s := p.s
	if s.shape[i] > shapeLatinCap || !hasLetter(s.form[i]) {
		return false
	}
	f := s.form[i]
	if stopWords()[f] || stopWords()[s.stem[i]] || s.lex[i]&(lexTrigger|lexSay|lexNationality) != 0 {
		return false
	}
	if p.placeWord(i) {
		return true
	}
	for k := range nKinds - 1 {
		if s.dict[i]&(dictMostly<<(dictBits*k)) != 0 {
			return true
		}
	}
	if !s.oov[i] || conjoined(s, i) || pronounOn(f) {
		return false
	}
	// An indefinite word ending as an adjective does (منطقة عازلة) is
	// not a name, nor is a plural (قناة منوعات, هيئة المقابلات, شبكة
	// مجرمين): names after a head are singular.
	if s.shape[i] != shapeArabic {
		return true
	}
	for _, end := range pluralEndings {
		if strings.HasSuffix(f, end) && runeCount(f) > 4 {
			return false
		}
	}
	return definite(f) || !isAdjective(f)
}

// pluralEndings are the endings of sound plurals (and the dual's ين).
var pluralEndings = []string{"ات", "ين", "ون"}

// verbLike reports whether the folded word f, after a name, looks like a
// verb with an object pronoun rather than more of the name (تنظيم داعش
// ينتهجها).
func verbLike(f string) bool {
	return pronounOn(f) || strings.HasPrefix(f, "ي") && runeCount(f) > 4
}

// pronounOn reports whether the folded word f ends with a possessive or
// object pronoun of the plural or the feminine (نشراتها, تجربتنا), which
// a name does not take.
func pronounOn(f string) bool {
	return runeCount(f) > 4 && (strings.HasSuffix(f, "ها") || strings.HasSuffix(f, "هم") || strings.HasSuffix(f, "نا") || strings.HasSuffix(f, "كم"))
}

// conjoined reports whether token i starts with the conjunction و, which
// begins a new phrase rather than a name (شركة وأنشئت).
func conjoined(s *sentence, i int) bool {
	return strings.HasPrefix(s.form[i], "و") && s.stem[i] != s.form[i]
}

// mediaName reports whether token i may be (part of) a news outlet's name
// before its suffix.
func (p *patterner) mediaName(i int) bool {
	s := p.s
	if cueForms()[s.form[i]] != 0 || s.shape[i] > shapeLatinCap || !hasLetter(s.form[i]) || s.lex[i]&(lexTrigger|lexSay) != 0 {
		return false
	}
	for _, r := range arabic.WithoutProclitics(s.form[i]) {
		if stopWords()[r] { // وبحسب
			return false
		}
	}
	if definite(s.form[i]) && isAdjective(s.form[i]) {
		return false // الاسترالية الإخبارية: a description
	}
	return p.nameLike(i) || !definite(s.form[i]) && runeCount(s.form[i]) >= 3 && !verbLike(s.form[i])
}

// placeWord reports whether token i starts a name of the place gazetteers.
func (p *patterner) placeWord(i int) bool {
	return p.s.lex[i]&(lexCityB|lexCountryB) != 0
}

// gazetteerEnd returns the last token of the gazetteer name that starts at
// token i, or i.
func (p *patterner) gazetteerEnd(i int) int {
	end := i
	if p.s.lex[i]&(lexCityB|lexCountryB) != 0 {
		for end+1 < len(p.words) && p.s.lex[end+1]&(lexCityI|lexCountryI) != 0 && p.s.lex[end+1]&(lexCityB|lexCountryB) == 0 {
			end++
		}
	}
	return end
}

// adjectiveOf reports whether token j is an adjective that may name a
// movement after the definite noun at token i: the nisba of a place or of
// a creed or people (تنظيم الدولة الإسلامية), not of a process (تنظيم
// العلاقات الثنائية is organising relations).
func (p *patterner) adjectiveOf(i, j int) bool {
	f := p.s.form[j]
	return definite(p.s.form[i]) && (p.nisba(f) || communal()[strings.TrimSuffix(strings.TrimSuffix(f, "ه"), "ي")])
}

// communal are the nisbas of creeds and peoples that movements take as
// names (stems, folded, after the article: الإسلامية, الكردي).
var communal = foldedSet("الإسلام الكرد الشيع السن المسيح الدرز العلو القوم الوطن الشعب الثور الجهاد السلف")

// nisba reports whether the folded word f is the definite nisba of a
// place: السوري, السورية (سوريا), المصري (مصر), العراقية (العراق).
func (p *patterner) nisba(f string) bool { return placeNisba(f) }

// placeNisba is patterner.nisba, for the rules that run on a whole
// article.
func placeNisba(f string) bool {
	if !definite(f) {
		return false
	}
	if lex().words[f]&lexNationality != 0 {
		return true
	}
	rest := strings.TrimPrefix(f, "ال")
	base, ok := strings.CutSuffix(rest, "يه")
	if !ok {
		base, ok = strings.CutSuffix(rest, "ي")
	}
	if !ok || runeCount(base) < 2 {
		return false
	}
	for _, c := range [...]string{base, base + "ا", base + "يا", base + "يه", "ال" + base} {
		for _, g := range lex().names[c] {
			if len(g.words) == 1 && g.class&(lexCountryB|lexCityB) != 0 {
				return true
			}
		}
	}
	return false
}

// agrees reports whether the nisba n may qualify the head h: a feminine
// head (ending in ة) takes a feminine nisba.
func agrees(h, n string) bool {
	return strings.HasSuffix(h, "ه") == strings.HasSuffix(n, "يه")
}

// nisbaShaped reports whether the folded word f ends as a nisba: الفكرية,
// not القادمة.
func nisbaShaped(f string) bool {
	return strings.HasSuffix(f, "يه") || strings.HasSuffix(f, "ي")
}

// definite reports whether the folded word f carries the article.
func definite(f string) bool { return strings.HasPrefix(f, "ال") && runeCount(f) > 3 }

// isAdjective reports whether the folded word f ends as a nisba or a
// feminine adjective does: عازلة, عسكري, الإسلامية.
func isAdjective(f string) bool {
	return strings.HasSuffix(f, "ه") || strings.HasSuffix(f, "ي")
}
