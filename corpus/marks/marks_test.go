package marks

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestSaveAndOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "sahifa", FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatalf("a missing file: %v", err)
	}
	if !s.SetRead("a") || s.SetRead("a") {
		t.Fatal("SetRead reports a change only the first time")
	}
	if !s.ToggleBookmark("b") || !s.ToggleBookmark("c") || s.ToggleBookmark("c") {
		t.Fatal("ToggleBookmark")
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Read("a") || again.Read("b") || !again.Bookmarked("b") || again.Bookmarked("c") {
		t.Fatalf("after a restart: read a %v, b %v; bookmarked b %v, c %v",
			again.Read("a"), again.Read("b"), again.Bookmarked("b"), again.Bookmarked("c"))
	}
}

// TestCrashBeforeRename: a save that stops between writing the new file
// and renaming it leaves the old file whole and no temporary file behind.
func TestCrashBeforeRename(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	s, _ := Open(path)
	s.ToggleBookmark("old")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(path)

	crash := errors.New("crash")
	var tmpSeen string
	beforeRename = func(tmp string) error {
		b, _ := os.ReadFile(tmp)
		if !strings.Contains(string(b), `"new"`) {
			t.Errorf("the temporary file does not hold the new marks: %s", b)
		}
		tmpSeen = tmp
		return crash
	}
	defer func() { beforeRename = func(string) error { return nil } }()
	s.ToggleBookmark("new")
	if err := s.Save(); !errors.Is(err, crash) {
		t.Fatalf("Save: %v, want the crash", err)
	}
	now, _ := os.ReadFile(path)
	if string(now) != string(old) {
		t.Fatalf("the file changed: %s, was %s", now, old)
	}
	if filepath.Dir(tmpSeen) != dir {
		t.Errorf("the temporary file %s is not beside the marks, so the rename would not be atomic", tmpSeen)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != FileName && e.Name() != "."+FileName+".lock" {
			t.Fatalf("left behind: %v", e.Name())
		}
	}
	reopened, err := Open(path)
	if err != nil || !reopened.Bookmarked("old") || reopened.Bookmarked("new") {
		t.Fatalf("after the crash: %v, old %v, new %v", err, reopened.Bookmarked("old"), reopened.Bookmarked("new"))
	}
}

// TestDamagedFile: a file that is not marks is reported, by name, and the
// next save rebuilds it.
func TestDamagedFile(t *testing.T) {
	for name, content := range map[string]string{
		"truncated": `{"version":1,"read":["a"`,
		"not json":  "\x00\xff garbage",
		"version":   `{"version":99,"read":["a"]}`,
		"types":     `{"version":1,"read":"a"}`,
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			os.WriteFile(path, []byte(content), 0o600)
			s, err := Open(path)
			if err == nil || !strings.Contains(err.Error(), path) {
				t.Fatalf("Open: %v, want an error naming %s", err, path)
			}
			if s.Read("a") {
				t.Fatal("a mark read from a damaged file")
			}
			s.ToggleBookmark("x")
			if err := s.Save(); err != nil {
				t.Fatal(err)
			}
			again, err := Open(path)
			if err != nil || !again.Bookmarked("x") {
				t.Fatalf("not rebuilt: %v", err)
			}
		})
	}
}

// TestTwoReaders: two readers of the same state file, each saving its own
// marks, lose neither's: the last save keeps what the other saved, an
// unbookmark included.
func TestTwoReaders(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	first, _ := Open(path)
	first.ToggleBookmark("both")
	first.Save()

	a, _ := Open(path)
	b, _ := Open(path)
	a.SetRead("read-by-a")
	a.ToggleBookmark("kept-by-a")
	a.ToggleBookmark("both") // dropped by a
	b.SetRead("read-by-b")
	b.ToggleBookmark("kept-by-b")
	if err := a.Save(); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	final, _ := Open(path)
	for _, id := range []string{"read-by-a", "read-by-b"} {
		if !final.Read(id) {
			t.Errorf("%s lost", id)
		}
	}
	for id, want := range map[string]bool{"kept-by-a": true, "kept-by-b": true, "both": false} {
		if final.Bookmarked(id) != want {
			t.Errorf("bookmark %s: %v, want %v", id, !want, want)
		}
	}
	if !b.Bookmarked("kept-by-a") || b.Bookmarked("both") {
		t.Error("b did not take up what a saved")
	}
}

// TestReadersSavingAtOnce: readers marking and saving at the same moment,
// each with its own Store as two processes would have, leave every mark in
// the file.
func TestReadersSavingAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	const readers, marks = 4, 25
	var wg sync.WaitGroup
	for r := range readers {
		s, _ := Open(path)
		wg.Go(func() {
			for i := range marks {
				s.SetRead(fmt.Sprint(r, "-", i))
				if err := s.Save(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	final, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for r := range readers {
		for i := range marks {
			if !final.Read(fmt.Sprint(r, "-", i)) {
				t.Fatalf("mark %d-%d lost", r, i)
			}
		}
	}
}

func TestDefaultPath(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_STATE_HOME": "/s", "HOME": "/h"}, "/s/sahifa/marks.json"},
		{map[string]string{"XDG_STATE_HOME": "relative", "HOME": "/h"}, "/h/.local/state/sahifa/marks.json"},
		{map[string]string{"HOME": "/h"}, "/h/.local/state/sahifa/marks.json"},
		{nil, ""},
	} {
		get := func(k string) string { return c.env[k] }
		if got := DefaultPath(get); got != c.want {
			t.Errorf("DefaultPath(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}
