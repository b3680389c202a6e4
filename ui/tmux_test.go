package ui

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"sahifa/bidi"
	"sahifa/corpus"
	"sahifa/seeds"
)

// tmuxTerm drives the real sahifa binary in a detached tmux session, as a
// user's terminal would: keys in, screen text out.
type tmuxTerm struct {
	t      *testing.T
	socket string
	// state is the shell's XDG_STATE_HOME, and holds its
	// XDG_CONFIG_HOME, so that a test run neither leaves marks among the
	// user's nor reads the user's settings.
	state string
}

// buildSahifa builds the binary once per test run.
func buildSahifa(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "sahifa")
	// go test puts its own go first on PATH.
	out, err := exec.Command("go", "build", "-o", bin, "sahifa").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func startTmux(t *testing.T, w, h int) *tmuxTerm {
	tm := &tmuxTerm{t: t, socket: fmt.Sprintf("sahifa-test-%d-%d", os.Getpid(), time.Now().UnixNano()), state: t.TempDir()}
	tm.run("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", "main", "sh")
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	return tm
}

func (tm *tmuxTerm) run(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command("tmux", append([]string{"-u", "-L", tm.socket}, args...)...)
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "XDG_STATE_HOME="+tm.state, "XDG_CONFIG_HOME="+filepath.Join(tm.state, "config"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tm *tmuxTerm) keys(keys ...string) {
	tm.t.Helper()
	tm.run(append([]string{"send-keys", "-t", "main"}, keys...)...)
}

func (tm *tmuxTerm) typeText(s string) {
	tm.t.Helper()
	tm.run("send-keys", "-t", "main", "-l", s)
}

func (tm *tmuxTerm) screen() string {
	tm.t.Helper()
	return tm.run("capture-pane", "-p", "-t", "main")
}

// waitFor polls the screen until ok accepts it; it fails the test with the
// last screen after a few seconds.
func (tm *tmuxTerm) waitFor(what string, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waiting for %s; the screen is:\n%s", what, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tm *tmuxTerm) resize(w, h int) {
	tm.t.Helper()
	tm.run("resize-window", "-t", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

func seedArticles(t testing.TB) []*corpus.Article {
	as, ps := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	if len(as) != 5 || len(ps) != 0 {
		t.Fatalf("seeds: %d articles, problems %v", len(as), ps)
	}
	return as
}

// listTitles is how the list must show each seed's title at w×h: cut to
// one line by bidi.Paragraph, in visual order and shaped.
func listTitles(as []*corpus.Article, w, h int) []string {
	r, _ := computeLayout(w, h, layoutOptions{Mirror: true}).find(paneList)
	var out []string
	for _, a := range as {
		l := bidi.Paragraph(a.Title, bidi.Options{Width: textWidth(r.W), MaxLines: 1})[0]
		out = append(out, l.Text)
	}
	return out
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// hasPresentationForms reports whether s holds joined Arabic letters
// (Arabic Presentation Forms-B, U+FE70–U+FEFF).
func hasPresentationForms(s string) bool {
	for _, r := range s {
		if r >= 0xFE70 && r <= 0xFEFC {
			return true
		}
	}
	return false
}

func TestTmuxSeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	as := seedArticles(t)
	for _, size := range [][2]int{{80, 24}, {120, 30}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			w, h := size[0], size[1]
			tm := startTmux(t, w, h)
			tm.typeText("clear; echo BEFORE-SAHIFA; " + bin + "; echo AFTER-SAHIFA-$?")
			tm.keys("Enter")

			titles := listTitles(as, w, h)
			s := tm.waitFor("the five titles in visual order", func(s string) bool { return containsAll(s, titles) })
			if !hasPresentationForms(s) {
				t.Fatalf("titles are not joined:\n%s", s)
			}

			// Open the first article: its paragraphs are right-aligned
			// against the reader's right margin, as bidi.Paragraph lays
			// them out.
			tm.keys("Enter")
			s = tm.waitFor("the reader", func(s string) bool { return strings.Contains(s, "1–") })
			checkRightAligned(t, s, as[0], w, h)

			tm.keys("G")
			last := as[0].Paragraphs[len(as[0].Paragraphs)-1].Text
			r, _ := computeLayout(w, h, layoutOptions{Mirror: true}).find(paneReader)
			lines := bidi.Paragraph(last, bidi.Options{Width: textWidth(r.W)})
			end := lines[len(lines)-1].Text
			tm.waitFor("the end of the article", func(s string) bool {
				return strings.Contains(s, "100%") && strings.Contains(s, end)
			})

			tm.keys("Escape")
			tm.waitFor("back in the list", func(s string) bool { return strings.Contains(s, "enter open") })

			tm.resize(40, 10)
			s = tm.waitFor("the narrow list", func(s string) bool {
				return strings.Contains(s, "Articles 5") && !strings.Contains(s, "Reader")
			})
			for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
				if ansi.StringWidth(l) > 40 {
					t.Fatalf("line wider than 40 cells at 40x10: %q", l)
				}
			}
			tm.resize(1, 1)
			time.Sleep(300 * time.Millisecond)
			tm.resize(w, h)
			tm.waitFor("the titles again after 1x1", func(s string) bool { return containsAll(s, titles) })

			tm.keys("q")
			s = tm.waitFor("the shell after quitting", func(s string) bool { return strings.Contains(s, "AFTER-SAHIFA-0") })
			if !strings.Contains(s, "BEFORE-SAHIFA") || strings.Contains(s, "Articles 5") {
				t.Fatalf("the terminal was not restored (alternate screen left, earlier output back):\n%s", s)
			}
		})
	}
}

