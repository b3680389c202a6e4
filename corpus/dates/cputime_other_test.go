//go:build !unix

package dates_test

import "time"

// cpuTime is not measured here: BenchmarkExtract reports wall time only.
func cpuTime() time.Duration { return 0 }
