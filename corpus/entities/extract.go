package entities

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
)

// Mention is one place where an entity is named: a byte range [Start, End)
// of the article's title (Para corpus.TitlePara), of its Credit (Para
// CreditPara) or of Paragraphs[Para].Text.
type Mention = corpus.Span

// CreditPara is the Para of a mention in the article's Credit, the outlet a
// republishing notice names: an organisation by what the notice says.
const CreditPara = corpus.CreditPara

// Entity is a person, place, organisation or other name of one article,
// with every place it is named.
type Entity struct {
	// Key is the folded canonical name: the same for every spelling and
	// clitic form of the name, and across articles.
	Key string
	// Label is the fullest form of the name seen in the article.
	Label    string
	Kind     Kind
	Mentions []Mention
}

// token is a word or punctuation mark of an article text.
type token struct {
	para       int32
	start, end int32 // a paragraph is at most corpus.MaxParagraphSize bytes
}

// found is a name the tagger or the consistency pass found: tokens
// [first, last] of the article's token list.
type found struct {
	first, last int
	kind        Kind
}

// taggers keeps the taggers not in use, with their word caches. A
// sync.Pool keeps one a processor, and gives a goroutine that has moved
// to another processor since it put a tagger back another tagger, or a
// new one: a day of SaudiNewsNet read on one goroutine went to three
// taggers, each of whose caches missed the words the others had seen.
// lastTagger, the tagger put back last, goes first to whichever
// goroutine asks next.
var (
	taggers    = sync.Pool{}
	lastTagger atomic.Pointer[tagger]
)

// getTagger returns a tagger of m not in use.
func (m *Model) getTagger() *tagger {
	if t := lastTagger.Swap(nil); t != nil && t.m == m {
		return t
	}
	if t, _ := taggers.Get().(*tagger); t != nil && t.m == m {
		return t
	}
	return m.newTagger()
}

// putTagger gives back a tagger from getTagger.
func putTagger(t *tagger) {
	if !lastTagger.CompareAndSwap(nil, t) {
		taggers.Put(t)
	}
}

// Extract finds the named entities of an article's title and paragraphs
// (never what the loader removed as page furniture) with the embedded
// model, and groups their mentions. The result is sorted by Kind, then by
// number of mentions, most first. An article without names, or a model
// that cannot be read, gives no entities.
func Extract(a *corpus.Article) []Entity {
	m, err := Default()
	if err != nil || a == nil {
		return nil
	}
	return m.Extract(a)
}

// Extract is the package-level Extract with model m.
func (m *Model) Extract(a *corpus.Article) []Entity {
	return m.extract(a, nil)
}

// extract is Extract, also spreading the names c knows with confidence.
func (m *Model) extract(a *corpus.Article, c *Catalog) []Entity {
	return m.read(a).resolve(c)
}

// Tagging is what the model and its patterns found in one article, before
// spreading and grouping: the names as ranges of the article's tokens,
// with their kinds. It holds no text and no token list, so that a
// collection can keep one for each of its articles and read them again
// through a grown catalog (Catalog.Resolve) without tagging them again.
type Tagging struct {
	tokens int // how many tokens the article had when it was tagged
	names  []taggedName
}

// taggedName is a found name in 9 bytes instead of found's 17.
type taggedName struct {
	first, last uint32
	kind        Kind
}

// Names returns how many names the model and its patterns found.
func (t Tagging) Names() int { return len(t.names) }

// Tag runs the model and its patterns over article a, for Catalog.Resolve
// to spread and group: Resolve(a, m.Tag(a)) with a nil catalog equals
// m.Extract(a).
func (m *Model) Tag(a *corpus.Article) Tagging {
	if a == nil {
		return Tagging{}
	}
	return m.read(a).tagging()
}

// tagging returns what x's tagger and patterns found.
func (x *extraction) tagging() Tagging {
	t := Tagging{tokens: len(x.toks), names: make([]taggedName, len(x.names))}
	for i, n := range x.names {
		t.names[i] = taggedName{uint32(n.first), uint32(n.last), n.kind}
	}
	return t
}

// ExtractTagged returns both Extract(a) and Tag(a), reading the article
// once.
func (m *Model) ExtractTagged(a *corpus.Article) ([]Entity, Tagging) {
	if a == nil {
		return nil, Tagging{}
	}
	x := m.read(a)
	t := x.tagging() // before resolve spreads more names into x
	return x.resolve(nil), t
}

// Resolve spreads through article a, tagged as t by Model.Tag, the names
// the catalog knows with confidence, and groups the mentions into
// entities: Catalog.Extract without running the tagger again, at a
// fraction of its cost. With a nil catalog it is Extract. A tagging of
// another article, or of this one before its text changed, gives no
// entities.
func (c *Catalog) Resolve(a *corpus.Article, t Tagging) []Entity {
	if a == nil {
		return nil
	}
	x := tokenize(a)
	if len(x.toks) != t.tokens {
		return nil
	}
	x.names = make([]found, len(t.names))
	for i, n := range t.names {
		x.names[i] = found{int(n.first), int(n.last), n.kind}
	}
	return x.resolve(c)
}

// tokenize reads article a's tokens and their folded forms as read does,
// without tagging them.
func tokenize(a *corpus.Article) *extraction {
	x := &extraction{texts: articleTexts(a), credit: a.Credit}
	x.toks = make([]token, 0, tokensIn(x.texts, a.Credit))
	var buf []byte
	var words []arabic.Token
	for pi, text := range x.texts {
		x.toks = appendTokensBuf(x.toks, &words, text, pi-1)
	}
	if a.Credit != "" {
		x.toks = appendTokensBuf(x.toks, &words, a.Credit, CreditPara)
	}
	x.folded = make([]string, len(x.toks))
	x.word = make([]int32, len(x.toks))
	x.bare = make(map[string]bool, len(x.toks))
	ids := make(map[string]int32, len(x.toks))
	var forms []string // one string per word form
	for i, tk := range x.toks {
		buf = arabic.AppendFold(buf[:0], x.text(int(tk.para))[tk.start:tk.end])
		id, ok := ids[string(buf)]
		if !ok {
			id = int32(len(forms))
			forms = append(forms, string(buf))
			ids[forms[id]] = id
			x.bare[forms[id]] = true
		}
		x.folded[i] = forms[id]
		x.word[i] = id
	}
	x.stems = make([]uncliticked, len(forms))
	return x
}

