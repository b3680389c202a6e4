package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// newsFolder writes a folder holding one news.json of n English articles
// with the given dates and sources (cycled), and returns it.
func newsFolder(t *testing.T, n int, dates, sources []string) string {
	t.Helper()
	type article struct {
		Title  string `json:"title"`
		Text   string `json:"text"`
		Date   string `json:"date,omitempty"`
		Source string `json:"source,omitempty"`
	}
	as := []article{}
	for i := range n {
		a := article{Title: fmt.Sprintf("Story %d", i+1), Text: fmt.Sprintf("The council met on matter number %d and said little about it.", i+1)}
		if len(dates) > 0 {
			a.Date = dates[i%len(dates)]
		}
		if len(sources) > 0 {
			a.Source = sources[i%len(sources)]
		}
		as = append(as, a)
	}
	return jsonFolder(t, as)
}

// jsonFolder writes articles as a folder's news.json and returns the
// folder.
func jsonFolder(t *testing.T, articles any) string {
	t.Helper()
	dir := t.TempDir()
	b, err := json.Marshal(articles)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "news.json"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// settingsHome returns an XDG_CONFIG_HOME for a test and the settings
// file in it, its folder made.
func settingsHome(t *testing.T) (home, file string) {
	t.Helper()
	home = t.TempDir()
	file = filepath.Join(home, "sahifa", "config.toml")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	return home, file
}

// screenRows splits a screen into its rows.
func screenRows(s string) []string { return strings.Split(strings.TrimRight(s, "\n"), "\n") }

// endsAtRight reports whether the screen has a row ending with part
// within margin cells of the right edge of w: right-aligned text.
func endsAtRight(s, part string, w, margin int) bool {
	for _, r := range screenRows(s) {
		if strings.HasSuffix(r, part) && ansi.StringWidth(r) >= w-margin {
			return true
		}
	}
	return false
}

// TestTmuxArabicPlurals: with --lang ar the status line counts the
// articles as Arabic does, in Arabic-Indic digits, at 0, 1, 2, 3, 11 and
// 100; --digits western writes the same words with Western digits. The
// articles are English: the Arabic interface still puts the list on the
// right.
func TestTmuxArabicPlurals(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	const w, h = 100, 24
	tm := startTmux(t, w, h)
	for _, c := range []struct {
		n      int
		flags  string
		status string
	}{
		{0, "", "لا مقالات"},
		{1, "", "مقالة واحدة"},
		{2, "", "مقالتان"},
		{3, "", "٣ مقالات"},
		{11, "", "١١ مقالة"},
		{100, "", "١٠٠ مقالة"},
		{3, " --digits western", "3 مقالات"},
		{100, " --digits=western", "100 مقالة"},
	} {
		dir := newsFolder(t, c.n, nil, nil)
		tm.typeText("clear; " + bin + " --lang ar" + c.flags + " " + dir + "; echo EXIT-$?")
		tm.keys("Enter")
		want := shown(c.status)
		s := tm.waitFor(fmt.Sprintf("%d articles counted as %q", c.n, c.status), func(s string) bool {
			r := screenRows(s)
			return len(r) >= 2 && strings.HasSuffix(r[len(r)-2], want)
		})
		if r := screenRows(s)[len(screenRows(s))-2]; ansi.StringWidth(r) != w {
			t.Errorf("%d: the status line is not right-aligned: %q", c.n, r)
		}
		if c.n == 0 && !strings.Contains(s, shown("لا مقالات.")) {
			t.Errorf("no articles: the list does not say so:\n%s", s)
		}
		// The list's title ends the first row, its position on the
		// left of it: the list is the right-hand pane.
		if top := screenRows(s)[0]; c.n >= 3 && (!strings.HasSuffix(top, shown("المقالات "+strings.Fields(c.status)[0])) || !strings.Contains(top, "│")) {
			t.Errorf("%d: the list's title is not on the right:\n%s", c.n, s)
		}
		tm.keys("q")
		tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })
	}
}

// TestTmuxArabicInterface: with an Arabic locale (LANG=ar_SA.UTF-8, no
// flag) the help bar, the ? screen, a search's message and the status
// line are Arabic, laid out right to left: right-aligned, keys on the
// right of what they do.
func TestTmuxArabicInterface(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	const w, h = 100, 30
	tm := startTmux(t, w, h)
	tm.typeText("clear; LC_ALL= LC_MESSAGES= LANG=ar_SA.UTF-8 " + bin + "; echo EXIT-$?")
	tm.keys("Enter")
	s := tm.waitFor("the Arabic status line and help bar", func(s string) bool {
		return endsAtRight(s, shown("٥ مقالات"), w, 0) && strings.Contains(s, shown("نزولًا")+" ↓/j")
	})
	if !strings.Contains(screenRows(s)[0], shown("المقالات ٥")) {
		t.Fatalf("the list's title:\n%s", s)
	}

	tm.keys("?")
	s = tm.waitFor("the Arabic help screen", func(s string) bool { return endsAtRight(s, shown("مفاتيح صحيفة"), w, 0) })
	// Key rows keep a margin of two cells on the right.
	for _, row := range [][]string{{shown("نزولًا"), "↓/j"}, {shown("الصفحة التالية"), shown("مسافة")}, {shown("الأعلى"), "g"}} {
		if !rowHas(s, row...) || !endsAtRight(s, row[1], w, 2) {
			t.Errorf("no row %q right-aligned with its key on the right:\n%s", row, s)
		}
	}
	tm.keys("q")

	tm.keys("/")
	tm.typeText("zzzzqx")
	tm.keys("Enter")
	tm.waitFor("nothing found, in Arabic", func(s string) bool {
		return strings.Contains(s, shown("لم يُعثر على شيء.")) && strings.Contains(s, shown("لم يُعثر على شيء")+"  zzzzqx")
	})
	tm.keys("Escape")
	tm.waitFor("the search cleared", func(s string) bool { return !strings.Contains(s, "zzzzqx") })
	tm.keys("q")
	tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })

	// --lang en over the locale.
	tm.typeText("clear; LC_ALL= LANG=ar_SA.UTF-8 " + bin + " --lang en; echo EXIT-$?")
	tm.keys("Enter")
	tm.waitFor("English over the Arabic locale", func(s string) bool {
		r := screenRows(s)
		return len(r) >= 2 && strings.HasPrefix(r[len(r)-2], "5 articles")
	})
	tm.keys("q")
	tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })
}

