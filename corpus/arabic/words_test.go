package arabic

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"في ١٤٣٦هـ الموافق 2015م", []string{"في", "١٤٣٦", "هـ", "الموافق", "2015", "م"}},
		{"covid-19", []string{"covid", "19"}},
		{"G20", []string{"G", "20"}},
		{"بِسْمِ", []string{"بِسْمِ"}},
	} {
		var got []string
		for _, tk := range Words(c.in) {
			got = append(got, c.in[tk.Start:tk.End])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzFoldWords checks that FoldWords cuts as Words does and folds as
// Fold does, and that neither panics on any input.
func FuzzFoldWords(f *testing.F) {
	for _, s := range []string{"في ١٤٣٦هـ الموافق 2015م", "\ufeffبوتين", "ﻻ ـــ", "\u064e\u064e", "a\xffb", "x٣y", "ً1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Words is Tokens cut where digits meet letters: the words of a
		// token tile it, and none holds both.
		words := Words(s)
		wi := 0
		for _, tk := range Tokens(s) {
			at := tk.Start
			for at < tk.End {
				if wi >= len(words) || words[wi].Start != at || words[wi].End > tk.End {
					t.Fatalf("Words(%q) = %v does not tile token %v", s, words, tk)
				}
				w := s[words[wi].Start:words[wi].End]
				if strings.IndexFunc(w, unicode.IsDigit) >= 0 && strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) && r != 'ـ' }) >= 0 {
					t.Errorf("Words(%q): %q holds digits and letters", s, w)
				}
				at = words[wi].End
				wi++
			}
		}
		if wi != len(words) {
			t.Errorf("Words(%q) = %v: more words than Tokens cover", s, words)
		}
		want := words
		var got []Token
		FoldWords(s, nil, func(tk Token, folded []byte) {
			got = append(got, tk)
			if w := Fold(s[tk.Start:tk.End]); string(folded) != w {
				t.Errorf("FoldWords(%q): word %q folded %q, Fold gives %q", s, s[tk.Start:tk.End], folded, w)
			}
		})
		if !slices.Equal(got, want) {
			t.Errorf("FoldWords(%q) cuts %v, Words %v", s, got, want)
		}
	})
}
