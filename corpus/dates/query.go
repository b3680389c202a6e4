package dates

import (
	"errors"
	"strings"
	"time"

	"sahifa/corpus/arabic"
)

// ParseRange reads a date range as a person types one into a filter: an
// ISO date or part of one (2018, 2018-03, 2018-03-15), an Arabic one
// (مارس 2018, 15 آذار 2018, رمضان 1436, 1436هـ), a Hijri year alone
// (1436), or two of these joined by "..". It returns the first and last
// days the range covers.
func ParseRange(s string) (from, to time.Time, err error) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, ".."); ok {
		from, _, err1 := ParseRange(a)
		_, to, err2 := ParseRange(b)
		if err := errors.Join(err1, err2); err != nil {
			return time.Time{}, time.Time{}, err
		}
		if to.Before(from) {
			return time.Time{}, time.Time{}, errors.New("the range ends before it starts")
		}
		return from, to, nil
	}
	iso := arabic.Fold(s)
	for _, f := range []struct {
		layout string
		months int
		days   int
	}{{"2006-01-02", 0, 1}, {"2006-01", 1, 0}, {"2006", 12, 0}} {
		t, err := time.Parse(f.layout, iso)
		if err != nil {
			continue
		}
		if f.layout == "2006" && t.Year() >= firstHijriYear && t.Year() <= lastHijriYear {
			break // 1436: a Hijri year, read below
		}
		if !plausible(Gregorian, t.Year()) {
			break // 0001: no date news writes
		}
		return t, t.AddDate(0, f.months, f.days-1), nil
	}
	if y, ok := hijriYear(iso); ok {
		from, _, _ := hijriMonth(y, 1)
		_, to, _ := hijriMonth(y, 12)
		return from, to, nil
	}
	ms := Extract(s, time.Time{})
	if len(ms) != 1 || ms[0].Text != s {
		return time.Time{}, time.Time{}, errors.New(`not a date: write 2018, 2018-03, 2018-03-15, مارس 2018, رمضان 1436 or 1436, or two joined by ".."`)
	}
	return ms[0].From, ms[0].To, nil
}

// hijriYear reads a bare Hijri year within the Umm al-Qura table.
func hijriYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	return y, y >= firstHijriYear && y <= lastHijriYear
}
