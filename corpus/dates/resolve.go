package dates

import (
	"strconv"
	"strings"
	"time"
)

// resolve finds the value of a parsed expression; it fails when the
// expression names no valid date (31 February, a Hijri year out of the
// Umm al-Qura table) or needs a reference time that is missing.
func (s *scanner) resolve(p parsed) (Mention, bool) {
	m := Mention{Start: s.toks[p.start].start, End: s.toks[p.end-1].end, Calendar: p.cal}
	// تموز (يوليو, أمس «الأربعاء: take the bracket that closes the name.
	for _, b := range [][2]string{{"(", ")"}, {"«", "»"}} {
		if strings.Count(s.text[m.Start:m.End], b[0]) > strings.Count(s.text[m.Start:m.End], b[1]) {
			if g := s.gap(p.end - 1); strings.HasPrefix(strings.TrimLeft(g, " "), b[1]) {
				m.End += strings.Index(g, b[1]) + len(b[1])
			}
		}
	}
	m.Text = s.text[m.Start:m.End]
	tense := s.tense(p.start)
	m.until = s.until(p.start)
	s.lastUntil = m.until
	m.Future = p.hasMod && p.mod > 0 || tense == 1
	m.past = tense < 0 && !m.Future
	s.lastTense = tense
	if m.Future {
		s.lastTense = 1
	}
	var ok bool
	switch {
	case p.y != 0 && p.m != 0 && p.d != 0:
		ok = fullDate(&m, p)
	case p.y != 0 && p.m != 0:
		ok = monthOf(&m, p.cal, p.y, p.m)
	case p.y != 0:
		ok = yearOf(&m, p)
	case p.d != 0 && p.m == 0 && p.unit == unitMonth:
		ok = s.dayOfRelativeMonth(&m, p)
	case p.m != 0 && p.unit == unitYear:
		ok = s.monthOfRelativeYear(&m, p)
	case p.m != 0:
		ok = s.yearless(&m, p, tense)
	case p.unit != 0:
		ok = s.unitFromRef(&m, p)
	case p.weekday != 0 && !p.hasOffset:
		ok = s.weekdayFromRef(&m, p)
	case p.hasOffset:
		if ok = !s.ref.IsZero(); ok {
			t := s.ref.AddDate(0, 0, p.offset)
			if p.weekday != 0 && int(t.Weekday()) != p.weekday-1 {
				// أمس (الثلاثاء) read on a Thursday: the reference is most
				// often a day or two after the writing (a crawl, a print
				// edition), so the weekday written is the last one before.
				t = t.AddDate(0, 0, -((int(t.Weekday()) - (p.weekday - 1) + 7) % 7))
				m.Conflict = true
				p.weekday = 0
			}
			m.From, m.To, m.Precision, m.Relative = t, t, Day, true
		}
	}
	if ok && p.week != 0 {
		ok = weekOf(&m, p.week)
	}
	if !ok {
		return Mention{}, false
	}
	if m.Precision == Day && !m.Range {
		if p.weekday != 0 && int(m.From.Weekday()) != p.weekday-1 {
			m.Conflict = true
		}
		switch {
		case p.hasOffset && m.Relative && !m.From.Equal(s.ref.AddDate(0, 0, p.offset)) && p.weekday != 0:
			m.Conflict = true
		case p.hasOffset && !m.Relative && !m.Conflict:
			m.offset, m.hasOffset = p.offset, true
		}
	}
	return m, true
}

// fullDate sets the value of a date written with its day, month and year.
func fullDate(m *Mention, p parsed) bool {
	m.Precision = Day
	if p.cal == Hijri {
		from, ok := hijriDay(p.y, p.m, p.d)
		if !ok {
			return false
		}
		m.From, m.To, m.Hijri = from, from, hijriString(p.y, p.m, p.d)
		if p.d2 != 0 {
			to, ok := hijriRangeEnd(p.y, endMonth(p), p.d2)
			if !ok {
				return false
			}
			m.To, m.Range = to, true
			m.Hijri += "/" + hijriString(p.y, endMonth(p), p.d2)
		}
		return true
	}
	from, ok := gregorianDay(p.y, p.m, p.d)
	if !ok || !plausible(Gregorian, p.y) {
		return false
	}
	m.From, m.To = from, from
	if p.d2 != 0 {
		to, ok := gregorianDay(p.y, endMonth(p), p.d2)
		if !ok {
			return false
		}
		m.To, m.Range = to, true
	}
	return true
}

// endMonth returns the month of a day range's last day.
func endMonth(p parsed) int {
	if p.m2 != 0 {
		return p.m2
	}
	return p.m
}

