package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// settings are what the settings file may choose; a flag given on the
// command line overrides the file.
//
//	# ~/.config/sahifa/config.toml
//	layout = "rtl"      # auto, rtl, ltr
//	bidi   = "app"      # app, terminal
//	shape  = "on"       # on, off
//	theme  = "dark"     # auto, light, dark
type settings struct {
	Layout string `toml:"layout"`
	Bidi   string `toml:"bidi"`
	Shape  string `toml:"shape"`
	Theme  string `toml:"theme"`
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
	"layout": {"auto", "rtl", "ltr"},
	"bidi":   {"app", "terminal"},
	"shape":  {"on", "off"},
	"theme":  {"auto", "light", "dark"},
}

// readSettings reads the settings file at path: none is no settings. A
// file that cannot be used gives no settings and an error naming the file,
// and the line where TOML says where.
func readSettings(path string) (settings, error) {
	var s settings
	if path == "" {
		return s, nil
	}
	md, err := toml.DecodeFile(path, &s)
	if errors.Is(err, fs.ErrNotExist) {
		return settings{}, nil
	}
	var perr toml.ParseError
	switch {
	case errors.As(err, &perr):
		return settings{}, fmt.Errorf("%s: line %d: %s", path, perr.Position.Line, perr.Message)
	case err != nil:
		return settings{}, fmt.Errorf("%s: %v", path, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return settings{}, fmt.Errorf("%s: unknown setting %q (known: layout, bidi, shape, theme)", path, un[0].String())
	}
	for _, f := range s.fields() {
		if f.value != "" && !slices.Contains(settingChoices[f.name], f.value) {
			return settings{}, fmt.Errorf("%s: %s = %q: want one of %s", path, f.name, f.value, strings.Join(settingChoices[f.name], ", "))
		}
	}
	return s, nil
}

// setting is one setting's name, as in the file and on the command line,
// and value.
type setting struct{ name, value string }

func (s settings) fields() []setting {
	return []setting{{"layout", s.Layout}, {"bidi", s.Bidi}, {"shape", s.Shape}, {"theme", s.Theme}}
}

// withSettings returns o with the settings of s the command line left
// alone.
func (o options) withSettings(s settings) options {
	flags := map[string]*choice{"layout": &o.layout, "bidi": &o.bidi, "shape": &o.shape, "theme": &o.theme}
	for _, f := range s.fields() {
		if f.value != "" && !o.given[f.name] {
			flags[f.name].value = f.value
		}
	}
	return o
}
