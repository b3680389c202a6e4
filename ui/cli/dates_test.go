package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDatesJSONSeeds(t *testing.T) {
	out := runOK(t, datesCmd, []string{"--json"})
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines, want one per seed", len(lines))
	}
	byDate := map[string]datesJSON{}
	for _, l := range lines {
		var e datesJSON
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		for _, key := range []string{`"id"`, `"path"`, `"index"`, `"title"`, `"dates"`} {
			if !strings.Contains(l, key) {
				t.Errorf("no %s in %s", key, l)
			}
		}
		byDate[e.Date+e.NotBefore] = e
	}
	e, ok := byDate["2017-05-26"]
	if !ok || e.DateFrom != "dateline" || e.NotBefore != "" {
		t.Fatalf("seed 002: %+v", e)
	}
	first := e.Dates[0]
	if first.Text != "يوم غد الثلاثاء 15 آذار/مارس" || first.Value != "2016-03-15" || first.Calendar != "gregorian" || !first.Relative || first.Para != 0 {
		t.Errorf("seed 002's first date: %+v", first)
	}
	e, ok = byDate["2024-12-08"]
	if !ok || e.Date != "" || e.DateFrom != "" {
		t.Fatalf("seed 004: %+v, want not before 2024-12-08", e)
	}
	for _, d := range e.Dates {
		if d.Relative || d.Hijri != "" || d.End <= d.Start {
			t.Errorf("seed 004: %+v", d)
		}
	}
}

func TestDatesHijriFromFile(t *testing.T) {
	dir := t.TempDir()
	text := "---\ntitle: خبر\n---\n\nالرياض اليوم الثلاثاء 5 شوال 1436هـ الموافق 21 يوليو 2015م أعلنت الوزارة أن الدراسة تبدأ الأحد المقبل."
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runOK(t, datesCmd, []string{"--json", dir})
	var e datesJSON
	if err := json.Unmarshal(out.Bytes(), &e); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if e.Date != "2015-07-21" || e.DateFrom != "text" || len(e.Dates) != 3 {
		t.Fatalf("got %+v", e)
	}
	h := e.Dates[0]
	if h.Calendar != "hijri" || h.Hijri != "1436-10-05" || h.Value != "2015-07-21" || h.Relative {
		t.Errorf("hijri mention %+v", h)
	}
	if next := e.Dates[2]; next.Value != "2015-07-26" || !next.Relative {
		t.Errorf("الأحد المقبل: %+v", next)
	}
}

func TestListByDate(t *testing.T) {
	run := func(args ...string) []string {
		var out, errOut bytes.Buffer
		if code := list(args, nil, &out, &errOut); code != 0 {
			t.Fatalf("list %v: exit %d, stderr %s", args, code, errOut.String())
		}
		var ids []string
		for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			if l != "" {
				ids = append(ids, strings.Split(l, "\t")[0])
			}
		}
		return ids
	}
	all := run()
	sorted := run("--sort", "date")
	if len(sorted) != len(all) || sorted[0] != "d67013808d82c1f4" {
		t.Errorf("--sort date: %v, want the dated seed 002 first, then the rest in file order", sorted)
	}
	if got := run("--from", "2017-05", "--to", "2017"); len(got) != 1 || got[0] != "d67013808d82c1f4" {
		t.Errorf("--from 2017-05 --to 2017: %v", got)
	}
	if got := run("--to", "2017-05-25"); len(got) != 0 {
		t.Errorf("--to 2017-05-25: %v, want none", got)
	}
	if got := run("--from", "٢٠١٧-٠٥-٢٦"); len(got) != 1 {
		t.Errorf("--from in Arabic-Indic digits: %v", got)
	}
	if got := run("--from", "أيار 2017", "--to", "شعبان 1438"); len(got) != 1 {
		t.Errorf("--from أيار 2017 --to شعبان 1438: %v", got)
	}
	var errOut bytes.Buffer
	if code := list([]string{"--sort", "title"}, nil, &bytes.Buffer{}, &errOut); code != 2 || !strings.Contains(errOut.String(), "--sort") {
		t.Errorf("--sort title: exit %d, %s", code, errOut.String())
	}
}
