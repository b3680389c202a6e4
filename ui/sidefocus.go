package ui

// Tab goes through the side column's panels that have rows, one after
// another, before it leaves the column.

// focusable reports whether panel i can take the focus.
func (c *sideColumn) focusable(i int) bool {
	return i >= 0 && i < len(c.panels) && c.panels[i].len() > 0
}

// step moves the focus d panels on (+1 or -1) to the next panel that can
// take it, and reports whether there was one before the column's end.
func (c *sideColumn) step(d int) bool {
	for i := c.active + d; i >= 0 && i < len(c.panels); i += d {
		if c.focusable(i) {
			c.active = i
			return true
		}
	}
	return false
}

// enter gives the focus to the first panel that can take it, or the last
// when coming back with d < 0; the active panel stays when none can.
func (c *sideColumn) enter(d int) {
	from, to := 0, len(c.panels)
	if d < 0 {
		from, to = len(c.panels)-1, -1
		d = -1
	} else {
		d = 1
	}
	for i := from; i != to; i += d {
		if c.focusable(i) {
			c.active = i
			return
		}
	}
}