// ReadLimit is how much of an article's text (its paragraphs, after the
// title) the tagger reads: the paragraphs that start within it. Tagging
// holds about 16 bytes a byte of text until the names are grouped, and
// costs about 150 ns a byte, so a 63 MB text file read whole took a minute
// and 1.3 GB; SaudiNewsNet's longest article is 60 KB, so no real article
// loses a name to it.
const ReadLimit = 256 << 10

// Partial reports whether a's text is longer than ReadLimit, so that its
// names were looked for in its first paragraphs only.
func Partial(a *corpus.Article) bool {
	if a == nil {
		return false
	}
	n := 0
	for _, p := range a.Paragraphs[:max(len(a.Paragraphs)-1, 0)] {
		if n += len(p.Text); n >= ReadLimit {
			return true
		}
	}
	return false
}

// articleTexts is a's title and the paragraphs that start within
// ReadLimit bytes of its text.
func articleTexts(a *corpus.Article) []string {
	texts := make([]string, 1, min(len(a.Paragraphs), 1024)+1)
	texts[0] = a.Title
	n := 0
	for _, p := range a.Paragraphs {
		if n >= ReadLimit {
			break
		}
		texts = append(texts, p.Text)
		n += len(p.Text)
	}
	return texts
}

// resolve spreads the names found, and those c knows with confidence, and
// groups them.
func (x *extraction) resolve(c *Catalog) []Entity {
	if c != nil {
		x.also = c.confident(x.bare)
	}
	var ends map[int]Kind // last token of each name → its kind, made at the first و
	for k, n := range x.names {
		if strings.HasPrefix(x.folded[n.first], "و") {
			if ends == nil {
				ends = make(map[int]Kind, len(x.names))
				for _, n := range x.names {
					ends[n.last] = n.kind
				}
			}
			if k, ok := ends[n.first-1]; ok && k == n.kind {
				x.conjoinedName(n)
			}
		}
		x.names[k] = x.bareOrg(n)
	}
	x.spread()
	return x.group()
}

// read tags article a sentence by sentence and keeps the names the model
// and its patterns found, split and trimmed.
func (m *Model) read(a *corpus.Article) *extraction {
	t := m.getTagger()
	defer putTagger(t)

	texts := articleTexts(a)
	toks := make([]token, 0, tokensIn(texts, a.Credit))
	var words []string
	var names []found
	x := &extraction{texts: texts, folded: make([]string, 0, cap(toks)), word: make([]int32, 0, cap(toks))}
	words0 := newWordsIn(cap(toks))
	x.bare = make(map[string]bool, words0)
	x.infos = make([]*wordInfo, 0, words0)
	t.article, t.forms = t.article+1, 0
	var pat patterner
	for pi, text := range texts {
		para0 := len(toks)
		toks = appendTokensBuf(toks, &t.words, text, pi-1)
		// Tag sentence by sentence: a sentence ends at its final
		// punctuation or at the end of the paragraph.
		from := para0
		for i := para0; i <= len(toks); i++ {
			if i < len(toks) && !endsSentence(text[toks[i].start:toks[i].end]) {
				continue
			}
			end := min(i+1, len(toks))
			if end > from {
				words = words[:0]
				for _, tk := range toks[from:end] {
					words = append(words, text[tk.start:tk.end])
				}
				tags := t.tag(words)
				x.addWords(t)
				for _, c := range pat.apply(t, words, chunksOf(tags)) {
					names = append(names, found{from + c.first, from + c.last, c.kind})
				}
			}
			from = end
		}
	}
	if a.Credit != "" {
		from := len(toks)
		toks = appendTokensBuf(toks, &t.words, a.Credit, CreditPara)
		if len(toks) > from {
			words = words[:0]
			for _, tk := range toks[from:] {
				words = append(words, a.Credit[tk.start:tk.end])
			}
			t.tag(words)
			x.addWords(t)
			names = append(names, found{from, len(toks) - 1, Organisation})
		}
		x.credit = a.Credit
	}
	x.toks = toks
	x.stems = make([]uncliticked, t.forms)
	names = x.footballClubs(names)
	for _, n := range names {
		for _, part := range x.split(n) {
			if part, ok := x.trim(part); ok {
				x.names = append(x.names, part)
			}
		}
	}
	x.completePersons()
	return x
}

// addWords appends the folded forms and word numbers of the sentence t
// has just tagged, numbering the tagger's words anew for each article.
func (x *extraction) addWords(t *tagger) {
	for _, w := range t.s.word {
		if w.article != t.article {
			w.article, w.number = t.article, t.forms
			t.forms++
			x.bare[w.form] = true
			x.infos = append(x.infos, w)
		}
		x.folded = append(x.folded, w.form)
		x.word = append(x.word, w.number)
	}
	x.common = t.s.appendCommon(x.common)
}

// tokensIn returns about how many tokens the texts have, erring high: a
// token of SaudiNewsNet's copy takes 9.3 bytes on average, with the space
// after it (one day, 2015-07-21).
func tokensIn(texts []string, credit string) int {
	n := len(credit)
	for _, t := range texts {
		n += len(t)
	}
	return n/8 + 1
}

