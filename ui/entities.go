package ui

import (
	"slices"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// The Entities panel: the names in the open article by kind, with how often
// each is named, or before any article is opened the names found in the
// most articles of the collection. Moving through it highlights the
// selected name's mentions in the reader; enter shows the articles naming
// it in the list.

// kindTitle heads each kind's group in the panel.
var kindTitle = [...]string{
	collection.Person:       "People",
	collection.Place:        "Places",
	collection.Organisation: "Organisations",
	collection.Other:        "Other names",
}

// entityPanel is the state of the Entities panel.
type entityPanel struct {
	*env
	art     *collection.Article
	reading collection.Reading  // art's names, grouped by kind
	top     []collection.Ranked // the collection's most named, grouped by kind
	cursor  int
	offset  int // first row on screen

	labels labelCache
}

// labelCacheSize bounds the laid-out labels kept.
const labelCacheSize = 4096

// labelAt is a label laid out in so many cells (the count beside it
// takes more or fewer cells, so the width varies from row to row).
type labelAt struct {
	text  string
	width int
}

// labelCache holds labels already laid out: View runs on every frame
// and must not reorder and shape unchanged text again. It is dropped
// whole when it grows past labelCacheSize (after many resizes).
type labelCache map[labelAt]line

// get returns text laid out on one line of at most w cells, from the
// cache when it was laid out before.
func (c *labelCache) get(text string, w int, cfg Config) line {
	k := labelAt{text, w}
	if l, ok := (*c)[k]; ok {
		return l
	}
	if *c == nil || len(*c) > labelCacheSize {
		*c = make(labelCache)
	}
	l := first(layoutParagraph(text, textOptions{Width: w, MaxLines: 1}, cfg))
	(*c)[k] = l
	return l
}

// show makes the panel follow article a, and reports whether it changed
// articles: then a's names are to be asked for.
func (p *entityPanel) show(a *collection.Article) bool {
	if a == p.art {
		return false
	}
	p.art, p.reading, p.cursor, p.offset = a, collection.Reading{}, 0, 0
	return true
}

// got shows a reading of article a, and reports whether it changed what
// the panel lists: the open article's names, shown, or updated in place,
// the cursor staying on the name it was on.
func (p *entityPanel) got(a *collection.Article, r collection.Reading) bool {
	if a != p.art || r.Stage < p.reading.Stage {
		return false
	}
	var on string
	if e := p.selected(); e != nil {
		on = e.Key
	}
	p.reading = r
	if i := slices.IndexFunc(r.Entities, func(e collection.Entity) bool { return e.Key == on }); i >= 0 {
		p.cursor = i
	} else {
		p.cursor = clamp(p.cursor, 0, max(len(r.Entities)-1, 0))
	}
	return true
}

// setTop replaces the collection's list, grouped by kind, most named first
// within each.
func (p *entityPanel) setTop(top []collection.Ranked) {
	top = slices.Clone(top)
	slices.SortStableFunc(top, func(a, b collection.Ranked) int { return int(a.Entity.Kind) - int(b.Entity.Kind) })
	p.top = top
	if p.art == nil {
		p.cursor = clamp(p.cursor, 0, max(len(top)-1, 0))
	}
}

// shown returns the entities the panel lists now and the count beside
// each: mentions in the open article, or (inArticles) articles of the
// collection.
func (p *entityPanel) shown() (es []collection.Entity, counts []int, inArticles bool) {
	if p.art != nil {
		for _, e := range p.reading.Entities {
			es = append(es, e)
			counts = append(counts, len(e.Mentions))
		}
		return es, counts, false
	}
	for _, r := range p.top {
		es = append(es, r.Entity)
		counts = append(counts, r.Articles)
	}
	return es, counts, true
}

func (p *entityPanel) len() int {
	if p.art != nil {
		return len(p.reading.Entities)
	}
	return len(p.top)
}

// selected returns the entity under the cursor, nil when there is none.
func (p *entityPanel) selected() *collection.Entity {
	if p.cursor < 0 || p.cursor >= p.len() {
		return nil
	}
	if p.art != nil {
		return &p.reading.Entities[p.cursor]
	}
	return &p.top[p.cursor].Entity
}

func (p *entityPanel) title() string { return p.tr.Text("Entities") }
func (p *entityPanel) lines() int    { return 0 }

// move moves the cursor and asks for the selected name's mentions to be
// highlighted in the open article.
func (p *entityPanel) move(n int) intent {
	p.cursor = clamp(p.cursor+n, 0, max(p.len()-1, 0))
	e := p.selected()
	if e == nil || p.art == nil {
		return intent{}
	}
	return intent{highlight: &highlight{art: p.art, layer: layerEntity, key: e.Key, spans: e.Mentions}}
}

// choose lists the articles naming the selected name.
func (p *entityPanel) choose() intent {
	e := p.selected()
	if e == nil {
		return intent{}
	}
	return intent{narrow: &collection.Term{Field: collection.ByEntity, Value: e.Key, Label: e.Label}}
}

func (p *entityPanel) enterHelp() string { return "articles naming it" }

// entityRow is one drawn line of the panel: a kind heading or an entity.
type entityRow struct {
	heading string
	entity  int // index into the shown entities, for entity rows
}

// rows lists the panel's lines: each kind's heading, then its entities.
func rows(es []collection.Entity, tr *lang.Printer) []entityRow {
	var out []entityRow
	for i, e := range es {
		if i == 0 || es[i-1].Kind != e.Kind {
			n := 0
			for _, f := range es[i:] {
				if f.Kind == e.Kind {
					n++
				}
			}
			out = append(out, entityRow{heading: tr.Sprintf("%s %d", tr.Text(kindTitle[e.Kind]), n), entity: -1})
		}
		out = append(out, entityRow{entity: i})
	}
	return out
}

// view draws the panel's body (its title line is the side column's) in w×h.
func (p *entityPanel) view(w, h int, focused bool) []string {
	st := &p.st
	var out []string
	say := func(s string) []string {
		out = append(out, p.sentence(s, w)...)
		return out
	}
	switch {
	case p.art == nil && len(p.top) == 0:
		return say(p.tr.Text("Open an article to see the names in it."))
	case p.art != nil && p.reading.Stage == collection.Unread:
		return say(p.tr.Text("Finding names…"))
	case p.art != nil && len(p.reading.Entities) == 0:
		return say(p.tr.Text("No names found in this article."))
	}
	es, counts, inArticles := p.shown()
	if p.art == nil {
		out = say(p.tr.Text("Most named in the collection"))
		h -= len(out)
	}
	rest := p.reading.Stage == collection.Head && h > 1 // a line says the rest is coming
	if rest {
		h--
	}
	rs := rows(es, p.tr)
	// Keep the cursor's row on screen.
	at := 0
	for i, r := range rs {
		if r.heading == "" && r.entity == p.cursor {
			at = i
		}
	}
	if at < p.offset {
		p.offset = at
	}
	if at >= p.offset+h {
		p.offset = at - h + 1
	}
	p.offset = clamp(p.offset, 0, max(len(rs)-h, 0))
	tw := max(w-2, 1)
	for _, r := range rs[p.offset:] {
		if h <= 0 {
			break
		}
		h--
		if r.heading != "" {
			out = append(out, p.align(p.inOrder(" ", p.say(r.heading, w-1, st.heading)), w))
			continue
		}
		count := p.tr.Sprintf("%d×", counts[r.entity])
		if inArticles {
			count = p.tr.Sprintf("%d art.", counts[r.entity])
		}
		nameW := max(tw-textWidthOf(count)-1, 1)
		name := p.labels.get(es[r.entity].Label, nameW, p.cfg)
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
			l = style.Render(" ") + p.draw(count, style) + style.Render(" ") + drawLine(name, nameW, style, st)
		} else {
			l = style.Render(" ") + fitStyled(drawLine(name, nameW, style, st), nameW, &style) + style.Render(" ") + p.draw(count, style)
		}
		out = append(out, fitStyled(l, w, &style))
	}
	if rest {
		out = append(out, p.sentence(p.tr.Text("Reading the rest…"), w)[0])
	}
	return out
}
