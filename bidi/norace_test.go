//go:build !race

package bidi_test

const raceEnabled = false
