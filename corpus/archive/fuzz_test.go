package archive_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"sahifa/corpus"
	"sahifa/corpus/archive"
)

// FuzzArticle stores an article of any title and text, reads it back as
// stored (NUL and invalid bytes as U+001A, one for one), and searches the
// archive with the text as a query, which must not fail whatever it holds.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{
		"", "بوتين", "'; DROP TABLE articles; --", "\x00", "\xff\xfe", `\`, "'':*&|!<->()",
		`"القوات الروسية" -سوريا روس*`, "a\x00b", strings.Repeat("ا", 2100),
	} {
		f.Add(s, s)
	}
	a := open(f)
	n := 0
	f.Fuzz(func(t *testing.T, title, text string) {
		n++
		id := fmt.Sprintf("fuzz%d", n)
		art := &corpus.Article{ID: id, Path: title, Index: -1, Title: title, Paragraphs: []corpus.Paragraph{{Text: text}}}
		if _, err := a.Put(t.Context(), []archive.Record{{Article: art}}); err != nil {
			t.Fatal(err)
		}
		got, err := a.Article(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != substituted(title) || len(got.Paragraphs) != 1 || got.Paragraphs[0].Text != substituted(text) {
			t.Errorf("read back %q / %+v", got.Title, got.Paragraphs)
		}
		if _, err := a.Search(t.Context(), text, 5); err != nil {
			t.Errorf("search %q: %v", text, err)
		}
	})
}

// substituted is s as the archive stores it: each NUL byte and each byte
// of invalid UTF-8 made U+001A.
func substituted(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			b.WriteByte(0x1a)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
