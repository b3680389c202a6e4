package ui

import "strings"

// sidePanel is one panel of the side column. Dates and Related are not built
// yet; their panels say what will be there rather than show made-up data.
type sidePanel struct {
	title string
	body  func(w, h int) []string
	// lines is the height the panel asks for, title included; 0 takes
	// what the others leave.
	lines int
}

// sideView draws the side column: its panels stacked, those of a fixed
// height first served, the first panel focused when the column is.
func sideView(panels []sidePanel, w, h int, focused bool, st *styles) []string {
	out := make([]string, 0, h)
	if w <= 0 || h <= 0 || len(panels) == 0 {
		return out
	}
	heights := make([]int, len(panels))
	rest, flex := h, 0
	for i, p := range panels {
		if p.lines > 0 {
			heights[i] = min(p.lines, max(h/len(panels), 1))
			rest -= heights[i]
		} else {
			flex++
		}
	}
	for i, p := range panels {
		if p.lines == 0 {
			heights[i] = max(rest/flex, 1)
		}
	}
	for i, p := range panels {
		if len(out) >= h {
			break
		}
		ts := st.paneTitle
		if focused && i == 0 {
			ts = st.paneTitleFocused
		}
		out = append(out, ts.Render(fit(p.title, w)))
		limit := min(len(out)+heights[i]-1, h)
		if i == len(panels)-1 {
			limit = h
		}
		for _, l := range p.body(w, limit-len(out)) {
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

// placeholderPanel is a panel for a feature still to come: its title and a
// wrapped sentence saying what it will show.
func placeholderPanel(title, what string, st *styles) sidePanel {
	return sidePanel{title: title, lines: 4, body: func(w, _ int) []string {
		var out []string
		for _, l := range strings.Split(wrapPlain(what, max(w-2, 1)), "\n") {
			out = append(out, st.placeholder.Render(" "+l))
		}
		return out
	}}
}
