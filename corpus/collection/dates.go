package collection

import (
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
func (c *Collection) Dates(a *corpus.Article) DateReading { return dates.Read(a) }

// Own returns article a's own date, read once and kept: a file's date
// costs nothing, one read from the text costs reading it.
func (c *Collection) Own(a *corpus.Article) OwnDate {
	c.mu.RLock()
	o, ok := c.own[a.ID]
	c.mu.RUnlock()
	if ok {
		return o
	}
	o = dates.OwnDate(a)
	c.mu.Lock()
	c.own[a.ID] = o
	c.mu.Unlock()
	return o
}

// day returns the day of a's own date, false when it is unknown.
func (c *Collection) day(a *corpus.Article) (time.Time, bool) {
	o := c.Own(a)
	if o.From == dates.Unknown {
		return time.Time{}, false
	}
	d := o.Date
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC), true
}

// DateTerm reads a range of dates as a person types one (2018, 2018-03,
// 2018-03-15, مارس 2018, رمضان 1436, 1436, or two joined by "..") into a
// term keeping the articles whose own date falls within it.
func DateTerm(s string) (Term, error) {
	from, to, err := dates.ParseRange(s)
	if err != nil {
		return Term{}, err
	}
	return Term{Field: ByDates, Label: s, From: from, To: to.AddDate(0, 0, 1)}, nil
}
