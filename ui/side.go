package ui

import (
	"sahifa/corpus/collection"
)

// sidePanel is one panel of the side column: a plain struct that owns its
// state and draws itself. A new panel implements it and is listed in New;
// what it makes happen elsewhere on the screen it asks for as an intent,
// so the Model needs no branch of its own for it.
type sidePanel interface {
	// title is the panel's heading.
	title() string
	// lines is the height the panel asks for, title included; 0 takes
	// what the others leave.
	lines() int
	// view draws the panel's body in w×h cells.
	view(w, h int, focused bool) []string
	// len is the number of rows the cursor moves through; a panel with
	// none cannot take the focus.
	len() int
	// move moves the cursor by n rows (0 to say what is under it).
	move(n int) intent
	// choose is enter on the row under the cursor.
	choose() intent
	// enterHelp says what enter does on the row under the cursor.
	enterHelp() string
}

// intent is what a side panel asks the screen to do.
type intent struct {
	highlight *highlight          // show spans of an article in the reader
	narrow    *collection.Term    // narrow the list with a term
	open      *collection.Article // open an article
}

// highlight is spans of an article to show in a layer of the reader.
type highlight struct {
	art   *collection.Article
	layer int
	key   string
	spans []collection.Span
}

// sideColumn is the side column: its panels stacked, one of them focused
// when the column is.
type sideColumn struct {
	*env
	panels []sidePanel
	active int
}

// focused returns the panel that takes the keys when the column has the
// focus: the active one, if it has rows.
func (c *sideColumn) focused() sidePanel {
	if c.active < 0 || c.active >= len(c.panels) || c.panels[c.active].len() == 0 {
		return nil
	}
	return c.panels[c.active]
}

// step makes the next panel with rows in direction d (±1) the active one,
// and reports whether there was one.
func (c *sideColumn) step(d int) bool {
	for i := c.active + d; i >= 0 && i < len(c.panels); i += d {
		if c.panels[i].len() > 0 {
			c.active = i
			return true
		}
	}
	return false
}

// enter makes active the first panel with rows coming in from direction d:
// from the top for tab, from the bottom for shift+tab. With none, the
// active panel stays.
func (c *sideColumn) enter(d int) {
	was := c.active
	c.active = -1
	if d < 0 {
		c.active = len(c.panels)
	}
	if !c.step(d) {
		c.active = was
	}
}

// heights shares h lines among the panels, title lines included: those
// of a fixed height first served, the last taking what is left.
func (c *sideColumn) heights(h int) []int {
	heights := make([]int, len(c.panels))
	rest, flex := h, 0
	for i, p := range c.panels {
		if n := p.lines(); n > 0 {
			heights[i] = min(n, max(h/len(c.panels), 1))
			rest -= heights[i]
		} else {
			flex++
		}
	}
	for i, p := range c.panels {
		if p.lines() == 0 {
			heights[i] = max(rest/max(flex, 1), 1)
		}
	}
	top := 0
	for i := range heights {
		heights[i] = max(min(heights[i], h-top), 0)
		if i == len(heights)-1 {
			heights[i] = max(h-top, 0)
		}
		top += heights[i]
	}
	return heights
}

// view draws the column: its panels stacked, each under its title.
func (c *sideColumn) view(w, h int, focused bool, st *styles) []string {
	out := make([]string, 0, h)
	if w <= 0 || h <= 0 || len(c.panels) == 0 {
		return out
	}
	for i, n := range c.heights(h) {
		if n == 0 {
			continue
		}
		p := c.panels[i]
		ts := st.paneTitle
		if focused && i == c.active {
			ts = st.paneTitleFocused
		}
		out = append(out, c.say(p.title(), w, ts))
		limit := len(out) + n - 1
		for _, l := range p.view(w, n-1, focused && i == c.active) {
			if len(out) >= limit {
				break
			}
			out = append(out, l)
		}
		for len(out) < limit {
			out = append(out, "")
		}
	}
	return out
}

// at returns the panel drawn on line y of a column h lines high, and the
// line of its body there (-1 on its title).
func (c *sideColumn) at(y, h int) (panel, line int, ok bool) {
	top := 0
	for i, n := range c.heights(h) {
		if y >= top && y < top+n {
			return i, y - top - 1, true
		}
		top += n
	}
	return 0, 0, false
}

// clickable is a side panel that knows what a click on its body means:
// the cell x of line y of what it drew last.
type clickable interface {
	click(x, y int) intent
}

// sentence draws a sentence of the screen's own in a panel w cells wide:
// wrapped, a cell in from the reading side, in the placeholder style.
func (e *env) sentence(s string, w int) []string {
	var out []string
	tw := max(w-2, 1)
	for _, l := range layoutParagraph(s, textOptions{Width: tw}, e.cfg) {
		l.RTL = e.tr.RTL()
		out = append(out, e.align(e.inOrder(" ", fitStyled(drawLine(l, tw, e.st.placeholder, &e.st), tw, &e.st.placeholder)), w))
	}
	return out
}