// newWordsIn returns how many distinct words to make room for in an
// article of about n tokens: about half the tokens of a news article are
// new words, but a long text repeats itself (the distinct words grow far
// slower than the text), and room made for words that never came was a
// third of what tagging a long repetitive text allocated (3.8 of 12.3 MB
// for 0.9 MB of text).
func newWordsIn(n int) int {
	return min(n/2, 4096)
}

// completePersons takes into a person's name the untagged word after it
// that the article names the person by alone elsewhere (عبد الستار بارز …
// وتابع بارز), and a compound with عبد before it (عبدربه منصور هادي): the
// tagger often stops one word short of a name it does not know.
func (x *extraction) completePersons() {
	alone := map[string]bool{}
	owned := map[int]bool{}
	for _, n := range x.names {
		if n.kind == Person && n.first == n.last {
			u, _ := x.unclitic(x.folded[n.first])
			alone[u] = true
		}
		for j := n.first; j <= n.last; j++ {
			owned[j] = true
		}
	}
	free := func(j int, para int32) bool {
		return j >= 0 && j < len(x.toks) && !owned[j] && x.toks[j].para == para
	}
	for k, n := range x.names {
		if n.kind != Person {
			continue
		}
		para := x.toks[n.first].para
		if j := n.last + 1; free(j, para) && alone[x.folded[j]] {
			n.last = j
			owned[j] = true
		}
		if j := n.first - 1; free(j, para) && strings.HasPrefix(x.folded[j], "عبد") && runeCount(x.folded[j]) >= 5 {
			n.first = j
			owned[j] = true
		}
		x.names[k] = n
	}
}

// chunksOf turns tag indexes into names; the decoder's BIO constraints
// make every I continue a B of its own kind.
func chunksOf(tags []int) []found {
	var out []found
	for i := 0; i < len(tags); i++ {
		if tags[i] == 0 {
			continue
		}
		j := i
		for j+1 < len(tags) && isInside(tags[j+1]) {
			j++
		}
		out = append(out, found{i, j, kindOfTag(tags[i])})
		i = j
	}
	return out
}

// sentenceEnds are the marks that end a sentence.
var sentenceEnds = map[string]bool{".": true, "؟": true, "?": true, "!": true, "؛": true, "…": true, "۔": true}

func endsSentence(tok string) bool { return sentenceEnds[tok] }

// appendTokens appends the words of text (arabic.Tokens) and each mark of
// punctuation between them as tokens of paragraph para: the tokenisation
// ANERcorp was written in.
func appendTokens(dst []token, text string, para int) []token {
	var words []arabic.Token
	return appendTokensBuf(dst, &words, text, para)
}

// appendTokensBuf is appendTokens keeping the words of text in *words,
// whose memory serves again for the next text.
func appendTokensBuf(dst []token, words *[]arabic.Token, text string, para int) []token {
	prev := 0
	*words = arabic.AppendTokens((*words)[:0], text)
	for _, w := range *words {
		dst = appendMarks(dst, text, prev, w.Start, para)
		dst = append(dst, token{int32(para), int32(w.Start), int32(w.End)})
		prev = w.End
	}
	return appendMarks(dst, text, prev, len(text), para)
}

func appendMarks(dst []token, text string, from, to, para int) []token {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			dst = append(dst, token{int32(para), int32(i), int32(i + size)})
		}
		i += size
	}
	return dst
}

// extraction is the state of one Extract call after tagging.
type extraction struct {
	texts  []string // the title, then each paragraph
	credit string
	toks   []token
	folded []string // folded form of each token
	// word numbers each token's folded form, so that what is said of a
	// form is kept in slices rather than maps keyed by the string.
	// Tokens of one number have the same form; a form may have two.
	word  []int32
	stems []uncliticked // by word, unclitic's answer, where known
	// infos are by word the tagger's wordInfo of its form, where the
	// tagger knew it. Only what a wordInfo is made with is read: the
	// tagger, back in its pool, may be changing the rest.
	infos  []*wordInfo
	common []bool // each token is a common word (sentence.appendCommon); only after read
	bare   map[string]bool
	clitic map[string]uncliticked
	names  []found
	also   []knownName // names the collection knows, to spread too
}

// knownName is a name to look for: its folded words, the first without
// clitics, and its kind.
type knownName struct {
	words []string
	kind  Kind
}

// stopWords are words that are never a name nor part of one at its edges,
// though the tagger may take them for one: verbs of saying, days, and
// time words of news copy (the seeds' forbidden list; CLDR weekday names).
var stopWords = foldedSet("قال وقال قالت وقالت أضاف وأضاف أمس اليوم غدا بحسب وكان كان وكانت " +
	"الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الإرهاب الإرهابيين " +
	"في من إلى على عن مع و أو ثم " +
	// Relative pronouns after a name (فاطمة التي تعمل…).
	"التي الذي الذين اللذان اللذين اللتان اللتين اللواتي اللاتي")

// loneWords are never a name on their own, though some may begin one:
// prepositions with an attached pronoun (لي "to me" is also the surname
// of لي كه تشيانغ; the tagger, and spreading after it, took every لي of
// a memoir for a person) — the attached pronouns of Arabic grammar on the
// prepositions that take them — and the divine name of everyday formulae
// (إن شاء الله, رحمه الله, والله, الحمد لله where ل and الله contract),
// which ANERcorp tags MISC: on a day of SaudiNewsNet, 1,017 mentions of
// الله topped the panel's list of the collection's names.
var loneWords = foldedSet("لي لك له لها لنا لكم لهم بي بك به بها بنا بكم بهم فيه فيها فينا فيهم " +
	"علي عليك عليه عليها علينا عليهم مني منك منه منها منا منهم عني عنك عنه عنها عنا عنهم " +
	"معي معك معه معها معنا معهم إلي إليك إليه إليها إلينا إليهم لدي لديه لديها لدينا لديهم " +
	"الله لله والله ولله بالله فالله تالله")

