package corpus

import (
	"bytes"
	"io"
	"io/fs"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"sahifa/seeds"
)

// readBytes runs the reader of one file on data, as Load would for a file
// called name.
func readBytes(name string, data []byte) (arts []*Article, probs []Problem) {
	s := source{path: name, size: int64(len(data)), open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
	readSource(s, new(atomic.Int64), func(c chunk) bool {
		for _, b := range c.articles {
			arts = append(arts, b.a)
		}
		probs = append(probs, c.problems...)
		return true
	})
	return arts, probs
}

// checkArticles fails t when an article holds invalid UTF-8 or an empty
// paragraph, or a problem names no file or no reason.
func checkArticles(t *testing.T, arts []*Article, probs []Problem) {
	t.Helper()
	for _, a := range arts {
		fields := append([]string{a.ID, a.Title, a.Source, a.URL, a.Author}, a.Removed...)
		for _, p := range a.Paragraphs {
			if strings.TrimSpace(p.Text) == "" {
				t.Errorf("empty paragraph in %+v", a)
			}
			fields = append(fields, p.Text)
		}
		for _, s := range fields {
			if !utf8.ValidString(s) {
				t.Errorf("invalid UTF-8 %q", s)
			}
		}
		if len(a.ID) != 16 {
			t.Errorf("ID %q", a.ID)
		}
		if a.Title == "" && len(a.Paragraphs) == 0 {
			t.Errorf("empty article returned: %+v", a)
		}
	}
	for _, p := range probs {
		if p.Path == "" || p.Reason == "" || !utf8.ValidString(p.Reason) {
			t.Errorf("problem %+v", p)
		}
	}
}

func FuzzTextReader(f *testing.F) {
	// The top and the bottom of each seed, where the title, datelines and
	// furniture are: whole seeds are large enough to make the fuzzer's
	// minimising of new inputs crawl.
	fs.WalkDir(seeds.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(seeds.FS, p)
			f.Add(append(b[:600:600], b[len(b)-400:]...), false)
		}
		return nil
	})
	f.Add([]byte("---\ntitle: t\ndate: 2015-07-21\n---\nنص"), false)
	f.Add([]byte("# عنوان\n\n> اقتباس\n\n## فرعي\n\nنص."), true)
	f.Add([]byte("الرئيسية » أ » «ب» | موقع\n\xff\xfe\n\u00a0\n26-05-2017 02:52 AM\n"), false)
	f.Add([]byte("\xef\xbb\xbf---\n---\n"), true)
	f.Add([]byte{0xff, 0xfe, 'a', 0, '\n', 0}, false)
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		name := "f.txt"
		if markdown {
			name = "f.md"
		}
		arts, probs := readBytes(name, data)
		checkArticles(t, arts, probs)
		if len(arts) > 1 {
			t.Errorf("%d articles from one text file", len(arts))
		}
	})
}

func FuzzJSONReader(f *testing.F) {
	f.Add([]byte(`[{"source": "okaz", "url": "http://okaz.com/1", "date_extracted": "2015-08-02 10:00:00", "title": "خبر", "author": "محرر", "content": "نص.\n\n نص ثان."}]`), false)
	f.Add([]byte(`{"headline": "H", "body": ["a", "b"], "pubDate": "Sun, 02 Aug 2015 10:00:00 GMT", "publisher": {"name": "P"}}`), false)
	f.Add([]byte(`{"articles": [{"title": "T", "text": "X"}, 42, null, {"title": "", "content": ""}]}`), false)
	f.Add([]byte(`{"data": {"title": "not a list"}} [1] "s"`), false)
	f.Add([]byte("{\"title\": \"a\", \"content\": \"b\"}\n{\"title\": \"c\"\n{}\n"), true)
	f.Add([]byte("[{\"title\": \"\xff\xfe\", \"content\": \"\xc3\"}]"), false)
	f.Add([]byte(`]`), false)
	f.Fuzz(func(t *testing.T, data []byte, lines bool) {
		name := "f.json"
		if lines {
			name = "f.jsonl"
		}
		arts, probs := readBytes(name, data)
		checkArticles(t, arts, probs)
	})
}

// TestUTF8Counter checks the streaming count of invalid bytes against a
// count over the whole text, whatever sizes the reads come in, with runes
// and bad bytes cut across reads.
func TestUTF8Counter(t *testing.T) {
	texts := [][]byte{
		[]byte("سلام \xff عليكم \xe2\x82 and \xc3\x28 and ٢٠١٥ \xf0\x9f\x98\x80 end \xd8"),
		bytes.Repeat([]byte("نص عربي \x80\xbf"), 500),
		[]byte("\xd8\xa7\xd8"),
		[]byte("plain ASCII"),
	}
	readers := map[string]func(io.Reader) io.Reader{
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
		"whole":    func(r io.Reader) io.Reader { return r },
	}
	for i, text := range texts {
		want, _ := invalidUTF8(text)
		for name, wrap := range readers {
			c := &utf8Counter{r: wrap(bytes.NewReader(text))}
			got, err := io.ReadAll(c)
			if err != nil || !bytes.Equal(got, text) {
				t.Fatalf("text %d, %s: read %q, %v", i, name, got, err)
			}
			if c.bad != want || c.n != int64(len(text)) {
				t.Errorf("text %d, %s: %d bad of %d bytes, want %d of %d", i, name, c.bad, c.n, want, len(text))
			}
		}
	}
}
