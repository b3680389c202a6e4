// Package cache keeps what Sahifa read of a collection from one run to the
// next, so that a collection opened again opens at once: the articles of
// each file, read again only when the file changed, what the names worker
// and the date reader found in them (see Reading), and a snapshot of the
// search index.
//
// A collection's cache is one file under the user's cache folder
// ($XDG_CACHE_HOME/sahifa, or ~/.cache/sahifa), named by a hash of the
// collection's paths, never beside the articles. Each source file is
// recorded with its size, modification time and SHA-256; a file whose size
// and time are unchanged is taken as it was, unless it was changed so soon
// after it was read that its time cannot tell (then its hash decides, as
// git decides for "racily clean" files). The cache is written whole to a
// temporary file, synced and renamed over the old one, under a lock so
// that two Sahifas never write it at once; a cache that is damaged, cut
// short or of another format version is found out by its checksums and
// header and rebuilt, never trusted. See format.go for the layout.
package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"sahifa/corpus"
)

// Dir returns the folder where Sahifa keeps its caches.
func Dir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "sahifa"), nil
}

// racyWindow is how close to the moment a file was read its modification
// time may be and still be trusted without hashing: within it, a change
// may leave the time as it was (coarse file-system clocks).
const racyWindow = 2 * time.Second

// Store is the cache of one collection. Its methods are safe for
// concurrent use; it implements corpus.FileCache.
type Store struct {
	dir, key string
	paths    []string

	// Problem says why the cache cannot be used, "" when it can.
	Problem string
	// Rebuilt says why the cache on disk was not taken, if it was not:
	// damaged, cut short, of another version.
	Rebuilt string

	mu      sync.Mutex
	old     map[string]*entry // as found on disk
	now     map[string]*entry // files of this load, reused or read
	changed bool              // now differs from what is on disk
	release func()            // unmaps the cache file as read
	index   []byte            // the index snapshot on disk
	// namesRaw is the names record (less its version), on disk or given
	// by KeepNames, nil when there are no readings; reading gives the
	// readings to write in place of those on disk.
	namesRaw []byte
	reading  func(path, id string) (Reading, bool)
	indexOf  [sha256.Size]byte // the articles it numbers
}

// entry is one source file as recorded.
type entry struct {
	size    int64
	mtime   int64 // nanoseconds since 1970
	checked int64 // when the content was last read or hashed
	sum     [sha256.Size]byte
	raw     []byte           // the encoded FileRead, as on disk, until decoded
	read    *corpus.FileRead // or what it holds, or what was read in this load
	fresh   bool             // read in this load, not taken from the cache
	// readRaw is the file's readings record as on disk (compressed),
	// readings what it holds once asked for.
	readRaw  []byte
	readings map[string]*Reading
}

// Open opens the cache of the collection of paths in dir, reading what it
// holds. It never fails: a cache that cannot be used says why in Problem,
// and then reuses nothing and writes nothing.
func Open(dir string, paths []string) *Store {
	s := &Store{dir: dir, old: map[string]*entry{}, now: map[string]*entry{}}
	for _, p := range paths {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
		s.paths = append(s.paths, filepath.Clean(p))
	}
	slices.Sort(s.paths)
	s.paths = slices.Compact(s.paths)
	h := sha256.Sum256([]byte(strings.Join(s.paths, "\x00")))
	s.key = hex.EncodeToString(h[:16])
	if err := os.MkdirAll(dir, 0o700); err != nil {
		s.Problem = unusable(err)
		return s
	}
	f, err := os.OpenFile(s.lockPath(), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		s.Problem = unusable(err)
		return s
	}
	f.Close()
	data, release, err := mapFile(s.Path())
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		s.Rebuilt = err.Error()
	default:
		s.release = release
		if err := s.decode(data); err != nil {
			s.Release()
			s.old, s.index = map[string]*entry{}, nil
			s.Rebuilt = err.Error()
		}
	}
	return s
}

// Release lets go of the cache file as read, once the load that reused
// its files is over; files asked for later are not reused.
func (s *Store) Release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.old {
		e.raw, e.readRaw = nil, nil
	}
	if s.release != nil {
		s.release()
		s.release = nil
	}
}

// unusable words why the cache folder cannot be used, for a Problem
// that names the folder.
func unusable(err error) string {
	reason := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err.Error()
	}
	return fmt.Sprintf("cache folder cannot be written (%s): working without a cache", reason)
}

// Path returns the cache's file.
func (s *Store) Path() string { return filepath.Join(s.dir, s.key+fileExt) }

func (s *Store) lockPath() string { return filepath.Join(s.dir, s.key+lockExt) }

// The extensions of the files the cache folder holds.
const (
	fileExt = ".cache"
	lockExt = ".lock"
	tempExt = ".tmp"
)

