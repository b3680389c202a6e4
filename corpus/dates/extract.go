package dates

import (
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"sahifa/corpus/arabic"
)

// token is a word of the text: a run of letters or of digits, as
// arabic.FoldWords cuts them, so that 1436هـ is a number and an era.
type token struct {
	start, end int    // in the text
	f0, f1     int    // its folded form, in scanner.fold
	num        int    // its value when a number of at most four digits
	digits     int    // its number of digits, 0 for a word
	inNumber   bool   // part of a decimal or grouped number (2097.56)
	inExpr     bool   // part of a date expression already read
	roles      uint64 // the roles of the lexicon's phrases it starts, as bits
}

// scanner holds one extraction's text, words and results; scanners are
// pooled so that extracting from many texts does not allocate for each.
type scanner struct {
	text      string
	ref       time.Time
	toks      []token
	fold      []byte
	scratch   []byte
	found     []phrase
	lastEnd   int  // the word after the last expression read
	lastTense int  // and the tense it was read in
	lastUntil bool // and whether it ends a term
	out       []Mention
}

var scanners = sync.Pool{New: func() any { return new(scanner) }}

// Extract returns the date expressions of text in order, none
// overlapping. ref is the day of writing, against which relative words
// and dates without a year are read; when ref is the zero time those are
// left out, since their value is unknown.
func Extract(text string, ref time.Time) []Mention {
	s := scanners.Get().(*scanner)
	defer scanners.Put(s)
	s.reset(text, ref)
	for i := 0; i < len(s.toks); {
		if end, ok := s.datedPlace(i); ok {
			// مدينة ستة أكتوبر: a town, whose name is no date.
			for k := i; k < end; k++ {
				s.toks[k].inExpr = true
			}
			i = end
			continue
		}
		if p, ok := s.parse(i); ok {
			if m, ok := s.resolve(p); ok {
				s.out = append(s.out, m)
			}
			for k := p.start; k < p.end; k++ {
				s.toks[k].inExpr = true
			}
			i, s.lastEnd = p.end, p.end
			continue
		}
		i++
	}
	if len(s.out) == 0 {
		return nil
	}
	out := make([]Mention, len(s.out))
	copy(out, s.out)
	return out
}

func (s *scanner) reset(text string, ref time.Time) {
	s.text, s.out, s.toks, s.fold, s.lastEnd, s.lastTense = text, s.out[:0], s.toks[:0], s.fold[:0], 0, 0
	switch {
	case ref.IsZero():
	case !plausible(Gregorian, ref.Year()):
		ref = time.Time{} // no date this package writes is that far off
	default:
		ref = day(ref.Year(), ref.Month(), ref.Day())
	}
	s.ref = ref
	if !mayHoldDate(text) {
		return
	}
	s.scratch = arabic.FoldWords(text, s.scratch, func(t arabic.Token, folded []byte) {
		tok := token{start: t.Start, end: t.End, f0: len(s.fold)}
		s.fold = append(s.fold, folded...)
		tok.f1 = len(s.fold)
		if n := len(folded); n > 0 && folded[0] >= '0' && folded[0] <= '9' {
			tok.digits = n
			if n <= 4 {
				for _, c := range folded {
					tok.num = tok.num*10 + int(c-'0')
				}
			}
		}
		s.toks = append(s.toks, tok)
	})
	// Most words start no phrase of the lexicon: looking each up once
	// lets parse pass them by.
	for i := range s.toks {
		for _, p := range s.entries(i) {
			s.toks[i].roles |= 1 << p.role
		}
	}
	// 2097.56 and 1,500 are one number, none of whose parts is a day or a
	// year.
	for i := 1; i < len(s.toks); i++ {
		if s.toks[i].digits > 0 && s.toks[i-1].digits > 0 {
			switch s.text[s.toks[i-1].end:s.toks[i].start] {
			case ".", ",", "٫", "٬", ":":
				s.toks[i].inNumber, s.toks[i-1].inNumber = true, true
			}
		}
	}
}

// mayHoldDate reports whether text has a digit or an Arabic letter; a
// text with neither names no date this package reads.
func mayHoldDate(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= '0' && c <= '9' || c >= 0xD8 && c <= 0xDB {
			return true
		}
	}
	return false
}

// word returns word i folded, or "" past either end of the text.
func (s *scanner) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return string(s.fold[s.toks[i].f0:s.toks[i].f1])
}

// gap returns the text between words i and i+1.
func (s *scanner) gap(i int) string {
	if i+1 >= len(s.toks) {
		return s.text[s.toks[i].end:]
	}
	return s.text[s.toks[i].end:s.toks[i+1].start]
}

// blank reports whether the text between words i and i+1 is only spaces,
// direction marks and the characters of also.
func (s *scanner) blank(i int, also string) bool {
	if i < 0 || i+1 >= len(s.toks) {
		return false
	}
	for _, r := range s.gap(i) {
		switch r {
		case ' ', '\u00a0', '\u200e', '\u200f', '\u061c', '\t':
			continue
		}
		if !strings.ContainsRune(also, r) {
			return false
		}
	}
	return true
}