// currencies are names of ANERcorp's MISC kind that a reader does not
// look for in a panel of names (SaudiNewsNet, one day: دولار 664 mentions,
// ريال 591, يورو 304): the Arabic names of the currencies of CLDR's
// Arabic locale most seen in news. Only an Other name is dropped: ريال
// alone is also Real Madrid.
var currencies = foldedSet("دولار دولارا دولارات الدولار ريال ريالا ريالات الريال يورو اليورو " +
	"جنيه جنيها الجنيه درهم درهما الدرهم دينار دينارا الدينار ليرة الليرة روبل الروبل ين الين " +
	"فرنك الفرنك روبية الروبية يوان اليوان إسترليني الإسترليني")

// foldedSet returns the set of the folded space-separated words, made on
// first use: package entities does no work when a program starts.
func foldedSet(words string) func() map[string]bool {
	return sync.OnceValue(func() map[string]bool {
		s := map[string]bool{}
		for _, w := range strings.Fields(words) {
			s[arabic.Fold(w)] = true
		}
		return s
	})
}

// split cuts a person's name where a word inside it carries a proclitic:
// such a name's later words never do, so بوتين بشويغو is two names, بوتين
// and شويغو. (Organisations do: المرصد السوري لحقوق الإنسان.)
func (x *extraction) split(n found) []found {
	if n.kind != Person {
		return []found{n}
	}
	var out []found
	for i := n.first + 1; i <= n.last; i++ {
		// Only a clitic that is surely one: و, or one whose word stands
		// bare in the article (بشويغو, بوتين … شويغو); بايت in ديميتري
		// بايت is no ب + ايت, though a list of towns has ايت.
		f := x.folded[i]
		if stem, lead := x.uncliticAt(i); lead > 0 && (x.bare[stem] || strings.HasPrefix(f, "و")) {
			out = append(out, found{n.first, i - 1, n.kind})
			n.first = i
		}
	}
	return append(out, n)
}

// placeHeads are the words that name the kind of a place before its name,
// besides the administrative ones of adminPrefixes (folded).
var placeHeads = []string{"نهر", "قاعده", "مطار", "ميناء"}

// trim takes titles, stop words and punctuation off the edges of a name,
// and reports whether a name is left: الرئيس الروسي فلاديمير بوتين names
// فلاديمير بوتين.
func (x *extraction) trim(n found) (found, bool) {
	edge := func(i int) bool {
		f, st := x.folded[i], x.coreAt(i)
		// The clitics come off but the article stays: والروسي is الروسي,
		// which the nationality table holds, where its core روسي is not.
		u, _ := x.uncliticAt(i)
		return !hasLetter(f) || stopWords()[f] || stopWords()[st] || functionWords()[f] ||
			(n.kind == Person && ((lex().words[f]|lex().words[st]|lex().words[u])&(lexPersTitle|lexNationality) != 0 || honorifics()[f]))
	}
	if n.kind == Person && n.last > n.first && x.common != nil {
		// A common word is no edge of a foreign name the model runs on
		// into (فالكاو سويا, خالد الدولي); a name list's word is kept
		// (جمال, نجاح).
		for n.last > n.first && x.common[n.last] {
			n.last--
		}
	}
	for n.first <= n.last {
		switch {
		case edge(n.first):
			n.first++
			continue
		case edge(n.last):
			n.last--
			continue
		case n.last > n.first && divineForms()[x.folded[n.last]] && formulaWords()[x.folded[n.last-1]]:
			n.last -= 2 // سلمان رحمه الله is سلمان
			continue
		}
		break
	}
	// A place's generic head is not part of its name: محافظة إدلب is
	// إدلب, نهر الفرات is الفرات.
	for n.kind == Place && n.first < n.last && (slices.Contains(adminPrefixes, x.folded[n.first]) || slices.Contains(placeHeads, x.folded[n.first])) {
		n.first++
	}
	if n.first > n.last || x.toks[n.first].para != x.toks[n.last].para {
		return n, false
	}
	words := make([]string, 0, n.last-n.first+1)
	for i := n.first; i <= n.last; i++ {
		w := x.folded[i]
		if i == n.first {
			w, _ = x.unclitic(w)
		}
		words = append(words, w)
	}
	if notAName(words, n.kind, nil) || notAName(x.folded[n.first:n.last+1], n.kind, nil) ||
		n.first == n.last && currencies()[words[0]] && n.first > 0 && counted(x.folded[n.first-1]) {
		return n, false
	}
	return n, true
}

// orgTriggers are the words that news copy puts before the bare name of a
// movement or an armed group and leaves out as often (تنظيم داعش and
// داعش, حركة طالبان and طالبان).
var orgTriggers = foldedSet("تنظيم حركة جماعة ميليشيا ميليشيات مليشيا مليشيات")

// bareOrg returns an organisation named as a trigger and a listed name
// (تنظيم داعش, لحركة طالبان) as the listed name alone, so that both forms
// are one entity under the name the reader knows it by.
func (x *extraction) bareOrg(n found) found {
	if n.kind != Organisation || n.last == n.first {
		return n
	}
	h, _ := x.unclitic(x.folded[n.first])
	if !orgTriggers()[h] {
		h = strings.TrimPrefix(h, "ل") // لحركة after WithoutProclitics left it
		if !orgTriggers()[h] {
			return n
		}
	}
	rest := x.folded[n.first+1 : n.last+1]
	for _, ws := range orgNameTable()[rest[0]] {
		if slices.Equal(ws, rest) {
			n.first++
			return n
		}
	}
	return n
}

