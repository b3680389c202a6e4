// Package ui is Sahifa's interactive screen: an article list, a reading pane
// and a side column, drawn with Bubble Tea. Arabic text reaches the terminal
// already wrapped, reordered and shaped by the bidi package, so that the
// screen reads the same in terminals that do no bidi at all.
//
// Model is the only tea.Model. It shows a collection.Collection and holds
// nothing of it but what is on screen: the articles, the index, the names
// and the work that finds them are the collection's. The panes are plain
// structs that own their state and draw themselves at the size
// computeLayout gives them, with the styles, keys and settings of one env.
package ui

import (
	"sync/atomic"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// Layout says which way the screen is laid out.
type Layout uint8

const (
	// LayoutAuto mirrors the screen when most of the corpus is right to left.
	LayoutAuto Layout = iota
	// LayoutLTR puts the list on the left.
	LayoutLTR
	// LayoutRTL puts the list on the right.
	LayoutRTL
)

// Theme says which background the colours are for.
type Theme uint8

const (
	// ThemeAuto follows the background the terminal reports.
	ThemeAuto Theme = iota
	ThemeLight
	ThemeDark
)

// Config holds the choices made on the command line and in the settings
// file.
type Config struct {
	Layout Layout
	Theme  Theme
	// Logical leaves lines in logical order for terminals that do their own
	// bidi (--bidi=terminal); NoShape keeps Arabic letters unjoined
	// (--shape=off).
	Logical, NoShape bool
	// NoColor draws with attributes only (NO_COLOR).
	NoColor bool
	// Hint is shown in the status bar until the first key, e.g. what
	// TerminalHint says about the terminal.
	Hint string
	// Marks keeps read and bookmarked articles across runs; nil keeps
	// them for this run only.
	Marks Marks
	// Language is the interface's language, and Digits the digits its
	// numbers are written in; Arabic lays the screen out right to left.
	Language lang.Language
	Digits   lang.Digits
	// Keys binds actions (KeyActions) to other keys than their own.
	Keys map[string][]string
	// Colors replaces colours of the theme by name (ColorNames) with a
	// colour lipgloss reads: "#rrggbb" or an ANSI number.
	Colors map[string]string
}

// env is what every pane draws and reads keys with: the settings, the
// styles for the terminal's background and the key map. The Model owns
// it; the panes share it through a pointer.
type env struct {
	cfg  Config
	st   styles
	keys keyMap
	dark bool
	// tr prints the interface's texts in its language.
	tr *lang.Printer
}

// overlay is a screen that covers the panes for a while.
type overlay uint8

const (
	overlayNone overlay = iota
	overlayHelp
	overlayProblems
)

// Model is the root of the screen: it routes messages to the panes and lays
// them out.
type Model struct {
	*env
	coll   *collection.Collection
	status collection.Status // as of the last change shown

	w, h    int
	focus   pane
	overlay overlay
	ovTop   int // first line of the overlay on screen

	list   listPane
	reader readerPane
	side   sideColumn
	ents   *entityPanel
	rel    *relatedPanel

	hist      history
	restoring *visit // a visit gone back to whose list is still on its way
	dates     *datePanel

	prompt  *prompt      // the search line being typed, if any
	rangeIn *rangePrompt // the date range being typed, if any
	// searches numbers the list's queries, so that a slow answer to an
	// old one never overwrites a newer one.
	searches atomic.Int64
	// finds numbers the in-article searches the same way, and finding
	// is the one under way.
	finds    atomic.Int64
	finding  *finding
	prefetch *collection.Article // the list's selection when last prefetched around

	// labels holds the status line's filter, laid out once per text
	// and width rather than on every frame.
	labels labelCache
	// notice is what the last key did (a link copied, a browser that
	// failed), shown in the status line until the next key.
	notice string
	// arrivals counts the articles a followed archive brought lately,
	// said in the status line until arrivalNote has passed since the
	// last of them; arrivalSeq numbers them, so that only the last
	// one's end clears the count.
	arrivals   int
	arrivalSeq int

	help  help.Model
	guide guide
	sep   string // the styled separator between panes
}

// New returns the screen for collection c; it shows the first frame before
// anything has arrived.
func New(cfg Config, c *collection.Collection) *Model {
	if cfg.Marks == nil {
		cfg.Marks = newRunMarks()
	}
	e := &env{cfg: cfg, dark: cfg.Theme != ThemeLight, keys: defaultKeyMap(), tr: lang.New(cfg.Language, cfg.Digits)}
	e.keys.remap(cfg.Keys)
	m := &Model{env: e, coll: c, help: help.New()}
	m.list.env, m.reader.env, m.side.env = e, e, e
	m.reader.countSeq = new(atomic.Int64)
	m.ents, m.dates = &entityPanel{env: e}, &datePanel{env: e}
	m.rel = &relatedPanel{env: e}
	m.side.panels = []sidePanel{
		m.ents,
		m.dates,
		m.rel,
	}
	m.status = c.Status()
	m.list.show(c.Query(collection.Filter{}, 0), m.status.Articles)
	m.ents.setTop(c.TopEntities(topEntities))
	m.restyle()
	m.updateKeys()
	return m
}

// Init asks for the background colour and starts following the collection.
// It also asks whether the terminal still does bidi itself (DECRQM for
// BDSM, mode 8): main has switched it off, and a terminal that answers
// "set" would reorder every line a second time.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.follow()}
	if !m.cfg.Logical {
		cmds = append(cmds, tea.Raw(ansi.RequestModeBiDirectionalSupport))
	}
	return tea.Batch(cmds...)
}

func (m *Model) restyle() {
	m.st = newStyles(m.dark, m.cfg.NoColor, m.cfg.Colors)
	m.help.Styles = m.st.help
	m.sep = m.st.separator.Render("│")
	m.reader.restyle()
	m.list.rows = nil
}

// mirrored reports whether the list goes on the right.
func (m *Model) mirrored() bool {
	switch m.cfg.Layout {
	case LayoutRTL:
		return true
	case LayoutLTR:
		return false
	}
	// An Arabic interface reads from the right whatever the articles.
	return m.tr.RTL() || m.coll.MostlyRTL()
}

func (m *Model) screen() screen {
	return computeLayout(m.w, m.h, layoutOptions{Mirror: m.mirrored(), Focus: m.focus})
}

// size returns the size pane p has, or would have if it were shown.
func (m *Model) size(p pane) rect {
	if r, ok := m.screen().find(p); ok {
		return r
	}
	r, _ := computeLayout(m.w, m.h, layoutOptions{Mirror: m.mirrored(), Focus: p}).find(p)
	return r
}

// paneOrder is the order tab goes through the panes: all three at any
// width, some taking turns where they do not fit side by side; in the side
// column, through each panel that has rows.
var paneOrder = []pane{paneList, paneReader, paneSide}

func (m *Model) cycle(step int) {
	if m.focus == paneSide && m.side.step(step) {
		m.movePanel(0)
		return
	}
	i := 0
	for j, p := range paneOrder {
		if p == m.focus {
			i = j
		}
	}
	m.focus = paneOrder[(i+step+len(paneOrder))%len(paneOrder)]
	if m.focus == paneSide {
		m.side.enter(step)
		// What is under the panel's cursor shows in the article at
		// once, not only after the first move.
		m.movePanel(0)
	}
}

func (m *Model) clampScroll() {
	r := m.size(paneReader)
	m.reader.scroll(0, r.W, r.H)
	m.list.scrollIntoView(m.size(paneList).H)
}
