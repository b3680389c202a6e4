package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hostileTerm is the real binary in a detached tmux session whose
// output stream, byte for byte as the program wrote it, is recorded with
// pipe-pane: what reaches a user's terminal, escapes and all.
type hostileTerm struct {
	t      *testing.T
	socket string
	home   string
	raw    string // the recording
}

func startHostileTerm(t *testing.T, home string, w, h int) *hostileTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	tm := &hostileTerm{t: t, socket: fmt.Sprintf("sahifa-hostile-%d-%d", os.Getpid(), time.Now().UnixNano()),
		home: home, raw: filepath.Join(t.TempDir(), "raw")}
	tm.run("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", "main", "sh")
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	tm.run("pipe-pane", "-t", "main", "-o", "cat >> '"+tm.raw+"'")
	return tm
}

func (tm *hostileTerm) run(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-u", "-L", tm.socket}, args...)...)
	cmd.Env = hostileEnv(tm.home)
	out, err := cmd.CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *hostileTerm) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "main"}, keys...)...)
}

func (tm *hostileTerm) typeText(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "main", "-l", s)
}

func (tm *hostileTerm) screen() string {
	tm.t.Helper()
	return tm.run("capture-pane", "-p", "-t", "main")
}

func (tm *hostileTerm) resize(w, h int) {
	tm.t.Helper()
	tm.run("resize-window", "-t", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// waitFor polls the screen until ok accepts it, and returns it and how
// long it took; it fails the test with the last screen after a while.
func (tm *hostileTerm) waitFor(what string, ok func(string) bool) (string, time.Duration) {
	tm.t.Helper()
	start := time.Now()
	deadline := start.Add(20 * time.Second)
	for {
		s := tm.screen()
		if ok(s) {
			return s, time.Since(start)
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waiting for %s; the screen is:\n%s", what, s)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// start runs bin on path in the shell of the session, and waits for
// the list. The path is read from a file, so that the shell's echo of
// the command line, which the recording holds too, is ASCII whatever
// the file's name.
func (tm *hostileTerm) start(bin string, path string, flags ...string) {
	tm.t.Helper()
	arg := filepath.Join(tm.home, "arg")
	if err := os.WriteFile(arg, []byte(path), 0o644); err != nil {
		tm.t.Fatal(err)
	}
	cmd := "clear; " + strings.Join(append([]string{bin}, flags...), " ") + " \"$(cat '" + arg + "')\""
	tm.typeText(cmd + " 2>'" + filepath.Join(tm.home, "stderr") + "'; echo AFTER-SAHIFA-$?")
	tm.keys("Enter")
	tm.waitFor("the list", inList)
}

// quit leaves the program and checks that it ended well.
func (tm *hostileTerm) quit() {
	tm.t.Helper()
	tm.keys("C-c")
	s, _ := tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "AFTER-SAHIFA-") })
	if !strings.Contains(s, "AFTER-SAHIFA-0") {
		errb, _ := os.ReadFile(filepath.Join(tm.home, "stderr"))
		tm.t.Errorf("the reader did not end well:\n%s\nstderr: %.2000s", s, errb)
	}
	if errb, _ := os.ReadFile(filepath.Join(tm.home, "stderr")); bytes.Contains(errb, []byte("panic:")) {
		tm.t.Errorf("the reader panicked: %.2000s", errb)
	}
}

// readerPeak is the peak RSS, in bytes, of the program the shell of the
// session runs (VmHWM), or 0 if it cannot be found.
func (tm *hostileTerm) readerPeak() int64 {
	tm.t.Helper()
	shell := strings.TrimSpace(tm.run("display-message", "-p", "-t", "main", "#{pane_pid}"))
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces.
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(f) < 2 || f[1] != shell {
			continue
		}
		status, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "status"))
		for _, l := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				var kb int64
				fmt.Sscan(v, &kb)
				return kb << 10
			}
		}
	}
	return 0
}

// inReader and inList tell the reader from the list by the help bar,
// in English or in the Arabic of --lang=ar --bidi=terminal (logical
// order, the key after its action).
func inReader(s string) bool {
	return strings.Contains(s, "esc back") || strings.Contains(s, "رجوع esc")
}
func inList(s string) bool {
	return strings.Contains(s, "enter open") || strings.Contains(s, "فتح enter")
}

// controlStrings returns the contents of every OSC, DCS, APC, PM and SOS
// control string in b, in their ESC forms (the stream is checked to hold
// no C1 control, so there are no others).
func controlStrings(b []byte) []string {
	var out []string
	for i := 0; i+1 < len(b); i++ {
		if b[i] != 0x1b || !strings.ContainsRune("]P_^X", rune(b[i+1])) {
			continue
		}
		j := i + 2
		for j < len(b) && b[j] != 0x07 && !(b[j] == 0x1b && j+1 < len(b) && b[j+1] == '\\') {
			j++
		}
		out = append(out, string(b[i+2:j]))
		i = j
	}
	return out
}

