package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"html"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// draft is an article as a reader found it in a file: metadata fields and
// raw text, before page furniture is removed and the text is cut into
// paragraphs.
type draft struct {
	path  string
	index int

	title, source, url, author, category string
	date                                 time.Time
	dateOK                               bool

	// lines is the text, one paragraph per entry, in file order. Kind is
	// set where the format says it (Markdown headings and quotes);
	// elsewhere it is worked out from cues.
	lines []line
	// findTitle asks for the title to be found at the top of the text, as
	// in scraped pages, when no metadata gave one.
	findTitle bool
}

type line struct {
	text  string
	kind  ParagraphKind
	fixed bool // kind given by the format
	// inlines are offsets into text, kept only while text is unchanged.
	inlines []Inline
}

// built is an article ready for the collector, with the key by which
// duplicates are recognised.
type built struct {
	a   *Article
	key [16]byte
}

// maxTitleRunes is the longest line taken for a title. Headlines in
// SaudiNewsNet run to about 150 characters; a longer first line is text.
const maxTitleRunes = 220

// minDuplicateWords is the fewest words a paragraph needs for its repeat,
// right after it, to be dropped as a scraping artefact: shorter lines repeat
// on purpose (a refrain in a poem, SaudiNewsNet's aljazirah columns).
const minDuplicateWords = 4

// build turns d into an Article, or reports ok=false when it holds
// neither title nor text.
func (d *draft) build() (b built, ok bool) {
	a := &Article{
		Path:     d.path,
		Index:    d.index,
		Title:    cleanLine(d.title),
		Source:   cleanLine(d.source),
		URL:      strings.TrimSpace(d.url),
		Author:   cleanLine(d.author),
		Category: cleanLine(d.category),
	}
	if d.dateOK {
		a.Date, a.DateFrom = d.date, DateMetadata
	}
	lines := d.lines[:0:0]
	for _, l := range d.lines {
		if t := cleanLine(l.text); t != l.text {
			l.text, l.inlines = t, nil
		}
		if l.text != "" {
			lines = append(lines, l)
		}
	}

	var pre []line // kept lines above the title (kickers, summary bullets)
	i := 0
	for ; i < len(lines) && i < 8; i++ {
		l := lines[i].text
		if t, ok := parseDateline(l); ok {
			if a.DateFrom == DateUnknown {
				a.Date, a.DateFrom = t, DateDateline
			}
			a.Removed = append(a.Removed, l)
			continue
		}
		if a.Title == "" && d.findTitle {
			if isBullet(l) {
				pre = append(pre, lines[i])
				continue
			}
			if furniture().isFurniture(l) {
				a.Removed = append(a.Removed, l)
				continue
			}
			t, cut := splitTitleLine(l)
			if utf8.RuneCountInString(t) > maxTitleRunes {
				break
			}
			a.Title = t
			a.Removed = append(a.Removed, cut...)
			if a.Source == "" {
				a.Source = siteSuffix(l)
			}
			continue
		}
		if a.Title != "" && sameTitle(l, a.Title) {
			a.Removed = append(a.Removed, l)
			continue
		}
		break
	}
	if a.Title == "" && d.findTitle && len(pre) > 0 {
		// Only bullets above the text: the first was the headline.
		a.Title = trimBullet(pre[0].text)
		pre = pre[1:]
	}
	lines = append(pre, lines[i:]...)

	kept := lines[:0:0]
	for j := 0; j < len(lines); j++ {
		l := lines[j]
		if !l.fixed {
			var lead string
			if l.text, lead = furniture().cutLead(l.text); lead != "" {
				a.Removed = append(a.Removed, lead)
				l.inlines = nil
			}
		}
		switch {
		case !l.fixed && furniture().isFurniture(l.text):
			a.Removed = append(a.Removed, l.text)
			if furniture().isReadAlso(l.text) && j+1 < len(lines) && isHeadlineLike(lines[j+1].text) {
				j++
				a.Removed = append(a.Removed, lines[j].text)
			}
		case l.text == "":
		case len(kept) > 0 && kept[len(kept)-1].text == l.text && strings.Count(l.text, " ") >= minDuplicateWords-1:
			a.Removed = append(a.Removed, l.text) // adjacent duplicate (seed 002)
		default:
			kept = append(kept, l)
		}
	}
	if a.Title == "" && len(kept) == 0 {
		return built{}, false
	}
	a.Paragraphs = make([]Paragraph, len(kept))
	for j, l := range kept {
		kind := l.kind
		if !l.fixed {
			kind = classify(kept, j)
		}
		a.Paragraphs[j] = Paragraph{Kind: kind, Text: l.text, Inlines: l.inlines}
	}
	a.Paragraphs = cutLong(a.Paragraphs)
	a.Credit = creditIn(a.Removed)
	a.Dir = direction(a)
	a.ID, b.key = identify(a)
	b.a = a
	return b, true
}

