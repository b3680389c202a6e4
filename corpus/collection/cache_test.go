package collection

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahifa/corpus/corpustest"
)

// TestOpenCachedWithoutCacheFolder: a cache folder that cannot be made
// shows as a problem naming it, and the collection opens all the same.
func TestOpenCachedWithoutCacheFolder(t *testing.T) {
	seeds := filepath.Join(corpustest.Root(t), "seeds")
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(blocker, "sahifa")
	c := OpenCached(context.Background(), []string{seeds}, dir)
	c.WaitLoaded(context.Background())
	c.Close()
	probs := c.Problems()
	if c.Len() != 5 || len(probs) != 1 || probs[0].Path != dir || !strings.Contains(probs[0].Reason, "without a cache") {
		t.Fatalf("%d articles, problems %v", c.Len(), probs)
	}
}

// TestOpenCachedAgain: the second opening of a folder comes from the
// cache, index included, and answers as the first.
func TestOpenCachedAgain(t *testing.T) {
	seeds := filepath.Join(corpustest.Root(t), "seeds")
	dir := t.TempDir()
	open := func() ([]string, []string) {
		c := OpenCached(context.Background(), []string{seeds}, dir)
		defer c.Close()
		c.WaitLoaded(context.Background())
		var ids, hits []string
		for _, a := range c.Articles() {
			ids = append(ids, a.ID+" "+a.Title)
		}
		for _, a := range c.Query(Filter{Terms: []Term{{Field: ByQuery, Value: "بوتين الأسد"}}}, 10).Articles {
			hits = append(hits, a.ID)
		}
		return ids, hits
	}
	ids1, hits1 := open()
	ids2, hits2 := open()
	if strings.Join(ids1, "\n") != strings.Join(ids2, "\n") || strings.Join(hits1, " ") != strings.Join(hits2, " ") || len(hits1) == 0 {
		t.Fatalf("first opening %v %v, second %v %v", ids1, hits1, ids2, hits2)
	}
	if caches, _ := filepath.Glob(filepath.Join(dir, "*.cache")); len(caches) != 1 {
		t.Fatalf("caches: %v", caches)
	}
}
