package ui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus/collection"
)

// changedMsg says the collection has changed since the screen last looked.
type changedMsg struct{}

// followInterval is the least time between two looks at a changing
// collection: the worker changes it hundreds of times a second, and a
// screen redrawn 20 times a second looks live without taking a core.
const followInterval = 50 * time.Millisecond

// follow waits, in a tea.Cmd, for the collection's next change.
func (m *Model) follow() tea.Cmd {
	ch := m.coll.Changes()
	return func() tea.Msg {
		<-ch
		return changedMsg{}
	}
}

// followLater follows the collection again after followInterval.
func (m *Model) followLater() tea.Cmd {
	ch := m.coll.Changes()
	return tea.Tick(followInterval, func(time.Time) tea.Msg {
		<-ch
		return changedMsg{}
	})
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
			m.cfg.Hint = m.tr.Text("this terminal still reorders Arabic itself: run with --bidi=terminal")
		}
	case tea.BackgroundColorMsg:
		if m.cfg.Theme == ThemeAuto {
			m.dark = msg.IsDark()
			m.restyle()
		}
	case changedMsg:
		cmd = tea.Batch(m.refresh(), m.followLater())
	case tea.KeyPressMsg:
		m.cfg.Hint, m.notice = "", ""
		cmd = m.handleKey(msg)
	case tea.PasteMsg:
		if m.prompt != nil {
			cmd = m.editPrompt(msg)
		}
	case tea.MouseWheelMsg:
		m.handleWheel(msg.Mouse())
	case tea.MouseClickMsg:
		cmd = m.handleClick(msg.Mouse())
	case resultMsg:
		cmd = m.gotResult(msg)
	case browserDoneMsg:
		m.gotBrowser(msg)
	case marksSavedMsg:
		m.gotMarksSaved(msg)
	case articleSearchMsg:
		cmd = m.gotMatches(msg)
		m.reader.searching = m.finding != nil
	case lineCountMsg:
		cmd = m.reader.gotCounts(msg)
	case entitiesMsg:
		m.gotEntities(msg)
	case relatedMsg:
		m.rel.got(msg.art, msg.rows)
	case datesMsg, timelineMsg:
		m.gotDates(msg)
	case arrivalsSeenMsg:
		if msg.seq == m.arrivalSeq {
			m.arrivals = 0
		}
	}
	cmd = tea.Batch(cmd, m.followTimeline(), m.reader.countLines(m.size(paneReader).W))
	if a := m.list.selected(); a != m.prefetch {
		// Read the names of what the user may open next first.
		m.prefetch = a
		m.coll.Prefetch(a, m.list.at(m.list.cursor+1), m.list.at(m.list.cursor-1))
	}
	m.updateKeys()
	return m, cmd
}

// refresh brings the screen up to date with the collection: new articles
// in the list (its filter asked again), names found for the open article
// or the collection.
func (m *Model) refresh() tea.Cmd {
	old := m.status
	m.status = m.coll.Status()
	var cmds []tea.Cmd
	// Once the list has been shown whole, articles arrive one import at
	// a time, and the cursor stays on its article, moved or not.
	m.list.settled = !old.Loading && !m.status.Loading
	if n := m.status.Arrived - old.Arrived; n > 0 {
		cmds = append(cmds, m.arrived(n))
	}
	if m.status.Articles != old.Articles || m.status.Loading != old.Loading ||
		m.list.filter().Has(collection.ByEntity) && m.status.NamesVersion != old.NamesVersion {
		cmds = append(cmds, m.requery(m.list.filter(), false))
	}
	if m.reader.art != nil && m.status.Copies != old.Copies {
		m.reader.setCopies(m.coll.Copies(m.reader.art))
	}
	if m.status.NamesVersion != old.NamesVersion {
		m.ents.setTop(m.coll.TopEntities(topEntities))
		if a := m.ents.art; a != nil && m.ents.reading.Stage != collection.Final {
			cmds = append(cmds, m.readEntities(a))
		}
	}
	cmds = append(cmds, m.refreshRelated(old))
	return tea.Batch(cmds...)
}

// arrivalNote is how long the status line says how many articles a
// followed archive brought.
const arrivalNote = 10 * time.Second

// arrivalsSeenMsg ends the note of the arrivals numbered seq.
type arrivalsSeenMsg struct{ seq int }

// arrived counts n more articles in the status line's note, and clears
// the note arrivalNote after the last.
func (m *Model) arrived(n int) tea.Cmd {
	m.arrivals += n
	m.arrivalSeq++
	seq := m.arrivalSeq
	return tea.Tick(arrivalNote, func(time.Time) tea.Msg { return arrivalsSeenMsg{seq} })
}

// topEntities is how many of the collection's names the panel lists.
const topEntities = 60

// Searching the collection: the list shows the result of one filter, asked
// in a tea.Cmd and numbered so that a slow answer to an old question never
// overwrites a newer one.

// searchLimit caps the results shown in the list: more than anyone scrolls
// through, few enough to lay out at once.
const searchLimit = 1000