// checkScreenStream checks what the program wrote to the terminal: no
// invalid UTF-8, no C1 control, no bidi control rune (Sahifa lays out
// right-to-left text itself and writes none), no control string holding
// a marker or ESC followed by one, and none of the cases' fragments
// whole. Sahifa's own escape sequences carry no marker, so what is left
// is what the articles brought.
func checkScreenStream(t reporter, raw []byte, cases []hostileCase) {
	t.Helper()
	if len(raw) == 0 {
		t.Errorf("nothing was recorded from the terminal")
	}
	n := 0
	for i := 0; i < len(raw) && n < 10; {
		r, size := utf8.DecodeRune(raw[i:])
		bad := ""
		switch {
		case r == utf8.RuneError && size == 1:
			bad = "invalid UTF-8"
		case r >= 0x80 && r <= 0x9f:
			bad = fmt.Sprintf("C1 control %U", r)
		case isBidiControl(r):
			bad = fmt.Sprintf("bidi control %U", r)
		case r == 0 || r == 0x0e || r == 0x0f || r == 0x7f:
			bad = fmt.Sprintf("control %U", r)
		}
		if bad != "" {
			t.Errorf("the terminal got %s at byte %d: %s", bad, i, around(raw, i))
			n++
		}
		i += size
	}
	for _, s := range controlStrings(raw) {
		if strings.Contains(s, "QZ") {
			t.Errorf("a control string from an article reached the terminal: %q", s)
		}
		// What y copies is pasted into a terminal later: it must be
		// as harmless as what is shown.
		if b64, ok := strings.CutPrefix(s, "52;c;"); ok {
			clip, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				t.Errorf("OSC 52 with bad base64 %q: %v", b64, err)
			}
			if i := bytes.IndexFunc(clip, func(r rune) bool {
				return r < 0x20 || r >= 0x7f && r <= 0x9f || isBidiControl(r) || r == utf8.RuneError
			}); i >= 0 {
				t.Errorf("y copied a control to the clipboard: %q", clip)
			}
		}
	}
	if i := bytes.Index(raw, []byte("\x1bQZ")); i >= 0 {
		t.Errorf("an escape from an article reached the terminal: %s", around(raw, i))
	}
	for _, c := range cases {
		for _, l := range c.leaks {
			if i := bytes.Index(raw, []byte(l)); i >= 0 {
				t.Errorf("%s: the fragment %q reached the terminal whole: %s", c.name, l, around(raw, i))
			}
		}
	}
}

// hostileMarkerOn names the case whose marker the screen shows first,
// in the reader's title line: which case an article is of.
func hostileMarkerOn(screen string, cases []hostileCase) string {
	best, at := "?", -1
	for _, l := range strings.Split(screen, "\n")[1:] {
		for _, c := range cases {
			if i := strings.Index(l, "│"); i >= 0 && strings.Contains(l[i:], c.marker) {
				if j := strings.Index(l[i:], c.marker); at < 0 || j < at {
					best, at = c.name, j
				}
			}
		}
		if at >= 0 {
			return best
		}
	}
	return best
}

// firstScreenTarget is how soon an accepted file should show its first
// screen; firstScreenLimit is what the test fails at, generous since the
// machine it runs on may be loaded by other work.
const (
	firstScreenTarget = 200 * time.Millisecond
	firstScreenLimit  = 5 * time.Second
)

