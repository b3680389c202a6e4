//go:build !unix

package cache

import "errors"

var errLocked = errors.New("cache: locked by another process")

// lock never locks where flock is unknown: the rename that ends a write
// still keeps a reader from seeing half a cache.
func lock(string) (func(), error) { return func() {}, nil }
