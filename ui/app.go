// Package ui is Sahifa's interactive screen: an article list, a reading pane
// and a side column, drawn with Bubble Tea. Arabic text reaches the terminal
// already wrapped, reordered and shaped by the bidi package, so that the
// screen reads the same in terminals that do no bidi at all.
//
// Model is the only tea.Model. The panes are plain structs that own their
// state and draw themselves at the size computeLayout gives them.
package ui

import (
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus"
	"sahifa/corpus/entities"
	"sahifa/corpus/search"
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

// Config holds the choices made on the command line.
type Config struct {
	Layout Layout
	// Logical leaves lines in logical order for terminals that do their own
	// bidi (--bidi=terminal); NoShape keeps Arabic letters unjoined
	// (--shape=off).
	Logical, NoShape bool
	// NoColor draws with attributes only (NO_COLOR).
	NoColor bool
	// Hint is shown in the status bar until the first key, e.g. what
	// TerminalHint says about the terminal.
	Hint string
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
	cfg     Config
	batches <-chan corpus.Batch

	w, h    int
	focus   pane
	overlay overlay
	ovTop   int // first line of the overlay on screen

	list     listPane
	reader   readerPane
	ents     entityPanel
	problems []corpus.Problem
	loading  bool
	progress corpus.Batch // the counts of the last batch
	rtl      int          // articles whose Dir is RTL

	index     *search.Index
	catalog   *entities.Catalog
	nameQueue []*corpus.Article // articles whose names are still to be found
	naming    bool              // an extraction command is under way
	// namedCount counts the articles in the catalog; lastTop is when
	// the collection's top names were last ranked.
	namedCount int
	lastTop    time.Time
	// passes counts the worker's passes after the first, the last begun
	// at catalog generation passGen; unranked is set when the catalog
	// changed after the top names were last ranked; looking, when a
	// reading ahead of the list's cursor is under way.
	passes   int
	passGen  uint64
	unranked bool
	looking  bool
	aheadOf  *corpus.Article // the list's selection when last read ahead of

	entityFilter string  // the label of the entity the list is filtered by
	prompt       *prompt // the search line being typed, if any
	listQuery    string  // the query whose results the list shows
	searchSeq    int     // numbers searches, so that stale answers are dropped
	latestSearch atomic.Int64
	hitsQuery    string // the query whose results the list holds
	hitsPartial  bool   // only the first of them: the rest is coming

	keys  keyMap
	st    styles
	dark  bool
	help  help.Model
	guide guide
	sep   string // the styled separator between panes
}

// New returns the screen for a corpus arriving on batches (from corpus.Load
// or corpus.LoadFS); it shows the first frame before anything has arrived.
func New(cfg Config, batches <-chan corpus.Batch) *Model {
	m := &Model{cfg: cfg, batches: batches, loading: batches != nil, dark: true, keys: defaultKeyMap(), help: help.New(),
		index: search.NewIndex(), catalog: entities.NewCatalog()}
	m.restyle()
	m.updateKeys()
	return m
}

// batchMsg carries one batch of a load; ok is false once the channel closed.
type batchMsg struct {
	corpus.Batch
	ok bool
}

// next waits for the next batch in a tea.Cmd, never in Update.
func (m *Model) next() tea.Cmd {
	ch := m.batches
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		b, ok := <-ch
		return batchMsg{b, ok}
	}
}

// Init asks for the background colour and starts reading the corpus. It
// also asks whether the terminal still does bidi itself (DECRQM for BDSM,
// mode 8): main has switched it off, and a terminal that answers "set"
// would reorder every line a second time.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.next()}
	if !m.cfg.Logical {
		cmds = append(cmds, tea.Raw(ansi.RequestModeBiDirectionalSupport))
	}
	return tea.Batch(cmds...)
}

