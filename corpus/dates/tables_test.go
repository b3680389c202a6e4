package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestTables reads every row of the month, weekday, ordinal and era
// tables in a sentence and checks the value it gives.
func TestTables(t *testing.T) {
	one := func(text string) (Mention, bool) {
		ms := Extract(text, ref)
		if len(ms) != 1 {
			t.Errorf("%s: %d mentions %v", text, len(ms), ms)
			return Mention{}, false
		}
		return ms[0], true
	}
	for _, e := range gregorianMonths {
		text := "في 5 " + e.words + " 2014"
		if m, ok := one(text); ok && m.Value() != fmt.Sprintf("2014-%02d-05", e.val) {
			t.Errorf("%s: %s", text, m.Value())
		}
	}
	for _, e := range hijriMonths {
		text := "في 5 " + e.words + " 1437هـ"
		if m, ok := one(text); ok && m.Hijri != fmt.Sprintf("1437-%02d-05", e.val) {
			t.Errorf("%s: %s", text, m.Hijri)
		}
	}
	for _, e := range weekdays {
		text := "يوم " + e.words + " الماضي"
		if m, ok := one(text); ok && (int(m.From.Weekday()) != e.val || !m.From.Before(ref) || ref.Sub(m.From) > 7*24*time.Hour) {
			t.Errorf("%s: %s", text, m.Value())
		}
	}
	for _, e := range ordinals {
		var text string
		want := e.val
		switch e.role {
		case roleTeen:
			text, want = "الخامس "+e.words+" من مارس 2015", 15
		case roleTens:
			text, want = "الحادي "+e.words+" من مارس 2015", 1+e.val
		case roleFirstDay:
			text = e.words + " مارس 2015"
		default:
			text = e.words + " من مارس 2015"
		}
		if m, ok := one(text); ok && m.Value() != fmt.Sprintf("2015-03-%02d", want) {
			t.Errorf("%s: %s", text, m.Value())
		}
	}
	for _, e := range eras {
		text, want := "في 2015 "+e.words, "2015"
		if Calendar(e.val) == Hijri {
			text, want = "في 1436 "+e.words, "1436"
		}
		if m, ok := one(text); ok && (m.Calendar != Calendar(e.val) || m.Calendar == Hijri && m.Hijri != want || m.Calendar == Gregorian && m.Value() != want) {
			t.Errorf("%s: %v %s %s", text, m.Calendar, m.Value(), m.Hijri)
		}
	}
	for _, e := range weekOrdinals {
		text, want := "في الأسبوع "+e.words+" من شهر فبراير 2015", fmt.Sprintf("2015-02-%02d", 7*e.val-6)
		if e.val < 0 {
			want = "2015-02-22" // February 2015 had 28 days
		}
		if m, ok := one(text); ok && (m.Value() != want || m.To.Sub(m.From) != 6*24*time.Hour) {
			t.Errorf("%s: %s..%s", text, m.Value(), m.EndValue())
		}
	}
	for _, e := range rangeWords {
		text := "من الأول " + e.words + " 15/9/2015"
		if m, ok := one(text); ok && (m.Value() != "2015-09-01" || m.EndValue() != "2015-09-15") {
			t.Errorf("%s: %s..%s", text, m.Value(), m.EndValue())
		}
	}
	for _, e := range placeNouns {
		for _, name := range datedPlaces {
			text := "في " + e.words + " " + strings.Join(name, " ") + " اليوم"
			if m, ok := one(text); ok && m.Text != "اليوم" {
				t.Errorf("%s: %s", text, m.Text)
			}
		}
	}
	for _, e := range relatives {
		if e.role != roleDeictic {
			continue
		}
		if m, ok := one("قال " + e.words + " إن"); ok && !m.From.Equal(ref.AddDate(0, 0, e.val)) {
			t.Errorf("%s: %s", e.words, m.Value())
		}
	}
}

// TestRolesFitTheirBits checks that every role has a bit in a token's
// roles, which a role past the last would silently never match.
func TestRolesFitTheirBits(t *testing.T) {
	var tok token
	if bits := 8 * int(unsafe.Sizeof(tok.roles)); int(roleCount) > bits {
		t.Fatalf("%d roles, %d bits", roleCount, bits)
	}
}

// TestTense checks the cues that point a year-less date forward or back.
func TestTense(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"سوف يعقد الاجتماع في 20 يوليو", "2016-07-20"},
		{"من المقرر أن يعقد الاجتماع في 20 يوليو", "2016-07-20"},
		{"سيعقد الاجتماع في 20 يوليو", "2016-07-20"},
		{"ستنطلق البطولة في 10 أغسطس", "2015-08-10"},
		{"وكان الاجتماع قد عقد في 10 أغسطس", "2014-08-10"},
		{"منذ 10 أغسطس", "2014-08-10"},
		{"لم يعقد الاجتماع منذ 10 أغسطس", "2014-08-10"},
		{"عقد الاجتماع في 10 أغسطس", "2015-08-10"}, // no cue: the nearest
		{"في السيارات الجديدة 10 أغسطس", "2015-08-10"},
	} {
		ms := Extract(c.text, ref)
		if len(ms) != 1 || ms[0].Value() != c.want {
			t.Errorf("%s: %v, want %s", c.text, ms, c.want)
		}
	}
}
