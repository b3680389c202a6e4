package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus"
	"sahifa/corpus/entities"
)

// The Entities panel: the names in the open article by kind, with how often
// each is named, or before any article is opened the names found in the
// most articles of the collection. Moving through it highlights the
// selected name's mentions in the reader; enter shows the articles naming
// it in the list.

// kindTitle heads each kind's group in the panel.
var kindTitle = map[entities.Kind]string{
	entities.Person:       "People",
	entities.Place:        "Places",
	entities.Organisation: "Organisations",
	entities.Other:        "Other names",
}

// topEntities is how many of the collection's names the panel lists.
const topEntities = 60

// entityPanel is the state of the Entities panel.
type entityPanel struct {
	art     *corpus.Article
	list    []entities.Entity // the open article's entities, grouped by kind
	pending bool              // extraction under way for art
	top     []entities.Ranked // the collection's most named, grouped by kind
	cursor  int
	offset  int // first row on screen

	// known holds every article's entities extracted so far, in the
	// background or on opening, so that an article's panel shows at once.
	// They are kept compact (see keep): on SaudiNewsNet they are a third
	// of a million names.
	known map[*corpus.Article][]entities.Entity
	names map[string]string // one copy of each key and label

	// labels holds the labels already laid out: View runs on every frame
	// and must not reorder and shape unchanged text again. It is dropped
	// when it grows past a few thousand (after many resizes).
	labels map[labelAt]line
}

// labelAt is a label laid out in so many cells (the count beside it
// takes more or fewer cells, so the width varies from row to row).
type labelAt struct {
	text  string
	width int
}

// label returns text laid out on one line of at most w cells, from the
// cache when it was laid out before.
func (p *entityPanel) label(text string, w int, cfg Config) line {
	k := labelAt{text, w}
	if l, ok := p.labels[k]; ok {
		return l
	}
	if p.labels == nil || len(p.labels) > 4096 {
		p.labels = make(map[labelAt]line)
	}
	l := first(layoutParagraph(text, textOptions{Width: w, MaxLines: 1}, cfg))
	p.labels[k] = l
	return l
}

// entitiesMsg carries an article's entities, extracted in a tea.Cmd.
type entitiesMsg struct {
	art *corpus.Article
	es  []entities.Entity
}

// show makes the panel follow article a, extracting its entities in the
// background if the collection's extraction has not reached it yet; they go
// into the catalog too. Extraction goes through the catalog, so that a name
// the collection knows with confidence is found where the tagger alone
// would miss it (issue 5's consistency across the collection).
func (p *entityPanel) show(a *corpus.Article, cat *entities.Catalog) tea.Cmd {
	if a == p.art {
		return nil
	}
	p.art, p.cursor, p.offset = a, 0, 0
	if es, ok := p.known[a]; ok {
		p.list, p.pending = es, false
		return nil
	}
	p.list, p.pending = nil, true
	return func() tea.Msg {
		es := cat.Extract(a)
		cat.Add(a, es)
		return entitiesMsg{a, es}
	}
}

// got records extracted entities; they are shown if their article is still
// the open one.
func (p *entityPanel) got(msg entitiesMsg) {
	if p.known == nil {
		p.known = make(map[*corpus.Article][]entities.Entity)
		p.names = make(map[string]string)
	}
	msg.es = p.keep(msg.es)
	p.known[msg.art] = msg.es
	if msg.art == p.art {
		p.list, p.pending = msg.es, false
	}
}

// keep returns a compact copy of es to hold on to: the names shared with
// other articles' entities, the mentions in one array of exactly their
// number.
func (p *entityPanel) keep(es []entities.Entity) []entities.Entity {
	if len(es) == 0 {
		return nil
	}
	n := 0
	for _, e := range es {
		n += len(e.Mentions)
	}
	out := make([]entities.Entity, len(es))
	ms := make([]entities.Mention, 0, n)
	for i, e := range es {
		out[i] = e
		out[i].Key, out[i].Label = p.name(e.Key), p.name(e.Label)
		ms = append(ms, e.Mentions...)
		out[i].Mentions = ms[len(ms)-len(e.Mentions) : len(ms) : len(ms)]
	}
	return out
}

