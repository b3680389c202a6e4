package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// jsonArticle holds the fields of one article object under the names real
// dumps give them: SaudiNewsNet (title, content, date_extracted, url,
// source, author), news APIs (headline, body, published_at, publishedAt,
// link, byline), RSS-to-JSON tools (pubDate, description) and schema.org
// (datePublished, articleBody, publisher). encoding/json matches keys without
// regard to case. Values are kept as decoded (string, number, list,
// object) and read by jsonString, so that a number where a string was
// expected does not reject the whole file.
type jsonArticle struct {
	Title    any `json:"title"`
	Headline any `json:"headline"`
	Name     any `json:"name"`

	Content     any `json:"content"`
	Body        any `json:"body"`
	Text        any `json:"text"`
	Article     any `json:"article"`
	ArticleBody any `json:"articleBody"`
	Description any `json:"description"`

	Date          any `json:"date"`
	Published     any `json:"published"`
	PublishedAt   any `json:"published_at"`
	PublishedAt2  any `json:"publishedAt"`
	DatePublished any `json:"datePublished"`
	PubDate       any `json:"pubDate"`
	DateExtracted any `json:"date_extracted"`
	Time          any `json:"time"`

	URL  any `json:"url"`
	Link any `json:"link"`

	Source    any `json:"source"`
	Site      any `json:"site"`
	Publisher any `json:"publisher"`

	Author any `json:"author"`
	Byline any `json:"byline"`

	Category any `json:"category"`
	Section  any `json:"section"`

	// Lists of articles inside an object ({"articles": [...]}).
	Articles json.RawMessage `json:"articles"`
	Items    json.RawMessage `json:"items"`
	Data     json.RawMessage `json:"data"`
	Results  json.RawMessage `json:"results"`
	Posts    json.RawMessage `json:"posts"`
	Entries  json.RawMessage `json:"entries"`

	// One article inside an object ({"data": {...}}); "article" is
	// above, since some dumps use it for the text.
	Item   json.RawMessage `json:"item"`
	Post   json.RawMessage `json:"post"`
	Result json.RawMessage `json:"result"`
}

func firstOf(vs ...any) string {
	for _, v := range vs {
		if s := jsonString(v, "\n"); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// jsonString reads a decoded JSON value as text: strings as they are,
// numbers in decimal, lists joined with sep, objects by their name, title or
// text field (authors and publishers are often {"name": …}).
func jsonString(v any, sep string) string {
	switch v := v.(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case []any:
		parts := make([]string, 0, len(v))
		for _, e := range v {
			if s := jsonString(e, sep); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, sep)
	case map[string]any:
		for _, k := range []string{"name", "title", "text", "value", "@value"} {
			if s, ok := v[k].(string); ok {
				return s
			}
		}
	}
	return ""
}

// list returns the first list of articles the object holds, if any.
func (j *jsonArticle) list() json.RawMessage {
	for _, r := range []json.RawMessage{j.Articles, j.Items, j.Data, j.Results, j.Posts, j.Entries} {
		if t := bytes.TrimSpace(r); len(t) > 0 && t[0] == '[' {
			return t
		}
	}
	return nil
}

// nested returns the one article an object holds under a key such as
// "data" or "article", when the object itself has no title and no text.
func (j *jsonArticle) nested() (json.RawMessage, bool) {
	if firstOf(j.Title, j.Headline, j.Name) != "" || firstOf(j.Content, j.Body, j.Text, j.ArticleBody, j.Description) != "" {
		return nil, false
	}
	if m, ok := j.Article.(map[string]any); ok {
		b, err := json.Marshal(m)
		return b, err == nil
	}
	for _, r := range []json.RawMessage{j.Data, j.Item, j.Post, j.Result} {
		if t := bytes.TrimSpace(r); len(t) > 0 && t[0] == '{' {
			return t, true
		}
	}
	return nil, false
}

func (j *jsonArticle) draft(path string, index int) draft {
	d := draft{
		path:     path,
		index:    index,
		title:    firstOf(j.Title, j.Headline, j.Name),
		url:      firstOf(j.URL, j.Link),
		source:   strings.ReplaceAll(firstOf(j.Source, j.Site, j.Publisher), "\n", ", "),
		author:   strings.ReplaceAll(firstOf(j.Author, j.Byline), "\n", ", "),
		category: strings.ReplaceAll(firstOf(j.Category, j.Section), "\n", ", "),
	}
	for _, v := range []any{j.Date, j.Published, j.PublishedAt, j.PublishedAt2, j.DatePublished, j.PubDate, j.DateExtracted, j.Time} {
		if s := jsonString(v, " "); s != "" {
			if d.date, d.dateOK = parseMetadataDate(s); d.dateOK {
				break
			}
		}
	}
	body := firstOf(j.Content, j.Body, j.Text, j.Article, j.ArticleBody, j.Description)
	for l := range strings.SplitSeq(body, "\n") {
		d.lines = append(d.lines, line{text: l})
	}
	return d
}

// jsonSink receives what a JSON reader finds, article by article.
type jsonSink struct {
	path    string
	article func(draft)
	problem func(reason string)
	stopped func() bool // the load was cancelled: read no further
}

// readJSON reads a .json file: an array of article objects, one object,
// or an object holding such an array; several such values in a row (JSON
// Lines written to a .json file) are read one after another. A syntax error
// ends the file with a problem that says where it is.
//
// The file is decoded from r as it is read; only when it turns out not to
// be valid JSON is the whole of it asked for, from data, to say where.
func readJSON(r io.Reader, data func() []byte, sink jsonSink) {
	dec := json.NewDecoder(r)
	for n := 0; !sink.stopped(); n++ {
		err := readJSONValue(sink.path, dec, sink, n)
		var re readError
		switch {
		case err == nil:
			continue
		case err == errEnd:
			if n == 0 {
				sink.problem("no JSON value in the file")
			}
		case errors.As(err, &re):
			sink.problem(osReason(re.err))
		default:
			sink.problem(jsonErrorReason(data(), dec, err))
		}
		return
	}
}

var errEnd = errors.New("end of input")

// readJSONValue reads the next top-level value of dec, the file's value
// number n.
func readJSONValue(path string, dec *json.Decoder, sink jsonSink, n int) error {
	tok, err := peekDelim(dec)
	if err != nil {
		return err
	}
	switch tok {
	case '[':
		if _, err := dec.Token(); err != nil {
			return err
		}
		return readJSONArray(path, dec, sink, 0)
	case '{':
		var j jsonArticle
		if err := dec.Decode(&j); err != nil {
			return err
		}
		if l := j.list(); l != nil {
			inner := json.NewDecoder(bytes.NewReader(l))
			if _, err := inner.Token(); err != nil {
				return err
			}
			return readJSONArray(path, inner, sink, 0)
		}
		if inner, ok := j.nested(); ok {
			var k jsonArticle
			if err := json.Unmarshal(inner, &k); err == nil {
				j = k
			}
		}
		// A file of one object holds one article (Index -1); a file of
		// several objects in a row numbers them.
		index := n
		if n == 0 && !dec.More() {
			index = -1
		}
		sink.article(j.draft(path, index))
		return nil
	default:
		var v any
		if err := dec.Decode(&v); err != nil {
			return err
		}
		sink.problem(fmt.Sprintf("the JSON holds %s where articles were expected (objects, or a list of them)", jsonKind(v)))
		return nil
	}
}

// readJSONArray reads the elements of an array whose '[' dec has just
// read, one at a time, so that a large file yields its first articles at
// once.
func readJSONArray(path string, dec *json.Decoder, sink jsonSink, base int) error {
	for i := base; dec.More() && !sink.stopped(); i++ {
		var j jsonArticle
		if err := dec.Decode(&j); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field == "" {
				sink.problem(fmt.Sprintf("item %d is %s, not an article object", i, te.Value))
				continue
			}
			return err
		}
		sink.article(j.draft(path, i))
	}
	_, err := dec.Token() // ']'
	return err
}

// peekDelim returns the first byte of the next value of dec, or errEnd.
func peekDelim(dec *json.Decoder) (byte, error) {
	if !dec.More() {
		// More is false at the end of input, and also before a stray ']'
		// or '}' at the top level, which Token reports as an error.
		if _, err := dec.Token(); err != nil {
			if err == io.EOF {
				return 0, errEnd
			}
			return 0, err
		}
		return 0, errors.New("unexpected closing bracket")
	}
	r, ok := dec.Buffered().(*bytes.Reader)
	if !ok {
		return 0, errors.New("json: unexpected reader")
	}
	var b [1]byte
	for {
		if _, err := r.Read(b[:]); err != nil {
			break
		}
		if c := b[0]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return c, nil
		}
	}
	return 0, nil // value begins beyond the buffer: decode it generically
}