// checkRightAligned finds the first paragraph of a on the screen s and checks
// that each of its lines ends at the reader's right margin.
func checkRightAligned(t *testing.T, s string, a *corpus.Article, w, h int) {
	t.Helper()
	r, _ := computeLayout(w, h, layoutOptions{Mirror: true}).find(paneReader)
	want := bidi.Paragraph(a.Paragraphs[0].Text, bidi.Options{Width: textWidth(r.W)})
	if !want[0].RTL || !hasPresentationForms(want[0].Text) {
		t.Fatalf("first paragraph is not Arabic: %q", a.Paragraphs[0].Text)
	}
	rows := strings.Split(s, "\n")
	found := 0
	for _, l := range want {
		for _, row := range rows {
			pane := ansi.Cut(row, r.X, r.X+r.W)
			if strings.HasSuffix(pane, l.Text+" ") && ansi.StringWidth(pane) == r.W {
				found++
				break
			}
		}
	}
	if found != len(want) {
		var texts []string
		for _, l := range want {
			texts = append(texts, l.Text)
		}
		t.Fatalf("%d of %d lines of the first paragraph shown right-aligned; screen:\n%s\nwant lines:\n%q", found, len(want), s, texts)
	}
}

// TestTmuxSignals ends the reader with SIGTERM and SIGHUP, as a closing
// terminal or a kill would: the shell's screen must come back.
func TestTmuxSignals(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("drives the binary in tmux; finds it through /proc")
	}
	bin := buildSahifa(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			tm := startTmux(t, 80, 24)
			tm.typeText("clear; echo BEFORE-SAHIFA; " + bin + "; echo AFTER-SAHIFA")
			tm.keys("Enter")
			tm.waitFor("the reader", func(s string) bool { return strings.Contains(s, "Articles 5") })
			shell := strings.TrimSpace(tm.run("display-message", "-p", "-t", "main", "#{pane_pid}"))
			pid := childOf(t, shell)
			if err := syscall.Kill(pid, sig); err != nil {
				t.Fatal(err)
			}
			s := tm.waitFor("the shell after the signal", func(s string) bool { return strings.Contains(s, "AFTER-SAHIFA") })
			if !strings.Contains(s, "BEFORE-SAHIFA") || strings.Contains(s, "Articles 5") {
				t.Fatalf("the terminal was not restored after %v:\n%s", sig, s)
			}
		})
	}
}

// childOf returns the pid of the process whose parent is ppid.
func childOf(t *testing.T, ppid string) int {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir("/proc")
		for _, e := range entries {
			pid, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
			if err != nil {
				continue
			}
			// pid (comm) state ppid …: comm may hold spaces, so read
			// after its closing parenthesis.
			f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
			if len(f) > 1 && f[1] == ppid {
				return pid
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no child of %s", ppid)
	return 0
}
