package ui

import (
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus"
)

// FuzzScreen puts arbitrary article text on the screen at arbitrary sizes:
// the frame must keep its exact size and nothing from the article may reach
// the terminal as a control character, escape sequence or bidi override.
func FuzzScreen(f *testing.F) {
	f.Add("وزير المالية يعلن ميزانية العام", "قال الوزير إن «الميزانية» متوازنة في 2024.", "شارك", uint8(80), uint8(24))
	f.Add("\x1b[2Jtitle\x07", "\x1b]0;pwned\x07\u202Eevil\u2066x\u2069", "\r\n\t\x00", uint8(30), uint8(10))
	f.Add("", "", "", uint8(1), uint8(1))
	f.Add("مُحَمَّد (محمد) [x] لا لأ", "New York يوم 12 مارس 2024 ‏٣٤٥‎", "\xff\xfe", uint8(45), uint8(7))
	f.Fuzz(func(t *testing.T, title, body, removed string, w, h uint8) {
		width, height := int(w%160)+1, int(h%50)+1
		a := &corpus.Article{ID: "f", Title: title, Source: removed, Removed: []string{removed},
			Paragraphs: []corpus.Paragraph{{Text: body}, {Kind: corpus.Quote, Text: title + body}}}
		m := newLoaded(t, Config{}, width, height, []*corpus.Article{a}, []corpus.Problem{{Path: title, Reason: body}})
		for _, keys := range [][]any{nil, {keyEnter}, {text("G")}, {text("R")}, {keyEsc, keyEsc, text("p")}} {
			for _, k := range keys {
				m.Update(k)
			}
			v := m.View().Content
			lines := strings.Split(v, "\n")
			if len(lines) != height {
				t.Fatalf("%dx%d: %d lines", width, height, len(lines))
			}
			for i, l := range lines {
				if n := ansi.StringWidth(l); n != width {
					t.Fatalf("%dx%d: line %d is %d cells: %q", width, height, i, n, l)
				}
			}
			// Our own styles are SGR sequences (ESC [ … m); anything else
			// came from the text.
			for i := strings.IndexByte(v, 0x1b); i >= 0; i = strings.IndexByte(v, 0x1b) {
				end := strings.IndexByte(v[i:], 'm')
				if end < 0 || !strings.HasPrefix(v[i:], "\x1b[") || strings.ContainsAny(v[i+2:i+end], "\x1b\x07") {
					t.Fatalf("escape that is not SGR: %q", v[i:min(len(v), i+20)])
				}
				v = v[:i] + v[i+end+1:]
			}
			for _, r := range v {
				if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)) {
					t.Fatalf("control %U on screen: %q", r, v)
				}
			}
		}
	})
}
