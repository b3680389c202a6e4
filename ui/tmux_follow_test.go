package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sahifa/bidi"
	"sahifa/corpus"
)

// TestTmuxFollowsAnImport: the reader open on an archive shows each
// article that a real `sahifa import` stores meanwhile, three one after
// another, within seconds, among the others in order of place; the
// cursor stays on its article, the open article stays open, and the
// status line says an article came.
func TestTmuxFollowsAnImport(t *testing.T) {
	tm, bin, url, as := readerOnArchive(t)
	const w, h = 120, 30
	// The third article, open in the reader.
	tm.keys("j", "j")
	tm.waitFor("the cursor on the third article", func(s string) bool { return strings.Contains(s, "3/5") })
	tm.keys("Enter")
	third := as[2]
	words := strings.Fields(third.Title)
	opened := bidi.Paragraph(strings.Join(words[:min(3, len(words))], " "), bidi.Options{})[0].Text
	tm.waitFor("the third article open", func(s string) bool { return strings.Count(s, opened) >= 2 })

	// An absolute path sorts before the seeds' names: each new row comes
	// first, above the cursor. The delay is measured from the commit,
	// seen by asking the server every few milliseconds, to the row on
	// the screen.
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	for i, title := range []string{"وصول وفد تجاري إلى زنجبار", "افتتاح معرض للكتاب في نواكشوط", "أمطار غزيرة على جزر القمر"} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "new.txt"), []byte(title+"\n\nقال المراسل يوم الاثنين إن "+title+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		imp := exec.Command(bin, "import", "--db", url, dir)
		var out strings.Builder
		imp.Stdout, imp.Stderr = &out, &out
		if err := imp.Start(); err != nil {
			t.Fatal(err)
		}
		var stored time.Time
		for deadline := time.Now().Add(time.Minute); stored.IsZero(); time.Sleep(5 * time.Millisecond) {
			var n int
			if err := conn.QueryRow(t.Context(), "SELECT count(*) FROM articles WHERE title = $1", title).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n > 0 {
				stored = time.Now()
			} else if time.Now().After(deadline) {
				t.Fatalf("not stored in a minute:\n%s", out.String())
			}
		}
		row := listTitles([]*corpus.Article{{Title: title}}, w, h)
		s := tm.waitFor("the new article in the list", func(s string) bool { return containsAll(s, row) })
		t.Logf("%s: on screen %v after its commit", title, time.Since(stored))
		if err := imp.Wait(); err != nil {
			t.Fatalf("sahifa import: %v\n%s", err, out.String())
		}
		// The cursor follows its article down as rows arrive above it.
		wants := []string{fmt.Sprintf("%d/%d", 4+i, 6+i)}
		if i == 0 {
			wants = append(wants, "1 new article")
		}
		for _, want := range wants {
			if !strings.Contains(s, want) {
				s = tm.waitFor(want, func(s string) bool { return strings.Contains(s, want) })
			}
		}
		if strings.Count(s, opened) < 2 {
			t.Errorf("the open article is no longer shown:\n%s", s)
		}
	}
	tm.keys("q")
	tm.keys("q")
}
