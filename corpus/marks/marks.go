// Package marks keeps what a reader marks on articles from one run to the
// next: which have been read and which are bookmarked, by article ID, in
// a small state file of Sahifa's own, never in the user's collection.
//
// The file is written whole and atomically (a temporary file beside it,
// written, synced, then renamed over it), so a crash leaves either the old
// marks or the new ones. A damaged file is reported and replaced by a
// fresh one at the next save.
//
// Several Sahifa may run at once on the same file. A Store remembers what
// its reader changed since it last read the file, and Save, holding a lock
// on the file's folder, reads the file again and applies those changes to
// it, so that one reader's save never drops what another saved meanwhile.
package marks

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// FileName is the name of the state file under Sahifa's state folder.
const FileName = "marks.json"

// version is the file format's version; a file of another is damaged.
const version = 1

// file is the state file's content.
type file struct {
	Version   int      `json:"version"`
	Read      []string `json:"read"`
	Bookmarks []string `json:"bookmarks"`
}

// Store is the marks of one state file, safe for concurrent use.
type Store struct {
	path string
	// saving makes saves one at a time, so that an older snapshot is
	// never renamed over a newer one.
	saving sync.Mutex

	mu        sync.Mutex
	read      map[string]bool
	bookmarks map[string]bool
	// changed holds the marks changed since the file was last read, with
	// their new value, which Save lays over whatever the file holds then.
	changedRead      map[string]bool
	changedBookmarks map[string]bool
}

// DefaultPath returns where the marks live: $XDG_STATE_HOME/sahifa, or
// ~/.local/state/sahifa as the XDG Base Directory specification says
// when it is unset or not absolute; "" when neither can be known.
func DefaultPath(getenv func(string) string) string {
	dir := getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(dir) {
		home := getenv("HOME")
		if !filepath.IsAbs(home) {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "sahifa", FileName)
}

// Open reads the marks at path. A missing file is no marks yet. A file
// that cannot be read as marks gives an empty Store and an error naming
// the file and the reason; the Store still works, and its first Save
// rebuilds the file.
func Open(path string) (*Store, error) {
	s := &Store{path: path, changedRead: map[string]bool{}, changedBookmarks: map[string]bool{}}
	f, err := readFile(path)
	s.read, s.bookmarks = set(f.Read), set(f.Bookmarks)
	return s, err
}

// readFile reads the state file at path: a missing file is no marks, and
// a damaged one is no marks and an error saying so.
func readFile(path string) (file, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return file{}, nil
	}
	if err != nil {
		return file{}, err
	}
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return file{}, fmt.Errorf("%s: damaged (%v); starting with no marks", path, err)
	}
	if f.Version != version {
		return file{}, fmt.Errorf("%s: version %d, not %d; starting with no marks", path, f.Version, version)
	}
	return f, nil
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// Path returns the file the store reads and writes.
func (s *Store) Path() string { return s.path }

// Read reports whether the article with this ID has been read.
func (s *Store) Read(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.read[id]
}

// SetRead marks the article read and reports whether that changed
// anything.
func (s *Store) SetRead(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.read[id] {
		return false
	}
	s.read[id] = true
	s.changedRead[id] = true
	return true
}

// Bookmarked reports whether the article is bookmarked.
func (s *Store) Bookmarked(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bookmarks[id]
}

// ToggleBookmark bookmarks the article, or drops its bookmark, and returns
// whether it is bookmarked now.
func (s *Store) ToggleBookmark(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	on := !s.bookmarks[id]
	if on {
		s.bookmarks[id] = true
	} else {
		delete(s.bookmarks, id)
	}
	s.changedBookmarks[id] = on
	return on
}

// beforeRename runs between writing the new file and renaming it into
// place; tests make it fail to stand for a crash there.
var beforeRename = func(tmp string) error { return nil }

// Save writes the marks to the store's file atomically, creating its
// folder if need be. Under a lock shared with every other Store of the
// file, it reads the file again and lays this store's changes over it, and
// the store takes up what the others saved.
func (s *Store) Save() error {
	s.saving.Lock()
	defer s.saving.Unlock()
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	unlock, err := lockFile(filepath.Join(dir, "."+filepath.Base(s.path)+".lock"))
	if err != nil {
		return err
	}
	defer unlock()
	// A damaged file gives no marks: this save rebuilds it.
	f, _ := readFile(s.path)
	read, bookmarks := set(f.Read), set(f.Bookmarks)
	// The changes are taken out of the store while the file is written, so
	// that those made meanwhile stay for the next save.
	s.mu.Lock()
	changedRead, changedBookmarks := s.changedRead, s.changedBookmarks
	s.changedRead, s.changedBookmarks = map[string]bool{}, map[string]bool{}
	s.mu.Unlock()
	overlay(read, changedRead)
	overlay(bookmarks, changedBookmarks)
	b, err := json.Marshal(file{Version: version, Read: sortedKeys(read), Bookmarks: sortedKeys(bookmarks)})
	if err == nil {
		err = writeAtomic(s.path, append(b, '\n'))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		// Not saved: the changes wait for the next save, newer ones first.
		for id, on := range s.changedRead {
			changedRead[id] = on
		}
		for id, on := range s.changedBookmarks {
			changedBookmarks[id] = on
		}
		s.changedRead, s.changedBookmarks = changedRead, changedBookmarks
		return err
	}
	overlay(read, s.changedRead)
	overlay(bookmarks, s.changedBookmarks)
	s.read, s.bookmarks = read, bookmarks
	return nil
}

// overlay sets in marks each change's new value.
func overlay(marks, changes map[string]bool) {
	for id, on := range changes {
		if on {
			marks[id] = true
		} else {
			delete(marks, id)
		}
	}
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// writeAtomic replaces the file at path with data: written to a temporary
// file in the same folder, synced, renamed over path, and the folder
// synced so that the rename itself survives a crash.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = beforeRename(tmp.Name()); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
