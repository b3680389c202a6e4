package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"sahifa/ui"
	"sahifa/ui/lang"
)

// settings are what the settings file may choose; a flag given on the
// command line overrides the file. README.md shows an example.
type settings struct {
	Layout   string `toml:"layout"`
	Bidi     string `toml:"bidi"`
	Shape    string `toml:"shape"`
	Theme    string `toml:"theme"`
	Language string `toml:"language"`
	Digits   string `toml:"digits"`
	// Colors replaces colours of the theme by name (ui.ColorNames).
	Colors map[string]string `toml:"colors"`
	// Keys binds actions (ui.KeyActions) to a key or a list of keys.
	Keys map[string]keyList `toml:"keys"`
}

// keyList is one key ("x") or several (["x", "ctrl+x"]).
type keyList []string

// UnmarshalTOML takes a string or an array of strings.
func (k *keyList) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case string:
		if v != "" {
			*k = keyList{v}
			return nil
		}
	case []any:
		for _, e := range v {
			s, ok := e.(string)
			if !ok || s == "" {
				return fmt.Errorf("keys are names such as \"x\" or \"ctrl+x\", not %v", e)
			}
			*k = append(*k, s)
		}
		if len(*k) > 0 {
			return nil
		}
	}
	return fmt.Errorf("want a key or a list of keys, such as \"x\" or [\"x\", \"ctrl+x\"], not %v", v)
}

// settingsPath returns where the settings file is: $XDG_CONFIG_HOME/sahifa,
// or ~/.config/sahifa as the XDG Base Directory specification says; ""
// when neither can be known.
func settingsPath(getenv func(string) string) string {
	dir := getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(dir) {
		home := getenv("HOME")
		if !filepath.IsAbs(home) {
			return ""
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "sahifa", "config.toml")
}

// settingChoices are the values each setting takes, as its flag does.
var settingChoices = map[string][]string{
	"layout":   {"auto", "rtl", "ltr"},
	"bidi":     {"app", "terminal"},
	"shape":    {"on", "off"},
	"theme":    {"auto", "light", "dark"},
	"language": {"auto", "ar", "en"},
	"digits":   {"auto", "arabic", "western"},
}

// colour is what lipgloss reads as a colour: #rgb, #rrggbb or an ANSI
// colour number 0–255.
var colour = regexp.MustCompile(`^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[0-9]{1,3})$`)

// readSettings reads the settings file at path: none is no settings. A
// file that cannot be used gives no settings and an error naming the file
// and the line of the fault.
func readSettings(path string) (settings, error) {
	var s settings
	if path == "" {
		return s, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return settings{}, nil
	} else if err != nil {
		return settings{}, fmt.Errorf("%s: %v", path, err)
	}
	md, err := toml.Decode(string(data), &s)
	var perr toml.ParseError
	switch {
	case errors.As(err, &perr):
		return settings{}, settingsFault{path, perr.Position.Line, "%s", []any{perr.Message}}
	case err != nil:
		return settings{}, fmt.Errorf("%s: %v", path, err)
	}
	// at is a fault at the line of a key, which TOML's decoder knows
	// but does not tell past a parse error.
	at := func(key ...string) settingsFault { return settingsFault{path: path, line: lineOf(data, key)} }
	if un := md.Undecoded(); len(un) > 0 {
		return settings{}, at(un[0]...).fault("unknown setting %q (known: %s, [colors], [keys])", un[0].String(),
			strings.Join(slices.Sorted(maps.Keys(settingChoices)), ", "))
	}
	for _, f := range s.fields() {
		if f.value != "" && !slices.Contains(settingChoices[f.name], f.value) {
			return settings{}, at(f.name).fault("%s = %q: want one of %s", f.name, f.value, strings.Join(settingChoices[f.name], ", "))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Colors)) {
		v := s.Colors[name]
		switch {
		case !slices.Contains(ui.ColorNames, name):
			return settings{}, at("colors", name).fault("unknown colour %q (known: %s)", name, strings.Join(ui.ColorNames, ", "))
		case !colour.MatchString(v) || v[0] != '#' && atoi(v) > 255:
			return settings{}, at("colors", name).fault("colors.%s = %q: want #rrggbb or a colour number 0–255", name, v)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Keys)) {
		if !slices.Contains(ui.KeyActions(), name) {
			return settings{}, at("keys", name).fault("unknown action %q (known: %s)", name, strings.Join(ui.KeyActions(), ", "))
		}
	}
	// A key of two actions would do only the one the screen checks first.
	keys := map[string][]string{}
	for name, ks := range s.Keys {
		keys[name] = ks
	}
	if cl := ui.KeyClashes(keys); len(cl) > 0 {
		c := cl[0]
		return settings{}, at("keys", c.Action).fault("keys.%s binds %q, which %s has already: give one of them another key", c.Action, c.Key, c.Other)
	}
	return s, nil
}

// settingsFault is a fault of the settings file at a line (0: none
// told), worded in the interface's language once that is known (the file
// may choose it): Error is English, In the language of a printer.
type settingsFault struct {
	path string
	line int
	key  string // a text of the catalog, a format of args
	args []any
}

func (f settingsFault) fault(key string, args ...any) settingsFault {
	f.key, f.args = key, args
	return f
}

func (f settingsFault) Error() string { return f.In(nil) }

// In words the fault in tr's language.
func (f settingsFault) In(tr *lang.Printer) string {
	if f.line > 0 {
		return tr.Sprintf("%s: line %d: %s", f.path, f.line, tr.Sprintf(f.key, f.args...))
	}
	return f.path + ": " + tr.Sprintf(f.key, f.args...)
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// lineOf returns the line of the file where key is set, as `name =` under
// its [table] or as a dotted `table.name =`; 0 when it cannot be told.
func lineOf(data []byte, key []string) int {
	if len(key) == 0 {
		return 0
	}
	table, name := strings.Join(key[:len(key)-1], "."), key[len(key)-1]
	bare := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(name) + `"?\s*=`)
	dotted := regexp.MustCompile(`^\s*` + regexp.QuoteMeta(strings.Join(key, ".")) + `\s*=`)
	header := regexp.MustCompile(`^\s*\[\s*([^\]]*?)\s*\]`)
	current := ""
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if h := header.FindStringSubmatch(l); h != nil {
			current = h[1]
			continue
		}
		if current == table && bare.MatchString(l) || current == "" && table != "" && dotted.MatchString(l) {
			return n
		}
	}
	return 0
}

// setting is one setting's name, as in the file and on the command line,
// and value.
type setting struct{ name, value string }

func (s settings) fields() []setting {
	return []setting{{"layout", s.Layout}, {"bidi", s.Bidi}, {"shape", s.Shape}, {"theme", s.Theme},
		{"language", s.Language}, {"digits", s.Digits}}
}

// withSettings returns o with the settings of s the command line left
// alone.
func (o options) withSettings(s settings) options {
	flags := map[string]*choice{"layout": &o.layout, "bidi": &o.bidi, "shape": &o.shape, "theme": &o.theme,
		"language": &o.lang, "digits": &o.digits}
	for _, f := range s.fields() {
		flag := f.name
		if flag == "language" {
			flag = "lang"
		}
		if f.value != "" && !o.given[flag] {
			flags[f.name].value = f.value
		}
	}
	o.colors = s.Colors
	o.keys = map[string][]string{}
	for name, ks := range s.Keys {
		o.keys[name] = ks
	}
	return o
}
