package dates

import (
	"time"

	hijri "github.com/hablullah/go-hijri"
)

// The Umm al-Qura calendar, Saudi Arabia's official Hijri calendar, comes
// from github.com/hablullah/go-hijri, whose table of month starts (from
// R. H. van Gent, "The Umm al-Qura Calendar of Saudi Arabia") covers
// 1356–1500 AH. The arithmetic calendar is a day off for many months
// (every date of Shawwal 1436), so it is not used.
const (
	firstHijriYear = 1356
	lastHijriYear  = 1500
)

// hijriMonthStart returns the Gregorian day on which Hijri month m of year
// y begins, by Umm al-Qura.
func hijriMonthStart(y, m int) (time.Time, bool) {
	if y < firstHijriYear || y > lastHijriYear || m < 1 || m > 12 {
		return time.Time{}, false
	}
	t := hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: 1}.ToGregorian()
	return day(t.Year(), t.Month(), t.Day()), true
}

// hijriMonth returns the first and last Gregorian days of Hijri month m of
// year y.
func hijriMonth(y, m int) (from, to time.Time, ok bool) {
	from, ok = hijriMonthStart(y, m)
	if !ok {
		return
	}
	ny, nm := y, m+1
	if nm > 12 {
		ny, nm = y+1, 1
	}
	next, ok := hijriMonthStart(ny, nm)
	if !ok {
		// The table's last month: Umm al-Qura months have 29 or 30 days.
		next = from.AddDate(0, 0, 30)
		ok = true
	}
	return from, next.AddDate(0, 0, -1), ok
}

// hijriDay returns the Gregorian day of Hijri day d of month m of year y,
// false when the month has no such day.
func hijriDay(y, m, d int) (time.Time, bool) {
	from, to, ok := hijriMonth(y, m)
	if !ok || d < 1 {
		return time.Time{}, false
	}
	t := from.AddDate(0, 0, d-1)
	return t, !t.After(to)
}

// hijriRangeEnd returns the Gregorian day of the last day of a Hijri
// range: as hijriDay, except that the 30th of a month of 29 days is the
// day after its 29th, since a range "1 إلى 30/ 11/ 1436هـ" is written
// from a calendar printed before the month's length was known, and means
// the month to its end.
func hijriRangeEnd(y, m, d int) (time.Time, bool) {
	if t, ok := hijriDay(y, m, d); ok || d != 30 {
		return t, ok
	}
	t, ok := hijriDay(y, m, 29)
	return t.AddDate(0, 0, 1), ok
}

// hijriOf returns the Umm al-Qura year and month of Gregorian day t.
func hijriOf(t time.Time) (y, m int, ok bool) {
	h, err := hijri.CreateUmmAlQuraDate(t)
	if err != nil {
		return 0, 0, false
	}
	return int(h.Year), int(h.Month), true
}

// day returns midnight UTC of a Gregorian day.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
