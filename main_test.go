package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"sahifa/ui"
	"sahifa/ui/lang"
)

func TestFlags(t *testing.T) {
	env := func(noColor string) func(string) string {
		return func(k string) string {
			switch k {
			case "NO_COLOR":
				return noColor
			case "LANG":
				return "ar_SA.UTF-8"
			case "LC_MESSAGES":
				if noColor != "" {
					return "en_GB.UTF-8"
				}
			}
			return ""
		}
	}
	for _, tc := range []struct {
		args    []string
		noColor string
		want    ui.Config
		paths   []string
	}{
		// LANG is Arabic; with NO_COLOR set LC_MESSAGES says English.
		{nil, "", ui.Config{Language: lang.Arabic}, nil},
		{[]string{"--layout=rtl", "--bidi=terminal", "--shape=off", "a", "b"}, "1",
			ui.Config{Layout: ui.LayoutRTL, Logical: true, NoShape: true, NoColor: true}, []string{"a", "b"}},
		{[]string{"-layout", "ltr", "--lang=en", "dir"}, "", ui.Config{Layout: ui.LayoutLTR}, []string{"dir"}},
		{[]string{"--lang", "ar", "--digits=western"}, "1", ui.Config{NoColor: true, Language: lang.Arabic, Digits: lang.DigitsWestern}, nil},
	} {
		o, _, err := parseFlags(tc.args)
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got := o.config(env(tc.noColor)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: config %+v, want %+v", tc.args, got, tc.want)
		}
		if strings.Join(o.paths, " ") != strings.Join(tc.paths, " ") {
			t.Errorf("%v: paths %v", tc.args, o.paths)
		}
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--layout=up"}, {"--bidi=both"}, {"--shape=maybe"}, {"--nope"}} {
		if _, _, err := parseFlags(args); err == nil {
			t.Errorf("%v accepted", args)
		}
		var stderr bytes.Buffer
		if code := run(append([]string{"--lang=en"}, args...), &stderr); code != 2 || !strings.Contains(stderr.String(), "usage: sahifa") {
			t.Errorf("%v: no usage on stderr: %q", args, stderr.String())
		}
	}
	if code := run([]string{"--layout=up"}, &bytes.Buffer{}); code != 2 {
		t.Errorf("a bad flag exits %d, want 2", code)
	}
}

// TestBadPaths: a path that does not exist, or a mistyped command, is an
// error naming it, not an empty reader.
func TestBadPaths(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"no/such/folder"}, "no/such/folder: no such file or folder"},
		{[]string{"lsit"}, `unknown command "lsit"`},
		{[]string{"--layout=rtl", ".", "serach"}, `unknown command "serach"`},
	} {
		var stderr bytes.Buffer
		if code := run(tc.args, &stderr); code != 2 {
			t.Errorf("%v exits %d, want 2", tc.args, code)
		}
		if !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("%v says %q, want %q", tc.args, stderr.String(), tc.want)
		}
	}
	if !strings.Contains(func() string { var b bytes.Buffer; run([]string{"lsit"}, &b); return b.String() }(), "list") {
		t.Error("the unknown command's message does not list the commands")
	}
}