// conjoinedName takes the conjunction off the first word of a place, or
// of a person's name of two words or more, that comes right after a name
// of its kind, where the word with it is in no name list (بايت وكارل
// جنكينسون is و + كارل, فلوريدا ولويزيانا و + لويزيانا; وليد and واشنطن
// stay, and so does مدينة ونتشو): in a list the tagger keeps the و of
// the next name.
func (x *extraction) conjoinedName(n found) {
	if n.kind != Place && (n.kind != Person || n.last == n.first) {
		return
	}
	f := x.folded[n.first]
	rest, ok := strings.CutPrefix(f, "و")
	if !ok || runeCount(rest) < minStem || lex().words[f]&(lexFirstName|lexLastName) != 0 || listed(f) {
		return
	}
	if _, lead := x.unclitic(f); lead == 0 {
		x.clitic[f] = uncliticked{rest, 1}
	}
}

// numberWords are the words of a sum before a currency (ثلاثة ملايين
// ريال): after one, or after a number, ريال is the riyal, not Real Madrid.
var numberWords = foldedSet("ألف آلاف ألفي مليون ملايين مليار مليارات بليون تريليون مئة مائة مئات")

func counted(f string) bool {
	return numberWords()[f] || strings.IndexFunc(f, unicode.IsDigit) >= 0
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// key returns the folded canonical name of tokens [first, last] and how
// many letters of the first token are clitics. A clitic comes off only
// when the word without it stands elsewhere in the article or in the
// gazetteers, or leaves the article ال in front: وبوتين → بوتين when بوتين
// is written too, but بوتين itself keeps its ب.
func (x *extraction) key(first, last int) (string, int) {
	var b strings.Builder
	lead := 0
	prev := ""
	start := first
	if formalHeadEnding(x.folded[first]) {
		first += formalHeads(x.folded[first:last+1], withoutConjunction)
	}
	if first > start { // the clitics of وشبه جزيرة القرم come off its head
		lead = runeCount(x.folded[start]) - runeCount(withoutConjunction(x.folded[start]))
	}
	for i := first; i <= last; i++ {
		f := x.folded[i]
		if i == start {
			f, lead = x.unclitic(f)
			if lead == 0 && last > first && letterNames()[x.folded[first+1]] {
				f, lead = uncliticLetter(f)
			}
		}
		// عبد joins the name after it: عبد الفتاح = عبدالفتاح.
		if b.Len() > 0 && prev != "عبد" {
			b.WriteByte(' ')
		}
		b.WriteString(keyWord(f))
		prev = f
	}
	return b.String(), lead
}

// letterNames are the Arabic spellings of the Latin letters, as acronyms
// are written (بي بي سي, سي إن إن, إيه بي سي): too short for the clitic
// rule of unclitic, yet لبي بي سي is ل + بي بي سي.
var letterNames = foldedSet("بي سي دي إف جي إتش آي أي جيه كيه إل إم إن أو كيو آر إس تي يو في دبليو إكس واي زد إيه")

// uncliticLetter takes a proclitic off a spelled letter.
func uncliticLetter(f string) (string, int) {
	for _, c := range []string{"و", "ب", "ل", "ف", "ك", "ول", "وب"} {
		if rest, ok := strings.CutPrefix(f, c); ok && letterNames()[rest] {
			return rest, runeCount(c)
		}
	}
	return f, 0
}

type uncliticked struct {
	stem    string
	letters int
}

// uncliticAt is unclitic of token i's folded form. Its answers for
// the words of the article are kept by word number, which spares the map
// of unclitic all but the few words whose answer a name has set
// (conjoinedName) or that the rules asked of before.
func (x *extraction) uncliticAt(i int) (string, int) {
	f := x.folded[i]
	if u, ok := x.clitic[f]; ok {
		return u.stem, u.letters
	}
	if x.stems == nil { // an extraction made without word numbers
		return x.unclitic(f)
	}
	id := x.word[i]
	u := &x.stems[id]
	if u.stem == "" { // not known yet, or the form is empty
		if id < int32(len(x.infos)) {
			u.stem, u.letters = x.uncliticPlanned(f, &x.infos[id].unclitic)
		} else {
			u.stem, u.letters = x.uncliticOnce(f)
		}
	}
	return u.stem, u.letters
}

// coreAt is coreOf of token i's folded form, which the tagger's word
// cache has.
func (x *extraction) coreAt(i int) string {
	if id := x.word[i]; id < int32(len(x.infos)) {
		return x.infos[id].stem
	}
	return coreOf(x.folded[i])
}

func (x *extraction) unclitic(f string) (string, int) {
	if u, ok := x.clitic[f]; ok {
		return u.stem, u.letters
	}
	if x.clitic == nil {
		x.clitic = make(map[string]uncliticked, len(x.toks)/8)
	}
	stem, letters := x.uncliticOnce(f)
	x.clitic[f] = uncliticked{stem, letters}
	return stem, letters
}

// rareProclitics are the proclitics that news copy puts on verbs and on
// words with the article (فالحكومة, كالعادة) but hardly ever on a bare
// proper name, where و, ب and ل are common (وبوتين, لبوتين).
var rareProclitics = []string{"ف", "ك"}

// rareOnNames reports whether f is r behind one of rareProclitics alone:
// such a reading is taken only where r also stands bare in the article,
// so that فرانس, فيينا or كندا keep their first letter although a word
// list knows رانس (Reims).
func rareOnNames(f, r string) bool {
	for _, c := range rareProclitics {
		if f == c+r {
			return true
		}
	}
	return false
}

func (x *extraction) uncliticOnce(f string) (string, int) {
	p := planUnclitic(f, arabic.WithoutProclitics(f))
	return x.uncliticPlanned(f, &p)
}

// uncliticPlan is what unclitic makes of a word before it looks at the
// article's other words: most of its cost, the word lists' lookups, is
// then paid once per word in the tagger's word cache (wordInfo) instead
// of once per word and article.
type uncliticPlan struct {
	// ll is the word without the preposition ل where the word is ل and a
	// name that starts with ل (لليبيا); llSure tells that a list knows
	// that name, so that the article need not have it bare.
	ll     string
	llSure bool
	steps  []uncliticStep
	// own is the letters before the word itself as its own reading:
	// none, but for bytes of a broken letter at its start.
	own int
}

// uncliticStep is a reading of a word without proclitics that unclitic
// weighs, in the order it weighs them: it is taken if the article has
// it bare or, where sure, whatever the article has.
type uncliticStep struct {
	r       string
	sure    bool
	letters int // the letters of the word before r
}

// planUnclitic returns the plan of unclitic for the folded word f with
// readings arabic.WithoutProclitics(f).
func planUnclitic(f string, readings []string) uncliticPlan {
	p := uncliticPlan{own: runeCount(f) - runeCount(commonSuffix(f, f))}
	// لليبيا is ل + ليبيا, not ل + ال + يبيا: a name that starts with ل
	// after the preposition ل.
	if rest, ok := strings.CutPrefix(f, "ل"); ok && strings.HasPrefix(rest, "ل") && !listed(f) {
		p.ll, p.llSure = rest, listed(rest)
	}
	for _, r := range readings[1:] {
		if r == f || runeCount(r) < minStem || slices.Contains(readings, "ال"+r) {
			continue // too short, or the article cut off
		}
		article := strings.HasPrefix(r, "ال") && !strings.HasPrefix(f, "ال")
		if article && runeCount(r) < minStem+2 {
			continue // the ال of a word, not the article: وكالة is not و + ك + الة
		}
		// فرانس برس is not ف + رانس (Reims), باريس not ب + اريس, unless
		// the article has the shorter word bare.
		sure := (listed(r) || article) && !rareOnNames(f, r) && !listedLonger(f, r, readings)
		p.steps = append(p.steps, uncliticStep{r, sure, runeCount(f) - runeCount(commonSuffix(f, r))})
	}
	return p
}

// uncliticPlanned is unclitic of the folded word f by its plan p.
func (x *extraction) uncliticPlanned(f string, p *uncliticPlan) (string, int) {
	if p.ll != "" && (p.llSure || x.bare[p.ll]) {
		return p.ll, 1
	}
	best, letters := f, p.own
	for _, st := range p.steps {
		if best != f && len(st.r) >= len(best) {
			continue
		}
		if st.sure || x.bare[st.r] {
			best, letters = st.r, st.letters
		}
	}
	return best, letters
}

// listed reports whether a word list knows w as a word or as the start of
// a name.
func listed(w string) bool {
	return lex().words[w] != 0 || len(lex().names[w]) > 0 || len(orgNameTable()[w]) > 0
}

// listedLonger reports whether f itself, or a reading of it longer than r,
// is a listed name: then the letters before r are its own, not clitics,
// although a word list also knows r (باريس, وباريس: the cities list has a
// town اريس too).
func listedLonger(f, r string, readings []string) bool {
	if listed(f) {
		return true
	}
	for _, o := range readings {
		if len(o) > len(r) && len(o) < len(f) && strings.HasSuffix(o, r) && listed(o) {
			return true
		}
	}
	return false
}

func commonSuffix(a, b string) string {
	i, j := len(a), len(b)
	for i > 0 && j > 0 && a[i-1] == b[j-1] {
		i--
		j--
	}
	for i < len(a) && !utf8.RuneStart(a[i]) {
		i++
	}
	return a[i:]
}

// spread tags every other place in the article where a name the tagger
// found is written again, with or without clitics, and a person's family
// name standing alone: what the tagger saw in a clear context it then
// knows everywhere (one sense per discourse). The names in x.also are
// looked for too.
func (x *extraction) spread() {
	type known = knownName
	votes := make(map[string]*[nKinds]int, len(x.names)) // by key, per Kind
	seqs := make(map[string][]string, len(x.names))
	for _, n := range x.names {
		k, _ := x.key(n.first, n.last)
		if votes[k] == nil {
			votes[k] = new([nKinds]int)
			words := make([]string, 0, n.last-n.first+1)
			for i := n.first; i <= n.last; i++ {
				w := x.folded[i]
				if i == n.first {
					w, _ = x.unclitic(w)
				}
				words = append(words, w)
			}
			seqs[k] = words
		}
		votes[k][n.kind]++
		if n.kind == Person && n.last > n.first {
			last := x.folded[n.last]
			if runeCount(last) >= minStem && !stopWords()[last] && familyName(x.folded[n.last-1], last) {
				if votes[last] == nil {
					votes[last] = new([nKinds]int)
					seqs[last] = []string{last}
				}
				votes[last][Person]++
			}
		}
	}
	// byFirst indexes the known names by their first word.
	byFirst := map[string][]known{}
	for k, v := range votes {
		kind, best := Person, -1
		for _, kd := range []Kind{Person, Place, Organisation, Other} {
			if v[kd] > best {
				kind, best = kd, v[kd]
			}
		}
		w := seqs[k]
		byFirst[w[0]] = append(byFirst[w[0]], known{w, kind})
	}
	// Each of the collection's names is added once, unless the article
	// found it itself.
	have := make(map[string]bool, len(seqs))
	for _, w := range seqs {
		have[strings.Join(w, " ")] = true
	}
	for _, kn := range x.also {
		if k := strings.Join(kn.words, " "); !have[k] {
			have[k] = true
			byFirst[kn.words[0]] = append(byFirst[kn.words[0]], kn)
		}
	}
	for _, ks := range byFirst {
		// Longest first; the rest of the order only has to be the same
		// from run to run, whatever the order of the map above.
		slices.SortFunc(ks, func(a, b known) int {
			return cmp.Or(cmp.Compare(len(b.words), len(a.words)), slices.Compare(a.words, b.words), cmp.Compare(a.kind, b.kind))
		})
	}
	// owner is the name each token belongs to; a known name may replace
	// shorter names it covers whole (أحمد + الشرع → أحمد الشرع).
	owner := make([]int, len(x.toks))
	for i := range owner {
		owner[i] = -1
	}
	for ni, n := range x.names {
		for j := n.first; j <= n.last; j++ {
			owner[j] = ni
		}
	}
	dead := make([]bool, len(x.names))
	covers := func(i, end int) bool {
		for j := i; j <= end; j++ {
			if o := owner[j]; o >= 0 {
				n := x.names[o]
				if n.first < i || n.last > end || n.last-n.first >= end-i {
					return false
				}
			}
		}
		return true
	}
	for i := 0; i < len(x.toks); i++ {
		first, _ := x.uncliticAt(i)
		cands := byFirst[first]
		if x.folded[i] != first {
			cands = append(cands[:len(cands):len(cands)], byFirst[x.folded[i]]...)
		}
		for _, k := range cands {
			end := i + len(k.words) - 1
			if end >= len(x.toks) || x.toks[end].para != x.toks[i].para || !covers(i, end) {
				continue
			}
			ok := true
			for j := 1; j < len(k.words); j++ {
				if x.folded[i+j] != k.words[j] {
					ok = false
					break
				}
			}
			if ok {
				for j := i; j <= end; j++ {
					if owner[j] >= 0 {
						dead[owner[j]] = true
					}
					owner[j] = len(x.names)
				}
				x.names = append(x.names, found{i, end, k.kind})
				dead = append(dead, false)
				i = end
				break
			}
		}
	}
	live := x.names[:0]
	for ni, n := range x.names {
		if !dead[ni] {
			live = append(live, n)
		}
	}
	x.names = live
}

// compoundHeads are the words that make one given name with the word after
// them (عبد الجبار, أبو بكر, بن سلمان), and compoundTails the words that
// make one with the word before (نور الدين, عبد الله): the second part of
// such a pair is no family name to find alone.
var (
	compoundHeads = foldedSet("عبد أبو أبا أبي ابن بن بنت أم آل ذو")
	compoundTails = foldedSet("الدين الله الرحمن الرحيم")
)

// familyName reports whether last, the last word of a person's name after
// the word prev, stands for the person alone.
func familyName(prev, last string) bool {
	return !compoundHeads()[prev] && !compoundTails()[last] && !notAName([]string{last}, Person, nil)
}

// keyWord folds what Fold leaves apart but names spell both ways, so that
// the key is one for both: a final ية and يا (سورية, سوريا, also ليبية),
// the transliterations arabic.Variants lists (شويغو, شويجو), and the
// letters transliteration varies in (translitLetters).
func keyWord(w string) string {
	if rest, ok := strings.CutSuffix(w, "يه"); ok && runeCount(rest) >= 2 {
		w = rest + "يا"
	}
	for _, v := range arabic.Variants(w) {
		w = min(w, v)
	}
	return translit(w)
}

// translitLetters are the letters that Arabic writes foreign names with in
// more than one way, each mapped to one of them: the Persian letters for
// p, v, ch and g that some outlets use and others replace (پ/ب, ڤ/ف, چ/ج,
// گ/ك; Unicode 15.0 Arabic block).
var translitLetters = newLetterMap("پ", "ب", "ڤ", "ف", "ڥ", "ف", "چ", "ج", "گ", "ك")

// gLetters are the three letters Arabic copy writes a foreign g with, by
// region and outlet (غوتيريش, جوتيريش, قوتيريش; هامبورغ, هامبورج), mapped
// to one of them.
var gLetters = newLetterMap("غ", "ج", "ق", "ج")

// letterMap replaces letters, given as old, new pairs.
type letterMap struct {
	r   *strings.Replacer
	old string // the letters replaced
}

func newLetterMap(oldnew ...string) letterMap {
	m := letterMap{r: strings.NewReplacer(oldnew...)}
	for i := 0; i < len(oldnew); i += 2 {
		m.old += oldnew[i]
	}
	return m
}

// Replace returns w with the letters replaced; a Replacer copies its input
// even where it replaces nothing, and most words have none of them.
func (m letterMap) Replace(w string) string {
	if !strings.ContainsAny(w, m.old) {
		return w
	}
	return m.r.Replace(w)
}

// translit makes one key of the spellings of a transliterated name: its
// Persian letters replaced, and in a word of five letters or more the
// letters of g made one (gLetters) and the long a (ا) inside left out, as
// some outlets write it and others not (ترامب, ترمب; نتانياهو, نتنياهو).
// Shorter words keep both: حامد and حمد, غزة and قزة are two names.
func translit(w string) string {
	w = translitLetters.Replace(w)
	if runeCount(w) < 5 {
		return w
	}
	w = gLetters.Replace(w)
	_, n := utf8.DecodeRuneInString(w) // the first letter stays, and the article
	for _, p := range []string{"ال", "عبدال"} {
		if strings.HasPrefix(w, p) {
			n = len(p)
		}
	}
	if !strings.Contains(w[n:], "ا") {
		return w
	}
	return w[:n] + strings.ReplaceAll(w[n:], "ا", "")
}

// KeyOf returns the key an entity named name gets: folded words joined by
// one space, the spelling variants of names made one.
func KeyOf(name string) string {
	var b strings.Builder
	prev := ""
	toks := arabic.Tokens(name)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = arabic.Fold(name[t.Start:t.End])
	}
	for _, w := range words[formalHeads(words, withoutConjunction):] {
		if b.Len() > 0 && prev != "عبد" {
			b.WriteByte(' ')
		}
		b.WriteString(keyWord(w))
		prev = w
	}
	return b.String()
}

