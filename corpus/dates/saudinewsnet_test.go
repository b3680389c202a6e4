package dates_test

import (
	"context"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/dates"
)

// judgedFrom is the first crawl day on which SaudiNewsNet's date field is
// most often the day of publication (../shared/data/README.md).
var judgedFrom = time.Date(2015, 8, 1, 0, 0, 0, 0, time.UTC)

// TestSaudiNewsNetOwnDates reads every article of SaudiNewsNet crawled
// from 2015-08-01 with its date field removed, and compares what Read
// makes of it with that field: an own date read from the text must be
// right within a day in 95% of cases, and a "not before" bound may be
// later than the real date in at most 3%.
func TestSaudiNewsNetOwnDates(t *testing.T) {
	if testing.Short() {
		t.Skip("reads all of SaudiNewsNet")
	}
	dir := corpustest.Shared(t, "data/saudinewsnet")
	arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{dir}))
	var judged, own, ownRight, bound, boundLate int
	for _, a := range arts {
		if a.DateFrom != corpus.DateMetadata || a.Date.Before(judgedFrom) {
			continue
		}
		judged++
		real := time.Date(a.Date.Year(), a.Date.Month(), a.Date.Day(), 0, 0, 0, 0, time.UTC)
		blind := *a
		blind.Date, blind.DateFrom = time.Time{}, corpus.DateUnknown
		r := dates.Read(&blind)
		switch {
		case r.Own.From != dates.Unknown:
			own++
			if d := r.Own.Date.Sub(real); d >= -24*time.Hour && d <= 24*time.Hour {
				ownRight++
			} else if testing.Verbose() {
				t.Logf("own date %s, real %s: %s#%d %s", r.Own.Value(), real.Format("2006-01-02"), a.Path, a.Index, a.Title)
			}
		case r.Own.Bound != 0:
			bound++
			if r.Own.NotBefore.After(real) {
				boundLate++
				if testing.Verbose() {
					t.Logf("not before %s, real %s: %s#%d %s", r.Own.NotBeforeValue(), real.Format("2006-01-02"), a.Path, a.Index, a.Title)
				}
			}
		}
	}
	pct := func(n, of int) float64 { return 100 * float64(n) / float64(max(of, 1)) }
	t.Logf("%d articles judged; own date read from the text (a dateline in it, or the day of writing) for %d (%.1f%%), right within a day for %d (%.1f%%); "+
		"not-before bound for %d (%.1f%%), later than the real date for %d (%.2f%%)",
		judged, own, pct(own, judged), ownRight, pct(ownRight, own), bound, pct(bound, judged), boundLate, pct(boundLate, bound))
	if judged < 10000 {
		t.Fatalf("only %d articles judged", judged)
	}
	if pct(ownRight, own) < 95 {
		t.Errorf("own dates right within a day: %.1f%%, want at least 95%%", pct(ownRight, own))
	}
	if pct(boundLate, bound) > 3 {
		t.Errorf("not-before bounds later than the real date: %.2f%%, want at most 3%%", pct(boundLate, bound))
	}
}