// Reuse returns what the cache holds of the file at path, if it is the
// file as it was: same size and modification time (hashed again when the
// time is too close to the reading to tell), or same content.
func (s *Store) Reuse(path string, size int64, mtime time.Time) (corpus.FileRead, bool) {
	if s.Problem != "" {
		return corpus.FileRead{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.old[path]
	if e == nil || e.size != size || e.raw == nil {
		return corpus.FileRead{}, false
	}
	fresh := *e
	if e.mtime != mtime.UnixNano() || e.mtime >= e.checked-int64(racyWindow) {
		sum, n, err := hashFile(path)
		if err != nil || n != size || sum != e.sum {
			return corpus.FileRead{}, false
		}
		fresh.mtime, fresh.checked = mtime.UnixNano(), time.Now().UnixNano()
	}
	fr, err := decodeFileRead(e.raw, path)
	if err != nil {
		return corpus.FileRead{}, false
	}
	// The cache keeps copies, to write them again, as the articles handed
	// out may change; the compressed form is let go.
	kept := fr
	arts := make([]corpus.Article, len(fr.Articles))
	kept.Articles = make([]*corpus.Article, len(fr.Articles))
	for i, a := range fr.Articles {
		arts[i] = *a
		kept.Articles[i] = &arts[i]
	}
	fresh.raw, fresh.read = nil, &kept
	fresh.readRaw = cloneBytes(e.readRaw) // the mapped file is let go after the load
	s.now[path] = &fresh
	s.changed = s.changed || fresh.mtime != e.mtime || fresh.checked != e.checked
	return fr, true
}

func hashFile(path string) (sum [sha256.Size]byte, n int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return sum, 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err = io.Copy(h, f)
	h.Sum(sum[:0])
	return sum, n, err
}

// Keep records what was read of a file.
func (s *Store) Keep(path string, size int64, mtime time.Time, sum [sha256.Size]byte, r corpus.FileRead) {
	if s.Problem != "" {
		return
	}
	e := &entry{size: size, mtime: mtime.UnixNano(), checked: time.Now().UnixNano(), sum: sum, read: &r, fresh: true}
	s.mu.Lock()
	s.now[path] = e
	s.changed = true
	s.mu.Unlock()
}

// Unchanged reports whether every file of this load was taken from the
// cache and none it held is gone: the articles are those the cache was
// written with.
func (s *Store) Unchanged() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.now) != len(s.old) {
		return false
	}
	for p, e := range s.now {
		if e.fresh || s.old[p] == nil {
			return false
		}
	}
	return true
}

// Index returns the index snapshot of the cache, if it was made over the
// articles whose IDs, in order, hash to of (see ArticlesHash).
func (s *Store) Index(of [sha256.Size]byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.index == nil || s.indexOf != of {
		return nil
	}
	return s.index
}

// ArticlesHash is the hash by which an index snapshot is matched with the
// articles it numbers.
func ArticlesHash(ids func(yield func(string) bool)) [sha256.Size]byte {
	h := sha256.New()
	for id := range ids {
		h.Write([]byte(id))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

// Save writes the cache: the files of this load and the index snapshot
// made by index over the articles hashing to of. It does nothing when
// nothing changed, when the cache cannot be used, or when another process
// is writing it (that one writes the same collection).
func (s *Store) Save(of [sha256.Size]byte, index func([]byte) []byte) error {
	if s.Problem != "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.changed && len(s.now) == len(s.old) && s.index != nil && s.indexOf == of {
		return nil
	}
	unlock, err := lock(s.lockPath())
	if err != nil {
		if errors.Is(err, errLocked) {
			return nil
		}
		return err
	}
	defer unlock()
	s.removeTemps()
	f, err := os.CreateTemp(s.dir, s.key+".*"+tempExt)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // fails once renamed, as it should
	w := newRecordWriter(f)
	w.header()
	w.record(kindPaths, appendStrings(nil, s.paths))
	if s.namesRaw != nil {
		v := readingsVersion()
		w.record(kindNames, append(v[:], s.namesRaw...))
	}
	var scratch encoding
	for _, p := range slices.Sorted(mapsKeys(s.now)) {
		e := s.now[p]
		scratch.record = e.encode(scratch.record[:0], p, &scratch)
		w.record(kindFile, scratch.record)
		if s.namesRaw == nil {
			continue
		}
		if rs := s.readingsOf(e, p, &scratch); rs != nil {
			scratch.record = append(appendString(scratch.record[:0], p), rs...)
			w.record(kindReads, scratch.record)
		}
	}
	w.record(kindIndex, index(append([]byte(nil), of[:]...)))
	w.end()
	if err := w.err; err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), s.Path()); err != nil {
		return err
	}
	syncDir(s.dir)
	s.changed = false
	return nil
}

func mapsKeys(m map[string]*entry) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// removeTemps removes what writers of this cache that died left behind;
// the caller holds the lock, so no writer is at work.
func (s *Store) removeTemps() {
	olds, _ := filepath.Glob(filepath.Join(s.dir, s.key+".*"+tempExt))
	for _, o := range olds {
		os.Remove(o)
	}
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Size returns the bytes the cache of this collection takes on disk.
func (s *Store) Size() int64 {
	fi, err := os.Stat(s.Path())
	if err != nil {
		return 0
	}
	return fi.Size()
}

// Clear removes every cache in dir, and dir itself once empty; it touches
// no file it did not write.
func Clear(dir string) (removed int, err error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	} else if err != nil {
		return 0, err
	}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || !(strings.HasSuffix(n, fileExt) || strings.HasSuffix(n, lockExt) || strings.HasSuffix(n, tempExt)) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, n)); err != nil {
			return removed, err
		}
		removed++
	}
	os.Remove(dir) // only if empty
	return removed, nil
}

// HasIndex reports whether the cache holds an index snapshot.
func (s *Store) HasIndex() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.index != nil
}
