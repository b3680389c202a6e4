package ui

import (
	"context"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus"
	"sahifa/corpus/collection"
)

// FuzzScreen puts arbitrary article text on the screen at arbitrary sizes:
// the frame must keep its exact size and nothing from the article may reach
// the terminal as a control character, escape sequence or bidi override.
func FuzzScreen(f *testing.F) {
	f.Add("وزير المالية يعلن ميزانية العام", "قال الوزير إن «الميزانية» متوازنة في 2024.", "شارك", uint8(80), uint8(24))
	f.Add("\x1b[2Jtitle\x07", "\x1b]0;pwned\x07\u202Eevil\u2066x\u2069", "\r\n\t\x00", uint8(30), uint8(10))
	f.Add("", "", "", uint8(1), uint8(1))
	f.Add("مُحَمَّد (محمد) [x] لا لأ", "New York يوم 12 مارس 2024 \u200f٣٤٥\u200e", "\xff\xfe", uint8(45), uint8(7))
	f.Fuzz(func(t *testing.T, title, body, removed string, w, h uint8) {
		width, height := int(w%160)+1, int(h%50)+1
		a := &corpus.Article{ID: "f", Title: title, Source: removed, Removed: []string{removed},
			Paragraphs: []corpus.Paragraph{{Text: body}, {Kind: corpus.Quote, Text: title + body}}}
		m := fuzzModel(t, width, height, []*corpus.Article{a}, []corpus.Problem{{Path: title, Reason: body}})
		for _, keys := range [][]any{nil, {keyEnter}, {text("G")}, {text("R")}, {keyEsc, keyEsc, text("p")}} {
			for _, k := range keys {
				m.Update(k)
			}
			checkFrame(t, m, width, height)
		}
	})
}

// FuzzSearch pastes an arbitrary query into the search lines, over an
// arbitrary article, and goes through its matches and its names: the user's
// text, the article's and the names found in it must never reach the
// terminal raw or change the frame's size.
func FuzzSearch(f *testing.F) {
	f.Add("قال الرئيس الروسي فلاديمير بوتين في موسكو إن بوتين سيزور سوريا.", "بوتين", uint8(120), uint8(30))
	f.Add("وزير المالية يعلن ميزانية العام", "\x1b[2J\u202Eوزير\x07", uint8(80), uint8(24))
	f.Add("New York يوم 12 مارس 2024 \u200f٣٤٥\u200e", "\"2024\" -x y*", uint8(40), uint8(10))
	f.Add("", "\n\r\t\x00\xff", uint8(1), uint8(1))
	f.Fuzz(func(t *testing.T, body, query string, w, h uint8) {
		width, height := int(w%160)+1, int(h%50)+1
		as := []*corpus.Article{
			{ID: "f", Title: query, Dir: corpus.RTL, Paragraphs: []corpus.Paragraph{{Text: body}, {Text: query + " " + body}}},
			{ID: "g", Title: body, Dir: corpus.RTL, Paragraphs: []corpus.Paragraph{{Text: body + " " + query}}},
		}
		m := fuzzModel(t, width, height, as, nil)
		paste := tea.PasteMsg{Content: query}
		for _, keys := range [][]tea.Msg{
			{text("/"), paste}, {keyEnter}, {keyEnter}, // the list's search, then the first result
			{text("/"), paste, keyEnter, text("n"), text("N")}, // the article's
			{keyTab, text("j"), text("n")},                     // the Entities panel, a name's mentions
			{keyEnter}, {keyEsc},                               // the list filtered by the name, and back
		} {
			press(m, keys...)
			checkFrame(t, m, width, height)
		}
	})
}

// fuzzModel is newLoaded without waiting for the collection's names: a
// fuzz input's work must stay small (a few milliseconds) for the fuzzer to
// try tens of thousands in a minute, and the screen asks for an article's
// names itself when it shows them.
func fuzzModel(t *testing.T, w, h int, as []*corpus.Article, ps []corpus.Problem) *Model {
	ch := make(chan corpus.Batch, 1)
	ch <- corpus.Batch{Articles: as, Problems: ps, FilesFound: len(as), FilesRead: len(as), ArticlesRead: len(as), Done: true}
	close(ch)
	c := collection.FromBatches(context.Background(), nil, ch)
	t.Cleanup(c.Close)
	if err := c.WaitLoaded(context.Background()); err != nil {
		t.Fatal(err)
	}
	m := New(Config{}, c)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// checkFrame checks that the frame is exactly width×height cells and that
// nothing but our own styles reaches the terminal.
func checkFrame(t *testing.T, m *Model, width, height int) {
	t.Helper()
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
