package arabic

import (
	"reflect"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"الأسد", "الاسد"},
		{"إيران", "ايران"},
		{"آذار", "اذار"},
		{"سورية", "سوريه"},
		{"مستشفى", "مستشفي"},
		{"مُحَمَّد", "محمد"},
		{"الـــرئيس", "الرءيس"},
		{"٢٠١٥", "2015"},
		{"۲۰۱۵", "2015"},
		{"BBC News", "bbc news"},
		{"مسؤول", "مسءول"},
		{"مسئول", "مسءول"},
		{"\uFEFB", "لا"}, // lam-alef presentation form
		{"ﺑﻮﺗﻴﻦ", "بوتين"},
		{"\uFEFFبوتين", "بوتين"}, // byte order mark: NFKC keeps it, Fold drops it
		{"a\uFDD0b", "a\uFDD0b"}, // a noncharacter NFKC keeps is kept, not looped on
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	s := "قال بوتين، في 2015: «انسحاب»."
	var words []string
	for _, tk := range Tokens(s) {
		words = append(words, s[tk.Start:tk.End])
	}
	want := []string{"قال", "بوتين", "في", "2015", "انسحاب"}
	if !reflect.DeepEqual(words, want) {
		t.Errorf("Tokens = %q, want %q", words, want)
	}
}

func TestDigitValue(t *testing.T) {
	for r, want := range map[rune]int{'٠': 0, '٩': 9, '۵': 5, '७': 7, '\U0001D7D9': 1} {
		if got := digitValue(r); got != want {
			t.Errorf("digitValue(%q) = %d, want %d", r, got, want)
		}
	}
}