func (p *entityPanel) name(s string) string {
	if c, ok := p.names[s]; ok {
		return c
	}
	p.names[s] = s
	return s
}

// setTop replaces the collection's list, grouped by kind, most named first
// within each.
func (p *entityPanel) setTop(top []entities.Ranked) {
	top = slices.Clone(top)
	slices.SortStableFunc(top, func(a, b entities.Ranked) int { return int(a.Entity.Kind) - int(b.Entity.Kind) })
	p.top = top
	if p.art == nil {
		p.cursor = clamp(p.cursor, 0, max(len(top)-1, 0))
	}
}

// shown returns the entities the panel lists now and the count beside
// each: mentions in the open article, or articles of the collection.
func (p *entityPanel) shown() (es []entities.Entity, counts []int, unit string) {
	if p.art != nil {
		for _, e := range p.list {
			es = append(es, e)
			counts = append(counts, len(e.Mentions))
		}
		return es, counts, "×"
	}
	for _, r := range p.top {
		es = append(es, r.Entity)
		counts = append(counts, r.Articles)
	}
	return es, counts, " art."
}

func (p *entityPanel) len() int {
	if p.art != nil {
		return len(p.list)
	}
	return len(p.top)
}

// selected returns the entity under the cursor, nil when there is none.
func (p *entityPanel) selected() *entities.Entity {
	if p.cursor < 0 || p.cursor >= p.len() {
		return nil
	}
	if p.art != nil {
		return &p.list[p.cursor]
	}
	return &p.top[p.cursor].Entity
}

func (p *entityPanel) move(n int) {
	p.cursor = clamp(p.cursor+n, 0, max(p.len()-1, 0))
}

// entityRow is one drawn line of the panel: a kind heading or an entity.
type entityRow struct {
	heading string
	entity  int // index into the shown entities, for entity rows
}

// rows lists the panel's lines: each kind's heading, then its entities.
func rows(es []entities.Entity) []entityRow {
	var out []entityRow
	for i, e := range es {
		if i == 0 || es[i-1].Kind != e.Kind {
			n := 0
			for _, f := range es[i:] {
				if f.Kind == e.Kind {
					n++
				}
			}
			out = append(out, entityRow{heading: kindTitle[e.Kind] + " " + strconv.Itoa(n), entity: -1})
		}
		out = append(out, entityRow{entity: i})
	}
	return out
}

// view draws the panel's body (its title line is the side column's) in w×h;
// naming is the progress of the collection's extraction, when under way.
func (p *entityPanel) view(w, h int, focused bool, naming string, st *styles, cfg Config) []string {
	var out []string
	say := func(s string) []string {
		for _, l := range strings.Split(wrapPlain(s, max(w-2, 1)), "\n") {
			out = append(out, st.placeholder.Render(fit(" "+l, w)))
		}
		return out
	}
	switch {
	case p.art == nil && len(p.top) == 0 && naming != "":
		return say("Finding names in the collection: " + naming)
	case p.art == nil && len(p.top) == 0:
		return say("Open an article to see the names in it.")
	case p.pending:
		return say("Finding names…")
	case p.art != nil && len(p.list) == 0:
		return say("No names found in this article.")
	}
	es, counts, unit := p.shown()
	if p.art == nil {
		head := "Most named in the collection"
		if naming != "" {
			head += " (" + naming + ")"
		}
		out = say(head)
		h -= len(out)
	}
	rs := rows(es)
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
			out = append(out, st.heading.Render(fit(" "+r.heading, w)))
			continue
		}
		count := strconv.Itoa(counts[r.entity]) + unit
		nameW := max(tw-len(count)-1, 1)
		name := p.label(es[r.entity].Label, nameW, cfg)
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
// highlight spans, the one n/N is on as the current match.
func (r *readerPane) mentionSpans(para int) []span {
	if r.entity == nil {
		return nil
	}
	var out []span
	for i, m := range r.entity.Mentions {
		if m.Para == para {
			tag := tagEntity
			if i == r.mention {
				tag = tagCurrent
			}
			out = append(out, span{Start: m.Start, End: m.End, Style: tag})
		}
	}
	return out
}

