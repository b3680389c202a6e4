//go:build race

package bidi_test

// raceEnabled is true when the tests run under the race detector, which
// makes the single-goroutine passes over all of SaudiNewsNet ten times
// slower without anything to find in them.
const raceEnabled = true
