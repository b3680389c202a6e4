package corpus

import (
	"bytes"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"sahifa/corpus/arabic"
)

// Page furniture is the text a scraper copies from around an article: comment
// forms, share buttons, "read also" blocks, republishing notes. The tables
// below say what it looks like and where each entry was seen; lines are
// matched in folded form (arabic.Fold: hamza and alef variants, tashkeel and
// case do not matter), so "اقرأ أيضاً" and "إقرأ ايضا" are one entry.

// furnitureLines are whole lines that are never article text.
var furnitureLines = []string{
	// Comment forms (WordPress "Leave a Reply", Arabic WordPress themes).
	"أضف تعليق",     // seed 000
	"أضف تعليقاً",   // Arabic WordPress themes
	"اترك تعليق",    // seed 004
	"اترك تعليقاً",  // Arabic WordPress themes
	"اترك رداً",     // Arabic WordPress (Leave a Reply)
	"التعليقات",     // comment section header
	"Leave a Reply", // seed 001
	"Leave a Comment",
	// "Read also" / related-article block headers.
	"قد يعجبك أيضاً", // seed 000
	"قد يعجبك أيضا",
	"اقرأ أيضاً",
	"اقرأ أيضا",
	"اقرأ أيضاً:",
	"اقرأ المزيد",
	"مواضيع ذات صلة",
	"أخبار ذات صلة",
	"ذات صلة",
	"شاهد أيضاً",
	"You may also like",
	"Related",
	"Related Posts",
	// Navigation.
	"زر الذهاب إلى الأعلى", // seed 004 (Jannah theme "back to top")
	"العودة إلى الأعلى",
	"Next Previous", // SaudiNewsNet, 3alyoum
	"السابق التالي",
	"الرئيسية",
	// Share and follow blocks, advertisement slots (Arabic WordPress
	// themes such as Jannah and Newspaper).
	"شارك هذا المقال",
	"شارك هذا الخبر",
	"شارك",
	"إعلان",
	"Advertisement",
	// Image placeholders left where a picture was.
	"صورة", // seed 004
	"الصورة",
	"فيديو",
	// Wire-service end markers. SaudiNewsNet, was (Saudi Press Agency).
	"// انتهى //",
	"//انتهى//",
	"// يتبع //",
	"//يتبع//",
	// SaudiNewsNet, okaz: the tail of the SMS-subscription block, cut
	// onto its own line.
	"ثم الرسالة",
}

// furniturePrefixes start lines that are never article text, whatever follows.
var furniturePrefixes = []string{
	"Your email address will not be published", // seed 001 (WordPress comment form)
	"لن يتم نشر عنوان بريدك الإلكتروني",        // the same form in Arabic
	"هذا الموقع يستخدم Akismet",                // seed 000 (Akismet notice)
	"This site uses Akismet",
	"ملحوظة: مضمون هذا الخبر", // seed 004 (republishing disclaimer, Hadramout Net and others)
	"تنويه: مضمون هذا الخبر",
	"جميع الحقوق محفوظة",
	"All rights reserved",
	"اقرأ أيضاً:", // "read also: <linked headline>" on one line
	"اقرأ أيضا:",
	"للتواصل مع الكاتب ارسل رسالة", // SaudiNewsNet, almadina
	"للتواصل أرسل sms",             // SaudiNewsNet, okaz
	"تبدأ بالرمز (",                // SaudiNewsNet, almadina: "تبدأ بالرمز (100) ثم مسافة ثم نص الرسالة إلى"
	// Tag lists and follow-us lines under articles (Arabic WordPress
	// themes: "الوسوم: سوريا روسيا", "تابعونا على تويتر").
	"الوسوم:",
	"وسوم:",
	"كلمات مفتاحية:",
	"كلمات دلالية:",
	"Tags:",
	"تابعونا على",
	"تابعوا آخر الأخبار",
	"اشترك في النشرة البريدية",
	"حمل تطبيق",
}

// furnitureLeads are furniture glued to the start of a line of text: they
// are cut off and the rest of the line is kept.
var furnitureLeads = []string{
	"Next Previous", // SaudiNewsNet, 3alyoum: the pager, glued to the byline or to the first paragraph
}

