package corpus

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Paragraph kinds in scraped text are not marked up, so they are read from
// simple cues, each kept deliberately narrow: when in doubt a paragraph is
// Body, which the reader shows as plain text anyway.
//
//   - Caption: a short paragraph that ends with a photo agency's credit set
//     apart from the sentence before it ("… عملية سلام سورية. رويترز", seed
//     003; "… (أ ف ب)"), or opens as a photo label ("صورة: …").
//   - Quote: a paragraph of four words or more that is one quotation from
//     its first character to its last.
//   - Heading: a short line without a sentence's closing mark, with its
//     quotations closed, between paragraphs (the sub-heads of seeds 001 and
//     004) and followed by a much longer one. A short line above the whole
//     text is a byline or a dateline ("عين اليوم – الرياض", SaudiNewsNet), not
//     a heading.

// captionCredits end photo captions: wire and photo agencies as Arabic
// newspapers credit them (Reuters, AFP, AP, EPA, Getty, "archive photo").
var captionCredits = []string{
	"رويترز", "(رويترز)", "أ ف ب", "(أ ف ب)", "أ.ف.ب", "(أ.ف.ب)", "ا ف ب", "(ا ف ب)",
	"أ ب", "(أ ب)", "إ ب أ", "(إ ب أ)", "أرشيفية", "(أرشيفية)", "صورة أرشيفية", "(صورة أرشيفية)",
	"getty", "getty images", "(getty)", "afp", "(afp)", "reuters", "(reuters)", "ap", "(ap)", "epa", "(epa)",
}

// captionOpenings start photo captions.
var captionOpenings = []string{"صورة:", "الصورة:", "(صورة", "صورة من", "photo:", "(photo"}

// maxCaptionWords and maxHeadingWords bound the kinds that are short by
// nature, so that a body paragraph ending with "رويترز" is not a caption.
const (
	maxCaptionWords = 40
	maxHeadingWords = 12
)

// quotePairs are the quotation marks that may enclose a whole paragraph.
var quotePairs = [][2]rune{{'«', '»'}, {'“', '”'}, {'"', '"'}, {'„', '“'}, {'‹', '›'}}

var captionCreditKeys, captionOpeningKeys = foldAll(captionCredits), foldAll(captionOpenings)

func foldAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = furnitureKey(s)
	}
	return out
}

// classify returns the kind of paragraph j of ps.
func classify(ps []line, j int) ParagraphKind {
	t := ps[j].text
	words := strings.Count(t, " ") + 1
	switch {
	case words <= maxCaptionWords && isCaption(t):
		return Caption
	case isQuote(t):
		return Quote
	case j > 0 && words <= maxHeadingWords && utf8.RuneCountInString(t) <= 100 && !endsSentence(t) && !isBullet(t) &&
		quotesClosed(t) && j+1 < len(ps) && strings.Count(ps[j+1].text, " ")+1 >= max(15, 2*words):
		return Heading
	}
	return Body
}

// quotesClosed reports whether every quotation t opens it also closes: a
// line cut in the middle of a quotation ("… «إن الأداء الإيجابي لـ",
// SaudiNewsNet) is a broken sentence, not a heading.
func quotesClosed(t string) bool {
	return strings.Count(t, "«") == strings.Count(t, "»") && strings.Count(t, "“") == strings.Count(t, "”") &&
		strings.Count(t, `"`)%2 == 0
}

func isCaption(t string) bool {
	// Only the ends of the paragraph are folded: the cues are there.
	var buf [64]byte
	head := foldInto(buf[:0], cutUTF8(t, 32))
	for _, o := range captionOpeningKeys {
		if len(head) >= len(o) && string(head[:len(o)]) == o {
			return true
		}
	}
	tail := t
	if len(t) > 48 {
		i := len(t) - 48
		for i < len(t) && !utf8.RuneStart(t[i]) {
			i++
		}
		tail = t[i:]
	}
	var tbuf [128]byte
	k := bytes.TrimRight(foldInto(tbuf[:0], tail), " .،-–")
	for _, c := range captionCreditKeys {
		if len(k) < len(c) || string(k[len(k)-len(c):]) != c {
			continue
		}
		if strings.Count(t, " ")-strings.Count(c, " ") < minCaptionWords {
			return false // "عواصم العالم - رويترز" is a byline
		}
		if strings.HasPrefix(c, "(") {
			return true // "(رويترز)" stands apart by itself
		}
		// A bare credit must stand apart from the sentence before it, as
		// a caption's does ("… سورية. رويترز", "… - أ ف ب"), not end it
		// ("بحسب ما نقلته وكالة رويترز", SaudiNewsNet).
		r, _ := utf8.DecodeLastRune(bytes.TrimRight(k[:len(k)-len(c)], " "))
		return strings.ContainsRune(".-–—/:|", r)
	}
	return false
}

// minCaptionWords is the fewest words before a credit.
const minCaptionWords = 5

// minQuoteWords is the fewest words of a Quote paragraph: «1» and "صياد"
// (SaudiNewsNet) are quoted names, not quotations.
const minQuoteWords = 4

func isQuote(t string) bool {
	if strings.Count(t, " ") < minQuoteWords-1 {
		return false
	}
	t = strings.TrimRight(t, ".،,")
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	for _, q := range quotePairs {
		if first != q[0] || last != q[1] {
			continue
		}
		if q[0] == q[1] {
			return strings.Count(t, string(q[0])) == 2
		}
		return strings.Count(t, string(q[0])) == 1 && strings.Count(t, string(q[1])) == 1
	}
	return false
}
