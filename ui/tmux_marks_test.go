package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"sahifa/bidi"
)

// TestTmuxMarks: unread titles are bold and an opened one is not; m
// bookmarks the selected article (★ on its row) and M lists only the
// bookmarks; both are still there after a restart, kept in
// $XDG_STATE_HOME/sahifa and nowhere in the collection's folder. A damaged
// state file is named in the status line and rebuilt at the next mark.
func TestTmuxMarks(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	dir := writeArticles(t, listArticles)
	state := t.TempDir()
	stateFile := filepath.Join(state, "sahifa", "marks.json")
	const w, h = 100, 30
	tm := startTmux(t, w, h)
	start := func() {
		tm.typeText("clear; XDG_STATE_HOME='" + state + "' " + bin + " '" + dir + "'; echo EXIT-$?")
		tm.keys("Enter")
		tm.waitFor("the four articles", func(s string) bool { return strings.Contains(s, "Articles 4") })
	}
	quit := func() {
		tm.keys("q", "q")
		tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })
	}
	lr, _ := computeLayout(w, h, layoutOptions{Mirror: true}).find(paneList)
	title := func(i int) string {
		titles := []string{"أمطار غزيرة على جدة", "الهلال يفوز على النصر", "افتتاح مستشفى في جدة", "ارتفاع أسعار النفط"}
		return bidi.Paragraph(titles[i], bidi.Options{Width: textWidth(lr.W), MaxLines: 1})[0].Text
	}
	// bold reports whether the i-th title is drawn bold in the list
	// (the reader beside it has the open one's title too).
	bold := func(i int) bool {
		t.Helper()
		s := tm.styled(w, h)
		for y, r := range s.rows {
			for off := 0; off < len(r.text); {
				x := strings.Index(r.text[off:], title(i))
				if x < 0 {
					break
				}
				if c := r.col[off+x]; c >= lr.X {
					return s.style(c, y).Attrs&uv.AttrBold != 0
				}
				off += x + 1
			}
		}
		t.Fatalf("title %d is not on the screen:\n%s", i, s)
		return false
	}

	start()
	if !bold(0) || !bold(1) {
		t.Fatal("unread titles are not bold")
	}
	tm.keys("Enter")
	tm.waitFor("the first article open", func(s string) bool { return strings.Contains(s, "1–") })
	tm.keys("q")
	tm.waitFor("back in the list", func(s string) bool { return strings.Contains(s, "enter open") })
	if bold(0) || !bold(1) {
		t.Fatalf("after opening the first: first bold %v, second bold %v", bold(0), bold(1))
	}

	tm.keys("j", "m")
	tm.waitFor("the second bookmarked", func(s string) bool { return strings.Contains(s, "★ sabq · 2015-08-07") })
	tm.keys("M")
	s := tm.waitFor("the bookmarks only", func(s string) bool { return strings.Contains(s, "Bookmarks 1") })
	if list := inPane(s, lr); !strings.Contains(list, title(1)) || strings.Contains(list, title(0)) {
		t.Fatalf("the bookmarks list:\n%s", s)
	}
	quit()

	// Restarted: the read article and the bookmark are kept.
	start()
	if bold(0) || !bold(1) {
		t.Fatalf("after a restart: first bold %v, second bold %v", bold(0), bold(1))
	}
	tm.keys("M")
	tm.waitFor("the bookmark kept", func(s string) bool {
		return strings.Contains(s, "Bookmarks 1") && strings.Contains(s, title(1))
	})
	quit()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("written into the collection's folder: %v", entries)
	}

	// A damaged file: said, then rebuilt at the next mark.
	if err := os.WriteFile(stateFile, []byte(`{"version":1,"read":["`), 0o600); err != nil {
		t.Fatal(err)
	}
	tm.typeText("clear; XDG_STATE_HOME='" + state + "' " + bin + " '" + dir + "'; echo EXIT-$?")
	tm.keys("Enter")
	tm.waitFor("the damaged file named", func(s string) bool {
		return strings.Contains(s, "marks.json: damaged") && strings.Contains(s, "Articles 4")
	})
	tm.keys("m")
	tm.waitFor("the first bookmarked", func(s string) bool { return strings.Contains(s, "★ sabq · 2015-08-06") })
	quit()
	var f struct {
		Version   int
		Bookmarks []string
	}
	b, _ := os.ReadFile(stateFile)
	if err := json.Unmarshal(b, &f); err != nil || f.Version != 1 || len(f.Bookmarks) != 1 {
		t.Fatalf("the state file was not rebuilt: %v\n%s", err, b)
	}
}

// inPane returns the part of screen s that pane r covers.
func inPane(s string, r rect) string {
	var b strings.Builder
	for _, row := range strings.Split(s, "\n") {
		b.WriteString(ansi.Cut(row, r.X, r.X+r.W) + "\n")
	}
	return b.String()
}
