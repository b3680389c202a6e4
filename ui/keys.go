package ui

import "charm.land/bubbles/v2/key"

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
//
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
	"J": {"\u0640"},
	"K": {"،"},
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
	Raw              key.Binding
	Problems         key.Binding
	Search           key.Binding
	NextMatch        key.Binding
	PrevMatch        key.Binding
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
		Raw:         bind("R", "removed text", "R"),
		Problems:    bind("p", "load problems", "p"),
		Search:      bind("/", "search", "/"),
		NextMatch:   bind("n", "next match", "n"),
		PrevMatch:   bind("N", "previous match", "N"),
		Help:        bind("?", "help", "?"),
		Quit:        bind("q", "quit", "q"),
		ForceQuit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Accept:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep results")),
		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search")),
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
	return []key.Binding{k.Down, k.Up, k.Open, k.Back, k.Search, k.NextMatch, k.Help, k.Quit, k.Raw, k.Problems, k.NextPane}
}

// FullHelp returns every binding in groups, for the `?` screen.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextPane, k.PrevPane, k.Open, k.Back, k.NextArticle, k.PrevArticle, k.Raw, k.Problems},
		{k.Search, k.NextMatch, k.PrevMatch, k.Help, k.Quit, k.ForceQuit},
	}
}
