package cli

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sahifa/corpus/corpustest"
	"sahifa/ui/lang"
)

// englishSentence is three Latin words in a row: what an untranslated
// message has, and no Arabic one (whose Latin is flag names, their values
// and placeholders, one or two words at a time).
var englishSentence = regexp.MustCompile(`[A-Za-z]+ [A-Za-z]+ [A-Za-z]+`)

// TestCommandsSpeakArabic drives each command's usage and error paths
// with --lang ar: every line it prints on stderr is Arabic (no English
// sentence left), and the same run in English prints an English sentence,
// so that the path was really taken.
func TestCommandsSpeakArabic(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	cases := [][]string{
		{"list", "--from", "xyz"}, {"list", "--to", "2016..2015"}, {"list", "--sort", "size"}, {"list", "--lang", "xx"},
		{"search", "-n", "many", "x"}, {"search", "--json"}, {"search", "--queries", missing},
		{"related", "--queries", missing}, {"related", "-n"},
		{"entities", "--conll", "a", "b"}, {"entities", "--conll", missing},
		{"render", "--dir", "up"}, {"render", "--bidi", "both"}, {"render", "-w", "-1"}, {"render", missing},
		{"render", "--pad=maybe"}, {"render", "-pad=1", "-no-shape=x"},
		{"cache", "what"}, {"dates", "--nope"}, {"import", "--batch", "0"}, {"import", "--db", "postgres://x", "--watch"},
		{"list", missing}, {"dates", t.TempDir()},
	}
	for _, c := range Commands {
		cases = append(cases, []string{c.Name, "-h"}, []string{c.Name, "--no-such-flag"})
	}
	for _, args := range cases {
		c, ok := Lookup(args[0])
		if !ok {
			t.Fatalf("no command %s", args[0])
		}
		var ar, en bytes.Buffer
		c.Run(append([]string{"--lang=ar"}, args[1:]...), strings.NewReader(""), &bytes.Buffer{}, &ar)
		c.Run(append([]string{"--lang=en"}, args[1:]...), strings.NewReader(""), &bytes.Buffer{}, &en)
		if !englishSentence.MatchString(en.String()) {
			t.Errorf("%v in English says no sentence:\n%s", args, en.String())
		}
		if ar.Len() == 0 {
			t.Errorf("%v in Arabic says nothing", args)
		}
		for _, l := range strings.Split(ar.String(), "\n") {
			if m := englishSentence.FindString(l); m != "" {
				t.Errorf("%v in Arabic: %q is English in\n%s", args, m, l)
			}
		}
	}
}

// TestLanguageOfCommands: --lang wins over the environment, whose
// LC_ALL, LC_MESSAGES and LANG choose otherwise; a --lang after the fault
// that stops the flags still chooses.
func TestLanguageOfCommands(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "ar_SA.UTF-8")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--sort", "size"}, "ليست file ولا date"},
		{[]string{"--lang", "en", "--sort", "size"}, "is neither file nor date"},
		{[]string{"--bogus", "--lang=en"}, "unknown flag -bogus"},
		{[]string{"--bogus"}, "خيار غير معروف: -bogus"},
	} {
		var stderr bytes.Buffer
		if code := list(c.args, nil, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
}

// TestFaultsTranslated: the faults worded from tables (the flag
// package's, the date parser's, the file system's) all have Arabic.
func TestFaultsTranslated(t *testing.T) {
	var keys []string
	for _, f := range flagFaults {
		keys = append(keys, f.key)
	}
	for _, f := range pathFaults {
		keys = append(keys, f.key)
	}
	keys = append(keys, valueFaults...)
	keys = append(keys, dateFaults...)
	for _, k := range keys {
		if !lang.Known(lang.Arabic, k) {
			t.Errorf("%q has no Arabic", k)
		}
	}
}

// reasonNames matches the names a related row gives as a reason, in its
// JSON and in its text.
var reasonNames = regexp.MustCompile(`"names":\[[^\]]*\]|names: [^;\t]*;?`)

// TestOutputsSameInBothLanguages: what the commands print on standard
// output as data (--json, and the tab-separated lines scripts cut) does
// not change with the language.
func TestOutputsSameInBothLanguages(t *testing.T) {
	seeds := filepath.Join(corpustest.Root(t), "seeds")
	id := strings.SplitN(runOK(t, list, []string{"--lang=en", seeds}).String(), "\t", 2)[0]
	for _, args := range [][]string{
		{"list", seeds}, {"list", "--json", seeds}, {"list", "--json", "--sort=date", "--from", "2017", seeds},
		{"dates", seeds}, {"dates", "--json", seeds},
		{"entities", seeds}, {"entities", "--json", seeds},
		{"search", "سوريا", seeds}, {"search", "--json", "سوريا", seeds},
		{"related", id, seeds}, {"related", "--json", id, seeds},
	} {
		c, _ := Lookup(args[0])
		en := runOK(t, c.Run, append([]string{"--lang=en"}, args[1:]...))
		ar := runOK(t, c.Run, append([]string{"--lang=ar"}, args[1:]...))
		if args[0] == "related" {
			// The names a reason cites are those found by the time of
			// asking, which the names worker's progress decides, not the
			// language: they are left out of the comparison.
			en = bytes.NewBuffer(reasonNames.ReplaceAll(en.Bytes(), nil))
			ar = bytes.NewBuffer(reasonNames.ReplaceAll(ar.Bytes(), nil))
		}
		if en.Len() == 0 || !bytes.Equal(en.Bytes(), ar.Bytes()) {
			t.Errorf("%v: %d bytes in English, %d in Arabic, not the same:\n%s\n---\n%s", args, en.Len(), ar.Len(), en, ar)
		}
	}
}
