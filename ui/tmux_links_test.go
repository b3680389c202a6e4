package ui

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"sahifa/bidi"
)

// linkArticles is a SaudiNewsNet-style file: the first article's link has
// Arabic in its path, the second's is no web link at all.
const linkArticles = `[
 {"source": "sabq", "url": "https://sabq.org/saudi/مزحة-مبتعث?id=7", "date_extracted": "2015-08-06 01:00:00",
  "category": "محليات", "title": "مزحة مبتعث سعودي في أمريكا", "author": "", "content": "تسببت مزحة غريبة لمبتعث سعودي في اعتقاله."},
 {"source": "okaz", "url": "javascript:alert(1)", "date_extracted": "2015-08-07 01:00:00",
  "title": "خبر ثان بلا رابط صالح", "author": "", "content": "نص الخبر الثاني."}
]`

const firstLink = "https://sabq.org/saudi/مزحة-مبتعث?id=7"

// writeArticles writes a JSON file of articles to a new folder and
// returns the folder.
func writeArticles(t *testing.T, json string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "news.json"), []byte(json), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestTmuxLinks: the reader shows the article's link under its meta line;
// o runs $BROWSER (a script here that records its argument) on it, y
// copies it with exactly one OSC 52 sequence, read from the bytes the
// program wrote to the terminal; an article whose link is no http(s) link
// shows none and o does nothing.
func TestTmuxLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	dir := writeArticles(t, linkArticles)
	work := t.TempDir()
	opened := filepath.Join(work, "opened")
	browser := filepath.Join(work, "browser")
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + opened + "'\n"
	if err := os.WriteFile(browser, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	raw := filepath.Join(work, "raw")

	const w, h = 120, 24
	tm := startTmux(t, w, h)
	tm.run("pipe-pane", "-t", "main", "-o", "cat >> '"+raw+"'")
	tm.typeText("XDG_STATE_HOME='" + work + "/state' BROWSER='" + browser + "' " + bin + " '" + dir + "'")
	tm.keys("Enter")
	tm.waitFor("the two articles", func(s string) bool { return strings.Contains(s, "Articles 2") })

	tm.keys("Enter")
	shown := bidi.Paragraph(firstLink, bidi.Options{})[0].Text
	s := tm.waitFor("the link in the reader", func(s string) bool { return strings.Contains(s, shown) })
	if !strings.Contains(s, "o open link") || !strings.Contains(s, "y copy link") {
		t.Fatalf("the help bar does not offer o and y:\n%s", s)
	}

	tm.keys("o")
	tm.waitFor("the reader back after the browser", func(s string) bool { return strings.Contains(s, shown) })
	got := waitFile(t, opened, func(b string) bool { return b != "" })
	if got != firstLink+"\n" {
		t.Fatalf("$BROWSER got %q, want %q", got, firstLink)
	}

	tm.keys("y")
	tm.waitFor("the copied notice", func(s string) bool { return strings.Contains(s, "copied") })
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(firstLink))
	out := waitFile(t, raw, func(b string) bool { return strings.Contains(b, want) })
	if n := strings.Count(out, "\x1b]52;"); n != 1 {
		t.Fatalf("%d OSC 52 sequences written, want 1", n)
	}

	// The next article's link is javascript: neither shown nor offered.
	tm.keys("J")
	s = tm.waitFor("the second article", func(s string) bool {
		return strings.Contains(s, "okaz · 2015-08-07") && !strings.Contains(s, shown)
	})
	if strings.Contains(s, "javascript") || strings.Contains(s, "open link") {
		t.Fatalf("a javascript: link is shown or offered:\n%s", s)
	}
	tm.keys("o")
	tm.keys("q", "q")
	tm.waitFor("the shell", func(s string) bool { return !strings.Contains(s, "Articles 2") })
	if b, _ := os.ReadFile(opened); string(b) != firstLink+"\n" {
		t.Fatalf("after o on the second article, $BROWSER has been run with %q", b)
	}
}

// waitFile polls the file at path until ok accepts its content, and returns
// it; it fails the test after a while.
func waitFile(t *testing.T, path string, ok func(string) bool) string {
	t.Helper()
	var b []byte
	for range 300 {
		b, _ = os.ReadFile(path)
		if ok(string(b)) {
			return string(b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: never as wanted; it holds %q", path, b)
	return ""
}

// TestTmuxLinksXDGOpen: without $BROWSER, o hands the link to xdg-open
// (a script here, first on PATH, that records its argument).
func TestTmuxLinksXDGOpen(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("drives the binary in tmux; xdg-open is the Linux opener")
	}
	bin := buildSahifa(t)
	dir := writeArticles(t, linkArticles)
	work := t.TempDir()
	opened := filepath.Join(work, "opened")
	script := "#!/bin/sh\nprintf '%s\\n' \"$1\" >> '" + opened + "'\n"
	if err := os.WriteFile(filepath.Join(work, "xdg-open"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	tm := startTmux(t, 120, 24)
	tm.typeText("env -u BROWSER PATH='" + work + "':\"$PATH\" " + bin + " '" + dir + "'")
	tm.keys("Enter")
	tm.waitFor("the two articles", func(s string) bool { return strings.Contains(s, "Articles 2") })
	tm.keys("o")
	if got := waitFile(t, opened, func(b string) bool { return b != "" }); got != firstLink+"\n" {
		t.Fatalf("xdg-open got %q, want %q", got, firstLink)
	}
}
