package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"sahifa/corpus/archive"
	"sahifa/corpus/archive/pgtest"
)

// TestImportSeedsTwice: `sahifa import` stores the seeds, with their
// names, and a second run stores nothing more.
func TestImportSeedsTwice(t *testing.T) {
	url := pgtest.Database(t)
	for i, want := range []string{"done: 5 new, 0 already there", "done: 0 new, 5 already there"} {
		var stdout, stderr bytes.Buffer
		if status := importCmd([]string{"--db", url, "--batch", "2"}, nil, &stdout, &stderr); status != 0 {
			t.Fatalf("run %d: status %d\n%s", i+1, status, stderr.String())
		}
		if !strings.Contains(stderr.String(), want) || !strings.Contains(stderr.String(), "4/5 articles") {
			t.Errorf("run %d: stderr lacks %q and the progress of batches of 2:\n%s", i+1, want, stderr.String())
		}
	}
	a, err := archive.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if n, err := a.Len(t.Context()); n != 5 || err != nil {
		t.Errorf("the archive holds %d articles (%v), want the 5 seeds", n, err)
	}
	c, _ := load(newFlags("test", io.Discard), nil)
	defer c.Close()
	c.Wait(t.Context())
	named := 0
	for _, art := range c.Articles() {
		es, err := a.Entities(t.Context(), art.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != len(c.Entities(art).Entities) {
			t.Errorf("%s: %d entities stored, the collection finds %d", art.ID, len(es), len(c.Entities(art).Entities))
		}
		named += len(es)
	}
	if named == 0 {
		t.Error("no entity stored for any seed")
	}
}

func TestImportBadAddress(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if status := importCmd([]string{"--db", "postgres://nobody@/nodb?host=/nonexistent-dir&connect_timeout=2"}, nil, &stdout, &stderr); status != 1 {
		t.Errorf("status %d, want 1", status)
	}
	if !strings.HasPrefix(stderr.String(), "sahifa import: ") || !strings.Contains(stderr.String(), "nodb") {
		t.Errorf("stderr %q: want a message naming the database", stderr.String())
	}
	if status := importCmd(nil, nil, &stdout, &stderr); status != 2 {
		t.Errorf("without --db: status %d, want 2", status)
	}
}
