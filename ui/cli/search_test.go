package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSearchSeeds(t *testing.T) {
	out := runOK(t, searchCmd, []string{"اسد"})
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("اسد: %d results, want the five seeds:\n%s", len(lines), out.String())
	}
	for _, l := range lines {
		if cols := strings.Split(l, "\t"); len(cols) != 4 || len(cols[0]) != 16 || !strings.Contains(cols[3], "لأسد") && !strings.Contains(cols[3], "الأسد") {
			t.Errorf("line %q: want id, score, title and a snippet around الأسد", l)
		}
	}
	var errOut bytes.Buffer
	out.Reset()
	if code := searchCmd([]string{"-n", "2", "بوتين"}, nil, out, &errOut); code != 0 || strings.Count(out.String(), "\n") != 2 {
		t.Errorf("-n 2: exit %d, output:\n%s", code, out.String())
	}
	out.Reset()
	if code := searchCmd([]string{"كلمةلاتوجد"}, nil, out, &errOut); code != 1 || out.Len() != 0 {
		t.Errorf("no result: exit %d, output %q", code, out.String())
	}
}

func TestSearchJSONQueriesAndEscapes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("a.json", `[{"title":"evil \u001b[31mred الأسد","content":"قال الرئيس بشار الأسد \u001b]0;pwned\u0007 اليوم"},{"title":"other","content":"nothing here"}]`)
	queries := write("queries.txt", "اسد\nnothing\n\"بشار الأسد\"\n")
	var out, errOut bytes.Buffer
	if code := searchCmd([]string{"--json", "--queries", queries, filepath.Join(dir, "a.json")}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	var lines []searchJSON
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var e searchJSON
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		lines = append(lines, e)
	}
	if len(lines) != 3 || lines[0].Line != 1 || lines[1].Line != 2 || lines[2].Line != 3 {
		t.Fatalf("want one result for each of three queries, tagged 1..3: %+v", lines)
	}
	for _, e := range lines {
		for _, m := range e.SnippetMatches {
			if got := e.Snippet[m.Start:m.End]; !strings.Contains(got, "الأسد") && got != "nothing" {
				t.Errorf("%q: snippet range %v is %q", e.Query, m, got)
			}
		}
		if len(e.Matches) == 0 {
			t.Errorf("%q: no matches", e.Query)
		}
	}
	if !strings.Contains(errOut.String(), "3 queries, 3 with results") {
		t.Errorf("no timing summary on stderr: %s", errOut.String())
	}
	// Plain output never carries the article's escape sequences.
	out.Reset()
	if code := searchCmd([]string{"اسد", filepath.Join(dir, "a.json")}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if strings.ContainsAny(out.String(), "\x1b\x07") {
		t.Errorf("raw control characters in the output: %q", out.String())
	}
}
