package corpus_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sahifa/corpus"
)

// writeFiles writes files (name → content) under a new temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// load reads paths and returns the articles by the base name of their file
// (name#index for files of several), the problems by base name, and the
// last Batch.
func load(t *testing.T, paths ...string) (map[string]*corpus.Article, map[string][]string, corpus.Batch) {
	t.Helper()
	var last corpus.Batch
	var all []corpus.Batch
	ch := corpus.Load(context.Background(), paths)
	relay := make(chan corpus.Batch, 1)
	go func() {
		for b := range ch {
			all = append(all, b)
			relay <- b
		}
		close(relay)
	}()
	arts, probs := corpus.Collect(relay)
	if len(all) > 0 {
		last = all[len(all)-1]
	}
	if !last.Done {
		t.Errorf("last Batch is not Done: %+v", last)
	}
	byName := map[string]*corpus.Article{}
	for _, a := range arts {
		k := filepath.Base(a.Path)
		if a.Index >= 0 {
			k += "#" + strconv.Itoa(a.Index)
		}
		if byName[k] != nil {
			t.Errorf("two articles at %s", k)
		}
		byName[k] = a
	}
	pm := map[string][]string{}
	for _, p := range probs {
		pm[filepath.Base(p.Path)] = append(pm[filepath.Base(p.Path)], p.Reason)
	}
	return byName, pm, last
}

func texts(a *corpus.Article) []string {
	var out []string
	for _, p := range a.Paragraphs {
		out = append(out, p.Text)
	}
	return out
}

func TestTextFrontMatter(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"fm.txt": "---\ntitle: \"عنوان من الترويسة\"\ndate: 2015-07-21 02:51:32\nsource: okaz\nurl: http://example.com/a\nauthor: فلان\n---\n\nالفقرة الأولى من النص.\n\nالفقرة الثانية.\n",
	})
	arts, probs, _ := load(t, dir)
	a := arts["fm.txt"]
	if a == nil {
		t.Fatalf("not loaded; problems %v", probs)
	}
	if a.Title != "عنوان من الترويسة" || a.Source != "okaz" || a.URL != "http://example.com/a" || a.Author != "فلان" {
		t.Errorf("fields: %+v", a)
	}
	if a.DateFrom != corpus.DateMetadata || !a.Date.Equal(time.Date(2015, 7, 21, 2, 51, 32, 0, time.UTC)) {
		t.Errorf("date %v from %d", a.Date, a.DateFrom)
	}
	if got := texts(a); len(got) != 2 || got[0] != "الفقرة الأولى من النص." {
		t.Errorf("paragraphs %q", got)
	}
	if a.Index != -1 {
		t.Errorf("Index %d for a file of one article", a.Index)
	}
}

func TestMarkdown(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.md": "# العنوان الرئيسي\n\nسطر أول\nيكمل الفقرة نفسها.\n\n## عنوان فرعي\n\n> قال أحدهم\n> شيئاً مهماً.\n\n---\n\n![صورة](a.jpg)فقرة **أخيرة** فيها [رابط](http://x) و#وسم.\n\n#هاشتاق_عربي\n",
	})
	arts, probs, _ := load(t, dir)
	a := arts["a.md"]
	if a == nil {
		t.Fatalf("not loaded; problems %v", probs)
	}
	if a.Title != "العنوان الرئيسي" {
		t.Errorf("title %q", a.Title)
	}
	want := []corpus.Paragraph{
		{Kind: corpus.Body, Text: "سطر أول يكمل الفقرة نفسها."},
		{Kind: corpus.Heading, Text: "عنوان فرعي"},
		{Kind: corpus.Quote, Text: "قال أحدهم شيئاً مهماً."},
		{Kind: corpus.Body, Text: "فقرة أخيرة فيها رابط و#وسم."},
		{Kind: corpus.Body, Text: "#هاشتاق_عربي"},
	}
	if len(a.Paragraphs) != len(want) {
		t.Fatalf("paragraphs %+v", a.Paragraphs)
	}
	for i, p := range want {
		if got := a.Paragraphs[i]; got.Kind != p.Kind || got.Text != p.Text {
			t.Errorf("paragraph %d = %+v, want %+v", i, got, p)
		}
	}
}

