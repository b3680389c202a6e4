package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRelatedSeeds(t *testing.T) {
	// Seed 000 by its id; its gold same story is seed 003.
	out := runOK(t, relatedCmd, []string{"58421fb491dcd901"})
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d rows, want the four other seeds:\n%s", len(lines), out.String())
	}
	for _, l := range lines {
		if cols := strings.Split(l, "\t"); len(cols) != 9 || len(cols[1]) != 16 || cols[5] != "S" && cols[5] != "R" {
			t.Errorf("line %q: want rank, id, date, source, score, S/R, title, reasons, copies", l)
		}
	}
	if !strings.HasPrefix(lines[0], "1\t227e1dfdf5e07af4\t") || !strings.Contains(lines[0], "names: ") {
		t.Errorf("seed 003 should come first, with the names both give:\n%s", out.String())
	}
	// The same article by its title, as copied from a terminal.
	var errOut bytes.Buffer
	out.Reset()
	title := "بعدما قتلوا مئات السوريين..  “بوتين” يحتضن “الأسد” ويأمر بسحبٍ جزئيّ لقواته من سوريا"
	if code := relatedCmd([]string{"-n", "1", title}, nil, out, &errOut); code != 0 || !strings.HasPrefix(out.String(), "1\t227e1dfdf5e07af4\t") || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("by title, -n 1: exit %d, output:\n%s", code, out.String())
	}
	out.Reset()
	errOut.Reset()
	if code := relatedCmd([]string{"no-such-article"}, nil, out, &errOut); code != 1 || out.Len() != 0 || !strings.Contains(errOut.String(), "no article") {
		t.Errorf("unknown article: exit %d, output %q, stderr %q", code, out.String(), errOut.String())
	}
}

func TestRelatedJSONQueries(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	data := write("a.json", `[
{"url":"http://a/1","source":"okaz","date_extracted":"2015-08-06 10:00:00","title":"وزير الخارجية يصل الدوحة \u001b[31m","content":"وصل وزير الخارجية إلى الدوحة اليوم لبحث الأزمة السورية مع نظرائه."},
{"url":"http://a/2","source":"sabq","date_extracted":"2015-08-06 12:00:00","title":"وزير الخارجية في الدوحة","content":"وصل وزير الخارجية إلى الدوحة اليوم لبحث الأزمة السورية مع نظرائه الخليجيين."},
{"url":"http://a/3","source":"alyaum","date_extracted":"2015-08-01 12:00:00","title":"أمطار على عسير","content":"توقعت الأرصاد هطول أمطار رعدية على عسير والباحة."}]`)
	queries := write("queries.txt", "http://a/1\nأمطار على عسير\nnothing\n")
	var out, errOut bytes.Buffer
	code := relatedCmd([]string{"--json", "-n", "5", "--queries", queries, data}, nil, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "line 3: no article") {
		t.Errorf("exit %d, stderr %s: want 1 and the missing line named", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "3 articles asked") || !strings.Contains(errOut.String(), "p99") {
		t.Errorf("no timing summary on stderr: %s", errOut.String())
	}
	var rows []RelatedRow
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r RelatedRow
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 || rows[0].QueryLine != 1 || rows[0].Rank != 1 || rows[0].URL != "http://a/2" || !rows[0].SameStory ||
		rows[0].Source != "sabq" || rows[0].Date != "2015-08-06" || !rows[0].Reasons.SameDay || rows[0].Score <= 0 {
		t.Errorf("first row %+v: want the same story from sabq, same day", rows)
	}
	for _, r := range rows {
		if r.QueryLine == 0 || r.ID == "" {
			t.Errorf("row %+v: query_line and id are required", r)
		}
	}
	if strings.ContainsAny(out.String(), "\x1b") {
		t.Errorf("raw escape in the output: %q", out.String())
	}
}
