package collection

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sahifa/corpus/corpustest"
)

// answers is every article's final names and dates, as the commands
// print them.
func answers(t *testing.T, c *Collection) string {
	t.Helper()
	var b strings.Builder
	for _, a := range c.Articles() {
		r := c.Entities(a)
		if r.Stage != Final {
			t.Fatalf("%s: names at stage %d once idle", a.ID, r.Stage)
		}
		fmt.Fprintf(&b, "%s %s\n%+v\n%+v\n", a.ID, a.Path, r.Entities, c.Dates(a))
	}
	return b.String()
}

// openIdle opens paths with the cache in cacheDir ("" for none), waits
// until it is idle and the cache written, and returns the answers and
// how many articles the tagger read and how many were read again
// through the catalog, neither taken from the cache.
func openIdle(t *testing.T, dir, cacheDir string) (got string, articles, tagged, reread int) {
	t.Helper()
	c := OpenCached(context.Background(), []string{dir}, cacheDir)
	if err := c.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	got = answers(t, c)
	c.Close()
	n := c.names
	n.mu.Lock()
	defer n.mu.Unlock()
	return got, c.Len(), n.done[0] - n.fromCache[0], n.done[1] - n.fromCache[1]
}

// TestNamesFromCache: a collection opened again reaches idle without
// reading any article's names or dates again and answers as one opened
// without a cache; after a file is added, only its article is tagged,
// and the answers are again those of a collection opened without a
// cache, however the added names change what the collection knows.
func TestNamesFromCache(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	var paras []string
	for _, text := range copySeeds(t, dir) {
		ps := strings.Split(strings.TrimSpace(text), "\n\n")
		paras = append(paras, ps[min(2, len(ps)-1)])
	}

	want, arts, _, _ := openIdle(t, dir, "")
	if got, _, tagged, _ := openIdle(t, dir, cacheDir); got != want || tagged != arts {
		t.Fatalf("first opening with a cache: tagged %d of %d, answers differ: %v", tagged, arts, got != want)
	}
	got, _, tagged, reread := openIdle(t, dir, cacheDir)
	if got != want || tagged != 0 || reread != 0 {
		t.Fatalf("second opening: tagged %d, read again %d of %d; answers differ: %v\n%s\nwant\n%s", tagged, reread, arts, got != want, got, want)
	}

	// An article made of a paragraph of each seed names what they name
	// once more: names become known with confidence.
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("100_added.txt", "خبر مجمع\n\n"+strings.Join(paras, "\n\n")+"\n")
	want, arts, _, _ = openIdle(t, dir, "")
	got, _, tagged, reread = openIdle(t, dir, cacheDir)
	if got != want || tagged != 1 {
		t.Fatalf("after adding a file: tagged %d of %d (want 1), answers differ: %v\n%s\nwant\n%s", tagged, arts, got != want, got, want)
	}
	t.Logf("after adding a file: %d of %d articles read again through the catalog", reread, arts)
	if got, _, tagged, reread := openIdle(t, dir, cacheDir); got != want || tagged != 0 || reread != 0 {
		t.Fatalf("opening after that: tagged %d, read again %d; answers differ: %v", tagged, reread, got != want)
	}
}

// TestCacheWrittenWhenClosedEarly: a collection closed as soon as its
// work is over, before the load's goroutine (at the background's
// priority, on a busy machine) has begun to write the cache, writes it
// all the same: the next opening reads nothing again.
func TestCacheWrittenWhenClosedEarly(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	copySeeds(t, dir)
	beforeSaving = func(ctx context.Context) { <-ctx.Done() }
	c := OpenCached(context.Background(), []string{dir}, cacheDir)
	if err := c.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	c.Close()
	beforeSaving = nil
	if _, arts, tagged, reread := openIdle(t, dir, cacheDir); tagged != 0 || reread != 0 {
		t.Fatalf("the next opening tagged %d and read again %d of %d articles", tagged, reread, arts)
	}
}

// copySeeds copies the seed text files into dir and returns their texts.
func copySeeds(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(corpustest.Root(t), "seeds", "*.txt"))
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// TestCloseWithinLeavesASlowSave: CloseWithin returns once its limit is
// past while the cache is still being written, and says so; Close waits.
func TestCloseWithinLeavesASlowSave(t *testing.T) {
	dir := t.TempDir()
	copySeeds(t, dir)
	hold := make(chan struct{})
	beforeSaving = func(context.Context) { <-hold }
	defer func() { beforeSaving = nil }()
	c := OpenCached(context.Background(), []string{dir}, t.TempDir())
	if err := c.WaitLoaded(context.Background()); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	if c.CloseWithin(20 * time.Millisecond) {
		t.Fatal("CloseWithin says the cache was written while its saving is held")
	}
	if d := time.Since(t0); d > 2*time.Second {
		t.Fatalf("CloseWithin took %v with a limit of 20 ms", d)
	}
	close(hold)
	c.Close()
	if !c.CloseWithin(0) {
		t.Fatal("CloseWithin after Close says the cache is not written")
	}
}
