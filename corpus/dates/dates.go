// Package dates reads the calendar dates that Arabic news text names:
// "29 جانفي 2015", "سبتمبر/أيلول 2015", "5 شوال 1436هـ", "١٤٣٧/١٤٣٦هـ",
// "الأحد الماضي", "أمس", "الشهر المقبل".
//
// Extract finds every expression naming a date or part of one in a text,
// with its byte span and its value in the Gregorian calendar: a day, a
// month, a year, or a range (a Hijri month or year, a week, 23-25
// أكتوبر). Hijri dates are converted by the Umm al-Qura calendar, Saudi
// Arabia's official one. Words that only mean a date against the day of
// writing (أمس, الأحد الماضي, a day and month without a year) are resolved
// against a reference time, and say so; without one they are left out.
//
// Read gives an article's own date, labelled with its source: its
// metadata, else its dateline, else the text when it names the day of
// writing ("اليوم الخميس 29 جانفي 2015"). When nothing fixes it, Read
// gives a lower bound instead, never a guess: the latest date the article
// names as past.
package dates

import (
	"time"
)

// Calendar is the calendar a date was written in.
type Calendar uint8

const (
	Gregorian Calendar = iota
	Hijri
)

func (c Calendar) String() string {
	if c == Hijri {
		return "hijri"
	}
	return "gregorian"
}

// Precision is how finely a date is known: to the year, month or day.
type Precision uint8

const (
	Year Precision = iota + 1
	Month
	Day
)

// Kind sorts mentions the way they are judged: dates written in full in
// the Gregorian calendar, in the Hijri one, and those read against the
// day of writing.
type Kind uint8

const (
	AbsoluteKind Kind = iota
	HijriKind
	RelativeKind
)

func (k Kind) String() string {
	switch k {
	case HijriKind:
		return "hijri"
	case RelativeKind:
		return "relative"
	}
	return "absolute"
}

// Mention is one expression of a text that names a date or part of one.
type Mention struct {
	// Start and End are the byte offsets of the expression in the text;
	// Text is text[Start:End], the words as written.
	Start, End int
	Text       string
	// From and To are the first and last Gregorian days the expression
	// covers, at midnight UTC: one day for "5 شوال 1436هـ", a month for
	// "مارس 2018", a week for "الأسبوع الماضي".
	From, To time.Time
	// Precision is how Value and EndValue are written.
	Precision Precision
	// Range is set when the expression names a span that a single value
	// at its precision cannot say (23-25 أكتوبر, a Hijri month or year, a
	// week, 2015-2016): Value is its start and EndValue its end.
	Range bool
	// Calendar is the calendar the expression was written in; Hijri holds
	// its Hijri value as written (YYYY-MM-DD, YYYY-MM or YYYY, or a range
	// YYYY/YYYY), "" for Gregorian ones.
	Calendar Calendar
	Hijri    string
	// Relative is set when the value was found against the reference
	// time: أمس, الأحد الماضي, a day and month with no year.
	Relative bool
	// Future is set when a word of the expression or its clause points it
	// forward in time (المقبل, سوف, a verb with سـ).
	Future bool
	// Conflict is set when the expression contradicts itself: a day of the
	// week, or اليوم or أمس, that does not fall on the date it names. The
	// value is what the most precise words say (the date written; for
	// أمس (الثلاثاء), the last Tuesday on or before yesterday), not a
	// silent correction.
	Conflict bool

	// offset is set on a date that says which day it is from the day of
	// writing (اليوم الخميس 29 جانفي 2015: 0; أمس الأحد 19 يوليو 2015:
	// -1), the only kind of mention that fixes the day of writing.
	offset    int
	hasOffset bool
	// until is set on the end of a term (حتى 2019), which says nothing of
	// when the article was written.
	until bool
	// past is set when a word of the clause puts the date in the past
	// (كان, قد, منذ, الماضي, a sentence opening on a verb in the perfect).
	past bool
}

// Kind returns how the mention's value was found.
func (m Mention) Kind() Kind {
	switch {
	case m.Relative:
		return RelativeKind
	case m.Calendar == Hijri:
		return HijriKind
	}
	return AbsoluteKind
}

// Value returns the first day the mention names, written as YYYY,
// YYYY-MM or YYYY-MM-DD after its precision.
func (m Mention) Value() string { return format(m.From, m.Precision) }

// EndValue returns the last day of a Range, written like Value, and "" for
// a mention that is not a range.
func (m Mention) EndValue() string {
	if !m.Range {
		return ""
	}
	return format(m.To, m.Precision)
}

func format(t time.Time, p Precision) string {
	switch p {
	case Year:
		return t.Format("2006")
	case Month:
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}
