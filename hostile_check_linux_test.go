package main

import (
	"fmt"
	"testing"
)

// recorder is a reporter that keeps what it is told.
type recorder struct{ msgs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

// TestHostileChecks feeds the hostile suite's checks output that leaks
// and output that does not: they must tell them apart, or the suite
// passing would say nothing.
func TestHostileChecks(t *testing.T) {
	c := hostileCase{name: "osc", marker: "QZoscQ", leaks: []string{"\x1b]0;QZosc0belQ", "\u202eQZbidi202EQ"}}
	for _, tc := range []struct {
		name  string
		run   hostileRun
		json  bool
		leaks bool
	}{
		{"clean", hostileRun{stdout: []byte("id\t-\t␛QZosc0belQ␇ ⟨RLO⟩QZbidi202EQ\n")}, false, false},
		{"clean json", hostileRun{stdout: []byte(`{"title":"\u001b]0;QZosc0belQ\u0007 \u202eQZbidi202EQ"}` + "\n")}, true, false},
		{"clean failure", hostileRun{status: 1, stderr: []byte("sahifa list: a.txt: binary file\n")}, false, false},
		{"osc", hostileRun{stdout: []byte("x \x1b]0;QZosc0belQ\x07\n")}, false, true},
		{"lone esc", hostileRun{stdout: []byte("x \x1bc\n")}, false, true},
		{"c1 rune", hostileRun{stdout: []byte("x \u009b31m\n")}, false, true},
		{"c1 byte", hostileRun{stdout: []byte("x \x9b31m\n")}, false, true},
		{"raw bidi in json", hostileRun{stdout: []byte("{\"title\":\"\u202eQZbidi202EQ\"}\n")}, true, true},
		{"not json", hostileRun{stdout: []byte("{\"title\":\n")}, true, true},
		{"panic", hostileRun{status: 2, stderr: []byte("sahifa list: panic: runtime error\ngoroutine 1 [running]:\n")}, false, true},
		{"status", hostileRun{status: 3, stderr: []byte("sahifa list: no\n")}, false, true},
		{"silent failure", hostileRun{status: 1}, false, true},
		{"signal", hostileRun{signaled: true, status: -1}, false, true},
	} {
		r := &recorder{}
		tc.run.label = tc.name
		checkRun(r, tc.run, c, tc.json)
		if got := len(r.msgs) > 0; got != tc.leaks {
			t.Errorf("%s: checkRun found %q", tc.name, r.msgs)
		}
	}

	for _, tc := range []struct {
		name   string
		stream string
		leaks  bool
	}{
		// Sahifa's own: styles before article text, tmux passthrough of
		// the bidi mode, a clipboard it was asked for.
		{"own escapes", "\x1b[1mQZosc0belQ\x1b[0m \x1bPtmux;\x1b\x1b[8l\x1b\\ \x1b]52;c;aGk=\x07 ␛QZosc0belQ", false},
		{"osc", "\x1b[1m\x1b]0;QZosc0belQ\x07", true},
		{"dcs with a marker", "\x1bP1$qQZdcsQ\x1b\\", true},
		{"esc then marker", "\x1bQZx", true},
		{"c1", "\u009d0;x", true},
		{"bidi", "\u202ex", true},
		{"invalid", "\xffx", true},
		{"empty", "", true},
		{"clipboard with an escape", "\x1b]52;c;G10wO3g=\x07", true},
	} {
		r := &recorder{}
		checkScreenStream(r, []byte(tc.stream), []hostileCase{c})
		if got := len(r.msgs) > 0; got != tc.leaks {
			t.Errorf("%s: checkScreenStream found %q", tc.name, r.msgs)
		}
	}
}
