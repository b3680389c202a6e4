package collection

import (
	"testing"
	"time"
)

func TestPace(t *testing.T) {
	for _, c := range []struct {
		elapsed     time.Duration
		articles    int
		read, found int64
		rate        float64
		left        time.Duration
	}{
		{2 * time.Second, 1000, 25, 100, 500, 6 * time.Second},
		{4 * time.Second, 2000, 100, 100, 500, 0},
		{100 * time.Millisecond, 1000, 25, 100, 0, 0}, // too early to tell
		{2 * time.Second, 0, 0, 100, 0, 0},            // nothing read yet
	} {
		rate, left := pace(c.elapsed, c.articles, c.read, c.found)
		if rate != c.rate || left != c.left {
			t.Errorf("pace(%v, %d, %d, %d) = %v, %v; want %v, %v", c.elapsed, c.articles, c.read, c.found, rate, left, c.rate, c.left)
		}
	}
}
