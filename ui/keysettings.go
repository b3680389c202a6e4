package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
)

// actions names the bindings the settings file's [keys] table may change,
// the main actions of the screen; the prompt's keys and ctrl+c stay.
func (k *keyMap) actions() map[string]*key.Binding {
	return map[string]*key.Binding{
		"up": &k.Up, "down": &k.Down,
		"page_down": &k.PageDown, "page_up": &k.PageUp,
		"half_down": &k.HalfDown, "half_up": &k.HalfUp,
		"top": &k.Top, "bottom": &k.Bottom,
		"next_pane": &k.NextPane, "previous_pane": &k.PrevPane,
		"open": &k.Open, "back": &k.Back,
		"next_article": &k.NextArticle, "previous_article": &k.PrevArticle,
		"history_back": &k.HistoryBack, "history_forward": &k.HistoryForward,
		"removed_text": &k.Raw, "problems": &k.Problems,
		"search": &k.Search, "next_match": &k.NextMatch, "previous_match": &k.PrevMatch,
		"date_range": &k.DateRange, "sort": &k.SortDate,
		"open_link": &k.OpenLink, "copy_link": &k.CopyLink,
		"bookmark": &k.Bookmark, "bookmarks": &k.Bookmarks,
		"same_source": &k.SameSource, "same_category": &k.SameCategory,
		"help": &k.Help, "quit": &k.Quit,
	}
}

// KeyActions returns the names of the actions the settings file may bind
// to other keys, sorted.
func KeyActions() []string {
	var k keyMap
	names := make([]string, 0, 32)
	for name := range k.actions() {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// remap binds each action of keys to the keys given instead of its own
// (their Arabic-layout twins too), the first one labelling it in the
// help; unknown actions and empty lists are left alone (main reports
// them).
func (k *keyMap) remap(keys map[string][]string) {
	acts := k.actions()
	for name, ks := range keys {
		b, ok := acts[name]
		if !ok || len(ks) == 0 {
			continue
		}
		*b = bind(ks[0], b.Help().Desc, ks...)
	}
}
