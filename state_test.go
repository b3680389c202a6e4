package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMarksNeverInTheCollection: a state folder inside a folder being read
// is not written to; one outside is used.
func TestMarksNeverInTheCollection(t *testing.T) {
	coll := t.TempDir()
	env := func(state string) func(string) string {
		return func(k string) string {
			if k == "XDG_STATE_HOME" {
				return state
			}
			return ""
		}
	}
	if m, msg := openMarks([]string{coll}, env(filepath.Join(coll, "sub")), nil); m != nil || msg == "" {
		t.Fatalf("a state folder inside the collection: marks %v, message %q", m, msg)
	}
	if m, msg := openMarks([]string{filepath.Join(coll, "news.json")}, env(t.TempDir()), nil); m == nil || msg != "" {
		t.Fatalf("a state folder elsewhere: marks %v, message %q", m, msg)
	}
	if entries, _ := os.ReadDir(coll); len(entries) != 0 {
		t.Fatalf("written into the collection: %v", entries)
	}
	for _, c := range []struct {
		path, dir string
		in        bool
	}{
		{"/a/b/c", "/a/b", true},
		{"/a/b", "/a/b", true},
		{"/a/bc/d", "/a/b", false},
		{"/a", "/a/b", false},
		{"/x/..a/y", "/x", true},
	} {
		if got := within(c.path, c.dir); got != c.in {
			t.Errorf("within(%q, %q) = %v", c.path, c.dir, got)
		}
	}
}
