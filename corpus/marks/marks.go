// Package marks keeps what a reader marks on articles from one run to the
// next: which have been read and which are bookmarked, by article ID, in
// a small state file of Sahifa's own, never in the user's collection.
//
// The file is written whole and atomically (a temporary file beside it,
// written, synced, then renamed over it), so a crash leaves either the old
// marks or the new ones. A damaged file is reported and replaced by a
// fresh one at the next save.
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
	s := &Store{path: path, read: map[string]bool{}, bookmarks: map[string]bool{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	var f file
	if err := json.Unmarshal(b, &f); err != nil {
		return s, fmt.Errorf("%s: damaged (%v); starting with no marks", path, err)
	}
	if f.Version != version {
		return s, fmt.Errorf("%s: version %d, not %d; starting with no marks", path, f.Version, version)
	}
	for _, id := range f.Read {
		s.read[id] = true
	}
	for _, id := range f.Bookmarks {
		s.bookmarks[id] = true
	}
	return s, nil
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
	if s.bookmarks[id] {
		delete(s.bookmarks, id)
		return false
	}
	s.bookmarks[id] = true
	return true
}

// beforeRename runs between writing the new file and renaming it into
// place; tests make it fail to stand for a crash there.
var beforeRename = func(tmp string) error { return nil }

// Save writes the marks to the store's file atomically, creating its
// folder if need be.
func (s *Store) Save() error {
	s.saving.Lock()
	defer s.saving.Unlock()
	s.mu.Lock()
	f := file{Version: version, Read: sortedKeys(s.read), Bookmarks: sortedKeys(s.bookmarks)}
	s.mu.Unlock()
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	return writeAtomic(s.path, append(b, '\n'))
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