func gregorianDay(y, mo, d int) (time.Time, bool) {
	if mo < 1 || mo > 12 || d < 1 {
		return time.Time{}, false
	}
	t := day(y, time.Month(mo), d)
	return t, t.Day() == d
}

// weekOf narrows a month's value to its week w: days 1–7 for the first,
// 8–14 for the second, the last seven days for w = -1.
func weekOf(m *Mention, w int) bool {
	from, to := m.From.AddDate(0, 0, 7*(w-1)), m.To
	if w < 0 {
		from = to.AddDate(0, 0, -6)
	} else if end := from.AddDate(0, 0, 6); end.Before(to) {
		to = end
	}
	if from.After(to) {
		return false
	}
	if m.Calendar == Hijri {
		// The Hijri value is the month's (1437-02): its days from the
		// Gregorian ones.
		y, mo, _ := strings.Cut(m.Hijri, "-")
		yy, _ := strconv.Atoi(y)
		mm, _ := strconv.Atoi(mo)
		d1 := int(from.Sub(m.From).Hours()/24) + 1
		d2 := int(to.Sub(m.From).Hours()/24) + 1
		m.Hijri = hijriString(yy, mm, d1) + "/" + hijriString(yy, mm, d2)
	}
	m.From, m.To, m.Precision, m.Range = from, to, Day, true
	return true
}

// monthOf sets the value of month mo of year y.
func monthOf(m *Mention, c Calendar, y, mo int) bool {
	if c == Hijri {
		from, to, ok := hijriMonth(y, mo)
		if !ok {
			return false
		}
		m.From, m.To, m.Precision, m.Range, m.Hijri = from, to, Day, true, hijriString(y, mo, 0)
		return true
	}
	if !plausible(Gregorian, y) {
		return false
	}
	m.From = day(y, time.Month(mo), 1)
	m.To, m.Precision = m.From.AddDate(0, 1, -1), Month
	return true
}

// yearOf sets the value of a year or a range of years.
func yearOf(m *Mention, p parsed) bool {
	last := p.y
	if p.y2 != 0 {
		last = p.y2
	}
	if p.cal == Hijri {
		from, _, ok1 := hijriMonth(p.y, 1)
		_, to, ok2 := hijriMonth(last, 12)
		if !ok1 || !ok2 {
			return false
		}
		m.From, m.To, m.Precision, m.Range, m.Hijri = from, to, Day, true, strconv.Itoa(p.y)
		if p.y2 != 0 {
			m.Hijri += "/" + strconv.Itoa(p.y2)
		}
		return true
	}
	m.From, m.To, m.Precision, m.Range = day(p.y, 1, 1), day(last, 12, 31), Year, p.y2 != 0
	return true
}

// monthOfRelativeYear sets the value of مايو من العام الماضي.
func (s *scanner) monthOfRelativeYear(m *Mention, p parsed) bool {
	if s.ref.IsZero() || p.cal != Gregorian {
		return false
	}
	p.y = s.ref.Year() + p.mod
	m.Relative = true
	if p.d != 0 {
		return fullDate(m, p)
	}
	return monthOf(m, p.cal, p.y, p.m)
}

// dayOfRelativeMonth sets the value of 12 من الشهر الجاري.
func (s *scanner) dayOfRelativeMonth(m *Mention, p parsed) bool {
	if s.ref.IsZero() {
		return false
	}
	first := day(s.ref.Year(), s.ref.Month(), 1).AddDate(0, p.mod, 0)
	p.y, p.m, p.cal = first.Year(), int(first.Month()), Gregorian
	m.Relative = true
	return fullDate(m, p)
}

