package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates come from two places for now: a metadata field (front matter, JSON)
// and a dateline printed at the top of a scraped page. Reading dates out of
// the running text (Hijri years, month names) is left to a later step; it
// belongs here too, so that all date reading stays in this file.

// metadataLayouts are the layouts in which news dumps and feeds write dates,
// most common first. Sources: SaudiNewsNet's date_extracted ("2015-07-21
// 02:51:32"), RSS pubDate (RFC 1123 / RFC 822), Atom and schema.org
// (RFC 3339), and hand-written front matter (date only).
var metadataLayouts = []string{
	"2006-01-02 15:04:05",
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04:05",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	"02-01-2006 15:04",
	"02-01-2006",
	"02/01/2006 15:04",
	"02/01/2006",
	"2 January 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 Jan 2006",
}

// parseMetadataDate reads a date written in a metadata field. Digits of any
// script are read as ASCII digits first, since Arabic sites often write
// ٢٠١٥-٠٧-٢١.
func parseMetadataDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(asciiDigits(s))
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range metadataLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, plausibleYear(t.Year())
		}
	}
	// Unix time in seconds or milliseconds, as some JSON exports write it.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 {
		if n > 1e11 {
			n /= 1000
		}
		t := time.Unix(n, 0).UTC()
		return t, plausibleYear(t.Year())
	}
	return time.Time{}, false
}

func plausibleYear(y int) bool { return y >= 1800 && y <= 2200 }

// datelineRE matches a date and optional time at the start of a short line,
// as scraped pages print them above the title. Seen in seed 002:
// "26-05-2017 02:52 AM بتوقيت القدس المحتلة" (day first, as Arab sites
// write dates), and "2017-05-26 14:52" on others.
var datelineRE = regexp.MustCompile(`^(?:(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))` +
	`(?:\s*[-–,،]?\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm]|ص|م)?)?(?:\s|$)`)

// maxDatelineWords bounds how much text may follow the date on a dateline
// ("بتوقيت القدس المحتلة", "آخر تحديث"), so that a body sentence opening
// with a date is not taken for page furniture.
const maxDatelineWords = 8

// parseDateline reports whether line is a dateline and the date it gives.
func parseDateline(line string) (time.Time, bool) {
	if len(line) > 160 || line == "" {
		return time.Time{}, false
	}
	s := asciiDigits(line)
	m := datelineRE.FindStringSubmatch(s)
	if m == nil || len(strings.Fields(s)) > maxDatelineWords {
		return time.Time{}, false
	}
	var d, mo, y int
	if m[3] != "" {
		d, mo, y = atoi(m[1]), atoi(m[2]), atoi(m[3])
		if mo > 12 && d <= 12 { // month first, as in US-style dates
			d, mo = mo, d
		}
	} else {
		y, mo, d = atoi(m[4]), atoi(m[5]), atoi(m[6])
	}
	hh, mm := 0, 0
	if m[7] != "" {
		hh, mm = atoi(m[7]), atoi(m[8])
		switch strings.ToLower(m[9]) {
		case "pm", "م":
			if hh < 12 {
				hh += 12
			}
		case "am", "ص":
			if hh == 12 {
				hh = 0
			}
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 23 || mm > 59 || !plausibleYear(y) {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, 0, 0, time.UTC)
	if t.Day() != d { // 31 February and the like
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// asciiDigits returns s with Arabic-Indic and Eastern Arabic-Indic digits
// replaced by ASCII ones (U+0660–0669, U+06F0–06F9).
func asciiDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool {
		return r >= 0x660 && r <= 0x669 || r >= 0x6F0 && r <= 0x6F9
	}) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0x660 && r <= 0x669:
			return '0' + r - 0x660
		case r >= 0x6F0 && r <= 0x6F9:
			return '0' + r - 0x6F0
		}
		return r
	}, s)
}