func (m *Model) restyle() {
	m.st = newStyles(m.dark, m.cfg.NoColor)
	m.help.Styles = m.st.help
	m.sep = m.st.separator.Render("│")
	m.reader.restyle()
	m.list.rows = nil
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(msg.Width, 0), max(msg.Height, 0)
		m.clampScroll()
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeBiDirectionalSupport && msg.Value.IsSet() && !m.cfg.Logical {
			m.cfg.Hint = "this terminal still reorders Arabic itself: run with --bidi=terminal"
		}
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.restyle()
	case batchMsg:
		cmd = m.addBatch(msg)
	case tea.KeyPressMsg:
		m.cfg.Hint = ""
		cmd = m.handleKey(msg)
	case tea.PasteMsg:
		if m.promptOpen() {
			cmd = m.editPrompt(msg)
		}
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
	case tea.MouseClickMsg:
		m.handleClick(msg.Mouse())
	case listSearchMsg, articleSearchMsg, indexedMsg:
		cmd = m.searchResult(msg)
	case entitiesMsg:
		cmd = tea.Batch(m.gotEntities(msg), m.nameMore())
	case aheadMsg:
		m.looking = false
		cmd = tea.Batch(m.gotEntities(entitiesMsg(msg)), m.nameMore())
	case namedMsg:
		cmd = m.named(msg)
	}
	_, ahead := msg.(aheadMsg)
	if a := m.list.selected(); ahead || a != m.aheadOf {
		// Read ahead what the user may open next; not on a batch of
		// the load, as the worker reads in the list's order anyway.
		m.aheadOf = a
		if _, load := msg.(batchMsg); !load {
			cmd = tea.Batch(cmd, m.lookAhead())
		}
	}
	m.updateKeys()
	return m, cmd
}

func (m *Model) addBatch(b batchMsg) tea.Cmd {
	if !b.ok {
		m.loading = false
		return m.nameMore()
	}
	m.list.add(b.Articles)
	for _, a := range b.Articles {
		if a.Dir == corpus.RTL {
			m.rtl++
		}
	}
	m.problems = append(m.problems, b.Problems...)
	m.progress = b.Batch
	for _, d := range b.Duplicates {
		m.reader.addDuplicate(d)
	}
	index := m.indexCmd(b.Articles)
	m.nameQueue = append(m.nameQueue, b.Articles...)
	if b.Done {
		m.loading = false
		return tea.Batch(index, m.nameMore())
	}
	return tea.Batch(index, m.next(), m.nameMore())
}

// mirrored reports whether the list goes on the right.
func (m *Model) mirrored() bool {
	switch m.cfg.Layout {
	case LayoutRTL:
		return true
	case LayoutLTR:
		return false
	}
	return m.rtl*2 > len(m.list.all)
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
// width, some taking turns where they do not fit side by side.
var paneOrder = []pane{paneList, paneReader, paneSide}

func (m *Model) cycle(step int) {
	ps := paneOrder
	i := 0
	for j, p := range ps {
		if p == m.focus {
			i = j
		}
	}
	m.focus = ps[(i+step+len(ps))%len(ps)]
	if m.focus == paneSide {
		// The name under the panel's cursor shows in the article at
		// once, not only after the first move.
		m.moveEntity(0)
	}
}

func (m *Model) clampScroll() {
	r := m.size(paneReader)
	m.reader.scroll(0, r.W, r.H, &m.st, m.cfg)
	m.list.scrollIntoView(m.size(paneList).H)
}

// updateKeys enables the bindings that apply now, which is also what the
// help bar shows.
func (m *Model) updateKeys() {
	k := &m.keys
	inOverlay := m.overlay != overlayNone
	canMove := inOverlay ||
		(m.focus == paneList && m.list.len() > 0) ||
		(m.focus == paneReader && m.reader.art != nil) ||
		(m.focus == paneSide && m.ents.len() > 0)
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageDown, &k.PageUp, &k.HalfDown, &k.HalfUp, &k.Top, &k.Bottom} {
		b.SetEnabled(canMove)
	}
	k.Open.SetEnabled(!inOverlay && (m.focus == paneList && m.list.len() > 0 || m.focus == paneSide && m.ents.selected() != nil))
	k.Back.SetEnabled(inOverlay || m.focus != paneList || m.listQuery != "" || m.entityFilter != "")
	k.NextPane.SetEnabled(!inOverlay)
	k.PrevPane.SetEnabled(!inOverlay)
	k.Raw.SetEnabled(!inOverlay && m.focus == paneReader && m.reader.art != nil)
	k.NextArticle.SetEnabled(!inOverlay && m.focus == paneReader && m.list.len() > 1)
	k.PrevArticle.SetEnabled(!inOverlay && m.focus == paneReader && m.list.len() > 1)
	k.Problems.SetEnabled(len(m.problems) > 0)
	k.Search.SetEnabled(!inOverlay && (m.focus == paneList || m.focus == paneReader && m.reader.art != nil))
	matches := !inOverlay && m.focus == paneReader && len(m.reader.matches) > 0
	mentions := !inOverlay && (m.focus == paneReader || m.focus == paneSide) && m.reader.entity != nil &&
		len(m.reader.entity.Mentions) > 0
	k.NextMatch.SetEnabled(matches || mentions)
	k.PrevMatch.SetEnabled(matches || mentions)
	// The labels say what the keys do here: enter in the Entities
	// panel lists the articles naming the name, esc in the list leaves
	// a search or a filter, n/N go through matches or mentions.
	switch {
	case m.focus == paneSide && m.ents.selected() != nil:
		k.Open.SetHelp("enter", "articles naming it")
	default:
		k.Open.SetHelp("enter", "open")
	}
	switch {
	case inOverlay || m.focus != paneList:
		k.Back.SetHelp("esc", "back")
	case m.entityFilter != "":
		k.Back.SetHelp("esc", "leave filter")
	default:
		k.Back.SetHelp("esc", "clear search")
	}
	if mentions && !matches {
		k.NextMatch.SetHelp("n", "next mention")
		k.PrevMatch.SetHelp("N", "previous mention")
	} else {
		k.NextMatch.SetHelp("n", "next match")
		k.PrevMatch.SetHelp("N", "previous match")
	}
	k.prompt = m.promptOpen()
	onList := m.prompt != nil && m.prompt.on == paneList
	k.ResultDown.SetEnabled(onList)
	k.ResultUp.SetEnabled(onList)
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	if m.promptOpen() {
		return m.promptKey(msg)
	}
	if key.Matches(msg, k.Quit) {
		return tea.Quit
	}
	if m.overlay != overlayNone {
		m.overlayKey(msg)
		return nil
	}
	switch {
	case key.Matches(msg, k.Help):
		m.overlay, m.ovTop = overlayHelp, 0
		return nil
	case key.Matches(msg, k.Problems):
		m.overlay, m.ovTop = overlayProblems, 0
		return nil
	case key.Matches(msg, k.NextPane):
		m.cycle(1)
		return nil
	case key.Matches(msg, k.PrevPane):
		m.cycle(-1)
		return nil
	case key.Matches(msg, k.Search):
		q := m.listQuery
		if m.focus == paneReader {
			q = m.reader.query
		}
		return m.openPrompt(m.focus, q)
	}
	switch m.focus {
	case paneList:
		return m.listKey(msg)
	case paneReader:
		return m.readerKey(msg)
	case paneSide:
		m.sideKey(msg)
	}
	return nil
}