// entries returns the lexicon's phrases that word i starts, as written
// and without its proclitics (و ف, then ب ل ك, and لل for ل with ال):
// والعشرين is both the tens of an ordinal and و with the ordinal العشرين.
func (s *scanner) entries(i int) []phrase {
	w := s.fold[s.toks[i].f0:s.toks[i].f1]
	if len(w) == 0 || w[0] < 0x80 {
		return nil
	}
	s.found = append(s.found[:0], lexicon[string(w)]...)
	if hasPrefix(w, "و") || hasPrefix(w, "ف") {
		w = w[2:]
		s.found = append(s.found, lexicon[string(w)]...)
	}
	switch {
	case hasPrefix(w, "لل"):
		s.scratch = append(append(s.scratch[:0], "ال"...), w[4:]...)
		s.found = append(s.found, lexicon[string(s.scratch)]...)
	case hasPrefix(w, "ب") || hasPrefix(w, "ل") || hasPrefix(w, "ك"):
		s.found = append(s.found, lexicon[string(w[2:])]...)
	}
	return s.found
}

func hasPrefix(w []byte, p string) bool { return len(w) > len(p) && string(w[:len(p)]) == p }

// match returns the longest phrase of role r that starts at word i, and
// the index of the word after it.
func (s *scanner) match(i int, r role) (phrase, int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].roles&(1<<r) == 0 {
		return phrase{}, i, false
	}
	var best phrase
	end := -1
	for _, p := range s.entries(i) {
		if p.role != r || i+1+len(p.rest) <= end {
			continue
		}
		j := i + 1
		for _, w := range p.rest {
			if j >= len(s.toks) || !s.blank(j-1, "") || s.word(j) != w {
				break
			}
			j++
		}
		if j == i+1+len(p.rest) {
			best, end = p, j
		}
	}
	return best, end, end >= 0
}

func (s *scanner) is(i int, r role) bool {
	_, _, ok := s.match(i, r)
	return ok
}

// isBare reports whether word i, as written with no proclitic, is a
// one-word entry of role r: أن, not the ان left of وكان.
func (s *scanner) isBare(i int, r role) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	for _, p := range lexicon[s.word(i)] {
		if p.role == r && len(p.rest) == 0 {
			return true
		}
	}
	return false
}

// number returns the value of word i when it is a number of between min
// and max digits.
func (s *scanner) number(i, minDigits, maxDigits int) (int, bool) {
	if i < 0 || i >= len(s.toks) {
		return 0, false
	}
	t := s.toks[i]
	return t.num, t.digits >= minDigits && t.digits <= maxDigits
}

// parsed is a date expression before its value is found: words [start,
// end) and what they say, zero where they say nothing.
type parsed struct {
	start, end int
	cal        Calendar
	y, m, d    int
	y2, d2     int // the end of a year or day range
	m2         int // the end's month, when a day range spans two (26-4 إلى 11-5 -1437)
	week       int // the week of the month: 1–4, -1 the last (الأسبوع الأخير من شهر ذي الحجة)
	weekday    int // time.Weekday+1, 0 for none
	offset     int // days from the day of writing, when hasOffset
	hasOffset  bool
	unit       int // a unit with a modifier: الأسبوع الماضي
	mod        int // -1 past, +1 future, 0 current, when hasMod
	hasMod     bool
}

// parse reads the date expression that starts at word i, if any.
func (s *scanner) parse(i int) (parsed, bool) {
	p := parsed{start: i}
	j := i
	// A deictic word, "يوم" and a weekday may come before a date:
	// اليوم الخميس 29 جانفي 2015, يوم الأحد, أمس الأول.
	if ph, next, ok := s.match(j, roleDeictic); ok && s.deictic(j, next) {
		p.offset, p.hasOffset, j = ph.val, true, next
	}
	if j == i || s.blank(j-1, "(«") {
		k := j
		if u, next, ok := s.match(k, roleUnit); ok && u.val == unitDay && s.blank(next-1, "(«") {
			k = next
		}
		// اليوم والخميس is two days, not one named twice.
		coordinated := p.hasOffset && strings.HasPrefix(s.word(k), "و")
		if ph, next, ok := s.match(k, roleWeekday); ok && !coordinated && s.weekdayHere(k, next) {
			p.weekday, j = ph.val+1, next
			// الخميس الموافق 28/10/1436, and الخميس المقبل الموافق 21
			// من شهر شوال, where the date says which Thursday.
			at := j
			if _, n2, ok := s.match(at, roleModifier); ok && s.blank(at-1, "»)") {
				at = n2
			}
			if _, n2, ok := s.match(at, roleAgreeing); ok && s.blank(at-1, "،,)»") {
				if _, ok := s.core(n2); ok {
					j = n2
				}
			}
		}
	}
	if j == i || s.blank(j-1, "،,-–") {
		// اليوم لشهر أغسطس: a deictic word joins a date only when it
		// names the same day, with a weekday between or a day in it, and
		// no و between them (ما بين اليوم والخامس والعشرين من سبتمبر).
		if q, ok := s.core(j); ok && (!p.hasOffset || p.weekday != 0 || q.d != 0) && (j == i || !strings.HasPrefix(s.word(j), "و")) {
			q.start, q.weekday, q.offset, q.hasOffset = p.start, p.weekday, p.offset, p.hasOffset
			return q, true
		}
	}
	if p.weekday == 0 && !p.hasOffset {
		return s.unitWithModifier(i)
	}
	p.end = j
	if p.weekday != 0 {
		if ph, next, ok := s.match(j, roleModifier); ok && s.blank(j-1, "") {
			p.mod, p.hasMod, p.end = ph.val, true, next
		} else if _, next, ok := s.match(j, roleWeekday); ok && strings.HasPrefix(s.word(j), "و") && s.blank(j-1, "") {
			// الأربعاء والخميس القادمين: the plural modifier of the
			// second day is the first's too.
			if ph, _, ok := s.match(next, roleShared); ok && s.blank(next-1, "") {
				p.mod, p.hasMod = ph.val, true
			}
		}
	}
	return p, true
}

