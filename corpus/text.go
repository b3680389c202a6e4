package corpus

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// MaxFileSize is the largest file Load reads. Bigger files are reported, not
// read: a news article, or a day of a newspaper in JSON, is far smaller, and
// reading an unbounded file would let one stray disk image exhaust memory.
const MaxFileSize = 64 << 20

// MaxLineSize is the longest line a text file may hold. Scraped articles
// keep a paragraph per line; a line of megabytes is not prose.
const MaxLineSize = 1 << 20

// decodeText checks that data is text and returns it as valid UTF-8. A
// byte-order mark is honoured (UTF-16 is converted); stray invalid bytes in
// otherwise good UTF-8 become U+FFFD and are reported in warn. When data is
// not text at all, fatal says why.
//
// With lazy set, for the head of a JSON file read as a stream, only the
// first lazySample bytes decide whether the file is text; invalid bytes are
// left in place, since encoding/json replaces them itself, and a
// utf8Counter counts them as the rest of the file goes by.
func decodeText(data []byte, lazy bool) (text []byte, warn, fatal string) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, "", "empty file"
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, "", "not valid UTF-16: " + err.Error()
		}
		data = out
	}
	if bytes.IndexByte(data, 0) >= 0 {
		if looksUTF16(data) {
			return nil, "", "UTF-16 text without a byte-order mark; save it as UTF-8"
		}
		return nil, "", "binary file (it holds NUL bytes), not text"
	}
	check := data
	if lazy {
		check = data[:min(len(data), lazySample)]
	}
	if utf8.Valid(check) {
		return data, "", ""
	}
	bad, high := invalidUTF8(check)
	// Text in a legacy code page (Windows-1256, ISO 8859-6) is invalid
	// almost everywhere it is not ASCII; a damaged UTF-8 file only here
	// and there.
	if bad*4 > high || bad*10 > len(check) {
		return nil, "", fmt.Sprintf("not UTF-8 text (%d of %d bytes are invalid; a legacy code page such as Windows-1256?)", bad, len(check))
	}
	if lazy {
		return data, "", ""
	}
	b := bytes.NewBuffer(make([]byte, 0, len(data)+2*bad))
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[i : i+n])
		}
		i += n
	}
	return b.Bytes(), invalidWarning(bad), ""
}

// lazySample is how much of a lazily checked file decides whether it is
// UTF-8 at all.
const lazySample = 64 << 10

func invalidWarning(bad int) string {
	if bad == 1 {
		return "1 invalid UTF-8 byte replaced with U+FFFD"
	}
	return fmt.Sprintf("%d invalid UTF-8 bytes replaced with U+FFFD", bad)
}

// invalidUTF8 counts the bytes of data that are not part of valid UTF-8,
// and the non-ASCII bytes in all.
func invalidUTF8(data []byte) (bad, high int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		high += n
		i += n
	}
	return bad, high
}

// looksUTF16 reports whether data has NUL bytes in every other position, as
// UTF-16 text of mostly ASCII or Arabic letters has.
func looksUTF16(data []byte) bool {
	n := min(len(data), 4096) &^ 1
	if n < 4 {
		return false
	}
	var zeros [2]int
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			zeros[i&1]++
		}
	}
	half := n / 2
	return max(zeros[0], zeros[1])*3 > half && min(zeros[0], zeros[1])*10 < half
}

// frontMatterKeys maps the keys of YAML-style front matter to the fields
// they fill; the names are those of Jekyll and Hugo pages and of the JSON
// dumps (see jsonFields).
var frontMatterKeys = map[string]string{
	"title": "title", "headline": "title",
	"date": "date", "published": "date", "published_at": "date", "pubdate": "date", "time": "date",
	"date_extracted": "date", "publishdate": "date",
	"url": "url", "link": "url", "source": "source", "site": "source", "publisher": "source",
	"author": "author", "byline": "author", "authors": "author",
	"category": "category", "section": "category", "categories": "category",
}

// readText reads a scraped or hand-written article: optional front matter
// between "---" lines, then the text. In Markdown, paragraphs are blocks
// of lines separated by blank lines and "#" lines are headings; in plain
// text, as scrapers write it, every line is a paragraph.
func readText(path string, data []byte, markdown bool) (d draft, fatal string) {
	d = draft{path: path, index: -1, findTitle: true}
	if n, ok := longLine(data); ok {
		return d, fmt.Sprintf("line %d is longer than %d MB; this is not article text", n, MaxLineSize>>20)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = readFrontMatter(&d, text)
	if markdown {
		d.lines = markdownLines(&d, text)
	} else {
		for l := range strings.SplitSeq(text, "\n") {
			d.lines = append(d.lines, line{text: l})
		}
	}
	return d, ""
}

// longLine reports the number of the first line over MaxLineSize bytes.
func longLine(text []byte) (int, bool) {
	for n := 1; len(text) > MaxLineSize; n++ {
		i := bytes.IndexByte(text[:MaxLineSize+1], '\n')
		if i < 0 {
			return n, true
		}
		text = text[i+1:]
	}
	return 0, false
}

// readFrontMatter fills d from a "---" block at the top of text and
// returns the text after it.
func readFrontMatter(d *draft, text string) string {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return text
	}
	end := strings.Index(rest, "\n---")
	if end < 0 || end > 16<<10 {
		return text
	}
	block, body := rest[:end], rest[end+4:]
	if i := strings.IndexByte(body, '\n'); i >= 0 && strings.TrimSpace(body[:i]) == "" {
		body = body[i+1:]
	} else if strings.TrimSpace(body) != "" && i < 0 {
		return text
	}
	for l := range strings.SplitSeq(block, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		v = unquoteYAML(strings.TrimSpace(v))
		switch frontMatterKeys[strings.ToLower(strings.TrimSpace(k))] {
		case "title":
			d.title = v
			d.findTitle = false
		case "date":
			d.date, d.dateOK = parseMetadataDate(v)
		case "url":
			d.url = v
		case "source":
			d.source = v
		case "author":
			d.author = v
		case "category":
			d.category = v
		}
	}
	return body
}

// unquoteYAML removes the quotes of a YAML scalar written in quotes.
func unquoteYAML(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
		if v0 := v; strings.Contains(v0, `\"`) {
			v = strings.ReplaceAll(v0, `\"`, `"`)
		}
	}
	return v
}