// motion turns a movement key into a line count for a view of h lines, or
// the sentinels top/bottom; ok is false for other keys.
func (m *Model) motion(msg tea.KeyPressMsg, h int) (n int, ok bool) {
	k := &m.keys
	page := max(h, 1)
	switch {
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.HalfDown):
		return max(page/2, 1), true
	case key.Matches(msg, k.HalfUp):
		return -max(page/2, 1), true
	case key.Matches(msg, k.Top):
		return toTop, true
	case key.Matches(msg, k.Bottom):
		return toBottom, true
	}
	return 0, false
}

// Sentinels of motion for g and G.
const (
	toTop    = -1 << 30
	toBottom = 1 << 30
)

func (m *Model) listKey(msg tea.KeyPressMsg) (cmd tea.Cmd) {
	r := m.size(paneList)
	if n, ok := m.motion(msg, m.list.visibleRows(r.H)); ok {
		m.list.move(n, r.H)
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Open):
		if a := m.list.selected(); a != nil {
			cmd = m.openArticle(a)
		}
	case key.Matches(msg, m.keys.Back):
		if m.listQuery != "" || m.entityFilter != "" {
			m.clearListSearch()
		}
	}
	return cmd
}

// openArticle shows a in the reader and gives it the focus; opened from
// search results it starts at the first match, n/N going through the
// others.
func (m *Model) openArticle(a *corpus.Article) tea.Cmd {
	m.reader.open(a)
	m.focus = paneReader
	m.reader.setEntity(nil)
	if h := m.list.hits[a]; h != nil {
		m.reader.setSearch(m.listQuery, h.Matches)
		m.reader.showMatch(m.size(paneReader), &m.st, m.cfg)
	}
	return m.ents.show(a, m.catalog)
}

