package ui

import (
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// An article's link: shown under its meta line, opened in the browser
// with o and copied with y. The URL comes from the article's file, so it
// is untrusted: only http and https links with a host, and nothing in
// them that a terminal or a shell could take for something else.

// safeURL returns the article's URL if it is one Sahifa may show, open and
// copy, and "" otherwise.
func safeURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxURL {
		return ""
	}
	for _, r := range raw {
		// Controls (C0, DEL, C1), spaces, and format characters such as
		// the bidi overrides, which could make a link read as another.
		if r == unicode.ReplacementChar || unicode.IsControl(r) || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return ""
		}
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return raw
	}
	return ""
}

// maxURL bounds the links Sahifa accepts: browsers and terminals cope with
// a few kilobytes at most.
const maxURL = 4096

// linkOf returns the link of the article the keys act on: the open one in
// the reader, the selected one in the list; "" when there is none.
func (m *Model) linkOf() string {
	a := m.keyArticle()
	if a == nil {
		return ""
	}
	return safeURL(a.URL)
}

// browserDoneMsg says the browser command has ended.
type browserDoneMsg struct {
	cmd string
	err error
}

// browserCommand returns the command that opens link: $BROWSER's first
// entry (a colon-separated list, %s standing for the link, as in
// sensible-browser and Python's webbrowser), else xdg-open, or open on
// macOS.
func browserCommand(link string, getenv func(string) string) *exec.Cmd {
	if b := strings.TrimSpace(getenv("BROWSER")); b != "" {
		first, _, _ := strings.Cut(b, ":")
		args := strings.Fields(first)
		if len(args) > 0 {
			subst := false
			for i, a := range args {
				if strings.Contains(a, "%s") {
					args[i] = strings.ReplaceAll(a, "%s", link)
					subst = true
				}
			}
			if !subst {
				args = append(args, link)
			}
			return exec.Command(args[0], args[1:]...)
		}
	}
	if runtime.GOOS == "darwin" {
		return exec.Command("open", link)
	}
	return exec.Command("xdg-open", link)
}

// openLink runs the browser on link with the terminal handed over to it,
// as newsboat does, so that a terminal browser (lynx, w3m) works too.
func (m *Model) openLink(link string) tea.Cmd {
	c := browserCommand(link, os.Getenv)
	name := c.Args[0]
	return tea.ExecProcess(c, func(err error) tea.Msg { return browserDoneMsg{name, err} })
}

// copyLink puts link on the clipboard with OSC 52, which the terminal
// passes on to the system clipboard; terminals that do not take it ignore
// it, hence the link spelled out in the status line as well.
func (m *Model) copyLink(link string) tea.Cmd {
	m.notice = m.tr.Sprintf("copied (OSC 52; if your terminal refuses, copy it from here): %s", link)
	return tea.SetClipboard(link)
}

// linkKey answers o and y; ok is false when msg is neither.
func (m *Model) linkKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	open, copying := key.Matches(msg, m.keys.OpenLink), key.Matches(msg, m.keys.CopyLink)
	if !open && !copying {
		return nil, false
	}
	link := m.linkOf()
	switch {
	case link == "":
		m.notice = m.tr.Text("this article has no http or https link")
	case open:
		m.notice = m.tr.Sprintf("opening %s", link)
		cmd = m.openLink(link)
	default:
		cmd = m.copyLink(link)
	}
	return cmd, true
}

// gotBrowser reports how the browser ended.
func (m *Model) gotBrowser(msg browserDoneMsg) {
	if msg.err != nil {
		m.notice = m.tr.Sprintf("could not open the link with %s: %v", msg.cmd, msg.err)
	} else {
		m.notice = ""
	}
}
