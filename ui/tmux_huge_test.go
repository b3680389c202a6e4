package ui

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"sahifa/bidi"
	"sahifa/corpus"
)

// hugeWords make the lines of a huge text file: each line three words, its
// number, three words, every line different.
var hugeWords = []string{"الأسد", "الرياض", "وزير", "الخارجية", "السعودية", "أسعار", "النفط", "قال", "في", "مؤتمر", "صحفي", "اليوم"}

// hugeLine is line i of writeHugeText's file.
func hugeLine(i int) string {
	w := func(k int) string { return hugeWords[k%len(hugeWords)] }
	return fmt.Sprintf("%s %s %s %d %s %s %s.", w(i), w(i/12), w(i/144), i, w(i*7), w(i/3), w(i*5))
}

// writeHugeText writes a text file of distinct lines just under size bytes
// and returns how many lines it has.
func writeHugeText(t testing.TB, path string, size int) int {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	n, i := 0, 0
	for ; ; i++ {
		l := hugeLine(i) + "\n"
		if n+len(l) > size {
			break
		}
		n += len(l)
		w.WriteString(l)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return i
}

// hugeScreenLimit is how long the tmux test lets the first screen of the
// 63 MB file take: far above the 200 ms wanted (which BenchmarkHugeArticle
// holds, in CPU time), since a machine at a load average of 50 stretches
// the wall time tenfold, and far under the 46 s it took when the whole
// article was laid out at once.
const hugeScreenLimit = 10 * time.Second

// hugeQuitLimit is how long the exit after ctrl+c may take, with the
// search, the names, the index and the cache at work: 15 times the 100 ms
// wanted, for a loaded machine, and under the 3 to 4 s it took while the
// work could hold every scheduler slot and the exit waited for the cache.
const hugeQuitLimit = 1500 * time.Millisecond

// TestTmuxHugeArticle opens a 63 MB text file of 900,000 distinct lines
// (under the 64 MB limit) in the real program: enter shows its first
// screen, G its last, an in-article search counts its matches as it goes
// through the article, and ctrl+c quits while it does. A 54 MB JSON
// paragraph is refused with a message naming the field. The times are
// logged.
func TestTmuxHugeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "huge.txt")
	lines := writeHugeText(t, path, corpus.MaxFileSize-1<<20)
	cache := t.TempDir()

	const w, h = 120, 30
	tm := startTmux(t, w, h)
	tm.typeText("clear; XDG_CACHE_HOME=" + cache + " " + bin + " " + path + "; echo AFTER-SAHIFA")
	tm.keys("Enter")
	shown := func(s string) string { return bidi.Paragraph(s, bidi.Options{})[0].Text }
	title, first, last := shown(hugeLine(0)), shown(hugeLine(1)), shown(hugeLine(lines-1))
	tm.waitLong("the list with the file's title", time.Minute, func(s string) bool { return strings.Contains(s, title) })

	t0 := time.Now()
	tm.keys("Enter")
	tm.waitLong("the article's first lines", hugeScreenLimit, func(s string) bool { return strings.Contains(s, first) })
	t.Logf("enter to the first screen: %v", time.Since(t0))

	t0 = time.Now()
	tm.keys("G")
	tm.waitLong("the article's last line", hugeScreenLimit, func(s string) bool { return strings.Contains(s, last) })
	t.Logf("G to the last screen: %v", time.Since(t0))

	tm.keys("g", "/")
	tm.typeText("الأسد")
	t0 = time.Now()
	// The counter is after the query: "1/12…" while the search goes on,
	// "1/447,177" once it is over, which a quiet machine may reach before
	// the screen is read.
	counter := regexp.MustCompile(`/ .*` + regexp.QuoteMeta(shown("الأسد")) + `.* 1/[0-9][0-9,]*…?`)
	s := tm.waitLong("the first matches", hugeScreenLimit, counter.MatchString)
	t.Logf("typing to the first matches: %v", time.Since(t0))
	if !strings.Contains(s, first) {
		t.Fatalf("the search moved away from the top, where it matches:\n%s", s)
	}

	t0 = time.Now()
	tm.keys("C-c")
	tm.waitLong("the shell after ctrl+c", hugeQuitLimit, afterSahifa)
	t.Logf("ctrl+c to the shell, the search under way: %v", time.Since(t0))

	// A single JSON paragraph of 54 MB is left out, and says why.
	big := filepath.Join(dir, "big.json")
	body, _ := json.Marshal(map[string]string{"title": "عنوان", "text": strings.Repeat("قال الوزير في مؤتمر صحفي اليوم ", 54<<20/56)})
	if err := os.WriteFile(big, body, 0o644); err != nil {
		t.Fatal(err)
	}
	tm.typeText("clear; XDG_CACHE_HOME=" + cache + " " + bin + " " + big + "; echo AFTER-SAHIFA")
	tm.keys("Enter")
	tm.waitLong("the problem's count", time.Minute, func(s string) bool { return strings.Contains(s, "1 problem (p)") })
	tm.keys("p")
	tm.waitLong("the refusal", hugeScreenLimit, func(s string) bool { return strings.Contains(s, "longer than the 1 MB") })
	tm.keys("C-c")
	tm.waitLong("the shell", hugeScreenLimit, afterSahifa)
}

// afterSahifa reports whether the shell has printed its line after the
// program: on a line of its own, the first after clear.
func afterSahifa(s string) bool {
	return strings.HasPrefix(s, "AFTER-SAHIFA") || strings.Contains(s, "\nAFTER-SAHIFA")
}

// waitLong is waitFor with its own deadline.
func (tm *tmuxTerm) waitLong(what string, limit time.Duration, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("waiting %v for %s; the screen is:\n%s", limit, what, s)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