// firstResults is how many results a keystroke's search asks for first:
// more than a screen shows, and cheap enough that the frame after each
// keystroke is drawn well within 16 ms on SaudiNewsNet (asking for all
// 1,000 of a common word took up to 35 ms there). The rest follows in a
// second command, unless the user has typed on.
const firstResults = 100

// resultMsg answers a question to the collection; partial says it holds
// only the first results, the rest still to be asked for.
type resultMsg struct {
	seq     int64
	res     collection.Result
	partial bool
	fresh   bool // a new filter, not the same one asked again
}

// requery asks for the articles filter f keeps. fresh moves the cursor to
// the top; otherwise (the collection grew) it stays on its article. The
// whole collection in order of place is at hand and is shown at once.
func (m *Model) requery(f collection.Filter, fresh bool) tea.Cmd {
	seq := m.searches.Add(1)
	if f.IsZero() {
		m.list.setResult(m.coll.Query(f, 0), m.status.Articles, fresh)
		return nil
	}
	c, latest := m.coll, &m.searches
	limit := searchLimit
	if fresh {
		limit = firstResults
	}
	return func() tea.Msg {
		if latest.Load() != seq {
			return nil
		}
		res := c.Query(f, limit)
		return resultMsg{seq: seq, res: res, partial: fresh && res.Cut, fresh: fresh}
	}
}

func (m *Model) gotResult(msg resultMsg) tea.Cmd {
	if msg.seq != m.searches.Load() {
		return nil
	}
	m.list.setResult(msg.res, m.status.Articles, msg.fresh)
	m.list.partial = msg.partial
	m.placeCursor()
	if !msg.partial {
		return nil
	}
	c, latest, seq, f := m.coll, &m.searches, msg.seq, msg.res.Filter
	return func() tea.Msg {
		if latest.Load() != seq {
			return nil
		}
		return resultMsg{seq: seq, res: c.Query(f, searchLimit)}
	}
}

// setFilter shows the articles f keeps, from the top (or the open
// article, see placeCursor).
func (m *Model) setFilter(f collection.Filter) tea.Cmd {
	m.list.want = f
	cmd := m.requery(f, true)
	m.placeCursor()
	return cmd
}

// openArticle shows a in the reader and gives it the focus; opened from
// search results it starts at the first match, n/N going through the
// others.
func (m *Model) openArticle(a *collection.Article) tea.Cmd {
	m.visit(a)
	m.reader.open(a, m.coll.Copies(a))
	m.focus = paneReader
	if h := m.list.hit(a); h != nil {
		q, _ := m.list.filter().Term(collection.ByQuery)
		m.reader.setSearch(q.Value, h.Matches)
		m.reader.showCurrent(m.size(paneReader))
	}
	return tea.Batch(m.showEntities(a), m.showDates(a), m.showRelated(a), m.markRead(a))
}

// entitiesMsg carries an article's names, read in a tea.Cmd.
type entitiesMsg struct {
	art     *collection.Article
	reading collection.Reading
}

// showEntities makes the Entities panel follow article a.
func (m *Model) showEntities(a *collection.Article) tea.Cmd {
	if !m.ents.show(a) {
		return nil
	}
	return m.readEntities(a)
}

// readEntities asks the collection for a's names off the UI goroutine: an
// article not read yet is read then.
func (m *Model) readEntities(a *collection.Article) tea.Cmd {
	c := m.coll
	return func() tea.Msg { return entitiesMsg{a, c.Entities(a)} }
}

// gotEntities shows a reading in the panel; the reader's highlight follows
// the panel's update in place.
func (m *Model) gotEntities(msg entitiesMsg) {
	if !m.ents.got(msg.art, msg.reading) || m.reader.art != msg.art || !m.reader.has(layerEntity) {
		return
	}
	if e := m.ents.selected(); e != nil && e.Key == m.reader.layers[layerEntity].key {
		m.reader.setLayer(layerEntity, e.Key, e.Mentions, true)
	} else {
		m.reader.setLayer(layerEntity, "", nil, false)
	}
}

// movePanel moves the focused side panel's cursor and shows in the reader
// what it points at.
func (m *Model) movePanel(n int) {
	p := m.side.focused()
	if p == nil {
		return
	}
	m.apply(p.move(n))
}

// apply does what a side panel asks.
func (m *Model) apply(in intent) tea.Cmd {
	switch {
	case in.highlight != nil:
		h := in.highlight
		if h.art == m.reader.art {
			m.reader.setLayer(h.layer, h.key, h.spans, false)
			m.reader.showCurrent(m.size(paneReader))
		}
	case in.narrow != nil:
		m.reader.setLayer(layerEntity, "", nil, false)
		m.focus = paneList
		return m.setFilter(m.list.filter().With(*in.narrow))
	case in.open != nil:
		return m.openArticle(in.open)
	}
	return nil
}

// statusFilter is the filter's description for the status line, "" when
// the list shows the whole collection.
func (m *Model) statusFilter() string {
	f := m.list.filter()
	s := strings.TrimSpace(m.describeFilter(f))
	if m.list.onlyBookmarks {
		s = strings.TrimPrefix(s+" · "+m.tr.Text("bookmarked"), " · ")
	}
	return s
}
