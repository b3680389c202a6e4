package ui

import "testing"

func TestLayoutShapes(t *testing.T) {
	for _, tc := range []struct {
		w, h   int
		o      layoutOptions
		panes  []pane
		widths []int
	}{
		{80, 24, layoutOptions{}, []pane{paneList, paneReader}, []int{32, 47}},
		{80, 24, layoutOptions{Mirror: true}, []pane{paneReader, paneList}, []int{47, 32}},
		{80, 24, layoutOptions{Focus: paneSide}, []pane{paneList, paneSide}, []int{32, 47}},
		{120, 30, layoutOptions{}, []pane{paneList, paneReader, paneSide}, []int{36, 58, 24}},
		{160, 40, layoutOptions{Mirror: true}, []pane{paneSide, paneReader, paneList}, []int{32, 78, 48}},
		{69, 20, layoutOptions{Focus: paneReader}, []pane{paneReader}, []int{69}},
		{1, 1, layoutOptions{}, []pane{paneList}, []int{1}},
	} {
		s := computeLayout(tc.w, tc.h, tc.o)
		if len(s.Panes) != len(tc.panes) {
			t.Fatalf("%dx%d %+v: %+v", tc.w, tc.h, tc.o, s.Panes)
		}
		for i, p := range s.Panes {
			if p.Pane != tc.panes[i] || p.W != tc.widths[i] {
				t.Errorf("%dx%d %+v: pane %d is %v w%d, want %v w%d", tc.w, tc.h, tc.o, i, p.Pane, p.W, tc.panes[i], tc.widths[i])
			}
		}
	}
}

// TestLayoutInvariants checks every size up to 250×70: panes and their
// separators fill the width exactly, bars sit under the panes, nothing has a
// negative or zero size.
func TestLayoutInvariants(t *testing.T) {
	for w := 0; w <= 250; w++ {
		for h := 0; h <= 70; h++ {
			for _, o := range []layoutOptions{{}, {Mirror: true, Focus: paneSide}} {
				s := computeLayout(w, h, o)
				if w == 0 || h == 0 {
					if len(s.Panes) != 0 {
						t.Fatalf("%dx%d: panes on an empty screen", w, h)
					}
					continue
				}
				x := 0
				for _, p := range s.Panes {
					if p.X != x || p.W < 1 || p.H < 1 || p.Y != 0 {
						t.Fatalf("%dx%d %+v: bad pane %+v", w, h, o, p)
					}
					x += p.W + 1
				}
				if x-1 != w {
					t.Fatalf("%dx%d: panes cover %d cells", w, h, x-1)
				}
				body := s.Panes[0].H
				bars := s.Status.H + s.Help.H
				if body+bars != h {
					t.Fatalf("%dx%d: body %d + bars %d", w, h, body, bars)
				}
				if s.Status.H > 0 && s.Status.Y != body || s.Help.H > 0 && s.Help.Y != h-1 {
					t.Fatalf("%dx%d: bars at %+v %+v", w, h, s.Status, s.Help)
				}
				if p, ok := s.at(0, 0); !ok || p != s.Panes[0].Pane {
					t.Fatalf("%dx%d: at(0,0) = %v %v", w, h, p, ok)
				}
			}
		}
	}
}
