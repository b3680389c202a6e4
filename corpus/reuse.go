package corpus

import (
	"crypto/sha256"
	"hash"
	"io"
	"sync/atomic"
	"time"
)

// FileCache keeps what was read of files from one load to the next, so
// that a file that has not changed is not parsed again. Its methods are
// called from several goroutines at once.
type FileCache interface {
	// Reuse returns what was read of the file at path before, if the file,
	// now of the given size and modification time, has not changed since.
	Reuse(path string, size int64, mtime time.Time) (FileRead, bool)
	// Keep is given what was read of a file of the given size,
	// modification time (both as they were before it was read) and
	// SHA-256 of the content read.
	Keep(path string, size int64, mtime time.Time, sum [sha256.Size]byte, r FileRead)
}

// FileRead is what one file gave: its articles in the order of the file,
// with the keys by which copies are recognised, and the reasons for its
// problems.
type FileRead struct {
	Articles []*Article
	Keys     [][16]byte
	Problems []string
}

// reuse hands on what fc kept of s, if it kept it, and reports whether it
// did. The walker calls it, so that files taken from a cache arrive in the
// order they are found and the same copy of a duplicated article is kept
// at every opening.
func reuse(s source, fc FileCache, read *atomic.Int64, send func(chunk) bool) bool {
	if s.size < 0 {
		return false
	}
	fr, ok := fc.Reuse(s.path, s.size, s.mtime)
	if !ok || len(fr.Keys) != len(fr.Articles) {
		return false
	}
	read.Add(s.size)
	replay(s.path, s.seq, fr, send)
	return true
}

// readKeeping reads s, hashing it as it goes, and gives fc what it found.
func readKeeping(s source, fc FileCache, read *atomic.Int64, send func(chunk) bool) {
	h := &hashingFile{h: sha256.New()}
	opened := false
	open := s.open
	s.open = func() (io.ReadCloser, error) {
		f, err := open()
		if err != nil || opened {
			return f, err // a second reading, to place an error, is not hashed
		}
		opened = true
		h.f = f
		return h, nil
	}
	var fr FileRead
	stopped := false
	readSource(s, read, func(c chunk) bool {
		for _, b := range c.articles {
			// A copy, as what the collector is handed may change.
			a := *b.a
			fr.Articles = append(fr.Articles, &a)
			fr.Keys = append(fr.Keys, b.key)
		}
		for _, p := range c.problems {
			fr.Problems = append(fr.Problems, p.Reason)
		}
		ok := send(c)
		stopped = stopped || !ok
		return ok
	})
	if stopped || !h.whole || h.n != s.size {
		return // cut short, unreadable, or changed while read: not kept
	}
	var sum [sha256.Size]byte
	h.h.Sum(sum[:0])
	fc.Keep(s.path, s.size, s.mtime, sum, fr)
}

// replay sends what a file gave before as the chunks reading it would.
func replay(p string, seq int, fr FileRead, send func(chunk) bool) {
	c := chunk{seq: seq}
	for _, r := range fr.Problems {
		c.problems = append(c.problems, Problem{Path: p, Reason: r})
	}
	for i, a := range fr.Articles {
		c.articles = append(c.articles, built{a: a, key: fr.Keys[i]})
		if len(c.articles) >= chunkArticles && i < len(fr.Articles)-1 {
			if !send(c) {
				return
			}
			c = chunk{seq: seq}
		}
	}
	c.done = true
	send(c)
}

// hashingFile hashes a file as it is read and, when closed, the rest that
// was not read, so that the sum is of the whole content.
type hashingFile struct {
	f     io.ReadCloser
	h     hash.Hash
	n     int64
	whole bool // read to the end without error
}

func (h *hashingFile) Read(p []byte) (int, error) {
	k, err := h.f.Read(p)
	h.h.Write(p[:k])
	h.n += int64(k)
	if err == io.EOF {
		h.whole = true
	}
	return k, err
}

func (h *hashingFile) Close() error {
	if !h.whole {
		if k, err := io.Copy(h.h, h.f); err == nil {
			h.n += k
			h.whole = true
		}
	}
	return h.f.Close()
}
