package corpus_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSkippedEntriesReported: every folder entry that is not read because
// it is not a regular file gets a message naming it and saying why — a
// FIFO, a link to a device, a link to a folder — and the articles beside
// them load.
func TestSkippedEntriesReported(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": "عنوان\n\nنص المقال.\n", "sub/b.txt": "عنوان آخر\n\nنص آخر.\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"null.txt": "/dev/null", "zero": "/dev/zero", "loop": ".", "up": "sub"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	arts, probs, _ := load(t, dir)
	if len(arts) != 2 {
		t.Errorf("articles %v, want a.txt and b.txt", keys(arts))
	}
	want := map[string]string{
		"pipe.txt": "a named pipe (FIFO): skipped, as reading it could block or never end",
		"pipe":     "a named pipe (FIFO): skipped, as reading it could block or never end",
		"null.txt": "a link to a device: skipped, as reading it could block or never end",
		"zero":     "a link to a device: skipped, as reading it could block or never end",
		"loop":     "a link to a folder: not followed, as it may lead round in a loop",
		"up":       "a link to a folder: not followed, as it may lead round in a loop",
	}
	for name, reason := range want {
		if len(probs[name]) != 1 || probs[name][0] != reason {
			t.Errorf("%s: problems %q, want %q", name, probs[name], reason)
		}
	}
	if len(probs) != len(want) {
		t.Errorf("problems %v", probs)
	}
}
