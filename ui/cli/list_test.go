package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahifa/corpus/corpustest"
)

func TestListSeeds(t *testing.T) {
	out := runOK(t, list, nil)
	gold := corpustest.Gold(t)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(gold.Articles) {
		t.Fatalf("%d lines, want one per seed (%d):\n%s", len(lines), len(gold.Articles), out.String())
	}
	titles := map[string]bool{}
	for _, l := range lines {
		cols := strings.Split(l, "\t")
		if len(cols) != 4 || len(cols[0]) != 16 {
			t.Errorf("line %q: want id, date, source, title", l)
			continue
		}
		titles[cols[3]] = true
	}
	for name, g := range gold.Articles {
		if !titles[g.Title] {
			t.Errorf("%s: title %q not listed", name, g.Title)
		}
	}
	if !strings.Contains(out.String(), "\t2017-05-26\t") {
		t.Errorf("seed 002's dateline date is not listed:\n%s", out.String())
	}
}

func TestListJSONAndProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.json", `[{"title":"evil \u001b[31mred\u202e","content":"text","date_extracted":"2015-07-21 02:51:32","source":"okaz"}]`)
	write("b.json", `[{"title": oops}]`)
	var out, errOut bytes.Buffer
	if code := list([]string{"--json", dir}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	var e listJSON
	if err := json.Unmarshal(out.Bytes(), &e); err != nil {
		t.Fatalf("output %q: %v", out.String(), err)
	}
	if e.Title != "evil \x1b[31mred\u202e" || e.Source != "okaz" || e.Date != "2015-07-21T02:51:32" || e.DateFrom != "metadata" {
		t.Errorf("entry %+v", e)
	}
	if bytes.IndexByte(out.Bytes(), 0x1b) >= 0 || strings.ContainsRune(out.String(), '\u202e') {
		t.Errorf("raw ESC or bidi override reached the output: %q", out.String())
	}
	if !strings.Contains(errOut.String(), "b.json: not valid JSON at line 1, column 12") {
		t.Errorf("stderr %q does not report b.json with line:column", errOut.String())
	}

	out.Reset()
	errOut.Reset()
	list([]string{dir}, nil, &out, &errOut)
	if bytes.IndexByte(out.Bytes(), 0x1b) >= 0 || strings.ContainsRune(out.String(), '\u202e') || !strings.Contains(out.String(), "okaz") {
		t.Errorf("text output %q: want the source, and no raw ESC or bidi override", out.String())
	}
}
