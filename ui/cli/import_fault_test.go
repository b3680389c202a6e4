package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sahifa/corpus/archive"
	"sahifa/corpus/archive/pgtest"
)

// crashAfter is an import's stderr that crashes the server a moment
// after the import reports its n-th stored batch, so that the crash
// meets the next batch's transaction in flight or about to start.
type crashAfter struct {
	mu      sync.Mutex
	n       int
	crash   func()
	crashed chan struct{}
	log     bytes.Buffer
}

func (c *crashAfter) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.log.Write(p)
	if bytes.Contains(p, []byte(" articles, ")) {
		if c.n--; c.n == 0 {
			time.AfterFunc(3*time.Millisecond, func() { c.crash(); close(c.crashed) })
		}
	}
	return len(p), nil
}

// TestImportSurvivesACrash: the server crashes mid-import; the import
// stops saying how many articles were stored and to run it again; run
// again once the server is back, it stores the rest, and the archive then
// gives back every article once, as the files hold it.
func TestImportSurvivesACrash(t *testing.T) {
	s := pgtest.Own(t)
	url, err := s.CreateDatabase()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var jl strings.Builder
	const articles = 400
	for i := range articles {
		fmt.Fprintf(&jl, `{"title":"خبر رقم %d عن الرياض","text":"قال المتحدث باسم وزارة الداخلية في الرياض إن الحادث %d وقع يوم الاثنين."}`+"\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "news.jsonl"), []byte(jl.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--db", url, "--batch", "25", "--no-cache", dir}

	stderr := &crashAfter{n: 3, crash: s.Crash, crashed: make(chan struct{})}
	if status := importCmd(args, nil, io.Discard, stderr); status != 1 {
		t.Fatalf("import through a crash: status %d, want 1\n%s", status, stderr.log.String())
	}
	<-stderr.crashed
	if !strings.Contains(stderr.log.String(), "run the import again") {
		t.Errorf("the failed import does not say what to do:\n%s", stderr.log.String())
	}
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if status := importCmd(args, nil, io.Discard, &again); status != 0 {
		t.Fatalf("import again: status %d\n%s", status, again.String())
	}
	var fresh, there int
	if i := strings.Index(again.String(), "done: "); i < 0 {
		t.Fatalf("no end line:\n%s", again.String())
	} else if _, err := fmt.Sscanf(again.String()[i:], "done: %d new, %d already there", &fresh, &there); err != nil {
		t.Fatal(err)
	}
	if fresh+there != articles || there < 75 || fresh == 0 {
		t.Errorf("the second import stored %d and found %d there; want the %d articles, at least the 3 batches stored before the crash", fresh, there, articles)
	}
	a, err := archive.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if n, err := a.Len(t.Context()); n != articles || err != nil {
		t.Errorf("the archive holds %d articles (%v), want %d", n, err, articles)
	}
	for _, cmd := range []struct {
		name string
		run  func([]string, io.Reader, io.Writer, io.Writer) int
	}{{"list", list}, {"entities", entitiesCmd}} {
		files := runOK(t, cmd.run, []string{"--json", "--no-cache", dir}).String()
		db := runOK(t, cmd.run, []string{"--json", "--db", url}).String()
		if db != files {
			t.Errorf("%s --db after the crash differs from the files:\n%s", cmd.name, firstDifference(files, db))
		}
	}
}
