package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahifa/corpus/corpustest"
)

func TestEntitiesJSONOnSeeds(t *testing.T) {
	out := runOK(t, entitiesCmd, []string{"--json"})
	gold := corpustest.Gold(t)
	sc := bufio.NewScanner(out)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var e entitiesJSON
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		n++
		var putin *entityJSON
		for i, x := range e.Entities {
			if x.Label == "فلاديمير بوتين" {
				putin = &e.Entities[i]
			}
		}
		if putin == nil || putin.Kind != "person" || len(putin.Mentions) < 2 {
			t.Errorf("%s: no person فلاديمير بوتين with his mentions in %+v", e.Path, e.Entities)
		}
	}
	if n != len(gold.Articles) {
		t.Errorf("%d articles, want %d", n, len(gold.Articles))
	}
}

func TestEntitiesTextPrintsOffsets(t *testing.T) {
	dir := t.TempDir()
	text := "زيارة\n\nقال الرئيس الروسي فلاديمير بوتين في موسكو إن بوتين \x1b[31m سيزور دمشق.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runOK(t, entitiesCmd, []string{dir})
	if strings.Contains(out.String(), "\x1b") {
		t.Errorf("an escape reached the output: %q", out.String())
	}
	if !strings.Contains(out.String(), "\tperson\tفلاديمير بوتين\t2\t") {
		t.Errorf("no person with two mentions in:\n%s", out.String())
	}
}

func TestEntitiesCoNLL(t *testing.T) {
	in := "قال O x\nالرئيس O\nالروسي O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n. O\n\n-DOCSTART- O\n\nوصل\nبوتين\n"
	var out, errOut bytes.Buffer
	if code := entitiesCmd([]string{"--conll"}, strings.NewReader(in), &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	want := "قال O\nالرئيس O\nالروسي O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n. O\n\nوصل O\nبوتين B-PERS\n\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	if code := entitiesCmd([]string{"--conll", "/nonexistent/file"}, nil, &out, &errOut); code != 1 {
		t.Errorf("a missing file gave exit %d", code)
	}
}
