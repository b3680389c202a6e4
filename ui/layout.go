package ui

// pane names one of the screen's panes.
type pane uint8

const (
	paneList pane = iota
	paneReader
	paneSide
)

func (p pane) String() string {
	switch p {
	case paneList:
		return "list"
	case paneReader:
		return "reader"
	}
	return "side"
}

// rect is a region of the screen in cells; X, Y count from the top left.
type rect struct{ X, Y, W, H int }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// placed is a visible pane and where it is drawn.
type placed struct {
	Pane pane
	rect
}

// screen is where everything goes for one terminal size: the visible panes
// left to right (a one-cell separator between neighbours), then the status
// and help bars (zero height when the terminal is too short for them).
type screen struct {
	W, H   int
	Panes  []placed
	Status rect
	Help   rect
}

// Widths at which the screen changes shape. At 120 columns the reader keeps
// about 60 cells beside a 36-cell list and a 24-cell side column; at 70 the
// list gets 28 and the reader 41, below that two panes are too cramped for
// Arabic headlines to be told apart.
const (
	wideMin   = 120
	narrowMin = 70
)

// layoutOptions are the inputs of computeLayout besides the size.
type layoutOptions struct {
	Mirror bool // right-to-left: list on the right, side column on the left
	Focus  pane // the pane shown when only one fits; the side column shows beside the list only when focused
}

// computeLayout places the panes for a w×h terminal. It is a pure function so
// that every size can be tested; View and mouse hit-testing both use it.
func computeLayout(w, h int, o layoutOptions) screen {
	s := screen{W: max(w, 0), H: max(h, 0)}
	if w <= 0 || h <= 0 {
		return s
	}
	body := h
	// The help bar goes first when space runs out, then the status bar: a
	// reader in a 3-line terminal still wants its text.
	if body >= 6 {
		body--
		s.Help = rect{0, body, w, 1}
	}
	if body >= 3 {
		body--
		s.Status = rect{0, body, w, 1}
	}

	var order []pane
	var widths []int
	switch {
	case w >= wideMin:
		side := clamp(w/5, 24, 36)
		list := clamp(w*3/10, 30, 48)
		order = []pane{paneList, paneReader, paneSide}
		widths = []int{list, w - side - list - 2, side}
	case w >= narrowMin:
		// The side column, when it has the focus, takes the reader's
		// place beside the list.
		second := paneReader
		if o.Focus == paneSide {
			second = paneSide
		}
		list := clamp(w*2/5, 28, 44)
		order = []pane{paneList, second}
		widths = []int{list, w - list - 1}
	default:
		order = []pane{o.Focus}
		widths = []int{w}
	}
	if o.Mirror {
		for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
			order[i], order[j] = order[j], order[i]
			widths[i], widths[j] = widths[j], widths[i]
		}
	}
	x := 0
	for i, p := range order {
		s.Panes = append(s.Panes, placed{p, rect{x, 0, widths[i], body}})
		x += widths[i] + 1
	}
	return s
}

// find returns where p is drawn, and whether it is visible at all.
func (s screen) find(p pane) (rect, bool) {
	for _, pl := range s.Panes {
		if pl.Pane == p {
			return pl.rect, true
		}
	}
	return rect{}, false
}

// at returns the pane under the cell (x, y).
func (s screen) at(x, y int) (pane, bool) {
	for _, pl := range s.Panes {
		if pl.contains(x, y) {
			return pl.Pane, true
		}
	}
	return 0, false
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}
