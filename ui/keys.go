package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
)

// arabicTwin gives, for a key of the US layout, the text the same physical
// key types on the Arabic PC layout, so that navigation keeps working after
// the user has switched layouts to type Arabic. Source: xkeyboard-config
// symbols/ara, xkb_symbols "basic" (xkb-data 2.35), levels 1 and 2:
//
//	US   key   Arabic   US   key   Arabic
//	j    AC07  ت        k    AC08  ن
//	g    AC05  ل        G    AC05  ﻷ U+FEF7
//	b    AB05  ﻻ U+FEFB d    AC03  ي
//	u    AD07  ع        f    AC04  ب
//	n    AB06  ى        N    AB06  آ
//	q    AD01  ض        p    AD10  ح
//	/    AB10  ظ        ?    AB10  ؟
//	J    AC07  ـ U+0640 K    AC08  ، U+060C
//	H    AC06  أ
//
// L has no twin: on the Arabic layout it types "/", the search key.
// Terminals that decompose the lam-alef presentation forms send ل+ا or ل+أ
// instead of one rune, so those spellings are twins too.
var arabicTwin = map[string][]string{
	"j": {"ت"},
	"k": {"ن"},
	"g": {"ل"},
	"G": {"\uFEF7", "لأ"},
	"b": {"\uFEFB", "لا"},
	"d": {"ي"},
	"u": {"ع"},
	"f": {"ب"},
	"n": {"ى"},
	"N": {"آ"},
	"q": {"ض"},
	"p": {"ح"},
	"/": {"ظ"},
	"?": {"؟"},
	"t": {"ف"}, // AD05
	"s": {"س"}, // AC02
	"J": {"\u0640"},
	"K": {"،"},
	"H": {"أ"},
	"o": {"خ"}, // AD09
	"y": {"غ"}, // AD06
	"m": {"ة"}, // AB07
}

// bind makes a binding for keys and their Arabic-layout twins; the help
// shows only the first label given.
func bind(helpKey, helpDesc string, keys ...string) key.Binding {
	all := append([]string(nil), keys...)
	for _, k := range keys {
		all = append(all, arabicTwin[k]...)
	}
	return key.NewBinding(key.WithKeys(all...), key.WithHelp(helpKey, helpDesc))
}

// keyMap is every key Sahifa's screen answers to, one binding per action.
// Bindings that do not apply in the current state are disabled by
// keyMap.update so that the help bar shows only what works now.
type keyMap struct {
	Up, Down         key.Binding
	PageDown, PageUp key.Binding
	HalfDown, HalfUp key.Binding
	Top, Bottom      key.Binding
	NextPane         key.Binding
	PrevPane         key.Binding
	Open             key.Binding
	NextArticle      key.Binding
	PrevArticle      key.Binding
	Back             key.Binding
	HistoryBack      key.Binding
	HistoryForward   key.Binding
	Raw              key.Binding
	Problems         key.Binding
	Search           key.Binding
	DateRange        key.Binding
	SortDate         key.Binding
	NextMatch        key.Binding
	PrevMatch        key.Binding
	OpenLink         key.Binding
	Bookmark         key.Binding
	Bookmarks        key.Binding
	SameSource       key.Binding
	SameCategory     key.Binding
	CopyLink         key.Binding
	Help             key.Binding
	Quit             key.Binding
	ForceQuit        key.Binding

	// While a search line is typed it takes every key but these.
	Accept, Cancel, ResultUp, ResultDown key.Binding
	prompt                               bool
}