// identify returns the article's ID, a hash of its title and text, and the
// key by which copies of it are recognised: the hash of its text alone (or
// of its title when it has no text), since a story republished under a
// second headline is still the same story.
func identify(a *Article) (id string, key [16]byte) {
	h := hashes.Get().(*stringHash)
	defer hashes.Put(h)
	h.Reset()
	for _, p := range a.Paragraphs {
		h.WriteString(p.Text)
		h.WriteString("\n")
	}
	if len(a.Paragraphs) == 0 {
		h.WriteString("title\x00")
		h.WriteString(a.Title)
	}
	copy(key[:], h.sum())
	h.WriteString("\x00title\x00")
	h.WriteString(a.Title)
	return hex.EncodeToString(h.sum()[:8]), key
}

// stringHash feeds strings to a hash through a fixed buffer, since the
// standard hashes take only []byte and converting every paragraph would
// copy the whole collection once more.
type stringHash struct {
	hash.Hash
	buf [4096]byte
	n   int
}

func (h *stringHash) WriteString(s string) {
	for len(s) > 0 {
		if h.n == len(h.buf) {
			h.Write(h.buf[:])
			h.n = 0
		}
		c := copy(h.buf[h.n:], s)
		h.n += c
		s = s[c:]
	}
}

// hashes recycles stringHashes, whose buffers would otherwise be allocated
// anew for each article.
var hashes = sync.Pool{New: func() any { return &stringHash{Hash: sha256.New()} }}

// sum returns the hash of what was written so far; writing may go on.
func (h *stringHash) sum() []byte {
	h.Write(h.buf[:h.n])
	h.n = 0
	return h.Sum(nil)
}

// titleSeparators cut breadcrumb trails ("الرئيسية » الهدهد » TITLE", seed
// 000). They count only with a space on each side, since » also closes
// Arabic quotations («حميميم», seed 003).
var titleSeparators = []string{" » ", " › ", " > ", " >> "}

// splitTitleLine takes the title out of the first line of a scraped page,
// cutting a breadcrumb trail before it, a site name after " | " (seed 001)
// and a section name before " : " (seed 004: "اخبار سوريا : لافروف: …").
// cut holds what was taken off.
func splitTitleLine(l string) (title string, cut []string) {
	title = l
	for _, sep := range titleSeparators {
		if k := strings.LastIndex(title, sep); k > 0 && isBreadcrumb(title[:k], sep) {
			rest := normalizeLine(title[k+len(sep):])
			if rest != "" {
				cut = append(cut, strings.TrimSpace(title[:k+len(sep)]))
				title = rest
			}
		}
	}
	if k := strings.LastIndex(title, " | "); k > 0 {
		before, after := strings.TrimSpace(title[:k]), strings.TrimSpace(title[k+3:])
		if len(strings.Fields(after)) <= 6 && len(strings.Fields(before)) >= 3 {
			cut = append(cut, after)
			title = before
		}
	}
	if k := strings.Index(title, " : "); k > 0 {
		before, after := strings.TrimSpace(title[:k]), normalizeLine(title[k+3:])
		if isSectionName(before) && len(strings.Fields(after)) >= 3 {
			cut = append(cut, before+" :")
			title = after
		}
	}
	return trimBullet(title), cut
}

// trimBullet removes a bullet mark from the start of a headline ("* البلوي
// أقنعني بالاتحاد", SaudiNewsNet).
func trimBullet(s string) string {
	for _, m := range bulletMarks {
		if t, ok := strings.CutPrefix(s, m); ok && strings.TrimSpace(t) != "" {
			return strings.TrimSpace(t)
		}
	}
	return s
}