// TestMarkdownStructure: lists keep one paragraph per item with its
// marker, emphasis, code and links are kept as Inlines over their text
// (the link with its URL), code blocks line by line.
func TestMarkdownStructure(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.md": "# عنوان\n\n## عنوان فرعي\n\n- عنصر *أول*\n- عنصر **ثان**\n  - عنصر داخلي\n\n1. خطوة\n2. خطوة `أخرى`\n\nفقرة فيها [رابط](https://example.com/a) و<https://example.org>.\n\n```\nx := 1\ny := 2\n```\n",
	})
	arts, probs, _ := load(t, dir)
	a := arts["a.md"]
	if a == nil {
		t.Fatalf("not loaded; problems %v", probs)
	}
	type in struct {
		text string
		kind corpus.InlineKind
		url  string
	}
	want := []struct {
		kind    corpus.ParagraphKind
		text    string
		inlines []in
	}{
		{corpus.Heading, "عنوان فرعي", nil},
		{corpus.ListItem, "• عنصر أول", []in{{"أول", corpus.Emphasis, ""}}},
		{corpus.ListItem, "• عنصر ثان", []in{{"ثان", corpus.Strong, ""}}},
		{corpus.ListItem, "◦ عنصر داخلي", nil},
		{corpus.ListItem, "1. خطوة", nil},
		{corpus.ListItem, "2. خطوة أخرى", []in{{"أخرى", corpus.InlineCode, ""}}},
		{corpus.Body, "فقرة فيها رابط وhttps://example.org.", nil},
		{corpus.Code, "x := 1", nil},
		{corpus.Code, "y := 2", nil},
	}
	if a.Title != "عنوان" || len(a.Paragraphs) != len(want) {
		t.Fatalf("title %q, paragraphs:\n%+v", a.Title, a.Paragraphs)
	}
	for i, w := range want {
		p := a.Paragraphs[i]
		if p.Kind != w.kind || p.Text != w.text {
			t.Errorf("paragraph %d = %d %q, want %d %q", i, p.Kind, p.Text, w.kind, w.text)
		}
		if w.inlines == nil {
			continue
		}
		var got []in
		for _, x := range p.Inlines {
			got = append(got, in{p.Text[x.Start:x.End], x.Kind, x.URL})
		}
		if fmt.Sprint(got) != fmt.Sprint(w.inlines) {
			t.Errorf("paragraph %d inlines %v, want %v", i, got, w.inlines)
		}
	}
	link := a.Paragraphs[6]
	var got []string
	for _, x := range link.Inlines {
		got = append(got, link.Text[x.Start:x.End]+" → "+x.URL)
	}
	if fmt.Sprint(got) != fmt.Sprint([]string{"رابط → https://example.com/a", "https://example.org → https://example.org"}) {
		t.Errorf("links in %q: %q", link.Text, got)
	}
}

