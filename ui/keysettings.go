package ui

import (
	"maps"
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

// KeyClash is a key the settings file binds to Action that Other has too,
// by its own binding or by the file's.
type KeyClash struct{ Key, Action, Other string }

// KeyClashes returns the keys that keys binds to an action while another
// action has them too, each pair once, in order of action and key: such
// a key would do whichever of the two the screen checks first.
func KeyClashes(keys map[string][]string) []KeyClash {
	k := defaultKeyMap()
	k.remap(keys)
	acts := k.actions()
	others := slices.Sorted(maps.Keys(acts))
	var out []KeyClash
	for _, name := range slices.Sorted(maps.Keys(keys)) {
		if _, ok := acts[name]; !ok {
			continue
		}
		for _, key := range keys[name] {
			for _, other := range others {
				// A clash of two actions the file binds is told once.
				if _, both := keys[other]; other == name || both && other < name {
					continue
				}
				if slices.Contains(acts[other].Keys(), key) {
					out = append(out, KeyClash{Key: key, Action: name, Other: other})
				}
			}
		}
	}
	return out
}
