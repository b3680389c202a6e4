//go:build race

package entities

// raceEnabled is whether the tests run under the race detector.
const raceEnabled = true