func defaultKeyMap() keyMap {
	return keyMap{
		Up:          bind("↑/k", "up", "up", "k"),
		Down:        bind("↓/j", "down", "down", "j"),
		PageDown:    bind("space", "page down", "space", "pgdown", "f"),
		PageUp:      bind("b", "page up", "b", "pgup"),
		HalfDown:    bind("d", "half page down", "d", "ctrl+d"),
		HalfUp:      bind("u", "half page up", "u", "ctrl+u"),
		Top:         bind("g", "top", "g", "home"),
		Bottom:      bind("G", "bottom", "G", "end"),
		NextPane:    bind("tab", "next pane", "tab"),
		PrevPane:    bind("shift+tab", "previous pane", "shift+tab"),
		Open:        bind("enter", "open", "enter"),
		NextArticle: bind("J", "next article", "J"),
		PrevArticle: bind("K", "previous article", "K"),
		Back:        bind("esc", "back", "esc", "backspace"),
		// ctrl+i is tab in most terminals, where L does the same.
		HistoryBack:    bind("H/ctrl+o", "previous article", "H", "ctrl+o"),
		HistoryForward: bind("L/ctrl+i", "next article in history", "L", "ctrl+i"),
		Raw:            bind("R", "removed text", "R"),
		Problems:       bind("p", "load problems", "p"),
		Search:         bind("/", "search", "/"),
		DateRange:      bind("t", "date range", "t"),
		SortDate:       bind("s", "newest first", "s"),
		NextMatch:      bind("n", "next match", "n"),
		PrevMatch:      bind("N", "previous match", "N"),
		OpenLink:       bind("o", "open link", "o"),
		Bookmark:       bind("m", "bookmark", "m"),
		Bookmarks:      bind("M", "bookmarks", "M"),
		SameSource:     bind("S", "same source", "S"),
		SameCategory:   bind("C", "same category", "C"),
		CopyLink:       bind("y", "copy link", "y"),
		Help:           bind("?", "help", "?"),
		Quit:           bind("q", "quit", "q"),
		ForceQuit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Accept:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep results")),
		Cancel:         key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
		// Arrows only: letters are part of the query.
		ResultDown: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "next result")),
		ResultUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "previous result")),
	}
}

// ShortHelp returns the bindings of the one-line help bar, only the enabled
// ones (help.Model hides the others).
func (k keyMap) ShortHelp() []key.Binding {
	if k.prompt {
		return []key.Binding{k.Accept, k.Cancel, k.ResultDown, k.ResultUp, k.ForceQuit}
	}
	// help.Model drops what does not fit from the end: help and quit
	// come before the rarer keys.
	return []key.Binding{k.Down, k.Up, k.Open, k.Back, k.Search, k.NextMatch, k.Help, k.Quit, k.Raw, k.OpenLink, k.CopyLink, k.Bookmark, k.Bookmarks,
		k.Problems, k.DateRange, k.SortDate, k.SameSource, k.SameCategory, k.NextPane}
}

// FullHelp returns every binding in groups, for the `?` screen.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextPane, k.PrevPane, k.Open, k.Back, k.HistoryBack, k.HistoryForward, k.NextArticle, k.PrevArticle, k.Raw, k.Problems, k.OpenLink, k.CopyLink, k.Bookmark, k.Bookmarks},
		{k.Search, k.NextMatch, k.PrevMatch, k.DateRange, k.SortDate, k.SameSource, k.SameCategory, k.Help, k.Quit, k.ForceQuit},
	}
}