// hostileScreenTest runs the reader on the folder of every hostile case
// in tmux: it opens each article in turn (enter, then esc and j),
// copies its link (y), shows its removed text (R), searches the article and steps through the side panels (on every
// eighth), searches the collection, and shrinks the window to 20×5 and 1×1 on a hostile article,
// then checks the recorded output stream. Each article's time from enter
// to its first screen is logged against firstScreenTarget.
func hostileScreenTest(t *testing.T, h *hostileSuite) {
	bin, root, cases := h.bin, h.root, h.cases
	home := t.TempDir()
	lr := runHostile(t, bin, home, nil, "list --json", "list", "--json", "--no-cache", root)
	total := len(jsonLinesOf(t, lr))
	if total < 40 {
		t.Fatalf("only %d articles in the hostile cases", total)
	}

	tm := startHostileTerm(t, home, 120, 30)
	tm.start(bin, root)
	var times []time.Duration
	var each []string
	slowest, slowestAt := time.Duration(0), 0
	for i := range total {
		tm.keys("Enter")
		s, d := tm.waitFor(fmt.Sprintf("article %d in the reader", i+1), inReader)
		times = append(times, d)
		each = append(each, fmt.Sprintf("%s %dms", hostileMarkerOn(s, cases), d.Milliseconds()))
		if d > slowest {
			slowest, slowestAt = d, i+1
		}
		if d > firstScreenLimit {
			t.Errorf("article %d: first screen after %v, over %v", i+1, d, firstScreenLimit)
		}
		// Copy the link, if the article has one Sahifa takes; show
		// the text the loader removed.
		tm.keys("y", "R")
		if i%8 == 0 {
			// The side panels and a search in the article.
			tm.keys("/")
			tm.typeText("QZ")
			tm.keys("Enter", "n", "Escape")
			// Entities, then Dates or Related; a third tab would be
			// the list, where q quits.
			tm.keys("Tab", "Tab")
		}
		tm.keys("q")
		tm.waitFor("the list", inList)
		tm.keys("j")
	}
	t.Logf("enter to first screen, article by article (the case is the first marker on the screen's reader): %s", strings.Join(each, ", "))
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	within := sort.Search(len(times), func(i int) bool { return times[i] > firstScreenTarget })
	t.Logf("enter to first screen over %d articles (polling every 20 ms): median %v, p90 %v, slowest %v (article %d); %d of %d within %v",
		len(times), times[len(times)/2].Round(time.Millisecond), times[len(times)*9/10].Round(time.Millisecond),
		slowest.Round(time.Millisecond), slowestAt, within, len(times), firstScreenTarget)

	// The problems (file names with their controls), then the
	// collection's search.
	tm.keys("p")
	tm.waitFor("the problems", func(s string) bool { return strings.Contains(s, "binary file") })
	tm.keys("q")
	tm.waitFor("the list", inList)
	tm.keys("g", "/")
	tm.typeText("الوزير")
	tm.keys("Enter")
	tm.waitFor("the search's results", func(s string) bool { return inList(s) && strings.Contains(s, "found") })
	tm.keys("Enter")
	tm.waitFor("a found article", inReader)

	// Tiny windows with a hostile article open.
	for _, size := range [][2]int{{20, 5}, {1, 1}, {120, 30}} {
		tm.resize(size[0], size[1])
		time.Sleep(300 * time.Millisecond)
	}
	tm.waitFor("the reader back at full size", inReader)
	tm.quit()

	raw, err := os.ReadFile(tm.raw)
	if err != nil {
		t.Fatal(err)
	}
	checkScreenStream(t, raw, cases)
	if !bytes.Contains(raw, []byte("\x1b]52;c;")) {
		t.Errorf("y copied no link: the clipboard went unchecked")
	}
	// The articles' text did reach the terminal, markers and all, so
	// the stream checked is the one that shows them.
	for _, c := range cases {
		if c.name != "over-long-line" && !bytes.Contains(raw, []byte(c.marker)) {
			t.Errorf("%s: its marker %s never reached the terminal: the recording misses the articles", c.name, c.marker)
		}
	}
}

// hostileScreenAloneTest opens a few hostile files each alone, named on
// the command line (one with --bidi=terminal --lang=ar), at 80×24, 20×5 and 1×1: the first article, its end
// and its top, then the recorded stream is checked as above.
func hostileScreenAloneTest(t *testing.T, h *hostileSuite) {
	bin, root, cases := h.bin, h.root, h.cases
	pick := func(c, glob string) string {
		m, _ := filepath.Glob(filepath.Join(root, c, glob))
		if len(m) == 0 {
			t.Fatalf("no %s in %s", glob, c)
		}
		return m[0]
	}
	for _, alone := range []struct {
		file  string
		flags []string
	}{
		{pick("csi", "a-*.txt"), nil}, {pick("osc", "b-*.md"), nil}, {pick("c1-rune", "c-*.json"), nil},
		{pick("bidi", "d-*.jsonl"), nil}, {pick("long-line", "long.txt"), nil}, {pick("deep-json", "deep-inside.json"), nil},
		// The terminal doing the bidi, the interface in Arabic.
		{pick("bidi", "b-*.md"), []string{"--bidi=terminal", "--lang=ar"}},
	} {
		f := alone.file
		t.Run(filepath.Base(filepath.Dir(f))+"/"+filepath.Ext(f)+strings.Join(alone.flags, ""), func(t *testing.T) {
			home := t.TempDir()
			tm := startHostileTerm(t, home, 80, 24)
			tm.start(bin, f, alone.flags...)
			tm.keys("Enter")
			_, d := tm.waitFor("the reader", inReader)
			t.Logf("enter to first screen: %v (target %v)", d.Round(time.Millisecond), firstScreenTarget)
			if d > firstScreenLimit {
				t.Errorf("first screen after %v, over %v", d, firstScreenLimit)
			}
			tm.keys("G")
			_, dEnd := tm.waitFor("the article's end", func(s string) bool {
				return strings.Contains(s, "100%") || strings.Contains(s, "١٠٠")
			})
			tm.keys("g")
			for _, size := range [][2]int{{20, 5}, {1, 1}, {80, 24}} {
				tm.resize(size[0], size[1])
				time.Sleep(300 * time.Millisecond)
			}
			_, dBack := tm.waitFor("the reader at full size", inReader)
			tm.keys("q")
			tm.waitFor("the list", inList)
			peak := tm.readerPeak()
			start := time.Now()
			tm.quit()
			fi, _ := os.Stat(f)
			t.Logf("G to the end: %v; back at 80×24 after 20×5 and 1×1: %v (after 600 ms of waits); ctrl+c to the shell: %v; "+
				"the reader's peak RSS %.1f MB for %d KB of file",
				dEnd.Round(time.Millisecond), dBack.Round(time.Millisecond), time.Since(start).Round(time.Millisecond),
				mb(peak), fi.Size()>>10)
			raw, err := os.ReadFile(tm.raw)
			if err != nil {
				t.Fatal(err)
			}
			checkScreenStream(t, raw, cases)
		})
	}
}
