//go:build !linux

package background

// Thread does nothing where threads' priorities are not set: the slots
// alone keep the screen's.
func Thread() {}