// yearless sets the value of a day and month, or a month, written with no
// year: the nearest that fits, in the direction a modifier or the tense
// gives, and on the weekday written with it if any.
func (s *scanner) yearless(m *Mention, p parsed, tense int) bool {
	if s.ref.IsZero() {
		return false
	}
	m.Relative = true
	dir, current, byTense := 0, false, false
	switch {
	case p.hasMod && p.mod == 0:
		current = true
	case p.hasMod:
		dir = p.mod
	case tense != present && p.weekday == 0:
		// A weekday fixes the year better than the tense: the nearest
		// year where the day falls on it, before or after.
		dir, byTense = tense, true
	}
	refY, refM := s.ref.Year(), int(s.ref.Month())
	if p.cal == Hijri {
		var ok bool
		if refY, refM, ok = hijriOf(s.ref); !ok {
			return false
		}
	}
	if p.d == 0 {
		// A month: the nearest month of that name, months counted from
		// the reference's.
		best, bestY := 13, 0
		for y := refY - 1; y <= refY+1; y++ {
			// The tense lets the month of writing be meant (سيعقد خلال
			// شهر أغسطس, written in August); الماضي and المقبل do not.
			diff := (y*12 + p.m) - (refY*12 + refM)
			if current && y != refY || diff == 0 && dir != 0 && !byTense || dir < 0 && diff > 0 || dir > 0 && diff < 0 {
				continue
			}
			if abs(diff) < abs(best) || abs(diff) == abs(best) && diff < best {
				best, bestY = diff, y
			}
		}
		if bestY == 0 {
			return false
		}
		return monthOf(m, p.cal, bestY, p.m)
	}
	// A day: the nearest date of that day and month, on the weekday
	// written with it if any; failing that, the nearest date, and the
	// weekday is reported as a conflict.
	for _, wantWeekday := range []bool{p.weekday != 0, false} {
		var best time.Time
		bestY := 0
		for y := refY - 10; y <= refY+10; y++ {
			if current && y != refY {
				continue
			}
			var t time.Time
			var ok bool
			if p.cal == Hijri {
				t, ok = hijriDay(y, p.m, p.d)
			} else {
				t, ok = gregorianDay(y, p.m, p.d)
			}
			if !ok || dir < 0 && t.After(s.ref) || dir > 0 && t.Before(s.ref) ||
				wantWeekday && int(t.Weekday()) != p.weekday-1 {
				continue
			}
			if best.IsZero() || distance(t, s.ref) < distance(best, s.ref) {
				best, bestY = t, y
				if p.cal == Hijri {
					m.Hijri = hijriString(y, p.m, p.d)
				}
			}
		}
		if !best.IsZero() {
			m.From, m.To, m.Precision = best, best, Day
			if p.d2 != 0 {
				var to time.Time
				var ok bool
				if p.cal == Hijri {
					to, ok = hijriRangeEnd(bestY, endMonth(p), p.d2)
					m.Hijri += "/" + hijriString(bestY, endMonth(p), p.d2)
				} else {
					to, ok = gregorianDay(bestY, endMonth(p), p.d2)
				}
				if !ok {
					return false
				}
				m.To, m.Range = to, true
			}
			return true
		}
	}
	return false
}

func distance(a, b time.Time) time.Duration {
	if d := a.Sub(b); d >= 0 {
		return d
	}
	return b.Sub(a)
}

// unitFromRef sets the value of الأسبوع الماضي, الشهر المقبل, العام
// الحالي. A week runs from Sunday, the first day of the week in Saudi
// Arabia and most Arab countries (CLDR 48 weekData, firstDay).
func (s *scanner) unitFromRef(m *Mention, p parsed) bool {
	if s.ref.IsZero() {
		return false
	}
	m.Relative = true
	switch p.unit {
	case unitWeek:
		start := s.ref.AddDate(0, 0, -int(s.ref.Weekday())+7*p.mod)
		m.From, m.To, m.Precision, m.Range = start, start.AddDate(0, 0, 6), Day, true
	case unitMonth:
		m.From = day(s.ref.Year(), s.ref.Month(), 1).AddDate(0, p.mod, 0)
		m.To, m.Precision = m.From.AddDate(0, 1, -1), Month
	case unitYear:
		y := s.ref.Year() + p.mod
		m.From, m.To, m.Precision = day(y, 1, 1), day(y, 12, 31), Year
	default:
		return false
	}
	return true
}

// weekdayFromRef sets the value of a weekday: the last one on or before
// the reference, or with المقبل or a verb in the future the next one on
// or after it; الماضي and المقبل exclude the reference day itself.
func (s *scanner) weekdayFromRef(m *Mention, p parsed) bool {
	if s.ref.IsZero() {
		return false
	}
	m.Relative = true
	diff := (p.weekday - 1 - int(s.ref.Weekday()) + 7) % 7 // days forward to it
	var t time.Time
	switch {
	case p.hasMod && p.mod > 0:
		if diff == 0 {
			diff = 7
		}
		t = s.ref.AddDate(0, 0, diff)
	case p.hasMod && p.mod < 0:
		back := (7 - diff) % 7
		if back == 0 {
			back = 7
		}
		t = s.ref.AddDate(0, 0, -back)
	case p.hasMod || m.Future:
		t = s.ref.AddDate(0, 0, diff)
	default:
		t = s.ref.AddDate(0, 0, -((7 - diff) % 7))
	}
	m.From, m.To, m.Precision = t, t, Day
	return true
}

func hijriString(y, m, d int) string {
	out := strconv.Itoa(y)
	if m != 0 {
		out += "-" + two(m)
	}
	if d != 0 {
		out += "-" + two(d)
	}
	return out
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
