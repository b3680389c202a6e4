package related

import (
	"fmt"
	"os"
	"testing"
)

// knob is one parameter of the measure and the values the sweep tries.
type knob struct {
	name   string
	values []float64
	set    func(m *measure, v float64)
}

var knobs = []knob{
	{"feedbackDocs", []float64{0, 3, 5, 8}, func(m *measure, v float64) { m.feedbackDocs = int(v) }},
	{"feedbackText", []float64{0.4, 0.5, 0.6, 0.7, 0.8}, func(m *measure, v float64) { m.feedbackText = v }},
	{"feedbackWeight", []float64{0, 0.25, 0.5, 0.75}, func(m *measure, v float64) { m.feedbackWeight = v }},
	{"decayDays", []float64{1, 1.5, 2, 3, 5}, func(m *measure, v float64) { m.decayDays = v }},
	{"timeFloor", []float64{0.2, 0.35, 0.5, 0.65}, func(m *measure, v float64) { m.timeFloor = v }},
	{"titleBoost", []float64{0.5, 1, 2, 3}, func(m *measure, v float64) { m.titleBoost = v }},
	{"titleSame", []float64{0, 0.25, 0.5, 0.75, 1}, func(m *measure, v float64) { m.titleSame = v }},
	{"sameStoryText", []float64{0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9}, func(m *measure, v float64) { m.sameStoryText, m.sameStoryUndated = v, v-0.15 }},
	{"sameStoryDays", []float64{1, 1.5, 2, 3}, func(m *measure, v float64) { m.sameStoryDays = v }},
	{"comparedPool", []float64{25, 40, 60}, func(m *measure, v float64) { m.comparedPool = int(v) }},
	{"ledeScore", []float64{0, 0.5, 1, 2}, func(m *measure, v float64) { m.ledeScore = v }},
	{"ledeSame", []float64{0, 0.5, 1, 1.5}, func(m *measure, v float64) { m.ledeSame = v }},
	{"likeTerms", []float64{20, 30, 45}, func(m *measure, v float64) { m.likeTerms = int(v) }},
}

// before is the measure as it was before relevance feedback and this
// sweep: where the sweep starts, so that what it chooses on one half owes
// nothing to the other.
var before = measure{
	likeTerms:        30,
	likePool:         200,
	comparedPool:     25,
	decayDays:        3,
	timeFloor:        0.5,
	unknownTime:      0.6,
	titleBoost:       2,
	titleSame:        0.5,
	sameStoryText:    0.6,
	sameStoryDays:    1.5,
	sameStoryUndated: 0.45,
	copyDays:         2,
	feedbackText:     0.6,
	feedbackWeight:   0.5,
	ledeWords:        80,
}

// beforeLedes is the measure as it was before the ledes: relevance
// feedback, titles and time.
var beforeLedes = measure{
	likeTerms:        30,
	likePool:         200,
	comparedPool:     25,
	decayDays:        3,
	timeFloor:        0.2,
	unknownTime:      0.6,
	titleBoost:       2,
	titleSame:        0.75,
	sameStoryText:    0.6,
	sameStoryDays:    1.5,
	sameStoryUndated: 0.45,
	copyDays:         2,
	feedbackDocs:     8,
	feedbackText:     0.6,
	feedbackWeight:   0.5,
}

// margin is how far s is above the targets at its worst: the
// quantity the sweep raises.
func margin(s scores) float64 {
	return min(s.recall-0.97, s.precision-0.90, s.flagP-0.85, s.flagR-0.80)
}

// TestSweep, when $RELATED_SWEEP is set, chooses the measure's parameters
// by coordinate ascent of margin over one half of the judged queries and
// reports the figures on the other half, both ways round, then on all of
// them: how the defaults were chosen, and how much they owe to the set
// they were chosen on.
func TestSweep(t *testing.T) {
	if os.Getenv("RELATED_SWEEP") == "" {
		t.Skip("RELATED_SWEEP is not set")
	}
	arts, _, f := saudiFinder(t)
	byID := articlesByID(arts)
	qs := readJudged(t)
	var halves [2][]judgedQuery
	for i, q := range qs {
		halves[i%2] = append(halves[i%2], q)
	}
	defer func(m measure) { f.m = m }(f.m)
	run := func(m measure, qs []judgedQuery) scores {
		f.m = m
		return evaluate(qs, func(id string) []ranked { return rows(f.Related(byID[id], 10)) })
	}
	tune := func(qs []judgedQuery) measure {
		best := before
		bestS := margin(run(best, qs))
		for round := 0; round < 3; round++ {
			improved := false
			for _, k := range knobs {
				for _, v := range k.values {
					m := best
					k.set(&m, v)
					if s := margin(run(m, qs)); s > bestS+1e-9 {
						best, bestS, improved = m, s, true
					}
				}
			}
			if !improved {
				break
			}
		}
		return best
	}
	show := func(what string, s scores) {
		t.Logf("%-34s %6.3f %6.3f %6.3f %6.3f  margin %+.3f", what, s.recall, s.precision, s.flagP, s.flagR, margin(s))
	}
	show("before, all", run(before, qs))
	show("before the ledes, all", run(beforeLedes, qs))
	show("defaults, all", run(defaultMeasure, qs))
	for h := range 2 {
		m := tune(halves[h])
		t.Logf("tuned on half %d: %s", h, describe(m))
		show(fmt.Sprintf("  on half %d (tuned on)", h), run(m, halves[h]))
		show(fmt.Sprintf("  on half %d (held out)", 1-h), run(m, halves[1-h]))
		show(fmt.Sprintf("  defaults on half %d", 1-h), run(defaultMeasure, halves[1-h]))
	}
	m := tune(qs)
	t.Logf("tuned on all: %s", describe(m))
	show("  on all", run(m, qs))
}

func describe(m measure) string {
	return fmt.Sprintf("feedback %d docs ≥ %g × %g, likeTerms %d, comparedPool %d, decayDays %g, timeFloor %g, titleBoost %g, titleSame %g, ledeScore %g, ledeSame %g, sameStoryText %g, sameStoryDays %g",
		m.feedbackDocs, m.feedbackText, m.feedbackWeight, m.likeTerms, m.comparedPool, m.decayDays, m.timeFloor, m.titleBoost, m.titleSame, m.ledeScore, m.ledeSame, m.sameStoryText, m.sameStoryDays)
}
