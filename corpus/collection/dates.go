package collection

import (
	"math"
	"strings"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/dates"
)

// The dates of a collection: each article's own date (from its file, its
// dateline or its text), which the date filter and the newest-first order
// go by, and the dates its text names.

type (
	// DateReading is an article's own date and the dates its text names.
	DateReading = dates.Article
	// OwnDate is an article's own date and how it is known.
	OwnDate = dates.Own
	// DateMention is a date an article's text names, with its paragraph.
	DateMention = dates.Located
	// DateExpression is words of a text that name a date, with their value.
	DateExpression = dates.Mention
)

// Where an own date comes from.
const (
	OwnUnknown  = dates.Unknown
	OwnMetadata = dates.Metadata
	OwnDateline = dates.Dateline
	OwnText     = dates.Text
)

// Dates returns article a's own date and every date its text names, read
// against the own date when it is known.
func (c *Collection) Dates(a *corpus.Article) DateReading {
	if d, ok := c.keptDatesOf(a); ok {
		return d
	}
	return dates.Read(a)
}

// ownDay is an own date and its day, kept together so that a filter over
// every article compares days without working them out again.
type ownDay struct {
	own OwnDate
	day day
}

// day is a date counted in days from 1970-01-01, or noDay. A filter over
// every article reads one per article: a small integer in a small map
// keeps that pass within the caches, where the whole own date does not.
type day int32

// noDay is the day of an article whose own date is unknown.
const noDay day = math.MinInt32

// dayOf returns the day t falls on, in t's own location.
func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / (24 * 60 * 60))
}

// time returns the midnight, UTC, that d begins with.
func (d day) time() time.Time { return time.Unix(int64(d)*24*60*60, 0).UTC() }

func newOwnDay(o OwnDate) ownDay {
	if o.From == dates.Unknown {
		return ownDay{own: o, day: noDay}
	}
	return ownDay{own: o, day: dayOf(o.Date)}
}

// Own returns article a's own date, read once and kept: a file's date
// costs nothing, one read from the text costs reading it.
func (c *Collection) Own(a *corpus.Article) OwnDate { return c.ownDay(a).own }

func (c *Collection) ownDay(a *corpus.Article) ownDay {
	c.ownMu.RLock()
	o, ok := c.own[a]
	c.ownMu.RUnlock()
	if ok {
		return o
	}
	if d, ok := c.keptDatesOf(a); ok {
		o = newOwnDay(d.Own)
	} else {
		o = newOwnDay(dates.OwnDate(a))
	}
	c.ownMu.Lock()
	c.own[a] = o
	c.ownDays[a] = o.day
	c.ownMu.Unlock()
	return o
}

// days returns the day of each article's own date, noDay when it is
// unknown, reading the dates not read yet.
func (c *Collection) days(as []*corpus.Article) []day {
	out := make([]day, len(as))
	var unread []int
	c.ownMu.RLock()
	for i, a := range as {
		if d, ok := c.ownDays[a]; ok {
			out[i] = d
		} else {
			unread = append(unread, i)
		}
	}
	c.ownMu.RUnlock()
	for _, i := range unread {
		out[i] = c.ownDay(as[i]).day
	}
	return out
}

// DateTerm reads a range of dates as a person types one (2018, 2018-03,
// 2018-03-15, مارس 2018, رمضان 1436, 1436, or two joined by "..") into a
// term keeping the articles whose own date falls within it; "undated"
// is UndatedTerm.
func DateTerm(s string) (Term, error) {
	if strings.EqualFold(strings.TrimSpace(s), "undated") {
		return UndatedTerm(), nil
	}
	from, to, err := dates.ParseRange(s)
	if err != nil {
		return Term{}, err
	}
	return Term{Field: ByDates, Label: s, From: from, To: to.AddDate(0, 0, 1)}, nil
}

// How finely a date mention is written.
const (
	PrecisionYear  = dates.Year
	PrecisionMonth = dates.Month
	PrecisionDay   = dates.Day
)

// Timeline counts the articles f keeps by the day of their own date, and
// those whose own date is unknown.
func (c *Collection) Timeline(f Filter) (days map[time.Time]int, undated int) {
	days = map[time.Time]int{}
	for _, d := range c.days(c.Query(Filter{Terms: f.Terms}, 0).Articles) {
		if d == noDay {
			undated++
		} else {
			days[d.time()]++
		}
	}
	return days, undated
}