func TestJSONShapes(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		// SaudiNewsNet's shape.
		"day.json": `[
 {"source": "okaz", "url": "http://okaz.com/1", "date_extracted": "2015-08-02 10:00:00", "title": "خبر أول", "author": "محرر", "content": "النص الأول.\n\n النص الثاني."},
 {"source": "sabq", "date_extracted": "2015-08-02 11:00:00", "title": "خبر ثان", "content": "نص آخر."}
]`,
		// One object, other field names, an RFC 1123 date and an author object.
		"one.json": `{"headline": "Headline here", "body": "Body text.", "pubDate": "Sun, 02 Aug 2015 10:00:00 GMT",
 "link": "http://x/1", "publisher": {"name": "Pub"}, "byline": ["A", "B"]}`,
		"entities.json": `[{"title": "يذهل &#8220;مارادونا&#8221;", "content": "نص&nbsp;فيه &amp; رموز"}]`,
		"wrapped.json":  `{"status": "ok", "articles": [{"title": "T1", "text": "X1"}, {"title": "T2", "article": "X2", "published_at": "2015-08-02T10:00:00Z"}]}`,
		"items.json":    `{"items": [{"title": "I1", "content": "Y1", "time": 1438509600}]}`,
		"data.json":     `{"data": [{"title": "D1", "content": "Z1", "date": "2015-08-02"}]}`,
		"lines.jsonl":   "{\"title\": \"L1\", \"content\": \"W1\"}\n\n{\"title\": \"L2\", \"content\": \"W2\", \"site\": \"s\"}\n",
		"lines.ndjson":  "{\"title\": \"N1\", \"content\": \"V1\"}\n",
		"nested.json":   `{"status": 200, "data": {"title": "E1", "body": "U1"}}`,
		"article.json":  `{"article": {"headline": "A1", "text": "S1"}}`,
		"several.json":  "{\"title\": \"S1\", \"content\": \"R1\"}\n{\"title\": \"S2\", \"content\": \"R2\"}\n",
	})
	arts, probs, last := load(t, dir)
	if len(probs) > 0 {
		t.Errorf("problems: %v", probs)
	}
	check := func(key, title, text string) *corpus.Article {
		t.Helper()
		a := arts[key]
		if a == nil {
			t.Errorf("%s: not loaded (have %d articles)", key, len(arts))
			return &corpus.Article{}
		}
		if a.Title != title || len(a.Paragraphs) == 0 || a.Paragraphs[0].Text != text {
			t.Errorf("%s: title %q paragraphs %q, want %q, %q", key, a.Title, texts(a), title, text)
		}
		return a
	}
	a := check("day.json#0", "خبر أول", "النص الأول.")
	if len(a.Paragraphs) != 2 || a.Source != "okaz" || a.URL != "http://okaz.com/1" || a.Author != "محرر" ||
		a.DateFrom != corpus.DateMetadata || a.Date.Format(time.DateTime) != "2015-08-02 10:00:00" || a.Dir != corpus.RTL {
		t.Errorf("day.json#0: %+v", a)
	}
	check("day.json#1", "خبر ثان", "نص آخر.")
	a = check("one.json", "Headline here", "Body text.")
	if a.URL != "http://x/1" || a.Source != "Pub" || a.Author != "A, B" || a.Date.Format(time.DateOnly) != "2015-08-02" || a.Dir != corpus.LTR {
		t.Errorf("one.json: %+v", a)
	}
	check("entities.json#0", "يذهل “مارادونا”", "نص فيه & رموز")
	check("wrapped.json#0", "T1", "X1")
	a = check("wrapped.json#1", "T2", "X2")
	if a.DateFrom != corpus.DateMetadata {
		t.Errorf("wrapped.json#1: published_at not read: %+v", a)
	}
	a = check("items.json#0", "I1", "Y1")
	if a.Date.Format(time.DateOnly) != "2015-08-02" {
		t.Errorf("items.json#0: unix time not read: %v", a.Date)
	}
	check("data.json#0", "D1", "Z1")
	check("lines.jsonl#0", "L1", "W1")
	if a := check("lines.jsonl#2", "L2", "W2"); a.Source != "s" {
		t.Errorf("lines.jsonl#2: site not read: %+v", a)
	}
	check("lines.ndjson#0", "N1", "V1")
	check("nested.json", "E1", "U1")
	check("article.json", "A1", "S1")
	check("several.json#0", "S1", "R1")
	check("several.json#1", "S2", "R2")
	if len(arts) != 15 || last.ArticlesRead != 15 || last.FilesRead != 11 || last.FilesFound != 11 {
		t.Errorf("%d articles; last batch %+v", len(arts), last)
	}
}

