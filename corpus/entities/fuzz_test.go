package entities

import (
	"strings"
	"testing"
	"unicode/utf8"

	"sahifa/corpus"
	"sahifa/corpus/entities/conll"
)

// FuzzReadCoNLL feeds arbitrary text to the CoNLL reader and tags what it
// reads: nothing may panic, and every token gets one tag.
func FuzzReadCoNLL(f *testing.F) {
	f.Add("قال O\nبوتين B-PERS\n\nفي O x y\nموسكو B-LOC\n")
	f.Add("-DOCSTART- -X- O O\n\nEU B-ORG\nrejects O\n\n\n")
	f.Add("\x00\xff\n\t \nو\nلل\n")
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := conll.ReadCoNLLDocuments(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, doc := range docs {
			toks := make([][]string, len(doc))
			for i, s := range doc {
				if len(s.Tags) != len(s.Tokens) {
					t.Fatalf("%d tags for %d tokens", len(s.Tags), len(s.Tokens))
				}
				toks[i] = s.Tokens
				for _, c := range conll.Chunks(s.Tags) {
					if c.Start < 0 || c.End > len(s.Tags) || c.Start >= c.End {
						t.Fatalf("chunk %+v out of %d tags", c, len(s.Tags))
					}
				}
			}
			for i, tags := range m.TagDocument(toks) {
				if len(tags) != len(toks[i]) {
					t.Fatalf("%d tags for %d tokens", len(tags), len(toks[i]))
				}
			}
		}
	})
}

// FuzzExtract runs Extract on arbitrary titles, paragraphs and credits:
// mentions must stay inside the text and, when it is valid UTF-8, hold
// whole characters.
func FuzzExtract(f *testing.F) {
	f.Add("بوتين يزور سورية", "قال الرئيس الروسي فلاديمير بوتين في موسكو، ولبوتين رأي.", "")
	f.Add("", "للللل ووو بب . ؟ ! \u200f\u0640\u064b", ". ،")
	f.Add("\xff\xfe", "عبد الفتاح السيسي والسيسي", "شام الإخبارية")
	f.Fuzz(func(t *testing.T, title, para, credit string) {
		a := &corpus.Article{Title: title, Credit: credit, Paragraphs: []corpus.Paragraph{{Text: para}, {Text: title + " " + para}}}
		for _, e := range Extract(a) {
			if e.Key == "" || len(e.Mentions) == 0 {
				t.Fatalf("empty entity %+v", e)
			}
			for _, m := range e.Mentions {
				text := a.Title
				switch {
				case m.Para == CreditPara:
					text = a.Credit
				case m.Para >= 0:
					text = a.Paragraphs[m.Para].Text
				}
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("mention %+v outside %q", m, text)
				}
				// In valid text a mention holds whole characters.
				if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
					t.Fatalf("mention %+v cuts a character of %q", m, text)
				}
			}
		}
	})
}
