package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"

	"sahifa/bidi"
)

// markdownArticle has a heading, a list with emphasis, a link and code.
const markdownArticle = "# مقال تجريبي\n\n## عنوان فرعي\n\n- عنصر *أول*\n- عنصر **ثان**\n\nفقرة فيها [رابط](https://example.com/a) و`رمز`.\n"

// TestTmuxMarkdown: a Markdown article keeps its structure in the reader:
// the heading in bold on its own line, each list item on its own line
// with its bullet and no blank line between items (as glow), emphasis in italic and strong in bold on the cells
// bidi puts them, no asterisks left, and the link's address under its
// paragraph.
func TestTmuxMarkdown(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(markdownArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	const w, h = 120, 30
	tm := startTmux(t, w, h)
	tm.typeText(bin + " '" + dir + "'")
	tm.keys("Enter")
	tm.waitFor("the article", func(s string) bool { return strings.Contains(s, "Articles 1") })
	tm.keys("Enter")
	s := tm.waitFor("the link's address", func(s string) bool { return strings.Contains(s, "↗ https://example.com/a") })
	if strings.Contains(s, "*") || strings.Contains(s, "`") || strings.Contains(s, "](") {
		t.Fatalf("Markdown syntax left on screen:\n%s", s)
	}

	rr, _ := computeLayout(w, h, layoutOptions{Mirror: true, Focus: paneReader}).find(paneReader)
	tw := textWidth(rr.W)
	line := func(text string, spans ...bidi.Span) bidi.Line {
		return bidi.Paragraph(text, bidi.Options{Width: tw}, spans...)[0]
	}
	st := tm.styled(w, h)
	heading := line("عنوان فرعي")
	x, y, ok := st.find(heading, rr.X, rr.X+rr.W)
	if !ok || st.style(x, y).Attrs&uv.AttrBold == 0 {
		t.Fatalf("the heading is not on a line of its own in bold (found %v):\n%s", ok, st)
	}
	first := "• عنصر أول"
	tags := st.expectHighlight(t, "the emphasised item", line(first, bidi.Span{Start: strings.Index(first, "أول"), End: len(first), Style: tagEmphasis}), rr.X, rr.X+rr.W)
	if tags[tagEmphasis].Attrs&uv.AttrItalic == 0 || tags[tagPlain].Attrs&uv.AttrItalic != 0 {
		t.Fatalf("emphasis not in italic: %+v", tags)
	}
	second := "• عنصر ثان"
	tags = st.expectHighlight(t, "the strong item", line(second, bidi.Span{Start: strings.Index(second, "ثان"), End: len(second), Style: tagStrong}), rr.X, rr.X+rr.W)
	if tags[tagStrong].Attrs&uv.AttrBold == 0 || tags[tagPlain].Attrs&uv.AttrBold != 0 {
		t.Fatalf("strong emphasis not in bold: %+v", tags)
	}
	_, y1, _ := st.find(line(first), rr.X, rr.X+rr.W)
	_, y2, _ := st.find(line(second), rr.X, rr.X+rr.W)
	if y2 != y1+1 {
		t.Fatalf("the list items are not one a line with no blank between, as glow has them (rows %d and %d):\n%s", y1, y2, st)
	}
}