// sectionWords open the names of newspaper sections ("اخبار سوريا", seed
// 004; "محليات", "رياضة" on Saudi sites). Only a prefix that opens with one
// is cut from a title: in headlines "X : Y" is far more often a speaker and
// his words ("أوباما : النصر أخيراً !", 360 SaudiNewsNet titles).
var sectionWords = map[string]bool{}

func init() {
	for _, w := range []string{
		"أخبار", "اخبار", "عاجل", "محليات", "محلي", "دولي", "دوليات", "عربي", "عربيات", "رياضة", "رياضي",
		"اقتصاد", "اقتصادي", "سياسة", "منوعات", "ثقافة", "تقارير", "تقرير", "مقالات", "فيديو", "صور",
		"news", "breaking", "world", "sport", "sports", "business", "politics",
	} {
		sectionWords[furnitureKey(w)] = true
	}
}

func isSectionName(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && len(f) <= 4 && sectionWords[furnitureKey(f[0])]
}

// siteSuffix returns the site name after " | " on a title line, if any.
func siteSuffix(l string) string {
	k := strings.LastIndex(l, " | ")
	if k < 0 {
		return ""
	}
	after := strings.TrimSpace(l[k+3:])
	if n := len(strings.Fields(after)); n == 0 || n > 6 {
		return ""
	}
	return after
}

// isBreadcrumb reports whether trail, the part of a line before its last
// separator sep, is a trail of short section names. Quotation marks must be
// balanced in it, since a spaced » may close a quotation ("«البرسيم » في
// الباحة", SaudiNewsNet).
func isBreadcrumb(trail, sep string) bool {
	for _, part := range strings.Split(trail, sep) {
		if n := len(strings.Fields(part)); n == 0 || n > 4 || strings.Count(part, "«") != strings.Count(part, "»") {
			return false
		}
	}
	return true
}

// sameTitle reports whether l repeats title, as pages print the headline
// twice at the top (seeds 000, 001, 002).
func sameTitle(l, title string) bool {
	if len(l) > 4*len(title)+64 {
		return false
	}
	t, _ := splitTitleLine(l)
	return t == title || furnitureKey(t) == furnitureKey(title)
}

// bulletMarks start summary points printed above a headline (seed 003: "•
// دعا خلال مباحثات …").
var bulletMarks = []string{"•", "●", "▪", "◾", "■", "- ", "* "}

func isBullet(l string) bool {
	for _, m := range bulletMarks {
		if strings.HasPrefix(l, m) {
			return true
		}
	}
	return false
}

// isHeadlineLike reports whether l reads as a linked headline: short and
// not ended like a sentence.
func isHeadlineLike(l string) bool {
	return len(strings.Fields(l)) <= 15 && !endsSentence(l) && !furniture().isFurniture(l)
}

// sentenceEnds are the marks that end a sentence rather than a headline,
// Arabic and Latin.
const sentenceEnds = ".!?؟…:;؛,،"

func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(sentenceEnds, r)
}

// cleanLine prepares a line of a file for reading: HTML character
// references that scrapers leave in text are decoded (233 SaudiNewsNet
// articles hold "&#8220;" for “), then white space is normalised.
func cleanLine(s string) string {
	if i := strings.IndexByte(s, '&'); i >= 0 && strings.IndexByte(s[i:], ';') >= 0 {
		s = html.UnescapeString(s)
	}
	return normalizeLine(s)
}

// normalizeLine trims white space (with no-break spaces, zero-width spaces
// and byte-order marks, which scraped pages leave on "empty" lines) and
// makes each run of inner white space one space.
func normalizeLine(s string) string {
	s = strings.TrimFunc(s, isBlank)
	prevSpace := false
	for i := 0; i < len(s); i++ {
		switch byteClass[s[i]] {
		case plainByte:
			prevSpace = false
		case spaceByte:
			if prevSpace {
				return collapseSpaces(s)
			}
			prevSpace = true
		case otherSpaceByte:
			return collapseSpaces(s)
		case spaceLeadByte:
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return collapseSpaces(s)
			}
			prevSpace = false
		}
	}
	return s
}

