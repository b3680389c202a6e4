package ui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/entities"
)

// The Entities panel: the names in the open article, by kind, with how often
// each is named. Moving through it highlights the selected name's mentions
// in the reader.

// kindTitle heads each kind's group in the panel.
var kindTitle = map[entities.Kind]string{
	entities.Person:       "People",
	entities.Place:        "Places",
	entities.Organisation: "Organisations",
	entities.Other:        "Other names",
}

// entityPanel is the state of the Entities panel.
type entityPanel struct {
	art     *corpus.Article
	list    []entities.Entity // the article's entities, in Extract's order
	pending bool              // extraction under way for art
	cursor  int
	top     int

	known map[*corpus.Article][]entities.Entity // extracted so far
}

// entitiesMsg carries an article's entities, extracted in a tea.Cmd.
type entitiesMsg struct {
	art *corpus.Article
	es  []entities.Entity
}

// show makes the panel follow article a, extracting its entities in the
// background the first time.
func (p *entityPanel) show(a *corpus.Article) tea.Cmd {
	if a == p.art {
		return nil
	}
	p.art, p.cursor, p.top = a, 0, 0
	if es, ok := p.known[a]; ok {
		p.list, p.pending = es, false
		return nil
	}
	p.list, p.pending = nil, true
	return func() tea.Msg { return entitiesMsg{a, entities.Extract(a)} }
}

// got records extracted entities; they are shown if their article is still
// the open one.
func (p *entityPanel) got(msg entitiesMsg) {
	if p.known == nil || len(p.known) > 1000 {
		p.known = make(map[*corpus.Article][]entities.Entity)
	}
	p.known[msg.art] = msg.es
	if msg.art == p.art {
		p.list, p.pending = msg.es, false
	}
}

// selected returns the entity under the cursor, nil when there is none.
func (p *entityPanel) selected() *entities.Entity {
	if p.cursor < 0 || p.cursor >= len(p.list) {
		return nil
	}
	return &p.list[p.cursor]
}

func (p *entityPanel) move(n int) {
	p.cursor = clamp(p.cursor+n, 0, max(len(p.list)-1, 0))
}

// row is one drawn line of the panel: a kind heading or an entity.
type entityRow struct {
	heading string
	entity  int // index into list, for entity rows
}

// rows lists the panel's lines: each kind's heading, then its entities.
func (p *entityPanel) rows() []entityRow {
	var out []entityRow
	last := entities.Kind(255)
	for i, e := range p.list {
		if e.Kind != last {
			n := 0
			for _, f := range p.list {
				if f.Kind == e.Kind {
					n++
				}
			}
			out = append(out, entityRow{heading: kindTitle[e.Kind] + " " + strconv.Itoa(n), entity: -1})
			last = e.Kind
		}
		out = append(out, entityRow{entity: i})
	}
	return out
}

// view draws the panel's body (its title line is the side column's) in w×h.
func (p *entityPanel) view(w, h int, focused bool, st *styles, cfg Config) []string {
	var out []string
	say := func(s string) []string {
		for _, l := range strings.Split(wrapPlain(s, max(w-2, 1)), "\n") {
			out = append(out, st.placeholder.Render(fit(" "+l, w)))
		}
		return out
	}
	switch {
	case p.art == nil:
		return say("Open an article to see the names in it.")
	case p.pending:
		return say("Finding names…")
	case len(p.list) == 0:
		return say("No names found in this article.")
	}
	rows := p.rows()
	// Keep the cursor's row on screen.
	at := 0
	for i, r := range rows {
		if r.heading == "" && r.entity == p.cursor {
			at = i
		}
	}
	if at < p.top {
		p.top = at
	}
	if at >= p.top+h {
		p.top = at - h + 1
	}
	p.top = clamp(p.top, 0, max(len(rows)-h, 0))
	tw := max(w-2, 1)
	for _, r := range rows[p.top:] {
		if len(out) >= h {
			break
		}
		if r.heading != "" {
			out = append(out, st.heading.Render(fit(" "+r.heading, w)))
			continue
		}
		e := p.list[r.entity]
		count := strconv.Itoa(len(e.Mentions)) + "×"
		nameW := max(tw-len(count)-1, 1)
		name := first(layoutParagraph(e.Label, textOptions{Width: nameW, MaxLines: 1}, cfg))
		style := st.row
		if r.entity == p.cursor {
			style = st.rowSelectedDim
			if focused {
				style = st.rowSelected
			}
		}
		// The count goes where the name ends: on the left of a
		// right-aligned Arabic name, on the right of a Latin one.
		var l string
		if name.RTL {
			l = style.Render(" "+count+" ") + drawLine(name, nameW, style, st)
		} else {
			l = style.Render(" ") + fitStyled(drawLine(name, nameW, style, st), nameW, &style) + style.Render(" "+count)
		}
		out = append(out, fitStyled(l, w, &style))
	}
	return out
}

// mentionSpans returns the selected entity's mentions in paragraph para as
// highlight spans.
func mentionSpans(e *entities.Entity, para int) []span {
	if e == nil {
		return nil
	}
	var out []span
	for _, m := range e.Mentions {
		if m.Para == para {
			out = append(out, span{Start: m.Start, End: m.End, Style: tagEntity})
		}
	}
	return out
}
