package ui

import (
	"fmt"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"sahifa/bidi"
)

// styledScreen is a tmux pane captured with its escape sequences
// (capture-pane -e) and parsed back into cells, so that a test can ask
// which style each cell of the real program's screen carries.
type styledScreen struct {
	buf  uv.ScreenBuffer
	rows []screenRow
}

// screenRow is one line of cells as text, with the column of each byte.
type screenRow struct {
	text string
	col  []int // col[i] is the cell of text[i]
}

func (tm *tmuxTerm) styled(w, h int) *styledScreen {
	tm.t.Helper()
	out := tm.run("capture-pane", "-p", "-e", "-t", "main")
	buf := uv.NewScreenBuffer(w, h)
	buf.Method = ansi.GraphemeWidth // as ansi.StringWidth counts
	// Each captured line starts at the left margin and with no style
	// carried over from the one before.
	for y, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if y >= h {
			break
		}
		uv.NewStyledString(l).Draw(buf, uv.Rect(0, y, w, 1))
	}
	s := &styledScreen{buf: buf}
	for y := 0; y < h; y++ {
		var r screenRow
		for x := 0; x < w; x++ {
			c := buf.CellAt(x, y)
			if c != nil && c.Width == 0 {
				continue // the second cell of a wide character
			}
			content := " "
			if c != nil && c.Content != "" {
				content = c.Content
			}
			r.text += content
			for range len(content) {
				r.col = append(r.col, x)
			}
		}
		s.rows = append(s.rows, r)
	}
	return s
}

func (s *styledScreen) String() string {
	var b strings.Builder
	for _, r := range s.rows {
		b.WriteString(strings.TrimRight(r.text, " ") + "\n")
	}
	return b.String()
}

// style returns the style of the cell at x, y (the zero style for an empty
// cell).
func (s *styledScreen) style(x, y int) uv.Style {
	if c := s.buf.CellAt(x, y); c != nil {
		return c.Style
	}
	return uv.Style{}
}

// find returns where l's text is on screen: its row and first column, only
// between columns x0 and x1 (a pane); ok is false when it is not shown.
func (s *styledScreen) find(l bidi.Line, x0, x1 int) (x, y int, ok bool) {
	for y, r := range s.rows {
		from := 0
		for {
			i := strings.Index(r.text[from:], l.Text)
			if i < 0 {
				break
			}
			i += from
			if c := r.col[i]; c >= x0 && c+l.Width <= x1 {
				return c, y, true
			}
			from = i + 1
		}
	}
	return 0, 0, false
}

// cellStyles returns, for a laid-out line shown at x, y, the style of the
// cells under each of its segments' style tags; it fails when the cells of
// one tag do not all carry the same style, or two tags share one.
func (s *styledScreen) cellStyles(t *testing.T, l bidi.Line, x, y int) map[int]uv.Style {
	t.Helper()
	got := map[int]uv.Style{}
	for _, sg := range l.Segments {
		w := ansi.StringWidth(sg.Text)
		for i := range w {
			st := s.style(x+i, y)
			if prev, ok := got[sg.Style]; ok && !prev.Equal(&st) {
				t.Fatalf("row %d: the cells of tag %d (%q) do not share one style: %+v and %+v at column %d\n%s",
					y, sg.Style, sg.Text, prev, st, x+i, s)
			}
			got[sg.Style] = st
		}
		x += w
	}
	for a, sa := range got {
		for b, sb := range got {
			if a < b && sa.Equal(&sb) {
				t.Fatalf("row %d: tags %d and %d are drawn alike (%+v): the highlight is not on its cells\n%s", y, a, b, sa, s)
			}
		}
	}
	return got
}

// expectHighlight finds line l in columns [x0, x1) and checks that its
// cells carry its tags' styles exactly where bidi put the spans.
func (s *styledScreen) expectHighlight(t *testing.T, what string, l bidi.Line, x0, x1 int) map[int]uv.Style {
	t.Helper()
	x, y, ok := s.find(l, x0, x1)
	if !ok {
		t.Fatalf("%s: line %q not on screen between columns %d and %d:\n%s", what, l.Text, x0, x1, s)
	}
	tags := s.cellStyles(t, l, x, y)
	if len(tags) < 2 {
		t.Fatalf("%s: line %q has no highlighted segment (segments %v)", what, l.Text, l.Segments)
	}
	return tags
}

func segmentsString(l bidi.Line) string {
	var b strings.Builder
	for _, sg := range l.Segments {
		fmt.Fprintf(&b, "[%d %q]", sg.Style, sg.Text)
	}
	return b.String()
}