// sideKey moves through the Entities panel, highlighting the selected
// name's mentions in the reader.
func (m *Model) sideKey(msg tea.KeyPressMsg) {
	if key.Matches(msg, m.keys.Back) {
		// Back to the article, its highlights kept (at 80 columns the
		// panel hid it); esc there drops them.
		m.focus = paneList
		if m.reader.art != nil {
			m.focus = paneReader
		}
		return
	}
	if key.Matches(msg, m.keys.Open) {
		if e := m.ents.selected(); e != nil {
			m.reader.setEntity(nil)
			m.filterByEntity(e)
		}
		return
	}
	if d := m.matchStep(msg); d != 0 {
		m.reader.stepMention(d, m.size(paneReader), &m.st, m.cfg)
		return
	}
	if n, ok := m.motion(msg, bodyHeight(m.size(paneSide).H)); ok {
		m.moveEntity(n)
	}
}

// moveEntity moves the Entities panel's cursor and highlights the selected
// name in the open article.
func (m *Model) moveEntity(n int) {
	if m.ents.len() == 0 {
		return
	}
	m.ents.move(n)
	if m.ents.art != nil && m.reader.art == m.ents.art {
		m.reader.setEntity(m.ents.selected())
		m.reader.showEntity(m.size(paneReader), &m.st, m.cfg)
	}
}

func (m *Model) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	r := m.size(paneReader)
	if n, ok := m.motion(msg, bodyHeight(r.H)); ok {
		m.reader.scroll(n, r.W, r.H, &m.st, m.cfg)
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Back):
		switch {
		case m.reader.query != "":
			m.reader.setSearch("", nil)
		case m.reader.entity != nil:
			m.reader.setEntity(nil)
		default:
			m.focus = paneList
		}
	case key.Matches(msg, m.keys.NextArticle), key.Matches(msg, m.keys.PrevArticle):
		// The next article of the list as it is shown (search results,
		// a filter), the list's cursor following.
		d := 1
		if key.Matches(msg, m.keys.PrevArticle) {
			d = -1
		}
		l := m.size(paneList)
		m.list.move(d, l.H)
		if a := m.list.selected(); a != nil && a != m.reader.art {
			return m.openArticle(a)
		}
	case m.matchStep(msg) != 0:
		// n/N go through the search's matches, or without a search
		// through the mentions of the name chosen in the panel.
		if len(m.reader.matches) > 0 {
			m.reader.step(m.matchStep(msg), r, &m.st, m.cfg)
		} else {
			m.reader.stepMention(m.matchStep(msg), r, &m.st, m.cfg)
		}
	case key.Matches(msg, m.keys.Raw):
		m.reader.raw = !m.reader.raw
		m.reader.top = 0
	}
	return nil
}

// matchStep is +1 for n, -1 for N, 0 for any other key or when they do not
// apply now.
func (m *Model) matchStep(msg tea.KeyPressMsg) int {
	switch {
	case key.Matches(msg, m.keys.NextMatch):
		return 1
	case key.Matches(msg, m.keys.PrevMatch):
		return -1
	}
	return 0
}

func (m *Model) overlayKey(msg tea.KeyPressMsg) {
	k := &m.keys
	switch {
	case key.Matches(msg, k.Back),
		m.overlay == overlayHelp && key.Matches(msg, k.Help),
		m.overlay == overlayProblems && key.Matches(msg, k.Problems):
		m.overlay = overlayNone
		return
	}
	body := m.screen().Status.Y
	if body == 0 {
		body = m.h
	}
	if n, ok := m.motion(msg, body); ok {
		total := len(m.overlayLines(m.w))
		m.ovTop = clamp(m.ovTop+n, 0, max(total-body, 0))
	}
}

func (m *Model) handleWheel(ms tea.Mouse) {
	n := 0
	switch ms.Button {
	case tea.MouseWheelDown:
		n = 3
	case tea.MouseWheelUp:
		n = -3
	default:
		return
	}
	if m.overlay != overlayNone {
		m.ovTop = clamp(m.ovTop+n, 0, max(len(m.overlayLines(m.w))-m.h, 0))
		return
	}
	p, ok := m.screen().at(ms.X, ms.Y)
	if !ok {
		return
	}
	r := m.size(p)
	switch p {
	case paneList:
		m.list.move(n/3, r.H)
	case paneReader:
		m.reader.scroll(n, r.W, r.H, &m.st, m.cfg)
	case paneSide:
		m.moveEntity(n / 3)
	}
}

func (m *Model) handleClick(ms tea.Mouse) {
	if ms.Button != tea.MouseLeft || m.overlay != overlayNone {
		return
	}
	s := m.screen()
	p, ok := s.at(ms.X, ms.Y)
	if !ok {
		return
	}
	m.focus = p
	if p == paneList {
		r, _ := s.find(paneList)
		if i, ok := m.list.rowAt(ms.Y - r.Y); ok {
			m.list.moveTo(i, r.H)
		}
	}
}