// furniturePatterns are line shapes that are furniture.
var furniturePatterns = []*regexp.Regexp{
	// SaudiNewsNet, almadina: "88591 - Stc", "635031 - Mobily", "737221 - Zain".
	regexp.MustCompile(`^\d{4,7} - (?:stc|mobily|zain)$`),
	// SaudiNewsNet, okaz: "الاتصالات ,636250 موبايلي, 738303".
	regexp.MustCompile(`^الاتصالات ?,\d+ موبايلي, ?\d+`),
	// Copyright lines: "© 2024 …", "جميع الحقوق © …".
	regexp.MustCompile(`^(?:©|\(c\)|copyright)\s`),
	// SaudiNewsNet, aawsat: the "more" link, "...المزيد" or "....المزيد".
	regexp.MustCompile(`^\.{2,}\s*المزيد$`),
	// SaudiNewsNet, 3alyoum: a lone ">" or "." left by a pager or a
	// stripped image.
	regexp.MustCompile(`^[.>|<•·_-]$`),
	// SaudiNewsNet, aawsat and almadina: a columnist's e-mail address on
	// its own line under the column.
	regexp.MustCompile(`^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$`),
}

// shareWords are share-button labels. A line made only of these (and of
// separators) is a row of buttons; a sentence that merely names one of
// them ("قال في تغريدة على تويتر") is text and stays. Seen: seed 003 ("تويتر"),
// Arabic news themes (Jannah, Newspaper), AddThis and ShareThis widgets.
var shareWords = []string{
	"تويتر", "فيسبوك", "فيس بوك", "واتساب", "واتس اب", "تيليجرام", "تلغرام", "تليجرام",
	"لينكدإن", "لينكد إن", "بينتيريست", "ريديت", "تمبلر", "انستغرام", "إنستغرام", "يوتيوب",
	"بريد إلكتروني", "البريد الإلكتروني", "طباعة", "مشاركة", "شارك", "شارك الخبر", "شارك على",
	"twitter", "facebook", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "tumblr",
	"email", "print", "share", "messenger", "x",
}

// readAlsoHeaders head "read also" blocks: the linked headline on the line
// after one is furniture as well. Seen: seed 000, Arabic news themes.
var readAlsoHeaders = []string{
	"قد يعجبك أيضاً", "قد يعجبك أيضا", "اقرأ أيضاً", "اقرأ أيضا", "شاهد أيضاً",
	"مواضيع ذات صلة", "أخبار ذات صلة", "ذات صلة", "You may also like", "Related Posts",
}

// furnitureIndex holds the tables in folded form, ready for lookups.
type furnitureIndex struct {
	lines    map[string]bool
	prefixes []string
	leads    []string
	share    map[string]bool
	readAlso map[string]bool
	maxShare int // most words in one share label
}

// furniture builds the index on first use, so commands that read no
// articles (render) do not pay for it at start-up.
var furniture = sync.OnceValue(buildFurniture)

func buildFurniture() *furnitureIndex {
	fi := &furnitureIndex{lines: map[string]bool{}, share: map[string]bool{}, readAlso: map[string]bool{}}
	for _, s := range furnitureLines {
		fi.lines[furnitureKey(s)] = true
	}
	for _, s := range furniturePrefixes {
		fi.prefixes = append(fi.prefixes, furnitureKey(s))
	}
	for _, s := range furnitureLeads {
		fi.leads = append(fi.leads, furnitureKey(s))
	}
	for _, s := range shareWords {
		k := furnitureKey(s)
		fi.share[k] = true
		fi.maxShare = max(fi.maxShare, len(strings.Fields(k)))
	}
	for _, s := range readAlsoHeaders {
		fi.readAlso[furnitureKey(s)] = true
	}
	return fi
}

// furnitureKey is the form in which lines are compared with the tables:
// white space normalised, then folded.
func furnitureKey(s string) string {
	return strings.TrimSpace(arabic.Fold(normalizeLine(s)))
}

// maxFurnitureLen bounds the lines compared whole with the tables: page
// furniture is short, and folding every long body paragraph would cost time
// for nothing. Longer lines are only compared with the prefixes, on their
// first prefixHead bytes.
const (
	maxFurnitureLen = 200
	prefixHead      = 96
)