// TestBadFiles loads a folder of broken files beside a good one: each bad
// file gives one problem that names it and says why, and the good one
// still opens.
func TestBadFiles(t *testing.T) {
	utf16 := func(s string, bom bool) string {
		var b []byte
		if bom {
			b = append(b, 0xFF, 0xFE)
		}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return string(b)
	}
	cp1256 := string([]byte{0xC7, 0xE1, 0xD1, 0xC6, 0xED, 0xD3, ' ', 0xC7, 0xE1, 0xD3, 0xE6, 0xD1, 0xED, '\n'})
	files := map[string]string{
		"good.txt":       "عنوان جيد\n\nنص جيد.\n",
		"empty.txt":      "",
		"blank.md":       " \n\u00a0\n",
		"furniture.txt":  "صورة\n\nأضف تعليق\n",
		"binary.txt":     "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"utf16.txt":      utf16("عنوان\n\nنص.\n", false),
		"utf16bom.txt":   utf16("عنوان بترميز آخر\n\nنص.\n", true),
		"cp1256.txt":     strings.Repeat(cp1256, 10),
		"damaged.txt":    "عنوان\n\nنص \xff\xfe سليم في معظمه.\n",
		"late.json":      "[{\"title\": \"big\", \"content\": \"" + strings.Repeat("ا", 70000) + "\"},\n{\"title\": oops}]",
		"damaged.jsonl":  "{\"title\": \"t\", \"content\": \"سطر \xff\"}\n",
		"damaged.json":   "[{\"title\": \"t\", \"content\": \"نص \xff\xfe\xfd تالف\"}]",
		"bad.json":       "[\n  {\"title\": \"a\", \"content\": \"b\"},\n  {\"title\": oops}\n]",
		"truncated.json": "[{\"title\": \"a\", \"content\": \"e\"}, {\"title\": \"c\"",
		"scalar.json":    `"just a string"`,
		"mixed.json":     `[{"title": "ok", "content": "fine"}, 42, {"title": "", "content": ""}]`,
		"bad.jsonl":      "{\"title\": \"x\", \"content\": \"y\"}\n{broken\n",
		"long.txt":       "عنوان\n" + strings.Repeat("ب", corpus.MaxLineSize) + "\n",
		"notes.csv":      "not read: unknown extension in a folder",
	}
	dir := writeFiles(t, files)
	big := filepath.Join(dir, "huge.json")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, corpus.MaxFileSize+1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "nothing")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	arts, probs, _ := load(t, dir, filepath.Join(dir, "missing.txt"), empty)
	if snapshot(t, dir) != before {
		t.Errorf("loading changed the files")
	}

	want := map[string]string{
		"empty.txt":      "empty file",
		"blank.md":       "empty file",
		"furniture.txt":  "no article: no title and no text",
		"binary.txt":     "binary file",
		"utf16.txt":      "UTF-16 text without a byte-order mark",
		"cp1256.txt":     "not UTF-8 text",
		"damaged.txt":    "2 invalid UTF-8 bytes replaced with U+FFFD",
		"late.json":      "not valid JSON at line 2, column 11",
		"damaged.jsonl":  "1 invalid UTF-8 byte replaced with U+FFFD",
		"damaged.json":   "3 invalid UTF-8 bytes replaced with U+FFFD",
		"bad.json":       "not valid JSON at line 3, column 13",
		"truncated.json": "the file ends in the middle of a value",
		"scalar.json":    "holds a string where articles were expected",
		"mixed.json":     "item 1 is number, not an article object",
		"bad.jsonl":      "line 2: not valid JSON",
		"long.txt":       "line 2 is longer than",
		"huge.json":      "file is 65 MB, larger than the 64 MB Sahifa reads",
		"dangling.txt":   "no such file or folder",
		"missing.txt":    "no such file or folder",
		"nothing":        "no .txt, .md, .json or .jsonl files in this folder",
	}
	for name, reason := range want {
		got := probs[name]
		if len(got) == 0 || !strings.Contains(strings.Join(got, " | "), reason) {
			t.Errorf("%s: problems %q, want one saying %q", name, got, reason)
		}
	}
	if got := probs["mixed.json"]; len(got) != 2 || !strings.Contains(got[1], "article 2 is empty") {
		t.Errorf("mixed.json: problems %q, want the number and the empty article", got)
	}
	for name, got := range probs {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: unexpected problems %q", name, got)
		}
		if len(got) > 1 && name != "mixed.json" {
			t.Errorf("%s: %d problems, want one: %q", name, len(got), got)
		}
	}

	if a := arts["damaged.json#0"]; a == nil || len(a.Paragraphs) != 1 || a.Paragraphs[0].Text != "نص \ufffd\ufffd\ufffd تالف" {
		t.Errorf("damaged.json: %+v", a)
	}
	for _, name := range []string{"damaged.jsonl#0", "late.json#0", "good.txt", "utf16bom.txt", "damaged.txt", "bad.json#0", "truncated.json#0", "mixed.json#0", "bad.jsonl#0"} {
		if arts[name] == nil {
			t.Errorf("%s: not loaded", name)
		}
	}
	if a := arts["utf16bom.txt"]; a != nil && a.Title != "عنوان بترميز آخر" {
		t.Errorf("UTF-16 with BOM: title %q", a.Title)
	}
	if a := arts["damaged.txt"]; a != nil && (len(a.Paragraphs) != 1 || a.Paragraphs[0].Text != "نص \ufffd\ufffd سليم في معظمه.") {
		t.Errorf("damaged.txt: %q", texts(a))
	}
	if len(arts) != 10 {
		t.Errorf("%d articles loaded, want 10", len(arts))
	}
}