// formalPlaceHeads are the words a state's formal name puts before the
// name it is known by (مملكة البحرين, سلطنة عمان, شبه جزيرة القرم), folded:
// the formal name and the short one are one place.
var formalPlaceHeads = [][]string{{"مملكه"}, {"سلطنه"}, {"اماره"}, {"شبه", "جزيره"}}

// formalHeads returns how many of the folded words, the first without its
// clitics (bare), are a formal head before more of a name.
func formalHeads(words []string, bare func(string) string) int {
	if len(words) == 0 {
		return 0
	}
	first := bare(words[0])
	for _, h := range formalPlaceHeads {
		if len(words) > len(h) && first == h[0] && slices.Equal(words[1:len(h)], h[1:]) {
			return len(h)
		}
	}
	return 0
}

// formalHeadEnding reports whether the folded word f may be the first
// word of a formal head, with or without proclitics.
func formalHeadEnding(f string) bool {
	for _, h := range formalPlaceHeads {
		if strings.HasSuffix(f, h[0]) {
			return true
		}
	}
	return false
}

// withoutConjunction returns the folded word f without the proclitics a
// formal head takes (وشبه جزيرة, بمملكة), where what is left is a head.
func withoutConjunction(f string) string {
	for _, c := range []string{"", "و", "ب", "ل", "ف", "وب", "ول"} {
		r, ok := strings.CutPrefix(f, c)
		if ok && slices.ContainsFunc(formalPlaceHeads, func(h []string) bool { return h[0] == r }) {
			return r
		}
	}
	return f
}

