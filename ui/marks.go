package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
)

// Marks is where the screen keeps what the reader marks on articles from
// one run to the next: read, and bookmarked, by article ID. main gives it
// the store of Sahifa's state file.
type Marks interface {
	// Read reports whether the article has been read.
	Read(id string) bool
	// SetRead marks it read and reports whether that changed anything.
	SetRead(id string) bool
	// Bookmarked reports whether it is bookmarked.
	Bookmarked(id string) bool
	// ToggleBookmark bookmarks it or drops its bookmark, and returns
	// whether it is bookmarked now.
	ToggleBookmark(id string) bool
	// Save keeps the marks for the next run.
	Save() error
}

// runMarks keeps marks for this run only, when there is no state file.
type runMarks struct{ read, bookmarks map[string]bool }

func newRunMarks() *runMarks {
	return &runMarks{read: map[string]bool{}, bookmarks: map[string]bool{}}
}

func (r *runMarks) Read(id string) bool       { return r.read[id] }
func (r *runMarks) Bookmarked(id string) bool { return r.bookmarks[id] }
func (r *runMarks) Save() error               { return nil }

func (r *runMarks) SetRead(id string) bool {
	was := r.read[id]
	r.read[id] = true
	return !was
}

func (r *runMarks) ToggleBookmark(id string) bool {
	r.bookmarks[id] = !r.bookmarks[id]
	return r.bookmarks[id]
}

// marksSavedMsg says how saving the marks went.
type marksSavedMsg struct{ err error }

// saveMarks writes the marks in a tea.Cmd: it is file IO.
func (m *Model) saveMarks() tea.Cmd {
	mk := m.cfg.Marks
	return func() tea.Msg { return marksSavedMsg{mk.Save()} }
}

func (m *Model) gotMarksSaved(msg marksSavedMsg) {
	if msg.err != nil {
		m.notice = m.tr.Sprintf("marks not saved: %v", msg.err)
	}
}

// markRead marks a read, as opening it does, and saves if that is news.
func (m *Model) markRead(a *collection.Article) tea.Cmd {
	if !m.cfg.Marks.SetRead(a.ID) {
		return nil
	}
	return m.saveMarks()
}

// marksKey answers m (bookmark the article) and M (only the bookmarks in
// the list); ok is false for other keys.
func (m *Model) marksKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	switch {
	case key.Matches(msg, m.keys.Bookmark):
		a := m.keyArticle()
		if a == nil {
			return nil, true
		}
		m.list.rows = nil // the row's ★
		if m.cfg.Marks.ToggleBookmark(a.ID) {
			m.notice = m.tr.Text("bookmarked")
		} else {
			m.notice = m.tr.Text("bookmark removed")
		}
		cmds := []tea.Cmd{m.saveMarks()}
		if m.list.onlyBookmarks {
			cmds = append(cmds, m.requery(m.list.filter(), false))
		}
		return tea.Batch(cmds...), true
	case key.Matches(msg, m.keys.Bookmarks):
		return m.showBookmarks(!m.list.onlyBookmarks), true
	}
	return nil, false
}

// showBookmarks narrows the list to the bookmarked articles, or widens it
// back.
func (m *Model) showBookmarks(on bool) tea.Cmd {
	m.list.onlyBookmarks = on
	m.focus = paneList
	return m.requery(m.list.filter(), true)
}
