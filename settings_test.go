package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if s, err := readSettings(filepath.Join(dir, "none.toml")); err != nil || s != (settings{}) {
		t.Fatalf("no file: %+v, %v", s, err)
	}
	s, err := readSettings(write("# mine\nlayout = \"ltr\"\ntheme = \"light\"\n"))
	if err != nil || s.Layout != "ltr" || s.Theme != "light" || s.Bidi != "" {
		t.Fatalf("a good file: %+v, %v", s, err)
	}
	for _, c := range []struct{ content, want string }{
		{"layout = \"ltr\"\nshape = \n", "config.toml: line 2:"},
		{"layout = \"sideways\"\n", `layout = "sideways": want one of auto, rtl, ltr`},
		{"colour = \"red\"\n", `unknown setting "colour"`},
		{"layout = 3\n", "config.toml"},
	} {
		s, err := readSettings(write(c.content))
		if err == nil || !strings.Contains(err.Error(), c.want) || s != (settings{}) {
			t.Errorf("%q: %+v, %v; want no settings and an error with %q", c.content, s, err, c.want)
		}
	}
}

// TestFlagsOverrideSettings: a setting applies unless its flag is given.
func TestFlagsOverrideSettings(t *testing.T) {
	o, err := parseFlags([]string{"--layout=rtl"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	o = o.withSettings(settings{Layout: "ltr", Shape: "off", Theme: "dark"})
	if o.layout.value != "rtl" || o.shape.value != "off" || o.theme.value != "dark" || o.bidi.value != "app" {
		t.Fatalf("layout %s shape %s theme %s bidi %s", o.layout.value, o.shape.value, o.theme.value, o.bidi.value)
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
