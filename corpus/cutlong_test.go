package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCutLong: a paragraph over MaxParagraphSize is cut at spaces into
// paragraphs of its kind within the limit that give back its text, its
// inlines following their words; text with no space is cut between
// characters; a paragraph within the limit is kept as it is.
func TestCutLong(t *testing.T) {
	word := "كلمة "
	long := strings.Repeat(word, 3*MaxParagraphSize/len(word))
	bold := strings.Index(long[MaxParagraphSize-20:], word) + MaxParagraphSize - 20
	ps := cutLong([]Paragraph{
		{Text: "قصير"},
		{Kind: Quote, Text: long, Inlines: []Inline{{Start: bold, End: bold + 40, Kind: 1}}},
		{Text: strings.Repeat("ب", MaxParagraphSize)}, // 128 KB, no space
	})
	if ps[0].Text != "قصير" {
		t.Fatalf("a short paragraph became %q", ps[0].Text)
	}
	var quoted []string
	inlines := 0
	for _, p := range ps[1:] {
		if len(p.Text) > MaxParagraphSize || !utf8.ValidString(p.Text) {
			t.Fatalf("a piece of %d bytes (valid UTF-8: %v)", len(p.Text), utf8.ValidString(p.Text))
		}
		if p.Kind == Quote {
			quoted = append(quoted, p.Text)
			for _, in := range p.Inlines {
				inlines++
				if got := p.Text[in.Start:in.End]; !strings.Contains(long[bold:bold+40], got) || got == "" {
					t.Errorf("an inline holds %q", got)
				}
			}
		}
	}
	if got := strings.Join(quoted, " "); got != strings.TrimSuffix(long, " ") && got != long {
		t.Errorf("the pieces of the quote do not give it back: %d bytes of %d", len(got), len(long))
	}
	if len(quoted) != 4 || inlines != 2 {
		t.Errorf("%d pieces with %d inline parts, want 4 and the inline across a cut in 2", len(quoted), inlines)
	}
	if n := len(ps) - 1 - len(quoted); n != 2 {
		t.Errorf("128 KB without a space made %d paragraphs, want 2", n)
	}
}