// deictic reports whether the deictic phrase at words [i, next) names a
// day: اليوم is "the day" after لينهي or ذلك and before الوطني or الأول.
func (s *scanner) deictic(i, next int) bool {
	w := strings.TrimPrefix(strings.TrimPrefix(s.word(i), "و"), "ف")
	if strings.HasPrefix(w, "ل") && !strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "ك") {
		return false // لامس "he touched", not ل with أمس
	}
	if s.word(i) != foldedToday && !strings.HasSuffix(s.word(i), foldedToday) {
		return true
	}
	if next-i > 1 {
		return true
	}
	if i > 0 && (s.is(i-1, roleNotDeictic) || s.is(i-1, roleThis)) && s.blank(i-1, "") {
		return false
	}
	if next < len(s.toks) && s.blank(next-1, "") && !strings.HasPrefix(s.word(next), "و") && (s.is(next, roleDayNoun) || s.is(next, roleModifier)) {
		return false
	}
	return true
}

var foldedToday = arabic.Fold("اليوم")

// weekdayHere reports whether the weekday word at [i, next) is a day:
// الاثنين after بين or كلا is "the two", unless a date or modifier
// follows.
func (s *scanner) weekdayHere(i, next int) bool {
	if !strings.HasSuffix(s.word(i), foldedMonday) {
		return true
	}
	if i > 0 && s.is(i-1, roleUnit) {
		return true
	}
	if next < len(s.toks) && s.blank(next-1, "") && s.is(next, roleModifier) {
		return true
	}
	if i > 0 && s.is(i-1, roleNotTwo) && s.blank(i-1, "") {
		return false
	}
	if w := s.word(i); w != foldedMonday && !strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "ف") {
		// لالاثنين, بالاثنين: a preposition glued to "the two".
		return false
	}
	return true
}

var foldedMonday = arabic.Fold("الاثنين")

// core reads a date at word j: numeric (28/02/1437هـ), a day and month
// (15 آذار/مارس 2016, الخامس عشر من شوال), a month (سبتمبر/أيلول 2015,
// رمضان الماضي) or a year (عام 2018, 1436 - 1437هـ).
func (s *scanner) core(j int) (parsed, bool) {
	if j >= len(s.toks) {
		return parsed{}, false
	}
	if j > 0 && s.is(j-1, roleNotDay) && s.blank(j-1, "") {
		return parsed{}, false
	}
	if p, ok := s.dayRange(j); ok {
		return p, true
	}
	if p, ok := s.numeric(j); ok {
		return p, true
	}
	if p, ok := s.weekOfMonth(j); ok {
		return p, true
	}
	if p, ok := s.dayMonth(j); ok {
		return p, true
	}
	if p, ok := s.monthYear(j, false); ok {
		return p, true
	}
	return s.year(j)
}

// numeric reads D/M/Y or Y/M/D with slashes, dashes or dots, and an
// optional era: 28 /02 /1437هــ, 2015-07-21, ١٩/٧/٢٠١٥.
func (s *scanner) numeric(j int) (parsed, bool) {
	a, ok1 := s.number(j, 1, 4)
	b, ok2 := s.number(j+1, 1, 2)
	c, ok3 := s.number(j+2, 1, 4)
	if !ok1 || !ok2 || !ok3 || !s.blank(j, "/-.–") || !s.blank(j+1, "/-.–") ||
		strings.Trim(s.gap(j), " \u200f\u200e") == "" || strings.Trim(s.gap(j+1), " \u200f\u200e") == "" {
		return parsed{}, false
	}
	p := parsed{start: j, end: j + 3}
	switch {
	case s.toks[j].digits == 4 && s.toks[j+2].digits <= 2:
		p.y, p.m, p.d = a, b, c
	case s.toks[j+2].digits == 4 && s.toks[j].digits <= 2:
		p.d, p.m, p.y = a, b, c
		if p.m > 12 && p.d <= 12 { // month first, as US-style dates write it
			p.d, p.m = p.m, p.d
		}
	default:
		return parsed{}, false
	}
	p.cal = s.era(&p, p.y)
	return p, p.m >= 1 && p.m <= 12 && p.d >= 1 && p.d <= 31
}