// updateKeys enables the bindings that apply now, which is also what the
// help bar shows.
func (m *Model) updateKeys() {
	k := &m.keys
	inOverlay := m.overlay != overlayNone
	panel := m.side.focused()
	canMove := inOverlay ||
		(m.focus == paneList && m.list.len() > 0) ||
		(m.focus == paneReader && m.reader.art != nil) ||
		(m.focus == paneSide && panel != nil)
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageDown, &k.PageUp, &k.HalfDown, &k.HalfUp, &k.Top, &k.Bottom} {
		b.SetEnabled(canMove)
	}
	k.Open.SetEnabled(!inOverlay && (m.focus == paneList && m.list.len() > 0 || m.focus == paneSide && panel != nil))
	k.Back.SetEnabled(inOverlay || m.focus != paneList || !m.list.filter().IsZero() || m.list.onlyBookmarks)
	k.HistoryBack.SetEnabled(!inOverlay && m.hist.canBack())
	k.HistoryForward.SetEnabled(!inOverlay && m.hist.canForward())
	k.NextPane.SetEnabled(!inOverlay)
	k.PrevPane.SetEnabled(!inOverlay)
	k.Raw.SetEnabled(!inOverlay && m.focus == paneReader && m.reader.art != nil)
	k.NextArticle.SetEnabled(!inOverlay && m.focus == paneReader && m.list.len() > 1)
	k.PrevArticle.SetEnabled(!inOverlay && m.focus == paneReader && m.list.len() > 1)
	k.Problems.SetEnabled(m.status.Problems > 0)
	hasLink := !inOverlay && m.focus != paneSide && m.linkOf() != ""
	k.OpenLink.SetEnabled(hasLink)
	k.CopyLink.SetEnabled(hasLink)
	k.Bookmark.SetEnabled(!inOverlay && m.focus != paneSide && m.keyArticle() != nil)
	if a := m.keyArticle(); a != nil && m.cfg.Marks.Bookmarked(a.ID) {
		k.Bookmark.SetHelp(k.Bookmark.Help().Key, "drop bookmark")
	} else {
		k.Bookmark.SetHelp(k.Bookmark.Help().Key, "bookmark")
	}
	k.Bookmarks.SetEnabled(!inOverlay)
	if m.list.onlyBookmarks {
		k.Bookmarks.SetHelp(k.Bookmarks.Help().Key, "all articles")
	} else {
		k.Bookmarks.SetHelp(k.Bookmarks.Help().Key, "bookmarks")
	}
	for _, b := range []struct {
		k          *key.Binding
		field      collection.Field
		narrow, up string
	}{
		{&k.SameSource, collection.BySource, "same source", "all sources"},
		{&k.SameCategory, collection.ByCategory, "same category", "all categories"},
	} {
		v := ""
		if !inOverlay && m.focus != paneSide {
			v = fieldOf(m.keyArticle(), b.field)
		}
		b.k.SetEnabled(v != "")
		if t, has := m.list.filter().Term(b.field); has && t.Value == v {
			b.k.SetHelp(b.k.Help().Key, b.up)
		} else {
			b.k.SetHelp(b.k.Help().Key, b.narrow)
		}
	}
	k.Search.SetEnabled(!inOverlay && (m.focus == paneList || m.focus == paneReader && m.reader.art != nil))
	active := m.reader.active()
	stepping := !inOverlay && (m.focus == paneReader || m.focus == paneSide) && active >= 0 &&
		len(m.reader.layers[active].spans) > 0
	k.NextMatch.SetEnabled(stepping)
	k.PrevMatch.SetEnabled(stepping)
	// The labels say what the keys do here: enter in the Entities
	// panel lists the articles naming the name, esc in the list leaves
	// a search or a filter, n/N go through matches or mentions.
	k.Open.SetHelp(k.Open.Help().Key, "open")
	if m.focus == paneSide && panel != nil {
		k.Open.SetHelp(k.Open.Help().Key, panel.enterHelp())
	}
	last, _ := m.list.filter().Last()
	switch {
	case inOverlay || m.focus != paneList:
		k.Back.SetHelp(k.Back.Help().Key, "back")
	case last.Field == collection.ByQuery:
		k.Back.SetHelp(k.Back.Help().Key, "clear search")
	default:
		k.Back.SetHelp(k.Back.Help().Key, "leave filter")
	}
	if active == layerEntity {
		k.NextMatch.SetHelp(k.NextMatch.Help().Key, "next mention")
		k.PrevMatch.SetHelp(k.PrevMatch.Help().Key, "previous mention")
	} else {
		k.NextMatch.SetHelp(k.NextMatch.Help().Key, "next match")
		k.PrevMatch.SetHelp(k.PrevMatch.Help().Key, "previous match")
	}
	if !inOverlay && m.focus != paneList {
		k.Quit.SetHelp(k.Quit.Help().Key, "list")
	} else {
		k.Quit.SetHelp(k.Quit.Help().Key, "quit")
	}
	k.prompt = m.prompt != nil
	onList := m.prompt != nil && m.prompt.on == paneList
	k.ResultDown.SetEnabled(onList)
	k.ResultUp.SetEnabled(onList)
	m.updateDateKeys()
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := &m.keys
	if key.Matches(msg, k.ForceQuit) {
		return tea.Quit
	}
	if m.prompt != nil {
		return m.promptKey(msg)
	}
	if m.rangeIn != nil {
		return m.rangeKey(msg)
	}
	if key.Matches(msg, k.Quit) {
		// q leaves what is open, as in less, mutt and newsboat: the
		// ? screen, the reader or the side column for the list, and
		// only from the list the program.
		switch {
		case m.overlay != overlayNone:
			m.overlay = overlayNone
			return nil
		case m.focus != paneList:
			m.focus = paneList
			return nil
		}
		return tea.Quit
	}
	if m.overlay != overlayNone {
		m.overlayKey(msg)
		return nil
	}
	switch {
	case key.Matches(msg, k.HistoryBack):
		return m.back()
	case key.Matches(msg, k.HistoryForward):
		return m.forward()
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
	case key.Matches(msg, k.DateRange), key.Matches(msg, k.SortDate):
		if cmd, ok := m.datesKey(msg); ok {
			return cmd
		}
	case key.Matches(msg, k.OpenLink), key.Matches(msg, k.CopyLink):
		cmd, _ := m.linkKey(msg)
		return cmd
	case key.Matches(msg, k.Bookmark), key.Matches(msg, k.Bookmarks):
		cmd, _ := m.marksKey(msg)
		return cmd
	case key.Matches(msg, k.SameSource), key.Matches(msg, k.SameCategory):
		cmd, _ := m.narrowKey(msg)
		return cmd
	case key.Matches(msg, k.Search):
		q, _ := m.list.filter().Term(collection.ByQuery)
		if m.focus == paneReader {
			q.Value = m.reader.query()
		}
		return m.openPrompt(m.focus, q.Value)
	}
	switch m.focus {
	case paneList:
		return m.listKey(msg)
	case paneReader:
		return m.readerKey(msg)
	case paneSide:
		return m.sideKey(msg)
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
		// esc peels the filter's last term: a search, then the name
		// it was narrowed to, and so on back to the whole collection.
		switch f := m.list.filter(); {
		case !f.IsZero():
			cmd = m.setFilter(f.Peel())
		case m.list.onlyBookmarks:
			cmd = m.showBookmarks(false)
		}
	}
	return cmd
}

