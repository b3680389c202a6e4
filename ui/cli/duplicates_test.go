package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDuplicatesOneAnswer: two files with one text under two titles, and
// others, listed and searched thirty times: one answer, the copy first in
// reading order keeping the article with its own title, ID and path.
func TestDuplicatesOneAnswer(t *testing.T) {
	dir := t.TempDir()
	for i := range 6 {
		body := fmt.Sprintf("قال الرئيس إن الحرب مستمرة منذ سنوات في البلاد والعاصمة.\n\nفقرة %d.", i)
		if i < 2 {
			body = "قال الرئيس إن الحرب مستمرة منذ سنوات في البلاد والعاصمة."
		}
		text := fmt.Sprintf("عنوان الملف %d\n\n%s\n", i, body)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var wantList, wantSearch string
	for run := range 30 {
		l := runOK(t, list, []string{"--json", dir}).String()
		s := runOK(t, searchCmd, []string{"--json", "الحرب", dir}).String()
		if run == 0 {
			wantList, wantSearch = l, s
			var first listJSON
			if err := json.Unmarshal([]byte(strings.SplitN(l, "\n", 2)[0]), &first); err != nil {
				t.Fatal(err)
			}
			if first.Path != filepath.Join(dir, "0.txt") || first.Title != "عنوان الملف 0" || len(first.Duplicates) != 1 {
				t.Fatalf("first article %+v: want 0.txt under its own title, 1.txt its copy", first)
			}
			continue
		}
		if l != wantList || s != wantSearch {
			t.Fatalf("run %d differs from run 0:\n%s%s\nrun 0:\n%s%s", run, l, s, wantList, wantSearch)
		}
	}
}
