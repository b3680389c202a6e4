package cli

import (
	"bytes"
	"context"
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

// TestImportWatch: `sahifa import --watch` imports a folder, then the
// files added to it and changed in it while it watches, and stops on an
// interrupt with status 0.
func TestImportWatch(t *testing.T) {
	url := pgtest.Database(t)
	a, err := archive.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	dir := t.TempDir()
	article := func(name, title string) {
		body := title + "\n\nقال الوزير في الرياض اليوم إن " + title + " بدأ.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article("a.txt", "افتتاح معرض الكتاب")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	defer func(was func() (context.Context, context.CancelFunc)) { importContext = was }(importContext)
	importContext = func() (context.Context, context.CancelFunc) { return ctx, cancel }
	var stderr syncBuffer
	status := make(chan int, 1)
	go func() {
		status <- importCmd([]string{"--db", url, "--watch", "--every", "50ms", dir}, nil, io.Discard, &stderr)
	}()
	holds := func(what string, n int) {
		t.Helper()
		deadline := time.Now().Add(2 * time.Minute)
		for {
			got, err := a.Len(t.Context())
			if err == nil && got == n {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the archive holds %d articles (%v), want %d\n%s", what, got, err, n, stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	holds("the first import", 1)
	article("b.txt", "انطلاق مهرجان الجنادرية")
	holds("a file added", 2)
	article("a.txt", "إغلاق معرض الكتاب")
	holds("a file changed", 3)
	cancel()
	select {
	case s := <-status:
		if s != 0 {
			t.Errorf("status %d after the interrupt\n%s", s, stderr.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("--watch did not stop on the interrupt")
	}
	if caches, _ := filepath.Glob(filepath.Join(cache, "sahifa", "*.cache")); len(caches) != 1 {
		t.Errorf("%d caches written, want the folder's alone: %v", len(caches), caches)
	}
	if out := stderr.String(); !strings.Contains(out, "watching for new and changed files every 50ms") ||
		strings.Count(out, "1 new or changed file\n") != 2 {
		t.Errorf("stderr does not tell of the watch and of each file:\n%s", out)
	}
}

// syncBuffer is a bytes.Buffer for one writer and readers in other
// goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