// sideKey moves through the focused side panel and does what it asks:
// highlight in the reader, narrow the list, open an article.
func (m *Model) sideKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.Back) {
		// Back to the article, its highlights kept (at 80 columns the
		// panel hid it); esc there drops them.
		m.focus = paneList
		if m.reader.art != nil {
			m.focus = paneReader
		}
		return nil
	}
	p := m.side.focused()
	if p == nil {
		return nil
	}
	if key.Matches(msg, m.keys.Open) {
		return m.apply(p.choose())
	}
	if d := m.matchStep(msg); d != 0 {
		// Where the panel took the reader's place, the mention jumped
		// to is shown: the reader comes back, n/N going on there.
		if _, shown := m.screen().find(paneReader); !shown {
			m.focus = paneReader
		}
		m.reader.step(d, m.size(paneReader))
		return nil
	}
	if n, ok := m.motion(msg, bodyHeight(m.size(paneSide).H)); ok {
		return m.apply(p.move(n))
	}
	return nil
}

func (m *Model) readerKey(msg tea.KeyPressMsg) tea.Cmd {
	r := m.size(paneReader)
	if n, ok := m.motion(msg, bodyHeight(r.H)); ok {
		m.reader.scroll(n, r.W, r.H)
		return nil
	}
	switch {
	case key.Matches(msg, m.keys.Back):
		// esc drops the highlights one layer at a time, then goes back
		// to the article before, and with none to the list.
		switch {
		case m.reader.dropActive():
		case m.hist.canBack():
			return m.back()
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
		m.reader.step(m.matchStep(msg), r)
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

// wheelLines is how far a notch of the mouse wheel scrolls the reader, as
// in less and most terminals; in a list it moves one row.
const wheelLines = 3

func (m *Model) handleWheel(ms tea.Mouse) {
	n := 0
	switch ms.Button {
	case tea.MouseWheelDown:
		n = wheelLines
	case tea.MouseWheelUp:
		n = -wheelLines
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
		m.list.move(n/wheelLines, r.H)
	case paneReader:
		m.reader.scroll(n, r.W, r.H)
	case paneSide:
		m.movePanel(n / wheelLines)
	}
}

// handleClick focuses the pane clicked; in the list it moves to the row
// clicked, in the side column to the panel clicked and does what its row
// means (a stretch of the timeline narrows the list to it).
func (m *Model) handleClick(ms tea.Mouse) tea.Cmd {
	if ms.Button != tea.MouseLeft || m.overlay != overlayNone {
		return nil
	}
	s := m.screen()
	p, ok := s.at(ms.X, ms.Y)
	if !ok {
		return nil
	}
	m.focus = p
	r, _ := s.find(p)
	switch p {
	case paneList:
		if i, ok := m.list.rowAt(ms.Y - r.Y); ok {
			m.list.moveTo(i, r.H)
		}
	case paneSide:
		i, line, ok := m.side.at(ms.Y-r.Y, r.H)
		if !ok || m.side.panels[i].len() == 0 {
			return nil
		}
		m.side.active = i
		if c, ok := m.side.panels[i].(clickable); ok && line >= 0 {
			return m.apply(c.click(ms.X-r.X, line))
		}
	}
	return nil
}
