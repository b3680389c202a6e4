package main

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileCase is one kind of hostile input: a fragment of text that a
// terminal would act on, planted in every field of every format Sahifa
// reads. Its marker is ASCII that neither Sahifa nor a terminal ever
// writes, so that the fragment is found wherever it ends up.
type hostileCase struct {
	name    string
	payload string
	marker  string
	// leaks are byte strings that show the fragment reached the output
	// still able to act: the introducer together with the marker. The
	// marker alone in plain text is fine: it is the article's own text
	// once the introducer is gone.
	leaks []string
	// big is set for the cases whose size comes from the text itself,
	// which are written once, not into names and every field.
	big bool
	// files are extra files of the case, by name, written as they are.
	files map[string][]byte
	// refusals are what sahifa list must say on stderr about the files
	// it refuses, one message each.
	refusals []string
}

// marker is the ASCII name of a case in the output.
func marker(name string) string {
	return "QZ" + strings.ReplaceAll(name, "-", "") + "Q"
}

// fragment is one hostile sequence with its own marker: before, the
// marker, after.
type fragment struct{ name, before, after string }

// hostileCases are every escape family of ECMA-48 in its ESC and C1
// forms, C0 and DEL, the bidi controls, line separators, invalid UTF-8,
// NUL, a very long line and deep JSON nesting. Families are grouped, each
// sequence with a marker of its own, so that the suite runs every
// command over a dozen folders rather than forty.
func hostileCases() []hostileCase {
	var cs []hostileCase
	group := func(name string, frags ...fragment) {
		c := hostileCase{name: name, marker: marker(name)}
		var parts []string
		for _, f := range frags {
			m := marker(f.name)
			parts = append(parts, f.before+m+f.after)
			c.leaks = append(c.leaks, f.before+m)
		}
		// Arabic between the fragments, so that each is read in text.
		c.payload = strings.Join(parts, " ثم ")
		cs = append(cs, c)
	}
	// Control sequences: the marker follows the sequence, which a
	// terminal would act on if it arrived whole.
	group("csi",
		fragment{"csi-sgr", "\x1b[31m", "\x1b[0m"},
		fragment{"csi-clear", "\x1b[2J", ""},
		fragment{"csi-resize", "\x1b[8;99;99t", ""},
		fragment{"csi-title-report", "\x1b[21t", ""},
		fragment{"csi-printer", "\x1b[5i", "\x1b[4i"},
		fragment{"csi-cursor", "\x1b[999;999H", ""})
	// Control strings: the marker is inside, which is where a terminal
	// reads a title, a link, a clipboard or a device request from. The
	// one never terminated comes last, as it would take what follows.
	group("osc",
		fragment{"osc0-bel", "\x1b]0;", "\x07"},
		fragment{"osc0-st", "\x1b]0;", "\x1b\\"},
		fragment{"osc2-bel", "\x1b]2;", "\x07"},
		fragment{"osc2-st", "\x1b]2;", "\x1b\\"},
		fragment{"osc8-st", "\x1b]8;;https://evil.example/", "\x1b\\click\x1b]8;;\x1b\\"},
		fragment{"osc8-bel", "\x1b]8;;https://evil.example/", "\x07click\x1b]8;;\x07"},
		fragment{"osc-open", "\x1b]0;", ""})
	group("strings",
		fragment{"dcs", "\x1bP1$q", "\x1b\\"},
		fragment{"dcs-decrqss", "\x1bP1$qm", "\x1b\\"},
		fragment{"apc", "\x1b_G", "\x1b\\"},
		fragment{"pm", "\x1b^", "\x1b\\"},
		fragment{"sos", "\x1bX", "\x1b\\"})
	group("esc",
		fragment{"ris", "\x1bc", ""},
		fragment{"charset", "\x1b(0", "\x1b(B"},
		fragment{"keypad", "\x1b=", "\x1b>"},
		fragment{"lone-esc", "\x1b", ""})
	group("c0",
		fragment{"so-si", "\x0e", "\x0f"},
		fragment{"c0", "\x01\x07\x08\x08\x0b\x0c\x1a\x1c\r", ""},
		fragment{"del", "\x7f", "\x7f"})
	// C1 controls as runes (valid UTF-8) and as the raw bytes of 8-bit
	// terminals (invalid UTF-8).
	group("c1-rune",
		fragment{"c1-csi-rune", "\u009b31m", ""},
		fragment{"c1-osc-rune", "\u009d0;", "\u009c"},
		fragment{"c1-dcs-rune", "\u0090", "\u009c"},
		fragment{"c1-apc-rune", "\u009f", "\u009c"},
		fragment{"c1-nel-rune", "\u0085", ""})
	group("c1-byte",
		fragment{"c1-csi-byte", "\x9b31m", ""},
		fragment{"c1-osc-byte", "\x9d0;", "\x07"},
		fragment{"c1-dcs-byte", "\x90", "\x9c"},
		fragment{"c1-nel-byte", "\x85", ""})
	group("text",
		fragment{"separators", "\u2028", "\u2029"},
		fragment{"bad-utf8", "\xff\xfe\xc0\x80\xed\xa0\x80", "\xe2\x80"})

	// OSC 52 carries its text in base64: a leak shows as the marker's
	// base64 after the introducer.
	c := hostileCase{name: "osc52", marker: marker("osc52")}
	for _, end := range []struct{ name, st string }{{"bel", "\x07"}, {"st", "\x1b\\"}} {
		m := marker("osc52-" + end.name)
		b64 := base64.StdEncoding.EncodeToString([]byte(m))
		if c.payload != "" {
			c.payload += " ثم "
		}
		c.payload += "\x1b]52;c;" + b64 + end.st + m
		c.leaks = append(c.leaks, "\x1b]52;c;"+b64)
	}
	cs = append(cs, c)

	// Every bidi control, each right before a marker of its own: a
	// control that reaches the output raw is next to it.
	var b strings.Builder
	var leaks []string
	for _, r := range bidiControls {
		m := fmt.Sprintf("QZbidi%04XQ", r)
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(string(r) + m)
		leaks = append(leaks, string(r)+m)
	}
	cs = append(cs, hostileCase{name: "bidi", payload: b.String(), marker: "QZbidi", leaks: leaks})

	m := marker("nul")
	cs = append(cs, hostileCase{name: "nul", payload: "\x00" + m, marker: m, leaks: []string{"\x00" + m},
		refusals: []string{".txt: binary file (it holds NUL bytes), not text", ".md: binary file (it holds NUL bytes), not text"}})

	// A line just under the 1 MB Sahifa reads, and one over it, which
	// is refused with a message; both carry escapes every few words.
	over := longLineCase("over-long-line", 1100<<10)
	over.refusals = []string{"long.txt: line 3 is longer than 1 MB"}
	cs = append(cs, longLineCase("long-line", 900<<10), over)

	// Nesting deeper than encoding/json takes (a clear refusal), and
	// nesting inside an article that is otherwise fine.
	m = marker("deep-json")
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	inner := strings.Repeat(`{"a":[`, 2000) + `"\u001b]0;` + m + `\u0007"` + strings.Repeat("]}", 2000)
	cs = append(cs, hostileCase{name: "deep-json", marker: m, big: true, leaks: []string{"\x1b]0;" + m},
		refusals: []string{"deep.json: not valid JSON at line 1, column 10002: invalid character '[' exceeded max depth",
			"deep.jsonl: line 1: not valid JSON at column 50001: invalid character '{' exceeded max depth"},
		files: map[string][]byte{
			"deep.json":        []byte(deep),
			"deep.jsonl":       []byte(strings.Repeat(`{"a":`, 50000) + "1" + strings.Repeat("}", 50000) + "\n"),
			"deep-inside.json": []byte(`[{"title":"خبر متداخل ` + m + `","content":"قال الوزير إن النص سليم.","extra":` + inner + `}]`),
			"deep-inside.jsonl": []byte(`{"title":"خبر متداخل آخر ` + m + `","content":"قال المتحدث إن النص سليم.","extra":` +
				inner + "}\n"),
		}})
	return cs
}