// TestTmuxSort: s steps the list through newest first, oldest first, by
// source and back to file order, each said in the status line.
func TestTmuxSort(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	// Story 1 2015-03 Reuters, 2 2016-01 AFP, 3 2014-07 BBC, 4 undated Reuters.
	dir := newsFolder(t, 4, []string{"2015-03-01", "2016-01-01", "2014-07-01", ""}, []string{"Reuters", "AFP", "BBC", "Reuters"})
	const w, h = 100, 30
	tm := startTmux(t, w, h)
	tm.typeText("clear; " + bin + " " + dir + "; echo EXIT-$?")
	tm.keys("Enter")
	tm.waitFor("the list", func(s string) bool { return strings.Contains(s, "Articles 4") && strings.Contains(s, "4 articles") })
	// order reads the stories' numbers from the list, top to bottom.
	order := func(s string) string {
		var out []string
		for _, r := range screenRows(s) {
			if i := strings.Index(r, "Story "); i >= 0 {
				out = append(out, strings.Fields(r[i+len("Story "):])[0])
			}
		}
		return strings.Join(out, " ")
	}
	for _, c := range []struct{ said, order string }{
		{"newest first", "2 1 3 4"},
		{"oldest first", "3 1 2 4"},
		{"by source", "2 3 1 4"},
		{"", "1 2 3 4"},
	} {
		tm.keys("s")
		tm.waitFor("the list "+c.said, func(s string) bool {
			status := strings.TrimSpace(screenRows(s)[len(screenRows(s))-2])
			return order(s) == c.order && (c.said == "" && status == "4 articles" || c.said != "" && strings.HasSuffix(status, "· "+c.said))
		})
	}
	tm.keys("q")
	tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })
}

// TestTmuxSettingsLanguage: the settings file chooses the language and,
// over the Arabic interface's own right-to-left layout, layout = "ltr";
// a broken value is named with its line, in the interface's language, and
// Sahifa starts with the defaults.
func TestTmuxSettingsLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	cfgHome, file := settingsHome(t)
	dir := newsFolder(t, 3, nil, nil)
	const w, h = 160, 24 // room for the broken file's path and line
	tm := startTmux(t, w, h)
	run := func(env string) {
		tm.typeText("clear; " + env + " XDG_CONFIG_HOME='" + cfgHome + "' " + bin + " " + dir + "; echo EXIT-$?")
		tm.keys("Enter")
	}
	quit := func() {
		tm.keys("q")
		tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })
	}
	title := shown("المقالات ٣")

	os.WriteFile(file, []byte("# mine\nlanguage = \"ar\"\n"), 0o600)
	run("")
	tm.waitFor("Arabic, the list on the right", func(s string) bool {
		top := screenRows(s)[0]
		return strings.HasSuffix(top, title) && strings.Contains(top, "│")
	})
	quit()

	os.WriteFile(file, []byte("language = \"ar\"\nlayout = \"ltr\"\ndigits = \"western\"\n\n[keys]\nquit = \"x\"\n"), 0o600)
	run("")
	tm.waitFor("Arabic, the list on the left, Western digits, x quits", func(s string) bool {
		left, _, _ := strings.Cut(screenRows(s)[0], "│")
		return strings.HasSuffix(strings.TrimRight(left, " "), shown("المقالات 3")) && strings.Contains(s, shown("خروج")+" x")
	})
	tm.keys("x")
	tm.waitFor("the shell", func(s string) bool { return strings.Contains(s, "EXIT-0") })

	os.WriteFile(file, []byte("# mine\nlayout = \"rtl\"\nlanguage = \"french\"\n"), 0o600)
	run("")
	s := tm.waitFor("the broken line named, the defaults used", func(s string) bool {
		return strings.Contains(s, "config.toml: line 3: language = \"french\"") && strings.Contains(s, "defaults used: ")
	})
	if !strings.HasPrefix(screenRows(s)[0], "Articles 3") {
		t.Errorf("the defaults are not used (English articles: the list on the left, not on the right as the file says):\n%s", s)
	}
	quit()

	run("LC_ALL= LANG=ar_EG.UTF-8")
	tm.waitFor("the same, said in Arabic", func(s string) bool {
		return strings.Contains(s, shown("استُخدمت الإعدادات الافتراضية")) && strings.Contains(s, "config.toml")
	})
	quit()
}
