package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sahifa/ui/lang"
)

func TestReadSettings(t *testing.T) {
	dir := t.TempDir()
	write := func(content string) string {
		p := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if s, err := readSettings(filepath.Join(dir, "none.toml")); err != nil || !reflect.DeepEqual(s, settings{}) {
		t.Fatalf("no file: %+v, %v", s, err)
	}
	s, err := readSettings(write("# mine\nlayout = \"ltr\"\ntheme = \"light\"\n"))
	if err != nil || s.Layout != "ltr" || s.Theme != "light" || s.Bidi != "" {
		t.Fatalf("a good file: %+v, %v", s, err)
	}
	s, err = readSettings(write(`language = "ar"
digits = "western"

[colors]
accent = "#ff8700"
match = "226"

[keys]
quit = "x"
down = ["j", "ctrl+n"]
`))
	want := settings{Language: "ar", Digits: "western", Colors: map[string]string{"accent": "#ff8700", "match": "226"},
		Keys: map[string]keyList{"quit": {"x"}, "down": {"j", "ctrl+n"}}}
	if err != nil || !reflect.DeepEqual(s, want) {
		t.Fatalf("language, digits, colours and keys: %+v, %v", s, err)
	}
	// A key freed by moving its action may be bound to another.
	if s, err := readSettings(write("[keys]\nquit = \"x\"\nbookmark = \"q\"\n")); err != nil || len(s.Keys) != 2 {
		t.Errorf("q given to bookmark once quit is on x: %+v, %v", s, err)
	}
	for _, c := range []struct{ content, want string }{
		{"layout = \"ltr\"\nshape = \n", "config.toml: line 2:"},
		{"layout = \"sideways\"\n", `line 1: layout = "sideways": want one of auto, rtl, ltr`},
		{"# mine\n\nlanguage = \"fr\"\n", `line 3: language = "fr": want one of auto, ar, en`},
		{"digits = \"roman\"\n", `line 1: digits = "roman": want one of auto, arabic, western`},
		{"colour = \"red\"\n", `line 1: unknown setting "colour"`},
		{"layout = 3\n", "config.toml"},
		{"[colors]\naccent = \"#00f\"\nbackground = \"#000000\"\n", `line 3: unknown colour "background"`},
		{"[colors]\nwarn = \"orange\"\n", `line 2: colors.warn = "orange": want #rrggbb`},
		{"colors.dim = \"300\"\n", `line 1: colors.dim = "300"`},
		{"[keys]\nquit = \"x\"\nfly = \"f\"\n", `line 3: unknown action "fly"`},
		{"[keys]\n\nquit = 3\n", "line 3: want a key or a list of keys"},
		{"[keys]\nquit = []\n", "line 2: want a key"},
		{"[keys]\nbookmark = \"q\"\n", `line 2: keys.bookmark binds "q", which quit has already`},
		{"[keys]\nquit = \"x\"\nopen = [\"enter\", \"x\"]\n", `line 3: keys.open binds "x", which quit has already`},
	} {
		s, err := readSettings(write(c.content))
		if err == nil || !strings.Contains(err.Error(), c.want) || !reflect.DeepEqual(s, settings{}) {
			t.Errorf("%q: %+v, %v; want no settings and an error with %q", c.content, s, err, c.want)
		}
	}
}

// TestFlagsOverrideSettings: a setting applies unless its flag is given.
func TestFlagsOverrideSettings(t *testing.T) {
	o, _, err := parseFlags([]string{"--layout=rtl"})
	if err != nil {
		t.Fatal(err)
	}
	o = o.withSettings(settings{Layout: "ltr", Shape: "off", Theme: "dark"})
	if o.layout.value != "rtl" || o.shape.value != "off" || o.theme.value != "dark" || o.bidi.value != "app" {
		t.Fatalf("layout %s shape %s theme %s bidi %s", o.layout.value, o.shape.value, o.theme.value, o.bidi.value)
	}
	o, _, _ = parseFlags([]string{"--lang=en"})
	o = o.withSettings(settings{Language: "ar", Digits: "arabic"})
	if o.lang.value != "en" || o.digits.value != "arabic" {
		t.Fatalf("--lang=en over language = ar: lang %s digits %s", o.lang.value, o.digits.value)
	}
}

func TestSettingsPath(t *testing.T) {
	get := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if p := settingsPath(get(map[string]string{"XDG_CONFIG_HOME": "/c", "HOME": "/h"})); p != "/c/sahifa/config.toml" {
		t.Error(p)
	}
	if p := settingsPath(get(map[string]string{"HOME": "/h"})); p != "/h/.config/sahifa/config.toml" {
		t.Error(p)
	}
}

// TestSettingsFaultInArabic: a fault of the settings file is worded in the
// interface's language, its line in that language's digits.
func TestSettingsFaultInArabic(t *testing.T) {
	file := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(file, []byte("language = \"ar\"\n[keys]\nbookmark = \"q\"\n"), 0o600)
	_, err := readSettings(file)
	f, ok := err.(settingsFault)
	if !ok {
		t.Fatalf("%v (%T): want a settingsFault", err, err)
	}
	want := file + `: السطر ٣: keys.bookmark يربط المفتاح "q"، وهو مفتاح quit من قبل`
	if got := f.In(lang.New(lang.Arabic, lang.DigitsDefault)); !strings.HasPrefix(got, want) {
		t.Errorf("in Arabic: %q, want %q…", got, want)
	}
	if got := f.Error(); !strings.Contains(got, `line 3: keys.bookmark binds "q", which quit has already`) {
		t.Errorf("in English: %q", got)
	}
}