// snapshot hashes every file under dir with its mode and time.
func snapshot(t *testing.T, dir string) string {
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink != 0 {
			return nil
		}
		info, _ := d.Info()
		h.Write([]byte(p + info.Mode().String() + info.ModTime().String()))
		if !d.IsDir() && info.Size() < 1<<20 {
			b, _ := os.ReadFile(p)
			h.Write(b)
		}
		return nil
	})
	return string(h.Sum(nil))
}

// TestHugeLine loads a 50 MB text of one line beside a good file: it is
// refused with a message, without holding up the rest.
func TestHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50 MB")
	}
	dir := writeFiles(t, map[string]string{"good.txt": "عنوان\n\nنص."})
	if err := os.WriteFile(filepath.Join(dir, "huge.txt"), bytes.Repeat([]byte("ا"), 25<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	arts, probs, _ := load(t, dir)
	if got := probs["huge.txt"]; len(got) != 1 || got[0] != "line 1 is longer than 1 MB; this is not article text" {
		t.Errorf("huge.txt: problems %q", got)
	}
	if len(arts) != 1 || arts["good.txt"] == nil {
		t.Errorf("articles %v", keys(arts))
	}
}

func TestDuplicates(t *testing.T) {
	body := "عنوان\n\nنص مكرر في ملفين.\n"
	dir := writeFiles(t, map[string]string{
		"a.txt":   body,
		"b/c.txt": body,
		"d.json":  `[{"title": "عنوان", "content": "نص مكرر في ملفين."}, {"title": "عنوان آخر", "content": "نص مكرر في ملفين."}, {"title": "مختلف", "content": "نص مختلف."}]`,
	})
	for range 3 { // the kept copy must not depend on the order of reading
		arts, probs, last := load(t, dir)
		if len(probs) > 0 {
			t.Errorf("problems %v", probs)
		}
		a := arts["a.txt"]
		if a == nil || len(arts) != 2 || arts["d.json#2"] == nil {
			t.Fatalf("articles %v: want a.txt and d.json#2", keys(arts))
		}
		want := []string{filepath.Join(dir, "b", "c.txt"), filepath.Join(dir, "d.json") + "#0", filepath.Join(dir, "d.json") + "#1"}
		if strings.Join(a.Duplicates, " ") != strings.Join(want, " ") {
			t.Errorf("Duplicates %q, want %q", a.Duplicates, want)
		}
		if last.DuplicatesFound != 3 || last.ArticlesRead != 2 {
			t.Errorf("last batch counts %+v", last)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestFurniture(t *testing.T) {
	nbsp := "\u00a0"
	dir := writeFiles(t, map[string]string{
		"page.txt": strings.Join([]string{
			"الرئيسية » أخبار » عنوان «مقتبس» هنا",
			"عنوان «مقتبس» هنا",
			nbsp + " " + nbsp,
			"فيسبوك تويتر واتساب",
			"وقال الوزير في تغريدة على تويتر إن الاجتماع كان مثمراً.",
			"وقال الوزير في تغريدة على تويتر إن الاجتماع كان مثمراً.",
			"اقرأ أيضاً",
			"عنوان خبر آخر مرتبط",
			"وأضاف أن الخطوة التالية ستكون في الشهر المقبل.",
			"اقرأ أيضا: خبر ثالث",
			"«هذه فقرة هي اقتباس كامل من أولها إلى آخرها»",
			"Your email address will not be published. Required fields are marked *",
		}, "\n"),
	})
	arts, _, _ := load(t, dir)
	a := arts["page.txt"]
	if a == nil {
		t.Fatal("not loaded")
	}
	if a.Title != "عنوان «مقتبس» هنا" {
		t.Errorf("title %q", a.Title)
	}
	want := []string{
		"وقال الوزير في تغريدة على تويتر إن الاجتماع كان مثمراً.",
		"وأضاف أن الخطوة التالية ستكون في الشهر المقبل.",
		"«هذه فقرة هي اقتباس كامل من أولها إلى آخرها»",
	}
	if got := texts(a); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs\n%q\nwant\n%q\nremoved %q", got, want, a.Removed)
	}
	if len(a.Paragraphs) == 3 && a.Paragraphs[2].Kind != corpus.Quote {
		t.Errorf("quote paragraph has kind %d", a.Paragraphs[2].Kind)
	}
	for _, r := range []string{"الرئيسية » أخبار »", "فيسبوك تويتر واتساب", "اقرأ أيضاً", "عنوان خبر آخر مرتبط", "اقرأ أيضا: خبر ثالث"} {
		if !containsAny(a.Removed, r) {
			t.Errorf("%q not in Removed %q", r, a.Removed)
		}
	}
}

func TestExplicitFileSniffed(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"export.dat":  `[{"title": "T", "content": "C"}]`,
		"article.htm": "عنوان\n\nنص.",
	})
	arts, probs, _ := load(t, filepath.Join(dir, "export.dat"), filepath.Join(dir, "article.htm"))
	if arts["export.dat#0"] == nil || arts["article.htm"] == nil || len(probs) > 0 {
		t.Errorf("articles %v, problems %v", keys(arts), probs)
	}
}

func TestCancel(t *testing.T) {
	files := map[string]string{}
	for i := range 200 {
		files["f"+strconv.Itoa(i)+".txt"] = "عنوان " + strconv.Itoa(i) + "\n\nنص " + strconv.Itoa(i)
	}
	dir := writeFiles(t, files)
	ctx, cancel := context.WithCancel(context.Background())
	ch := corpus.Load(ctx, []string{dir})
	<-ch
	cancel()
	done := make(chan bool)
	go func() {
		for range ch {
		}
		done <- true
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("channel not closed after cancel")
	}
}

func TestLoadFSPaths(t *testing.T) {
	fsys := os.DirFS(writeFiles(t, map[string]string{"x/a.txt": "عنوان\n\nنص.", ".hidden/b.txt": "عنوان\n\nنص آخر."}))
	arts, probs := corpus.Collect(corpus.LoadFS(context.Background(), fsys))
	if len(arts) != 1 || arts[0].Path != "x/a.txt" || len(probs) > 0 {
		t.Errorf("articles %+v problems %v", arts, probs)
	}
}
