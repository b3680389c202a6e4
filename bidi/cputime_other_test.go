//go:build !unix

package bidi_test

import "time"

// cpuTime is not measured here; benchmarks then report no cpu-MB/s.
func cpuTime() time.Duration { return 0 }