// isFurniture reports whether line (already normalised) is page furniture.
func (fi *furnitureIndex) isFurniture(line string) bool {
	if len(line) > maxFurnitureLen {
		var buf [2 * prefixHead]byte
		return fi.hasPrefix(foldInto(buf[:0], cutUTF8(line, prefixHead)))
	}
	k := furnitureKey(line)
	if fi.lines[k] || fi.isShareRow(k) {
		return true
	}
	for _, re := range furniturePatterns {
		if re.MatchString(k) {
			return true
		}
	}
	for _, p := range fi.prefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// hasPrefix reports whether the folded text k starts with a furniture
// prefix.
func (fi *furnitureIndex) hasPrefix(k []byte) bool {
	for _, p := range fi.prefixes {
		if len(k) >= len(p) && string(k[:len(p)]) == p {
			return true
		}
	}
	return false
}

// foldInto appends the furniture key of s to dst: the same as
// furnitureKey, without allocating when dst has room.
func foldInto(dst []byte, s string) []byte {
	return bytes.TrimSpace(arabic.AppendFold(dst, normalizeLine(s)))
}

// cutLead returns line without the furniture glued to its start, and the
// furniture, if it has any.
func (fi *furnitureIndex) cutLead(line string) (rest, lead string) {
	if line == "" || line[0] >= utf8.RuneSelf {
		return line, "" // the leads are Latin
	}
	k := furnitureKey(cutUTF8(line, prefixHead))
	for _, p := range fi.leads {
		if strings.HasPrefix(k, p) && len(line) > len(p) {
			// Leads are ASCII, which folding only lower-cases: the
			// byte count in line is the same.
			return strings.TrimSpace(line[len(p):]), line[:len(p)]
		}
	}
	return line, ""
}

// isReadAlso reports whether line heads a "read also" block.
func (fi *furnitureIndex) isReadAlso(line string) bool {
	return len(line) <= maxFurnitureLen && fi.readAlso[furnitureKey(line)]
}

// isShareRow reports whether the folded line k is made only of share-button
// labels and separators.
func (fi *furnitureIndex) isShareRow(k string) bool {
	if strings.Count(k, " ") > 16 {
		return false // a sentence, not a row of buttons
	}
	words := strings.FieldsFunc(k, func(r rune) bool {
		return r == ' ' || r == '|' || r == '/' || r == '-' || r == '·' || r == '•' || r == ',' || r == '،'
	})
	if len(words) == 0 {
		return false
	}
	for i := 0; i < len(words); {
		n := 0
		for w := min(fi.maxShare, len(words)-i); w > 0; w-- {
			if fi.share[strings.Join(words[i:i+w], " ")] {
				n = w
				break
			}
		}
		if n == 0 {
			return false
		}
		i += n
	}
	// A lone "x" or "share" could be anything; a row needs a real label.
	return len(words) > 1 || len([]rune(words[0])) > 2
}

// cutUTF8 returns the longest prefix of s of at most n bytes that does not
// split a UTF-8 sequence.
func cutUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// creditNotices find the outlet that republishing notices name. Seen: seed
// 004 and Hadramout Net's other pages ("ملحوظة: مضمون هذا الخبر تم كتابته
// بواسطة شام الإخبارية , ولا يعبر عن وجهة نظر حضرموت نت وانما تم نقله بمحتواه
// كما هو من موقع شام الإخبارية"); the same notice is used by other Arabic
// news aggregators with "تنويه" in place of "ملحوظة". The name runs to the
// first comma or to the clause that follows it.
var creditNotices = []*regexp.Regexp{
	regexp.MustCompile(`^(?:ملحوظة|ملاحظة|تنويه)\s*:\s*مضمون هذا الخبر تم كتابته بواسطة\s+(.+?)\s*(?:[,،]|\s+ولا\s|\s+و?انما\s|$)`),
	regexp.MustCompile(`^(?:ملحوظة|ملاحظة|تنويه)\s*:.*?تم نقله بمحتواه كما هو من موقع\s+(.+?)\s*(?:[,،.]|\s+ونحن\s|$)`),
}

// maxCreditRunes is the longest name taken from a notice: an outlet's name
// is a few words, and a longer capture means the notice was worded in a way
// the patterns do not know.
const maxCreditRunes = 40

// creditIn returns the outlet named by the first republishing notice among
// the removed lines, or "".
func creditIn(removed []string) string {
	for _, l := range removed {
		for _, re := range creditNotices {
			if m := re.FindStringSubmatch(l); m != nil && utf8.RuneCountInString(m[1]) <= maxCreditRunes {
				return m[1]
			}
		}
	}
	return ""
}
