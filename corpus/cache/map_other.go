//go:build !unix

package cache

import "os"

// mapFile reads the file at path whole where mmap is unknown.
func mapFile(path string) ([]byte, func(), error) {
	data, err := os.ReadFile(path)
	return data, func() {}, err
}
