package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Span style tags passed to the bidi package with text spans; the reader and
// the list turn them back into styles when they draw a line's segments.
const (
	tagPlain   = 0
	tagHit     = 1 // a search match
	tagCurrent = 2 // the match n/N is on
	tagEntity  = 3 // a mention of the selected entity
	// What a Markdown article sets off: emphasis, strong emphasis, code
	// and link text.
	tagEmphasis = 4
	tagStrong   = 5
	tagCode     = 6
	tagLink     = 7
	tagCount    = 8
)

// styles holds every style the screen uses, so that a change of background
// (BackgroundColorMsg) or NO_COLOR rebuilds them all in one place.
type styles struct {
	dark, noColor bool

	paneTitle, paneTitleFocused lipgloss.Style
	separator                   lipgloss.Style
	row, rowSource              lipgloss.Style
	rowSelected, rowSelectedDim lipgloss.Style

	title, meta, heading, quote, caption, removed lipgloss.Style
	placeholder                                   lipgloss.Style

	status, statusWarn lipgloss.Style
	barFull, barEmpty  lipgloss.Style

	tags [tagCount]lipgloss.Style // indexed by tag*
	code lipgloss.Style           // a line of a code block
	help help.Styles
}

// newStyles builds the styles for a dark or light background. With noColor
// (NO_COLOR set, https://no-color.org) only attributes are used: bold,
// faint, italic, underline and reverse still show focus and matches.
func newStyles(dark, noColor bool, colors map[string]string) styles {
	ld := lipgloss.LightDark(dark)
	c := func(light, darkHex string) color.Color {
		if noColor {
			return nil
		}
		return ld(lipgloss.Color(light), lipgloss.Color(darkHex))
	}
	fg := func(s lipgloss.Style, col color.Color) lipgloss.Style {
		if col == nil {
			return s
		}
		return s.Foreground(col)
	}
	bg := func(s lipgloss.Style, col color.Color) lipgloss.Style {
		if col == nil {
			return s
		}
		return s.Background(col)
	}
	// named is a colour of the theme the settings file may replace.
	named := func(name, light, darkHex string) color.Color {
		if v, ok := colors[name]; ok && !noColor {
			return lipgloss.Color(v)
		}
		return c(light, darkHex)
	}
	accent := named("accent", "#005f87", "#5fafd7")
	dim := named("dim", "#6c6c6c", "#8a8a8a")
	warn := named("warn", "#af5f00", "#ffaf5f")
	match := named("match", "#ffd75f", "#d7af5f")
	selection := named("selection", "#afd7ff", "#005f87")

	s := styles{dark: dark, noColor: noColor}
	s.paneTitle = fg(lipgloss.NewStyle().Bold(true), dim)
	s.paneTitleFocused = fg(lipgloss.NewStyle().Bold(true).Underline(noColor), accent)
	s.separator = fg(lipgloss.NewStyle(), dim)
	s.row = lipgloss.NewStyle()
	s.rowSource = fg(lipgloss.NewStyle().Faint(noColor), dim)
	if noColor {
		s.rowSelected = lipgloss.NewStyle().Reverse(true)
		s.rowSelectedDim = lipgloss.NewStyle().Underline(true)
	} else {
		s.rowSelected = bg(fg(lipgloss.NewStyle(), c("#000000", "#ffffff")), selection)
		s.rowSelectedDim = bg(lipgloss.NewStyle(), c("#e4e4e4", "#3a3a3a"))
	}
	s.title = fg(lipgloss.NewStyle().Bold(true), accent)
	s.meta = fg(lipgloss.NewStyle().Faint(noColor), dim)
	s.heading = lipgloss.NewStyle().Bold(true)
	s.quote = fg(lipgloss.NewStyle().Italic(true), c("#5f5f87", "#afafd7"))
	s.caption = fg(lipgloss.NewStyle().Faint(true), dim)
	s.removed = fg(lipgloss.NewStyle(), warn)
	s.placeholder = fg(lipgloss.NewStyle().Faint(noColor), dim)
	s.status = fg(lipgloss.NewStyle(), dim)
	s.statusWarn = fg(lipgloss.NewStyle().Bold(true), warn)
	s.barFull = fg(lipgloss.NewStyle(), accent)
	s.barEmpty = fg(lipgloss.NewStyle(), dim)

	s.tags[tagPlain] = lipgloss.NewStyle()
	s.tags[tagEmphasis] = lipgloss.NewStyle().Italic(true)
	s.tags[tagStrong] = lipgloss.NewStyle().Bold(true)
	s.tags[tagCode] = fg(lipgloss.NewStyle().Faint(noColor), c("#875f00", "#d7af87"))
	s.tags[tagLink] = fg(lipgloss.NewStyle().Underline(true), accent)
	s.code = s.tags[tagCode]
	if noColor {
		s.tags[tagHit] = lipgloss.NewStyle().Underline(true)
		s.tags[tagCurrent] = lipgloss.NewStyle().Reverse(true)
		s.tags[tagEntity] = lipgloss.NewStyle().Bold(true).Underline(true)
	} else {
		s.tags[tagHit] = bg(fg(lipgloss.NewStyle(), c("#000000", "#000000")), match)
		s.tags[tagCurrent] = bg(fg(lipgloss.NewStyle().Bold(true), c("#000000", "#000000")), c("#ff8700", "#ff8700"))
		s.tags[tagEntity] = fg(lipgloss.NewStyle().Bold(true).Underline(true), c("#870087", "#ff87ff"))
	}

	if noColor {
		s.help = help.Styles{
			ShortKey:       lipgloss.NewStyle().Bold(true),
			ShortDesc:      lipgloss.NewStyle(),
			ShortSeparator: lipgloss.NewStyle(),
			Ellipsis:       lipgloss.NewStyle(),
			FullKey:        lipgloss.NewStyle().Bold(true),
			FullDesc:       lipgloss.NewStyle(),
			FullSeparator:  lipgloss.NewStyle(),
		}
	} else {
		s.help = help.DefaultStyles(dark)
	}
	return s
}

// ColorNames are the colours of the theme the settings file may set.
var ColorNames = []string{"accent", "dim", "warn", "match", "selection"}

// tag returns the style for a bidi span tag; unknown tags are unstyled.
func (s *styles) tag(t int) lipgloss.Style {
	if t < 0 || t >= len(s.tags) {
		return s.tags[tagPlain]
	}
	return s.tags[t]
}
