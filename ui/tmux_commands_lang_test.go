package ui

import (
	"regexp"
	"strings"
	"testing"
)

// englishWords is three Latin words in a row: an English sentence, where
// Arabic messages hold only names of flags, values and commands.
var englishWords = regexp.MustCompile(`[A-Za-z]+ [A-Za-z]+ [A-Za-z]+`)

// TestTmuxCommandsInArabic runs sahifa in a shell whose locale is Arabic,
// as an Arabic-speaking user's is: a mistyped command and -h answer in
// Arabic, with the command and flag names as they are typed.
func TestTmuxCommandsInArabic(t *testing.T) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin := buildSahifa(t)
	tm := startTmux(t, 160, 50)
	for _, c := range []struct {
		args string
		want []string
	}{
		{"lsit", []string{`sahifa: أمر غير معروف "lsit" (الأوامر: render, list`, "ولا يوجد ملف أو مجلد بهذا الاسم أيضًا", "status=2"}},
		{"-h", []string{"الاستعمال: sahifa [flags] [PATH...]", "الخيارات (تتقدّم على ملف الإعدادات", "  -lang language",
			"لغة (language) الواجهة", "الأوامر:", "  search     يبحث في الملفات والمجلدات", "status=0"}},
		{"search -n x", []string{`sahifa search: -n: القيمة "x" غير صالحة`, "الاستعمال: sahifa search", "status=2"}},
	} {
		// The tmux server's LC_ALL is C.UTF-8: unset it, as a user's
		// shell would have it, so that LANG speaks.
		tm.typeText("clear; env -u LC_ALL LANG=ar_SA.UTF-8 " + bin + " " + c.args + "; echo status=$?")
		tm.keys("Enter")
		s := tm.waitFor(c.args+" in Arabic", func(s string) bool {
			i := strings.Index(s, c.want[0])
			return i >= 0 && strings.Contains(s[i:], "\nstatus=")
		})
		for _, w := range c.want {
			if !strings.Contains(s, w) {
				t.Errorf("sahifa %s: no %q on the screen:\n%s", c.args, w, s)
			}
		}
		if m := englishWords.FindString(s); m != "" {
			t.Errorf("sahifa %s: %q is English:\n%s", c.args, m, s)
		}
	}
}
