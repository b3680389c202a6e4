package dates

import (
	"strings"
	"time"

	"sahifa/corpus"
)

// Source says where an article's own date comes from.
type Source uint8

const (
	Unknown  Source = iota // nothing fixes the date; a lower bound may be known
	Metadata               // a field of the file (front matter, JSON)
	Dateline               // a dateline: above the text, or its opening "الرياض 25 شوال 1436 هـ … واس"
	Text                   // the text names the day of writing: اليوم الخميس 29 جانفي 2015
)

func (s Source) String() string {
	switch s {
	case Metadata:
		return "metadata"
	case Dateline:
		return "dateline"
	case Text:
		return "text"
	}
	return ""
}

// Own is an article's own date, and how it is known.
type Own struct {
	// Date is the day of writing, at midnight UTC for a date read from
	// the text; it is zero when From is Unknown.
	Date time.Time
	From Source
	// NotBefore is set when From is Unknown and the article names a date
	// as past: the first day of the latest such date, which the article
	// cannot be older than. Bound is how finely that date was written,
	// 0 when there is no bound.
	NotBefore time.Time
	Bound     Precision
}

// Value returns the own date as YYYY-MM-DD, or "" when it is unknown.
func (o Own) Value() string {
	if o.From == Unknown {
		return ""
	}
	return o.Date.Format("2006-01-02")
}

// NotBeforeValue returns the lower bound written as the date that gives it
// was (YYYY, YYYY-MM or YYYY-MM-DD), or "" when there is none.
func (o Own) NotBeforeValue() string {
	if o.Bound == 0 {
		return ""
	}
	return format(o.NotBefore, o.Bound)
}

// Located is a mention in one paragraph of an article.
type Located struct {
	// Para is the paragraph's index in the article's Paragraphs; the
	// mention's Start and End are byte offsets into that paragraph's Text.
	Para int
	Mention
}

// Article is what an article says about dates.
type Article struct {
	Own Own
	// Mentions are the dates the paragraphs name, in reading order, read
	// against the own date when it is known.
	Mentions []Located
}

// Read returns an article's own date and the dates its paragraphs name.
func Read(a *corpus.Article) Article {
	var out Article
	out.Own, out.Mentions = own(a)
	if out.Own.From != Unknown {
		out.Mentions = extractAll(a, out.Own.Date)
	}
	return out
}

// OwnDate returns an article's own date as Read does, without reading the
// dates of an article whose file gives its date: what a date filter or
// sort needs.
func OwnDate(a *corpus.Article) Own {
	o, _ := own(a)
	return o
}

// own returns an article's own date, and when it had to read the text for
// it, the dates the text names read without a reference.
func own(a *corpus.Article) (Own, []Located) {
	switch a.DateFrom {
	case corpus.DateMetadata:
		return Own{Date: a.Date, From: Metadata}, nil
	case corpus.DateDateline:
		return Own{Date: a.Date, From: Dateline}, nil
	}
	ms := extractAll(a, time.Time{})
	o := ownFromText(a, ms)
	if o.From == Unknown {
		o.NotBefore, o.Bound = notBefore(ms)
	}
	return o, ms
}

// datelineWords bounds the words of an opening paragraph that are not its
// dates, for it to be read as a dateline: "الرياض 25 شوال 1436 هـ الموافق
// 10 أغسطس 2015 م واس" has three (a place, الموافق, the agency).
const datelineWords = 3

// ownFromText returns the day of writing the text gives: an opening
// paragraph that is a place, a date and an agency (a dateline), else the
// first date said to be today, yesterday or tomorrow (اليوم الخميس 29
// جانفي 2015).
func ownFromText(a *corpus.Article, ms []Located) Own {
	for para := 0; para < 2 && para < len(a.Paragraphs); para++ {
		words := len(strings.Fields(a.Paragraphs[para].Text))
		var day *Located
		agree := true
		for i, m := range ms {
			if m.Para != para {
				continue
			}
			words -= len(strings.Fields(m.Text))
			if m.Precision == Day && !m.Range && !m.Relative && !m.Conflict && !m.hasOffset {
				if day != nil && !day.From.Equal(m.From) {
					agree = false // a Hijri date and its Gregorian one that disagree
				}
				day = &ms[i]
			}
		}
		if day != nil && agree && words <= datelineWords {
			return Own{Date: day.From, From: Dateline}
		}
	}
	for _, m := range ms {
		if m.hasOffset {
			return Own{Date: m.From.AddDate(0, 0, -m.offset), From: Text}
		}
	}
	return Own{}
}

func extractAll(a *corpus.Article, ref time.Time) []Located {
	var out []Located
	n := 0
	for i, p := range a.Paragraphs {
		if n >= ReadLimit {
			break
		}
		n += len(p.Text)
		for _, m := range Extract(p.Text, ref) {
			out = append(out, Located{Para: i, Mention: m})
		}
	}
	return out
}

// ReadLimit is how much of an article's text the dates are read from: the
// paragraphs that start within it. Reading costs about 26 ms a megabyte,
// and a screen that shows an article's dates must not wait seconds for a
// 63 MB text file's; no SaudiNewsNet article comes near it.
const ReadLimit = 1 << 20

// notBefore returns the start of the latest date named as past, and its
// precision. Only a date whose clause says it is past counts: news names
// coming dates as often as past ones (سيعقد في 2016, المقرر, رؤية 2030,
// حتى 2019), and most often with no future word at all; relative dates
// need the day of writing and say nothing of it.
func notBefore(ms []Located) (time.Time, Precision) {
	var t time.Time
	var p Precision
	for _, m := range ms {
		if m.Relative || !m.past || m.until {
			continue
		}
		if m.From.After(t) || m.From.Equal(t) && m.Precision > p {
			t, p = m.From, m.Precision
		}
	}
	return t, p
}