// View draws the whole screen.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "Sahifa"
	return v
}

// render draws the screen as text, exactly m.h lines of m.w cells.
func (m *Model) render() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	s := m.screen()
	body := m.h
	if s.Status.H > 0 {
		body = s.Status.Y
	} else if s.Help.H > 0 {
		body = s.Help.Y
	}
	rows := make([]string, 0, m.h)
	if m.overlay != overlayNone {
		ls := m.overlayLines(m.w)
		m.ovTop = clamp(m.ovTop, 0, max(len(ls)-body, 0))
		for y := 0; y < body; y++ {
			l := ""
			if i := m.ovTop + y; i < len(ls) {
				l = ls[i]
			}
			rows = append(rows, fit(l, m.w))
		}
	} else {
		cols := make([][]string, len(s.Panes))
		for i, p := range s.Panes {
			cols[i] = m.paneView(p.Pane, p.W, p.H)
		}
		var b strings.Builder
		for y := 0; y < body; y++ {
			b.Reset()
			for i, p := range s.Panes {
				if i > 0 {
					b.WriteString(m.sep)
				}
				l := ""
				if y < len(cols[i]) {
					l = cols[i][y]
				}
				b.WriteString(fit(l, p.W))
			}
			rows = append(rows, b.String())
		}
	}
	if s.Status.H > 0 {
		rows = append(rows, fit(m.statusLine(m.w), m.w))
	}
	if s.Help.H > 0 {
		m.help.SetWidth(m.w)
		rows = append(rows, fit(m.help.ShortHelpView(m.keys.ShortHelp()), m.w))
	}
	return strings.Join(rows, "\n")
}

func (m *Model) paneView(p pane, w, h int) []string {
	focused := p == m.focus
	switch p {
	case paneList:
		line := m.listSearchLine(w)
		if line == "" {
			line = m.entityFilterLine(w)
		}
		return m.list.view(w, h, focused, m.loading, line, &m.st, m.cfg)
	case paneReader:
		return m.reader.view(w, h, focused, m.readerSearchLine(w), &m.st, m.cfg)
	}
	return sideView(m.sidePanels(), w, h, focused, &m.st)
}

func (m *Model) sidePanels() []sidePanel {
	focused := m.focus == paneSide
	return []sidePanel{
		{title: "Entities", body: func(w, h int) []string {
			return m.ents.view(w, h, focused, m.namingProgress(), &m.st, m.cfg)
		}},
		placeholderPanel("Dates", "Coming: the dates this article names.", &m.st),
		placeholderPanel("Related", "Coming: articles on the same story.", &m.st),
	}
}

// statusLine is the loading progress or the article count, then the load
// problems if there were any.
func (m *Model) statusLine(w int) string {
	var b strings.Builder
	if m.cfg.Hint != "" {
		return m.st.statusWarn.Render(m.cfg.Hint)
	}
	n := len(m.list.all)
	if m.loading {
		b.WriteString(m.st.status.Render("Loading "))
		bw := clamp(w/4, 4, 24)
		if m.progress.FilesFound > 0 {
			b.WriteString(progressBar(m.progress.FilesRead, m.progress.FilesFound, bw, &m.st))
		}
		b.WriteString(m.st.status.Render(" " + strconv.Itoa(m.progress.FilesRead) + "/" +
			strconv.Itoa(m.progress.FilesFound) + " files · " + strconv.Itoa(n) + " articles"))
	} else {
		b.WriteString(m.st.status.Render(strconv.Itoa(n) + " articles"))
	}
	if d := m.progress.DuplicatesFound; d > 0 {
		b.WriteString(m.st.status.Render(" · " + strconv.Itoa(d) + " duplicates left out"))
	}
	if p := len(m.problems); p > 0 {
		word := " problems"
		if p == 1 {
			word = " problem"
		}
		b.WriteString(m.st.status.Render(" · "))
		b.WriteString(m.st.statusWarn.Render(strconv.Itoa(p) + word + " (p)"))
	}
	return b.String()
}

// progressBar draws done/total in w cells.
func progressBar(done, total, w int, st *styles) string {
	full := 0
	if total > 0 {
		full = clamp(done*w/total, 0, w)
	}
	return st.barFull.Render(strings.Repeat("█", full)) + st.barEmpty.Render(strings.Repeat("░", w-full))
}
