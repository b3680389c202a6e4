//go:build unix

package cache

import (
	"errors"
	"os"
	"syscall"
)

// errLocked is the error of a lock another process holds.
var errLocked = errors.New("cache: locked by another process")

// lock takes the lock file at path for this process alone, or fails with
// errLocked at once. The lock goes with the process, however it ends.
func lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