// The collection's names are extracted by one worker at a time, a chunk of
// articles per tea.Cmd, so that a large collection keeps one core busy and
// not all of them while it also loads.

// nameChunk is how many articles one extraction command handles.
const nameChunk = 100

// namedMsg reports a chunk of articles added to the catalog, their
// entities, and the collection's top names when they were recomputed.
type namedMsg struct {
	n   int
	got []entitiesMsg
	top []entities.Ranked
}

// nameMore starts extracting the next chunk of the collection if no chunk
// is under way.
func (m *Model) nameMore() tea.Cmd {
	if m.naming || len(m.nameQueue) == 0 {
		return nil
	}
	n := min(nameChunk, len(m.nameQueue))
	// Articles opened meanwhile have been read for names already: the
	// panel keeps what it shows.
	var chunk []*corpus.Article
	for _, a := range m.nameQueue[:n] {
		if _, ok := m.ents.known[a]; !ok && (a != m.ents.art || !m.ents.pending) {
			chunk = append(chunk, a)
		}
	}
	m.nameQueue = m.nameQueue[n:]
	// Ranking the catalog costs more as it grows: at most once a second,
	// and once at the end.
	wantTop := time.Since(m.lastTop) > time.Second || (len(m.nameQueue) == 0 && !m.loading)
	if wantTop {
		m.lastTop = time.Now()
	}
	m.naming = true
	cat := m.catalog
	return func() tea.Msg {
		msg := namedMsg{n: n, got: make([]entitiesMsg, len(chunk))}
		for i, a := range chunk {
			es := cat.Extract(a)
			cat.Add(a, es)
			msg.got[i] = entitiesMsg{a, es}
		}
		if wantTop {
			msg.top = cat.Top(topEntities)
		}
		return msg
	}
}

func (m *Model) named(msg namedMsg) tea.Cmd {
	m.naming = false
	m.namedCount += msg.n
	for _, g := range msg.got {
		m.ents.got(g)
	}
	if msg.top != nil {
		m.ents.setTop(msg.top)
	}
	if len(m.nameQueue) == 0 && msg.top == nil && !m.loading {
		// The last chunk did not rank: rank now, in one more command.
		cat := m.catalog
		m.naming = true
		return func() tea.Msg { return namedMsg{top: cat.Top(topEntities)} }
	}
	return m.nameMore()
}

// namingProgress is "1,200/30,196 articles" while names are being found,
// "" once they all are.
func (m *Model) namingProgress() string {
	total := len(m.list.all)
	if m.namedCount >= total && !m.loading {
		return ""
	}
	return strconv.Itoa(m.namedCount) + "/" + strconv.Itoa(total) + " articles"
}

// filterByEntity shows in the list only the articles that name e, as far as
// the catalog knows yet.
func (m *Model) filterByEntity(e *entities.Entity) {
	m.clearListSearch()
	ids := m.catalog.Articles(e.Key)
	as := make([]*corpus.Article, 0, len(ids))
	for _, id := range ids {
		if a := m.list.byID[id]; a != nil {
			as = append(as, a)
		}
	}
	m.list.setFound(as)
	m.entityFilter = e.Label
	m.focus = paneList
}

// entityFilterLine is the list's title line while it shows the articles
// naming an entity.
func (m *Model) entityFilterLine(w int) string {
	if m.entityFilter == "" {
		return ""
	}
	found := strconv.Itoa(m.list.len()) + " naming it"
	found += escHint(m.entityFilter, w-2-len(found)-2, m.cfg)
	room := max(w-2-len([]rune(found))-2, 1)
	l := first(layoutParagraph(m.entityFilter, textOptions{Width: room, MaxLines: 1}, m.cfg))
	l.RTL = false
	return m.st.paneTitleFocused.Render("● ") + drawLine(l, room, m.st.paneTitleFocused, &m.st) + "  " + m.st.status.Render(found)
}