func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "a value"
}

// readJSONLines reads a .jsonl or .ndjson file from r: one article object
// per line. A bad line is reported with its number and the others still
// load.
func readJSONLines(r io.Reader, sink jsonSink) {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, MaxFileSize+1) // the file's size is capped already
	lineNo := 0
	for sc.Scan() && !sink.stopped() {
		lineNo++
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		var j jsonArticle
		if err := json.Unmarshal(l, &j); err != nil {
			sink.problem(fmt.Sprintf("line %d: %s", lineNo, jsonLineError(l, err)))
			continue
		}
		sink.article(j.draft(sink.path, lineNo-1))
	}
	var re readError
	if err := sc.Err(); errors.As(err, &re) {
		sink.problem(osReason(re.err))
	} else if err != nil {
		sink.problem(err.Error())
	}
}

func jsonLineError(l []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("not valid JSON at column %d: %v", se.Offset, se) // Offset counts the offending byte: its column
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field == "" {
		return te.Value + ", not an article object"
	}
	return "not valid JSON: " + err.Error()
}

// jsonErrorReason turns a decoding error into a message that says where in
// the file it happened, as line:column.
func jsonErrorReason(data []byte, dec *json.Decoder, err error) string {
	off := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = syntaxErrorOffset(data, dec.InputOffset(), se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		off = int64(len(data))
		err = errors.New("the file ends in the middle of a value")
	}
	line, col := lineCol(data, off)
	return fmt.Sprintf("not valid JSON at line %d, column %d: %v", line, col, err)
}

// syntaxErrorOffset finds the offset of the byte a Decoder choked on. The
// Decoder's SyntaxError.Offset leaves out the white space it skipped before
// the value, so the value is decoded again on its own from start (the end
// of the last good token), where a fresh Decoder counts every byte.
func syntaxErrorOffset(data []byte, start int64, se *json.SyntaxError) int64 {
	start = min(max(start, 0), int64(len(data)))
	skip := start
	for skip < int64(len(data)) && (data[skip] == ' ' || data[skip] == '\t' || data[skip] == '\n' || data[skip] == '\r' || data[skip] == ',') {
		skip++
	}
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(data[skip:])).Decode(&raw)
	var again *json.SyntaxError
	if errors.As(err, &again) {
		return skip + again.Offset - 1 // Offset counts the offending byte
	}
	return se.Offset - 1
}

// lineCol returns the 1-based line and column (in characters) of byte
// offset off in data.
func lineCol(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	head := data[:off]
	line = bytes.Count(head, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(head, '\n') + 1
	return line, len([]rune(string(head[start:]))) + 1
}
