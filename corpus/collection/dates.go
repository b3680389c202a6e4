package collection

import (
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
	day time.Time // zero when the date is unknown
}

func newOwnDay(o OwnDate) ownDay {
	if o.From == dates.Unknown {
		return ownDay{own: o}
	}
	d := o.Date
	return ownDay{own: o, day: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)}
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
	c.ownMu.Unlock()
	return o
}

// days returns the day of each article's own date, the zero time when it
// is unknown, taking the lock once for those already read.
func (c *Collection) days(as []*corpus.Article) []time.Time {
	out := make([]time.Time, len(as))
	var unread []int
	c.ownMu.RLock()
	for i, a := range as {
		if o, ok := c.own[a]; ok {
			out[i] = o.day
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
		if d.IsZero() {
			undated++
		} else {
			days[d]++
		}
	}
	return days, undated
}