// placed is a mention before grouping, with what grouping weighs.
type placed struct {
	Mention
	kind  Kind
	words int
	label string
}

// text is the text a token of paragraph para is in.
func (x *extraction) text(para int) string {
	if para == CreditPara {
		return x.credit
	}
	return x.texts[para+1]
}

// group turns names into entities: one per key, a lone family name joined
// to the one full name in the article that ends with it, the kind the one
// most mentions have, the label the fullest form.
// labelOf is how a mention is shown: its text, with the alef of the
// article back where ل before it took it (للأمم المتحدة, key الامم
// المتحده, shows as الأمم المتحدة, not لأمم المتحدة).
func labelOf(surface, key string) string {
	if strings.HasPrefix(key, "ال") && !strings.HasPrefix(surface, "ال") && strings.HasPrefix(surface, "ل") {
		return "ا" + surface
	}
	return surface
}

func (x *extraction) group() []Entity {
	byKey := map[string][]placed{}
	var keys []string
	for _, n := range x.names {
		k, lead := x.key(n.first, n.last)
		first, last := x.toks[n.first], x.toks[n.last]
		text := x.text(int(first.para))
		start := skipLetters(text, int(first.start), lead)
		m := placed{Mention{Para: int(first.para), Start: start, End: int(last.end)}, n.kind, n.last - n.first + 1, labelOf(text[start:last.end], k)}
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], m)
	}
	x.joinAliases(byKey)
	slices.Sort(keys)
	byLast := map[string][]string{} // full person names by their last word
	for _, k := range keys {
		if i := strings.LastIndexByte(k, ' '); i >= 0 && majority(byKey[k]) == Person {
			byLast[k[i+1:]] = append(byLast[k[i+1:]], k)
		}
	}
	for _, k := range keys {
		if full := byLast[k]; len(full) == 1 && !strings.Contains(k, " ") {
			byKey[full[0]] = append(byKey[full[0]], byKey[k]...)
			byKey[k] = nil
		}
	}
	var out []Entity
	for _, k := range keys {
		ms := byKey[k]
		if len(ms) == 0 {
			continue
		}
		labels := map[string]int{}
		for _, m := range ms {
			labels[m.label]++
		}
		best := ms[0]
		for _, m := range ms {
			if m.words > best.words || m.words == best.words && labels[m.label] > labels[best.label] {
				best = m
			}
		}
		e := Entity{Key: k, Label: best.label, Kind: majority(ms)}
		for _, m := range ms {
			e.Mentions = append(e.Mentions, m.Mention)
		}
		slices.SortFunc(e.Mentions, func(a, b Mention) int {
			return cmp.Or(cmp.Compare(a.Para, b.Para), cmp.Compare(a.Start, b.Start))
		})
		e.Mentions = slices.Compact(e.Mentions)
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Entity) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(len(b.Mentions), len(a.Mentions)), strings.Compare(a.Key, b.Key))
	})
	return out
}

