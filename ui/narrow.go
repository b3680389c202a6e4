package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
)

// Narrowing the list to the source or the category of an article, from
// the list or the reader: the key again, or esc, widens it back.

// narrowKey answers the keys that narrow the list by a field of the
// article under the cursor (or open); ok is false for other keys.
func (m *Model) narrowKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	var field collection.Field
	switch {
	case key.Matches(msg, m.keys.SameSource):
		field = collection.BySource
	case key.Matches(msg, m.keys.SameCategory):
		field = collection.ByCategory
	default:
		return nil, false
	}
	value := fieldOf(m.keyArticle(), field)
	if value == "" {
		return nil, true
	}
	f := m.list.filter()
	if t, has := f.Term(field); has && t.Value == value {
		f = f.Without(field)
	} else {
		f = f.With(collection.Term{Field: field, Value: value})
	}
	m.focus = paneList
	return m.setFilter(f), true
}

// keyArticle is the article keys such as o or S act on: the open one in
// the reader, the selected one in the list.
func (m *Model) keyArticle() *collection.Article {
	if m.focus == paneList {
		return m.list.selected()
	}
	return m.reader.art
}

// fieldOf returns a's source or category, "" when a is nil.
func fieldOf(a *collection.Article, field collection.Field) string {
	if a == nil {
		return ""
	}
	if field == collection.BySource {
		return a.Source
	}
	return a.Category
}