// era reads an era marker after p.end, if any, and returns the calendar
// of year y: as marked, else Hijri for 1300–1500.
func (s *scanner) era(p *parsed, y int) Calendar {
	if ph, next, ok := s.match(p.end, roleEra); ok && s.blank(p.end-1, "") {
		p.end = next
		return Calendar(ph.val)
	}
	if y >= 1300 && y <= 1500 {
		return Hijri
	}
	return Gregorian
}

// dayMonth reads a day (a number, an ordinal with من, or a range 23-25)
// and a month, with the month's year if written.
func (s *scanner) dayMonth(j int) (parsed, bool) {
	p := parsed{start: j}
	k := j
	if s.word(k) == "ال" && s.blank(k, "") {
		k++ // الـ10 من أغسطس
	}
	if d, ok := s.number(k, 1, 2); ok && d >= 1 && d <= 31 && !s.toks[k].inNumber {
		p.d, k = d, k+1
		if d2, ok := s.number(k, 1, 2); ok && s.blank(k-1, "-–") && strings.ContainsAny(s.gap(k-1), "-–") && d2 > d && d2 <= 31 {
			p.d2, k = d2, k+1
		} else if w := strings.TrimPrefix(s.word(k), "و"); (w == "الي" || w == "حتي") && s.blank(k-1, "") {
			n := k + 1
			if s.word(n) == "ال" && s.blank(n, "") {
				n++
			}
			if d2, ok := s.number(n, 1, 2); ok && d2 > d && d2 <= 31 && s.blank(n-1, "") {
				p.d2, k = d2, n+1
			}
		}
		// 28 (يونيو) حزيران: the first of two names may be in brackets.
		if !s.blank(k-1, "(") || strings.Contains(s.gap(k-1), "(") && !s.is(k, roleMonth) {
			return parsed{}, false
		}
		if s.word(k) == "من" && s.blank(k, "") && (s.is(k+1, roleMonth) || s.is(k+1, roleHMonth) || s.is(k+1, roleMonthWord) || s.is(k+1, roleUnit)) {
			k++ // الـ22 من أغسطس
		}
	} else if _, next, ok := s.match(j, roleFirstDay); ok && s.blank(j, "") {
		p.d, k = 1, next // غرة ذي القعدة
	} else if d, next, ok := s.ordinal(j); ok {
		p.d, k = d, next
	} else {
		return parsed{}, false
	}
	q, ok := s.monthYear(k, true)
	if !ok {
		// 12 من الشهر الجاري, العاشرة من الشهر المقبل.
		if q, ok = s.relativeMonth(k); !ok || s.word(k-1) != "من" {
			return parsed{}, false
		}
	}
	q.start, q.d, q.d2 = p.start, p.d, p.d2
	return q, true
}

// relativeMonth reads الشهر and a modifier at word k: الشهر الجاري,
// الشهر المقبل.
func (s *scanner) relativeMonth(k int) (parsed, bool) {
	u, next, ok := s.match(k, roleUnit)
	if !ok || u.val != unitMonth {
		return parsed{}, false
	}
	ph, end, ok := s.match(next, roleModifier)
	if !ok || !s.blank(next-1, "") {
		return parsed{}, false
	}
	return parsed{unit: unitMonth, mod: ph.val, hasMod: true, end: end}, true
}

// dayRange reads a range of days whose last day is written with its month
// and year and whose first shares them, or their year: من العاشر إلى 29
// - 11 -1436, 1 إلى 30/ 11/ 1436هـ, من الثامن إلى العاشر من شهر ذي
// القعدة, من 26-4 إلى 11-5 -1437. The first day is a number, a day and
// month in figures, or, after من, an ordinal (الأول وحتى 30 -12 -1436).
func (s *scanner) dayRange(j int) (parsed, bool) {
	d, m, k := 0, 0, j
	if n, ok := s.number(j, 1, 2); ok && !s.toks[j].inNumber {
		d, k = n, j+1
		if n2, ok := s.number(k, 1, 2); ok && s.blank(j, "-/") && strings.Trim(s.gap(j), " ") != "" {
			m, k = n2, k+1 // 26-4
		}
	} else if ph, next, ok := s.match(j, roleOrdinal); ok && j > 0 && s.word(j-1) == "من" && s.blank(j-1, "") {
		d, k = ph.val, next
		if t, n, ok := s.match(k, roleTeen); ok && d < 10 && s.blank(k-1, "") {
			d, k = d+t.val, n
		} else if t, n, ok := s.match(k, roleTens); ok && d <= 10 && s.blank(k-1, "") {
			d, k = d+t.val, n
		}
	} else {
		return parsed{}, false
	}
	if d < 1 || d > 31 || m > 12 || !s.is(k, roleRangeTo) || !s.blank(k-1, "") || !s.blank(k, "") {
		return parsed{}, false
	}
	end, ok := s.numeric(k + 1)
	if !ok {
		if end, ok = s.dayMonth(k + 1); !ok || end.d2 != 0 {
			return parsed{}, false
		}
	}
	end.start, end.d2, end.d = j, end.d, d
	if m != 0 && m != end.m {
		end.m2, end.m = end.m, m
	}
	if end.m2 == 0 && end.d2 <= end.d || end.m2 != 0 && end.m2 < end.m {
		return parsed{}, false
	}
	return end, true
}

