//go:build unix

package cache

import (
	"os"
	"syscall"
)

// mapFile maps the file at path into memory, read-only, and returns its
// bytes and the function that unmaps them. Mapping, not reading, spares
// a copy of the whole cache through the heap; the cache is only ever
// replaced by a rename, never written in place, so the mapped bytes do
// not change under the reader.
func mapFile(path string) (data []byte, release func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if fi.Size() == 0 || int64(int(fi.Size())) != fi.Size() {
		return nil, func() {}, nil
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return data, func() { syscall.Munmap(data) }, nil
}
