package dates

import (
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract checks that no text makes Extract panic, that every span
// lies inside the text, holds the mention's words and whole runes,
// and that every value is a valid date in order.
func FuzzExtract(f *testing.F) {
	for _, c := range extractCases {
		f.Add(c.text, int64(0))
		f.Add(c.text, ref.Unix())
	}
	f.Add("١٤٣٧/١٤٣٦هـ 30 ذي الحجة 1500هـ 1 محرم 1356هـ", ref.Unix())
	f.Add("\xff29 جانفي\u200f/2015", int64(-1e12))
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var r time.Time
		if unix != 0 && unix > -1e13 && unix < 1e13 {
			r = time.Unix(unix, 0).UTC()
		}
		last := 0
		for _, m := range Extract(text, r) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("span [%d,%d) after %d in %d bytes", m.Start, m.End, last, len(text))
			}
			last = m.End
			// A mention is whole runes of words: valid UTF-8 from a rune's start.
			if text[m.Start:m.End] != m.Text || !utf8.RuneStart(text[m.Start]) || !utf8.ValidString(m.Text) {
				t.Fatalf("span [%d,%d) %q, Text %q", m.Start, m.End, text[m.Start:m.End], m.Text)
			}
			if m.From.IsZero() || m.To.Before(m.From) || m.Precision < Year || m.Precision > Day {
				t.Fatalf("%q: from %v to %v, precision %d", m.Text, m.From, m.To, m.Precision)
			}
			for _, v := range []string{m.Value(), m.EndValue()} {
				if v == "" && m.Range {
					t.Fatalf("%q: a range without an end", m.Text)
				}
				if v != "" && !valid(v) {
					t.Fatalf("%q: value %q is not a date", m.Text, v)
				}
			}
			if m.Relative && r.IsZero() {
				t.Fatalf("%q: relative without a reference", m.Text)
			}
		}
	})
}

func valid(v string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, v); err == nil && t.Format(layout) == v {
			return true
		}
	}
	return false
}

// FuzzParseRange checks that no typed range makes ParseRange panic and
// that a range it reads never ends before it starts.
func FuzzParseRange(f *testing.F) {
	for _, s := range []string{"2018", "2018-03", "مارس 2018", "1436", "رمضان 1436", "2015-08..2015-09-10", "..", "1500..1356"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		from, to, err := ParseRange(s)
		if err == nil && (from.IsZero() || to.Before(from)) {
			t.Fatalf("%q: %v..%v", s, from, to)
		}
	})
}