// joinAliases moves the mentions of a short name given in brackets after
// an organisation's (وكالة الأنباء الكويتية (كونا)) to the
// organisation's key: one entity, labelled with the full name.
func (x *extraction) joinAliases(byKey map[string][]placed) {
	var at map[int]found // names by first token, made at the first bracket
	for _, a := range x.names {
		if a.kind != Organisation || a.last+2 >= len(x.folded) || x.folded[a.last+1] != "(" {
			continue
		}
		if at == nil {
			at = make(map[int]found, len(x.names))
			for _, n := range x.names {
				at[n.first] = n
			}
		}
		b, ok := at[a.last+2]
		if !ok || b.kind != Organisation || b.last-b.first > 1 || b.last+1 >= len(x.folded) || x.folded[b.last+1] != ")" {
			continue
		}
		ka, _ := x.key(a.first, a.last)
		kb, _ := x.key(b.first, b.last)
		if ka != kb && len(byKey[kb]) > 0 {
			byKey[ka] = append(byKey[ka], byKey[kb]...)
			byKey[kb] = nil
		}
	}
}

// majority returns the kind most of the mentions were tagged with; a tie
// goes to the first kind in Kind order.
func majority(ms []placed) Kind {
	var votes [4]int
	for _, m := range ms {
		votes[m.kind&3]++
	}
	kind := Kind(0)
	for kd := range votes {
		if votes[kd] > votes[kind] {
			kind = Kind(kd)
		}
	}
	return kind
}

// skipLetters returns the offset in text after n letters from start,
// stepping over the marks that ride on them.
func skipLetters(text string, start, n int) int {
	i := start
	for n > 0 && i < len(text) {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		n--
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsMark(r) && r != '\u0640' {
				break
			}
			i += size
		}
	}
	return i
}
