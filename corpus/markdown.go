package corpus

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdownLines cuts Markdown text into paragraphs with goldmark's
// CommonMark parser: headings, block quotes, list items (their marker
// kept at the start of the text), code blocks line by line and
// paragraphs, their emphasis, code spans and links kept as Inlines.
// The first level-one heading is the title when front matter gave none.
// Raw HTML and images are left out.
func markdownLines(d *draft, src string) []line {
	source := []byte(src)
	doc := goldmark.New().Parser().Parse(text.NewReader(source))
	var out []line
	var walk func(n ast.Node, quote bool)
	walk = func(n ast.Node, quote bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				t, in := inlineText(c, source)
				if c.Level == 1 && d.title == "" && len(out) == 0 {
					d.title, d.findTitle = t, false
					continue
				}
				out = append(out, line{text: t, kind: Heading, fixed: true, inlines: in})
			case *ast.Paragraph, *ast.TextBlock:
				t, in := inlineText(c, source)
				l := line{text: t, inlines: in}
				if quote {
					l.kind, l.fixed = Quote, true
				}
				out = append(out, l)
			case *ast.Blockquote:
				walk(c, true)
			case *ast.List:
				listItems(c, source, &out)
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				ls := c.Lines()
				for i := 0; i < ls.Len(); i++ {
					seg := ls.At(i)
					out = append(out, line{text: strings.TrimRight(string(seg.Value(source)), "\r\n"), kind: Code, fixed: true})
				}
			case *ast.HTMLBlock, *ast.ThematicBreak:
			default:
				walk(c, quote)
			}
		}
	}
	walk(doc, false)
	return out
}

// listItems adds a list's items, each a line with its marker: "•" for
// bullets (nested ones indented by "◦"), the number for ordered lists.
func listItems(list *ast.List, source []byte, out *[]line) {
	n := list.Start
	if n == 0 {
		n = 1
	}
	nested := false
	for p := list.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.ListItem); ok {
			nested = true
		}
	}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "•"
		if nested {
			marker = "◦"
		}
		if list.IsOrdered() {
			marker = strconv.Itoa(n) + "."
			n++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				listItems(c, source, out)
			default:
				t, in := inlineText(c, source)
				if t == "" {
					continue
				}
				if first {
					shift := len(marker) + 1
					for i := range in {
						in[i].Start += shift
						in[i].End += shift
					}
					t = marker + " " + t
					first = false
				}
				*out = append(*out, line{text: t, kind: ListItem, fixed: true, inlines: in})
			}
		}
	}
}

// inlineText returns the text of a block's inline content, its runs of
// white space made one space and trimmed, with the stretches set off in
// it.
func inlineText(block ast.Node, source []byte) (string, []Inline) {
	var b inlineBuilder
	b.children(block, source)
	t := b.String()
	// The builder never writes a leading space; drop a trailing one.
	if strings.HasSuffix(t, " ") {
		t = t[:len(t)-1]
		for i := range b.inlines {
			b.inlines[i].End = min(b.inlines[i].End, len(t))
		}
	}
	var in []Inline
	for _, s := range b.inlines {
		if s.Start < s.End {
			in = append(in, s)
		}
	}
	return t, in
}

// inlineBuilder writes inline text with its white space normalised, as
// cleanLine would, so that the offsets of its Inlines stay right.
type inlineBuilder struct {
	strings.Builder
	space   bool // a space is owed before the next text
	inlines []Inline
}

func (b *inlineBuilder) text(s string) {
	start := 0
	for i, r := range s {
		if isBlank(r) {
			if i > start {
				b.word(s[start:i])
			}
			b.space = true
			start = i + len(string(r))
		}
	}
	if start < len(s) {
		b.word(s[start:])
	}
}

func (b *inlineBuilder) word(w string) {
	if b.space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.space = false
	b.WriteString(w)
}

func (b *inlineBuilder) children(n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.node(c, source)
	}
}

func (b *inlineBuilder) node(n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.text(html.UnescapeString(string(n.Segment.Value(source))))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.space = true
		}
	case *ast.String:
		b.text(string(n.Value))
	case *ast.CodeSpan:
		b.span(InlineCode, "", func() {
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.text(string(t.Segment.Value(source)))
				}
			}
		})
	case *ast.Emphasis:
		kind := Emphasis
		if n.Level >= 2 {
			kind = Strong
		}
		b.span(kind, "", func() { b.children(n, source) })
	case *ast.Link:
		b.span(Link, string(n.Destination), func() { b.children(n, source) })
	case *ast.AutoLink:
		url := string(n.URL(source))
		b.span(Link, url, func() { b.text(url) })
	case *ast.Image, *ast.RawHTML:
	default:
		b.children(n, source)
	}
}

// span writes what fill writes as an Inline of kind.
func (b *inlineBuilder) span(kind InlineKind, url string, fill func()) {
	if b.space && b.Len() > 0 {
		b.WriteByte(' ')
		b.space = false
	}
	start := b.Len()
	i := len(b.inlines)
	b.inlines = append(b.inlines, Inline{Start: start, Kind: kind, URL: url})
	fill()
	b.inlines[i].End = b.Len()
}