// bidiControls are Unicode's Bidi_Control characters.
var bidiControls = []rune{
	'\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
	'\u2066', '\u2067', '\u2068', '\u2069',
	'\u200e', '\u200f', '\u061c',
}

// longLineCase is one text file whose only paragraph is a line of about
// size bytes: Arabic words with an OSC title sequence every hundred.
func longLineCase(name string, size int) hostileCase {
	m := marker(name)
	var b strings.Builder
	b.WriteString("خبر بسطر طويل " + m + "\n\n")
	for i := 0; b.Len() < size; i++ {
		if i%100 == 0 {
			b.WriteString("\x1b]0;" + m + "\x07 \u202e" + m + " ")
		}
		b.WriteString("قال الوزير إن الحكومة ستعمل ")
	}
	b.WriteString("\n")
	return hostileCase{name: name, marker: m, big: true,
		leaks: []string{"\x1b]0;" + m, "\u202e" + m},
		files: map[string][]byte{"long.txt": []byte(b.String())}}
}

// safeName is s fit for a file name: no NUL or slash, short enough.
func safeName(s string) string {
	s = strings.NewReplacer("\x00", "", "/", "").Replace(s)
	for len(s) > 120 {
		s = s[:len(s)-1]
	}
	return s
}

// jsonRaw quotes s as a JSON string the way a careless writer would:
// only what JSON itself forbids escaped, every other byte as it is
// (C1, DEL, bidi controls, invalid UTF-8).
func jsonRaw(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsonEscapedAll quotes s with every rune outside printable ASCII as a
// \u escape, so that the hostile runes come from the decoder, not the
// bytes; invalid UTF-8 is kept as bytes, having no escape.
func jsonEscapedAll(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteByte(s[i])
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r >= 0x7f && r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
	return b.String()
}

// title is the title of c's article in the format named by word.
func (c hostileCase) title(word string) string {
	return "خبر " + word + " " + c.payload + " عاجل " + c.marker
}

// writeHostileCase writes c's files to dir: the fragment in the title,
// the text, the link (but in .jsonl, whose link is one Sahifa takes),
// the source and the file name of a .txt, a .md, a .json and a .jsonl
// file, each article's words differing by format so
// that none is taken for a copy of another. It returns the files' total
// size.
func writeHostileCase(t testing.TB, dir string, c hostileCase) int64 {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for n, b := range c.files {
		files[n] = b
	}
	if !c.big {
		p := c.payload
		name := safeName(p)
		title := c.title
		text := func(f string) string {
			return "قال الوزير إن " + p + " الحكومة ستعمل على خطة " + f + " جديدة في الرياض " + c.marker + ".\n\n" +
				"وأضاف المتحدث باسم الوزارة أن " + p + " المشروع يبدأ العام المقبل."
		}
		url := "https://example.com/" + p + "/" + c.marker
		// Page furniture, which the loader sets aside and R shows.
		files["a-"+name+".txt"] = []byte(title("نصي") + "\n\n" + text("نصية") + "\n\nاقرأ أيضا\n\nخبر آخر " + p +
			" عن الموضوع\n\nشارك هذا المقال " + p + "\n")
		files["b-"+name+".md"] = []byte("---\ntitle: " + title("مارك") + "\ndate: 2015-08-06\nsource: " + p +
			"\nurl: " + url + "\n---\n# " + p + " عنوان فرعي\n\n" + text("ماركداون") +
			" [رابط " + p + "](" + url + " \"" + p + "\") و`" + p + "` و![صورة " + p + "](" + url + ")\n\n> " + p + " اقتباس\n\n- " + p +
			" بند\n\n```\n" + p + " شيفرة\n```\n\n<div>" + p + " وسم</div>\n")
		files["c-"+name+".json"] = []byte("[{\"title\": " + jsonRaw(title("جيسون")) + ", \"content\": " + jsonRaw(text("جيسون")) +
			", \"url\": " + jsonRaw(url) + ", \"source\": " + jsonRaw(p) + ", \"author\": " + jsonRaw(p) +
			", \"category\": " + jsonRaw(p) + ", \"date\": \"2015-08-07\"}]\n")
		// A link Sahifa takes, so that it is shown and copied: the
		// escape in it percent-encoded, as a browser would send it.
		takenURL := "https://example.com/%1B]0;" + c.marker + "%07/خبر?id=%E2%80%AE"
		files["d-"+name+".jsonl"] = []byte("{\"title\": " + jsonEscapedAll(title("أسطر")) + ", \"content\": " + jsonEscapedAll(text("أسطر")) +
			", \"url\": " + jsonEscapedAll(takenURL) + ", \"source\": " + jsonEscapedAll(p) + ", \"date\": \"2015-08-08\"}\n")
	}
	var size int64
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
		size += int64(len(b))
	}
	return size
}
