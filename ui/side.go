package ui

import "strings"

// sidePanel is one panel of the side column. Dates and Related are not built
// yet; their panels say what will be there rather than show made-up data.
type sidePanel struct {
	title string
	body  func(w int) []string
}

// sideView draws the side column: its panels stacked, each given an equal
// share of the height.
func sideView(panels []sidePanel, w, h int, focused bool, st *styles) []string {
	out := make([]string, 0, h)
	if w <= 0 || h <= 0 || len(panels) == 0 {
		return out
	}
	each := max(h/len(panels), 1)
	for i, p := range panels {
		if len(out) >= h {
			break
		}
		ts := st.paneTitle
		if focused && i == 0 {
			ts = st.paneTitleFocused
		}
		out = append(out, ts.Render(fit(p.title, w)))
		limit := min(len(out)+each-1, h)
		if i == len(panels)-1 {
			limit = h
		}
		for _, l := range p.body(w) {
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
	return sidePanel{title: title, body: func(w int) []string {
		var out []string
		for _, l := range strings.Split(wrapPlain(what, max(w-2, 1)), "\n") {
			out = append(out, st.placeholder.Render(" "+l))
		}
		return out
	}}
}