// byteClass sorts bytes for normalizeLine, which looks at every byte of
// the collection and so must not decode runes it need not.
var byteClass = func() (t [256]uint8) {
	t[' '] = spaceByte
	for _, c := range "\t\n\v\f\r" {
		t[c] = otherSpaceByte
	}
	// Lead bytes of the only non-ASCII spaces (U+0085, U+00A0, U+1680,
	// U+2000–U+205F, U+3000); Arabic letters never start with them.
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = spaceLeadByte
	}
	return t
}()

const (
	plainByte = iota
	spaceByte
	otherSpaceByte
	spaceLeadByte
)

func collapseSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// direction is RTL when most of the article's letters are Arabic-script,
// judged on its title and first paragraphs.
func direction(a *Article) Direction {
	arabic, other := 0, 0
	count := func(s string) {
		for i := 0; i < len(s); {
			c := s[i]
			if c < utf8.RuneSelf {
				if 'a' <= c|0x20 && c|0x20 <= 'z' {
					other++
				}
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			switch {
			case r >= 0x600 && r <= 0x6FF:
				if arabicBlockLetter[r-0x600] {
					arabic++
				}
			case unicode.Is(unicode.Arabic, r):
				if unicode.IsLetter(r) {
					arabic++
				}
			case unicode.IsLetter(r):
				other++
			}
		}
	}
	// The first few kilobytes tell the direction of a news article as
	// well as the whole would, at a fraction of the cost.
	n := len(a.Title)
	count(a.Title)
	for _, p := range a.Paragraphs {
		if n > directionSample {
			break
		}
		count(p.Text)
		n += len(p.Text)
	}
	if arabic > other {
		return RTL
	}
	return LTR
}

// directionSample is about how many bytes of an article direction reads.
const directionSample = 4096

// arabicBlockLetter marks the letters of the Arabic block (U+0600–U+06FF),
// where nearly all Arabic text lies, so that counting them needs no search
// of the Unicode tables.
var arabicBlockLetter = func() (t [0x100]bool) {
	for i := range t {
		r := rune(0x600 + i)
		t[i] = unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
	}
	return t
}()

// MaxParagraphSize is the longest paragraph an article holds: a longer one
// (a page with no line breaks, a 1 MB JSON field) is cut into paragraphs
// of at most this many bytes, at the last space before each limit (or the
// last character boundary, in text with no space), the space dropped.
// Every step that works on a paragraph at once (laying it out on the
// screen, the bidi algorithm, the tagger's sentences) then works on at
// most this much; no real news paragraph comes near it.
const MaxParagraphSize = 64 << 10

// cutLong returns ps with every paragraph longer than MaxParagraphSize cut
// into several of its kind, each with the inlines that fall in it.
func cutLong(ps []Paragraph) []Paragraph {
	long := false
	for _, p := range ps {
		long = long || len(p.Text) > MaxParagraphSize
	}
	if !long {
		return ps
	}
	var out []Paragraph
	for _, p := range ps {
		for start := 0; ; {
			rest := p.Text[start:]
			if len(rest) <= MaxParagraphSize {
				out = append(out, piece(p, start, len(p.Text)))
				break
			}
			end, next := cutAt(rest)
			out = append(out, piece(p, start, start+end))
			start += next
		}
	}
	return out
}

// cutAt returns where to end the first paragraph cut from text, longer
// than MaxParagraphSize, and where the next begins: after the last space
// within the limit when there is one in its second half, else at the last
// character boundary within it.
func cutAt(text string) (end, next int) {
	limit := text[:MaxParagraphSize+1]
	if i := strings.LastIndexByte(limit, ' '); i >= MaxParagraphSize/2 {
		return i, i + 1
	}
	end = MaxParagraphSize
	for end > MaxParagraphSize-utf8.UTFMax && !utf8.RuneStart(text[end]) {
		end--
	}
	return end, end
}

// piece is p's text from start to end, with the parts of its inlines that
// fall there.
func piece(p Paragraph, start, end int) Paragraph {
	q := Paragraph{Kind: p.Kind, Text: p.Text[start:end]}
	for _, in := range p.Inlines {
		if in.Start < end && (in.End > start || in.Start >= start) {
			in.Start, in.End = max(in.Start, start)-start, min(in.End, end)-start
			q.Inlines = append(q.Inlines, in)
		}
	}
	return q
}