// weekOfMonth reads a week of a month: الأسبوع الثاني من شهر صفر 1437,
// الأسبوع الأخير من شهر ذي الحجة, الأسبوع الأول من الشهر المقبل.
func (s *scanner) weekOfMonth(j int) (parsed, bool) {
	u, k, ok := s.match(j, roleUnit)
	if !ok || u.val != unitWeek || !s.blank(k-1, "") {
		return parsed{}, false
	}
	w, k, ok := s.match(k, roleWeekOrdinal)
	if !ok || s.word(k) != "من" || !s.blank(k-1, "") || !s.blank(k, "") {
		return parsed{}, false
	}
	k++
	p, ok := s.monthYear(k, true)
	if !ok {
		// الأسبوع الأول من الشهر المقبل.
		if p, ok = s.relativeMonth(k); !ok {
			return parsed{}, false
		}
	}
	p.start, p.week = j, w.val
	return p, true
}

// datedPlace returns the end of a place's name that holds a date, when
// word i is a place noun and such a name follows it, or heads a list of
// names joined by و that holds one (ومدينتي أبوحماد والعاشر من رمضان).
func (s *scanner) datedPlace(i int) (int, bool) {
	if !s.is(i, rolePlaceNoun) {
		return 0, false
	}
	for k := i + 1; k < len(s.toks) && k <= i+4 && s.blank(k-1, "،,"); k++ {
		if k > i+1 && !strings.HasPrefix(s.word(k), "و") {
			continue
		}
		for _, name := range datedPlaces {
			if end, ok := s.words(k, name); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// words reports whether the words from i are ws, the first with or
// without و, and returns the index of the word after them.
func (s *scanner) words(i int, ws []string) (int, bool) {
	for n, w := range ws {
		got := s.word(i + n)
		if n == 0 && got != w {
			got = strings.TrimPrefix(got, "و")
		}
		if got != w || n > 0 && !s.blank(i+n-1, "") {
			return 0, false
		}
	}
	return i + len(ws), true
}

// ordinal reads a day written as an ordinal and من: الخامس عشر من,
// الحادي والعشرين من, العشرين من.
func (s *scanner) ordinal(j int) (d, next int, ok bool) {
	ph, k, ok := s.match(j, roleOrdinal)
	if !ok {
		return 0, 0, false
	}
	d = ph.val
	if ph.val <= 10 && s.blank(k-1, "") {
		if t, n, ok := s.match(k, roleTeen); ok && ph.val < 10 {
			d, k = d+t.val, n
		} else if t, n, ok := s.match(k, roleTens); ok {
			d, k = d+t.val, n
		}
	}
	if s.word(k) != "من" || !s.blank(k-1, "") || !s.blank(k, "") || d > 31 {
		return 0, 0, false
	}
	return d, k + 1, true
}

// monthYear reads a month name, doubled in another system (مارس/آذار,
// تموز (يوليو), ديسمبر كانون الأول), with its year (2015, من العام
// 2015, 1436هـ) or a modifier (الماضي) if any. afterDay is set when a
// day came before, which makes an ambiguous name (ماي, رجب) a month.
func (s *scanner) monthYear(j int, afterDay bool) (parsed, bool) {
	p := parsed{start: j}
	k := j
	monthWord := false
	if _, next, ok := s.match(k, roleMonthWord); ok && s.blank(next-1, "") {
		k, monthWord = next, true
	}
	ph, next, ok := s.match(k, roleMonth)
	if ok {
		p.cal = Gregorian
	} else if ph, next, ok = s.match(k, roleHMonth); ok {
		p.cal = Hijri
	} else {
		return parsed{}, false
	}
	p.m, p.end = ph.val, next
	// A second name of the same month, in another system.
	if next < len(s.toks) && s.blank(next-1, "/()-،") {
		r := roleMonth
		if p.cal == Hijri {
			r = roleHMonth
		}
		if ph2, n2, ok := s.match(next, r); ok && ph2.val == p.m {
			p.end = n2
		}
	}
	if w := s.word(p.end); (w == "كل" || w == "من" && s.word(p.end+1) == "كل") && s.blank(p.end-1, "()،,") {
		return parsed{}, false // سبتمبر من كل عام: every year's, no date
	}
	s.yearAfterMonth(&p)
	if p.y == 0 && !p.hasMod && !afterDay && !monthWord && ph.ambiguous {
		return parsed{}, false
	}
	return p, true
}

// yearAfterMonth reads what may follow a month: a year, من العام 2015,
// من العام الماضي, or a modifier.
func (s *scanner) yearAfterMonth(p *parsed) {
	k := p.end
	if k >= len(s.toks) || !s.blank(k-1, "()/،,") {
		return
	}
	if s.word(k) == "من" && s.blank(k, "") && s.is(k+1, roleYearCue) {
		k += 2
	} else if s.is(k, roleYearCue) {
		k++
	}
	if y, ok := s.number(k, 3, 4); ok && s.blank(k-1, "()،,") {
		cal := Gregorian
		q := parsed{end: k + 1}
		if c := s.era(&q, y); c == Hijri {
			cal = Hijri
		}
		if cal != p.cal || !plausible(cal, y) {
			return
		}
		p.y, p.end = y, q.end
		return
	}
	if ph, next, ok := s.match(k, roleModifier); ok && s.blank(k-1, ")") {
		if k > p.end {
			// من العام الماضي: the year is the modifier's.
			p.unit = unitYear
		}
		p.mod, p.hasMod, p.end = ph.val, true, next
	}
}

func plausible(c Calendar, y int) bool {
	if c == Hijri {
		return y >= firstHijriYear && y <= lastHijriYear
	}
	return y >= 1800 && y <= 2200
}

// year reads a year after a cue (عام 2018, العام 1436هـ), a preposition
// (في 2016, منذ 2013) or with an era (2015م, 1436هـ), and year ranges
// (1436 - 1437هـ, ١٤٣٧/١٤٣٦هـ, موسم 2015-2016).
func (s *scanner) year(j int) (parsed, bool) {
	p := parsed{start: j}
	k := j
	cued, dual := false, false
	if cue, next, ok := s.match(k, roleYearCue); ok {
		k, cued, dual = next, true, cue.val == 2
	}
	y, ok := s.number(k, 4, 4)
	if !ok || cued && !s.blank(k-1, "") || s.toks[k].inNumber {
		return parsed{}, false
	}
	if !cued {
		p.start = k
	}
	p.end = k + 1
	// A range: 1436 - 1437, 1437/1436, 1436هـ / 1437هـ.
	k2 := k + 1
	if _, next, ok := s.match(k2, roleEra); ok && s.blank(k, "") {
		k2 = next
	}
	if y2, ok := s.number(k2, 4, 4); ok && s.blank(k2-1, "/-–") && strings.Trim(s.gap(k2-1), " ") != "" && y2 != y && abs(y2-y) <= 10 {
		p.y2, p.end = y2, k2+1
		if y2 < y {
			y, p.y2 = y2, y
		}
	}
	if dual && p.y2 == 0 && s.word(k+1) == "و" && s.blank(k, "") && s.blank(k+1, ".") {
		// بين عامي 1992 و1995.
		if y2, ok := s.number(k+2, 4, 4); ok && y2 > y && y2-y <= 100 {
			p.y2, p.end = y2, k+3
		}
	}
	p.y = y
	hasEra := false
	if _, _, ok := s.match(p.end, roleEra); ok && s.blank(p.end-1, "") {
		hasEra = true
	}
	p.cal = s.era(&p, y)
	switch {
	case hasEra:
	case cued && p.cal == Hijri && y >= 1380 && y <= 1460:
	case cued && p.cal == Hijri:
		p.cal = Gregorian // العام 1492: a year of history, not a Hijri one
	case p.cal == Gregorian && y >= 1900 && y <= 2100 && k > 0 && (s.is(k-1, rolePrep) && s.word(k-1) != "من" || s.is(k-1, roleUntil)) && s.blank(k-1, ""):
	case p.cal == Gregorian && s.almanacYear(k, p.end):
	case cued && p.cal == Gregorian && y <= 2100:
	default:
		return parsed{}, false
	}
	if !plausible(p.cal, y) || p.y2 != 0 && !plausible(p.cal, p.y2) {
		return parsed{}, false
	}
	// A number of years, not a year: 2000 عام, 1436 سنة.
	if p.end < len(s.toks) && s.is(p.end, roleYearCue) && s.blank(p.end-1, "") {
		return parsed{}, false
	}
	return p, true
}

// almanacYear reports whether the number at word k, alone in [k, end),
// opens its paragraph and is followed by a dash, as the lines of an "on
// this day" column do: "1945 - الحرب العالمية الثانية: …".
func (s *scanner) almanacYear(k, end int) bool {
	return k == 0 && end == 1 && len(s.toks) > 1 && strings.TrimSpace(s.text[:s.toks[0].start]) == "" &&
		strings.Trim(s.gap(0), " ") != "" && strings.Trim(s.gap(0), " -–—") == ""
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// unitWithModifier reads الأسبوع الماضي, الشهر المقبل, العام الحالي,
// هذا العام.
func (s *scanner) unitWithModifier(i int) (parsed, bool) {
	p := parsed{start: i}
	k := i
	this := false
	if _, next, ok := s.match(k, roleThis); ok && s.blank(k, "") {
		k, this = next, true
	}
	u, next, ok := s.match(k, roleUnit)
	if !ok || u.val == unitDay || !this && k > 0 && s.is(k-1, roleGeneral) && s.blank(k-1, "") {
		return parsed{}, false // النائب العام السابق: the former attorney general
	}
	p.unit = u.val
	if q, ok := s.year(k); ok && q.start == k {
		return parsed{}, false // العام 2015, هذا العام 1436هـ: the year says which
	}
	if this {
		p.mod, p.hasMod, p.end = 0, true, next
		return p, true
	}
	ph, n2, ok := s.match(next, roleModifier)
	if !ok || !s.blank(next-1, "") {
		return parsed{}, false
	}
	p.mod, p.hasMod, p.end = ph.val, true, n2
	// العام السابق 2014م, العام الماضي 1435هـ: one year, which the number
	// says.
	if y, ok := s.number(n2, 4, 4); ok && p.unit == unitYear && s.blank(n2-1, "") && !s.toks[n2].inNumber {
		q := parsed{start: i, end: n2 + 1, y: y}
		if q.cal = s.era(&q, y); plausible(q.cal, y) {
			return q, true
		}
	}
	return p, true
}

// present is what tense returns for a clause whose verb is in the
// imperfect (يعقد, يرتفع), which news uses for the present and the future
// alike.
const present = 2

// tense returns +1 when the clause before word i points forward (سوف,
// المقرر, a verb with the future prefix سـ), -1 when it points back (كان,
// قد, منذ), present for an imperfect verb, and 0 when it says none of
// these; the nearest cue decides.
func (s *scanner) tense(i int) int {
	if s.sameDay(i) {
		return s.lastTense
	}
	for k := i - 1; k >= 0 && k >= i-sentenceWords; k-- {
		if strings.ContainsAny(s.gap(k), ".!?؟\n") {
			return s.sentenceTense(k + 1)
		}
		if s.toks[k].inExpr || k < i-clauseWords {
			continue // a date's own words are no cue for the next one
		}
		if s.is(k, roleFuture) || futureVerb(s.word(k)) || s.isBare(k-1, roleSubjunctive) && subjunctiveVerb(s.word(k)) && !s.isBare(k-2, roleTimeConj) {
			return 1
		}
		if s.is(k, rolePast) || k == i-1 && s.is(k, roleSaid) {
			return -1
		}
		if imperfectVerb(s.word(k)) {
			// The particles before the verb decide: لم يعلن is past,
			// سوف يعقد and المقرر أن يعقد are to come.
			for b := k - 1; b >= 0 && b >= k-2 && !strings.ContainsAny(s.gap(b), ".!?؟\n"); b-- {
				switch {
				case s.is(b, roleNegPast):
					return -1
				case s.is(b, roleFuture), s.isBare(b, roleSubjunctive):
					return 1
				}
			}
			return present
		}
		if ph, _, ok := s.match(k, roleModifier); ok && ph.val != 0 {
			return ph.val
		}
	}
	if i <= sentenceWords {
		return s.sentenceTense(0)
	}
	return 0
}

// sentenceTense returns -1 when the sentence that starts at word k opens
// with a verb in the perfect after و or ف (وقال, وشنت, فأعلن), as news
// sentences do, and 0 otherwise.
func (s *scanner) sentenceTense(k int) int {
	if k < len(s.toks) && perfectVerb(s.word(k)) && len(s.entries(k)) == 0 {
		return -1
	}
	return 0
}

// sentenceWords is how far back tense looks for the start of a sentence.
const sentenceWords = 40

// perfectVerb reports whether a folded word is و or ف and a verb in the
// perfect, by its shape: three to five letters after the conjunction,
// none of the imperfect's prefixes ي ن ت, no article, less the nouns and
// particles of that shape.
func perfectVerb(w string) bool {
	if !strings.HasPrefix(w, "و") && !strings.HasPrefix(w, "ف") {
		return false
	}
	w = w[2:]
	n := utf8.RuneCountInString(w)
	if n < 3 || n > 5 || strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "ي") || strings.HasPrefix(w, "ن") ||
		strings.HasPrefix(w, "ت") || strings.HasSuffix(w, "ه") || w[0] < 0x80 {
		return false
	}
	for _, n := range notPerfectVerbs {
		if strings.HasPrefix(w, n) {
			return false
		}
	}
	return true
}

// notPerfectVerbs are the words that open a sentence after و like a verb
// and are not one: pronouns, particles, and nouns whose root begins with
// و (وزير, وكالة). Source: the sentence openers most frequent in
// SaudiNewsNet.
var notPerfectVerbs = folded("هو", "هي", "هم", "هذا", "هذه", "هؤلاء", "ذلك", "تلك", "لكن", "لكنه", "لكنها", "كذلك",
	"أما", "إذا", "إذ", "أن", "إن", "أنه", "إنه", "أيضا", "عليه", "عند", "حيث", "بين", "بعد", "قبل", "مع", "من",
	"على", "عن", "إلى", "لذلك", "لهذا", "بهذا", "بذلك", "كان", "زير", "زار", "كال", "فد", "لي", "لاي", "سط", "قت",
	"ضع", "صول", "جود", "فا", "قف", "لد", "اشنطن", "حد", "جه", "رد", "زن", "صف", "قع", "عد", "طن", "ثيق", "رق",
	"كل", "بعض", "غير", "مثل", "منذ", "خلال", "رغم", "بحسب", "حسب", "أكثر", "أقل", "أول", "آخر", "لدى", "لما",
	"كما", "ما", "لا", "لم", "لن", "قد", "لقد", "هنا", "هناك", "ثم",
	// Verbs of saying, whose clause may be in any tense.
	"قال", "أضاف", "أكد", "أوضح", "أشار", "أعلن", "ذكر", "بين", "لفت", "نوه", "شدد", "توقع", "كشف", "أفاد",
	"صرح", "اعتبر", "رأى", "أفاد", "دعا", "طالب", "أعرب", "نقل", "قالت", "أضافت", "أكدت", "أوضحت", "أشارت",
	"أعلنت", "ذكرت", "بينت", "لفتت", "كشفت", "أفادت", "اعتبرت", "رأت", "دعت", "طالبت", "أعربت", "نقلت",
	"قرر", "قررت", "أمر", "أمرت", "وافق", "وافقت", "أقر", "أقرت", "وقع", "وقعت", "اتفق", "اتفقت", "أصدر", "أصدرت")

// sameDay reports whether the expression at word i names again the day
// the one before it named: 24 شوال 1436هـ الموافق 9 أغسطس 2015, الأحد
// المقبل (24 شوال). The two share a tense, and an until.
func (s *scanner) sameDay(i int) bool {
	return s.lastEnd > 0 && (i == s.lastEnd && strings.Contains(s.gap(i-1), "(") ||
		i == s.lastEnd+1 && s.is(s.lastEnd, roleAgreeing))
}

// clauseWords is how far back tense looks for a cue: a news sentence puts
// its verb first, often a dozen words before the date it governs.
const clauseWords = 15

// until reports whether the date at word i is an end ("حتى 2019", "إلى
// نهاية 2020"), which in news is mostly a term yet to come.
func (s *scanner) until(i int) bool {
	if s.sameDay(i) {
		return s.lastUntil
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if s.is(k, roleUntil) {
			return true
		}
		if !s.is(k, rolePrep) {
			return false
		}
	}
	return false
}

// futureVerb reports whether a folded word is an imperfect verb with the
// future prefix سـ (سيعقد, ستنطلق, سنعمل), by its shape: س, a person
// prefix, and at least three more letters, less the nouns of that shape.
func futureVerb(w string) bool {
	w = strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
	if !strings.HasPrefix(w, "س") || utf8.RuneCountInString(w) < 4 {
		return false
	}
	switch w[2:4] {
	case "ي", "ت", "ن":
	case "ا": // سأعمل, folded: the first person has one letter more
		if utf8.RuneCountInString(w) < 5 {
			return false
		}
	default:
		return false
	}
	for _, n := range notFutureVerbs {
		if strings.HasPrefix(w, n) {
			return false
		}
	}
	return true
}

// imperfectVerb reports whether a folded word is a verb in the imperfect
// of the third person masculine (يعقد, ويرتفع), by its shape: ي and at
// least three more letters, less the nouns and names of that shape.
func imperfectVerb(w string) bool {
	w = strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
	if !strings.HasPrefix(w, "ي") || utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, n := range notImperfectVerbs {
		if strings.HasPrefix(w, n) {
			return false
		}
	}
	return true
}

// subjunctiveVerb reports whether a folded word after أن or لن has the
// shape of a verb in the imperfect: a prefix ي ت ن and three to six
// letters after it (أن تكون, لن يعود, أن يستكملوا), not the ending of a
// noun (ة, ى, ية); a longer word is most often a name (أن نشيميريمانا).
func subjunctiveVerb(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	n := utf8.RuneCountInString(w[size:])
	return strings.ContainsRune("يتن", r) && n >= 3 && n <= 6 &&
		!strings.HasSuffix(w, "ة") && !strings.HasSuffix(w, "ه") && !strings.HasSuffix(w, "ى")
}

// notImperfectVerbs are the nouns and names that begin like a verb with ي.
// Source: the words of that shape most frequent in SaudiNewsNet.
var notImperfectVerbs = folded("يوم", "يونيو", "يونيه", "يونية", "يوليو", "يوليه", "يولية", "يناير", "يمين", "يسار", "يورو",
	"يوسف", "يحيى", "يزيد", "يعقوب", "يونس", "يابان", "يمن", "يهود", "ينبع", "ينبوع", "ياسر", "يافع", "يزن",
	"يونان", "يونسكو", "يونيسف", "يوتيوب", "يوفنتوس", "يوغسلاف")

// notFutureVerbs are the nouns that begin like a verb with سـ. Source:
// the words of that shape most frequent in SaudiNewsNet.
var notFutureVerbs = folded("سيار", "سياس", "سيطر", "سياح", "سيدة", "سيدات", "سيدي", "ستاد", "ستار", "ستين", "ستة", "سنو", "سنة", "سنت",
	"سيف", "سيول", "سينما", "سيناء", "سيرة", "سير", "ستوكهولم", "سنغافور", "سيئ", "سيؤول", "سياق", "سياج", "سيبر",
	"ستراتيج", "ستوديو", "سنين", "سنابل", "سنام", "سنبل", "سيلفي", "سيناري", "سيمفوني", "سيناتور", "سيول")

// folded returns words folded, as the words of a text are before lookup.
func folded(words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = arabic.Fold(w)
	}
	return out
}
