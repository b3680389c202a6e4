package ui

import (
	"slices"
	"testing"
)

func TestSafeURL(t *testing.T) {
	for _, c := range []struct {
		in   string
		keep bool
	}{
		{"https://sabq.org/saudi/مزحة-مبتعث?id=7", true},
		{"  http://example.com/a  ", true},
		{"HTTPS://EXAMPLE.COM", true},
		{"javascript:alert(1)", false},
		{"file:///etc/passwd", false},
		{"ftp://example.com/x", false},
		{"https://", false},
		{"/relative/path", false},
		{"https://user:pw@example.com/", false},
		{"https://example.com/\x1b]52;c;aGk=\x07", false},
		{"https://example.com/\u202egnp.exe", false},
		{"https://example.com/a b", false},
		{"https://example.com/\u0085x", false},
		{"https://example.com/\ufffd", false},
		{"", false},
	} {
		got := safeURL(c.in)
		if (got != "") != c.keep {
			t.Errorf("safeURL(%q) = %q, want kept %v", c.in, got, c.keep)
		}
	}
}

func TestBrowserCommand(t *testing.T) {
	const link = "https://example.com/x"
	env := func(b string) func(string) string {
		return func(k string) string {
			if k == "BROWSER" {
				return b
			}
			return ""
		}
	}
	for _, c := range []struct {
		browser string
		want    []string
	}{
		{"firefox", []string{"firefox", link}},
		{"firefox --new-tab:lynx", []string{"firefox", "--new-tab", link}},
		{"w3m %s -dump", []string{"w3m", link, "-dump"}},
	} {
		if got := browserCommand(link, env(c.browser)).Args; !slices.Equal(got, c.want) {
			t.Errorf("BROWSER=%q: %q, want %q", c.browser, got, c.want)
		}
	}
	if got := browserCommand(link, env("")).Args; got[len(got)-1] != link {
		t.Errorf("no BROWSER: %q does not open the link", got)
	}
}
