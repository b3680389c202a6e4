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
	pending bool              // art not read yet: extraction under way
	partial bool              // list is of art's head only: the rest is being read
	top     []entities.Ranked // the collection's most named, grouped by kind
	cursor  int
	offset  int // first row on screen

	// known holds every article's reading so far, in the background or
	// on opening, so that an article's panel shows at once. The entities
	// are kept compact (see keep): on SaudiNewsNet they are a third of a
	// million names.
	known map[*corpus.Article]reading
	names map[string]string // one copy of each key and label
	// busy marks the articles a command is reading now on the panel's
	// behalf (the background worker's first readings aside): an article
	// is never read again while a reading of it is under way.
	busy map[*corpus.Article]bool

	// labels holds the labels already laid out: View runs on every frame
	// and must not reorder and shape unchanged text again. It is dropped
	// when it grows past a few thousand (after many resizes).
	labels map[labelAt]line
}

// reading is what an article was found to name, through the catalog at
// generation gen: once the catalog has moved on, a name it learnt since
// may be written in the article (entities.Catalog.Stale).
type reading struct {
	es  []entities.Entity
	gen uint64
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

// entitiesMsg carries an article's entities, read in a tea.Cmd through
// the catalog at generation gen.
type entitiesMsg struct {
	art *corpus.Article
	es  []entities.Entity
	gen uint64
	// head: es are of the article's head only, not in the catalog,
	// and then the whole is to be read next; dup: another reading was
	// added to the catalog first and stands; same: read again, nothing
	// changed but the generation.
	head, then, dup, same bool
}

// readJob is an article to read for names: for the first time, or again
// (old, its reading) to catch the names the catalog has learnt since.
type readJob struct {
	art *corpus.Article
	old *reading
}

// run reads the article off the UI goroutine and records it in cat.
func (j readJob) run(cat *entities.Catalog) entitiesMsg {
	gen := cat.Generation()
	if j.old == nil {
		es := cat.Extract(j.art)
		return entitiesMsg{art: j.art, es: es, gen: gen, dup: !cat.Add(j.art, es)}
	}
	if !cat.Stale(j.art, j.old.gen) {
		return entitiesMsg{art: j.art, gen: gen, same: true}
	}
	es := cat.Extract(j.art)
	cat.Replace(j.art, j.old.es, es)
	return entitiesMsg{art: j.art, es: es, gen: gen}
}

// job returns the reading a needs at generation gen: none (ok false) when
// it is being read or was read at gen; again only if settled, that is
// once the collection has loaded and been read (while it loads the
// generation moves at every few articles).
func (p *entityPanel) job(a *corpus.Article, gen uint64, settled bool) (j readJob, ok bool) {
	if a == nil || p.busy[a] {
		return j, false
	}
	r, known := p.known[a]
	switch {
	case !known:
		return readJob{art: a}, true
	case r.gen < gen && settled:
		return readJob{art: a, old: &r}, true
	}
	return j, false
}

// read returns a command reading a if it needs it (see job), marking it
// busy until the answer comes.
func (p *entityPanel) read(a *corpus.Article, cat *entities.Catalog, settled bool) tea.Cmd {
	j, ok := p.job(a, cat.Generation(), settled)
	if !ok {
		return nil
	}
	p.mark(a)
	return func() tea.Msg { return j.run(cat) }
}

func (p *entityPanel) mark(a *corpus.Article) {
	if p.busy == nil {
		p.busy = make(map[*corpus.Article]bool)
	}
	p.busy[a] = true
}

// headBytes is how much of a long article is read for names first, so
// that its panel shows within a few milliseconds (about 1 ms of tagging
// here; the whole of the longest SaudiNewsNet article takes 30). The
// rest follows in place.
const headBytes = 4096

// head returns the start of a: its title and paragraphs up to about
// headBytes, the last cut after a space; ok is false when a is short
// enough to read whole at once.
func head(a *corpus.Article) (h *corpus.Article, ok bool) {
	n := len(a.Title)
	for i, p := range a.Paragraphs {
		if n+len(p.Text) <= headBytes {
			n += len(p.Text)
			continue
		}
		rest := 0
		for _, q := range a.Paragraphs[i:] {
			rest += len(q.Text)
		}
		if n+rest <= headBytes*3/2 {
			return nil, false
		}
		c := *a
		c.Paragraphs = slices.Clone(a.Paragraphs[:i+1])
		cut := strings.LastIndexByte(p.Text[:max(headBytes-n, 0)], ' ')
		c.Paragraphs[i].Text = p.Text[:max(cut, 0)]
		return &c, true
	}
	return nil, false
}

// show makes the panel follow article a. A reading of it shows at once,
// and is read again in the background if the catalog has learnt names
// since; an article not read yet is read now, a long one its head first.
// Extraction goes through the catalog, so that a name the collection
// knows with confidence is found where the tagger alone would miss it
// (issue 5's consistency across the collection).
func (p *entityPanel) show(a *corpus.Article, cat *entities.Catalog) tea.Cmd {
	if a == p.art {
		return nil
	}
	p.art, p.cursor, p.offset, p.partial = a, 0, 0, false
	if r, ok := p.known[a]; ok {
		p.list, p.pending = r.es, false
		return p.read(a, cat, true)
	}
	p.list, p.pending = nil, true
	h, long := head(a)
	switch {
	case long && p.busy[a]:
		// Being read ahead, but not done: its head now, at a cost the
		// panel can wait for.
		return func() tea.Msg { return entitiesMsg{art: a, es: cat.Extract(h), head: true} }
	case long:
		p.mark(a)
		return func() tea.Msg { return entitiesMsg{art: a, es: cat.Extract(h), head: true, then: true} }
	}
	return p.read(a, cat, true) // nil if being read ahead: that answer shows
}

// got records a reading, and reports whether it changed what the panel
// lists: the open article's names, shown, or updated in place, the cursor
// staying on the name it was on.
func (p *entityPanel) got(msg entitiesMsg) (changed bool) {
	if p.known == nil {
		p.known = make(map[*corpus.Article]reading)
		p.names = make(map[string]string)
	}
	es := msg.es
	switch {
	case msg.head:
		if msg.art != p.art || !p.pending {
			return false
		}
		p.partial = true
	case msg.same:
		delete(p.busy, msg.art)
		r := p.known[msg.art]
		r.gen = max(r.gen, msg.gen)
		p.known[msg.art] = r
		return false
	default:
		delete(p.busy, msg.art)
		if _, ok := p.known[msg.art]; msg.dup && !ok {
			// The reading the catalog took is on its way (from the
			// worker): wait for it rather than read again.
			p.mark(msg.art)
		}
		if !msg.dup {
			es = p.keep(es)
			p.known[msg.art] = reading{es, msg.gen}
		}
		// A reading the catalog did not take is as good as the one
		// it did, still on its way, for a panel with nothing better.
		if msg.art != p.art || msg.dup && !p.pending && !p.partial {
			return false
		}
		p.partial = false
	}
	var on string
	if e := p.selected(); e != nil && !p.pending {
		on = e.Key
	}
	p.list, p.pending = es, false
	if i := slices.IndexFunc(es, func(e entities.Entity) bool { return e.Key == on }); i >= 0 {
		p.cursor = i
	} else {
		p.cursor = clamp(p.cursor, 0, max(len(es)-1, 0))
	}
	return true
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
	rest := p.partial && h > 1 // a line says the rest is coming
	if rest {
		h--
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
	if rest {
		out = append(out, st.placeholder.Render(fit(" Reading the rest…", w)))
	}
	return out
}

// mentionSpans returns the selected entity's mentions in paragraph para,
// whose text starts at byte at of what is drawn, as highlight spans, the
// one n/N is on as the current match.
func (r *readerPane) mentionSpans(para, at int) []span {
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
			out = append(out, span{Start: at + m.Start, End: at + m.End, Style: tag})
		}
	}
	return out
}

// The collection's names are extracted by one worker at a time, a chunk of
// articles per tea.Cmd, so that a large collection keeps one core busy and
// not all of them while it also loads. Once it has loaded and been read,
// the worker goes through it once more, for the articles that names learnt
// since they were read may change (entities.Catalog.Stale): on SaudiNewsNet
// that is most of them, and 60% show more or other names than the first
// time. Each article is checked again when opened, and those beside the
// list's cursor when it moves, so what a panel shows is what the whole
// collection teaches.

// nameChunk is how many articles one extraction command handles.
const nameChunk = 100

// maxPasses is how many times the worker goes through the collection again.
// A second pass would change a tenth of what it reads (the names read
// again make a few others cross the thresholds of confidence), at the
// cost of reading almost all of it: that is left to opening an article.
const maxPasses = 1

// namedMsg reports a chunk of articles read into the catalog, their
// entities, and the collection's top names when they were recomputed.
type namedMsg struct {
	n   int // articles of the first pass
	got []entitiesMsg
	top []entities.Ranked
}

// nameMore starts reading the next chunk of the collection if no chunk is
// under way, or ranks the collection's names once all are read.
func (m *Model) nameMore() tea.Cmd {
	if m.naming {
		return nil
	}
	if len(m.nameQueue) == 0 && !m.loading && m.passes < maxPasses {
		// A new pass, if the catalog has learnt anything since the
		// last one began.
		if gen := m.catalog.Generation(); m.passes == 0 || gen != m.passGen {
			m.passes++
			m.passGen = gen
			m.nameQueue = slices.Clone(m.list.all)
		}
	}
	first := m.passes == 0
	gen := m.catalog.Generation()
	var jobs []readJob
	n := 0
	for ; n < len(m.nameQueue) && len(jobs) < nameChunk; n++ {
		if j, ok := m.ents.job(m.nameQueue[n], gen, !first); ok {
			if j.old != nil {
				m.ents.mark(j.art) // a second reading is never doubled
			}
			jobs = append(jobs, j)
		}
	}
	m.nameQueue = m.nameQueue[n:]
	if !first {
		n = 0
	}
	if len(jobs) == 0 {
		if m.loading || len(m.nameQueue) > 0 || !m.unranked {
			m.namedCount += n
			return nil
		}
		m.unranked = false
		m.naming = true
		cat := m.catalog
		return func() tea.Msg { return namedMsg{n: n, top: cat.Top(topEntities)} }
	}
	// Ranking the catalog costs more as it grows: at most once a second,
	// and once at the end of each pass.
	wantTop := time.Since(m.lastTop) > time.Second || (len(m.nameQueue) == 0 && !m.loading)
	if wantTop {
		m.lastTop = time.Now()
	}
	m.unranked = !wantTop
	m.naming = true
	cat := m.catalog
	return func() tea.Msg {
		msg := namedMsg{n: n, got: make([]entitiesMsg, len(jobs))}
		for i, j := range jobs {
			msg.got[i] = j.run(cat)
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
	var cmds []tea.Cmd
	for _, g := range msg.got {
		cmds = append(cmds, m.gotEntities(g))
	}
	if msg.top != nil {
		m.ents.setTop(msg.top)
	}
	return tea.Batch(append(cmds, m.nameMore())...)
}

// gotEntities records a reading; the reader's highlight follows the
// panel's update in place. After a long article's head, its whole is
// read.
func (m *Model) gotEntities(msg entitiesMsg) tea.Cmd {
	if !msg.head && !msg.dup && !msg.same {
		m.unranked = true
	}
	if m.ents.got(msg) && m.reader.art == msg.art && m.reader.entity != nil {
		if e := m.ents.selected(); e != nil && e.Key == m.reader.entity.Key {
			at := m.reader.mention
			m.reader.setEntity(e)
			m.reader.mention = min(at, len(e.Mentions)-1)
		} else {
			m.reader.setEntity(nil)
		}
	}
	if msg.then {
		delete(m.ents.busy, msg.art)
		return m.ents.read(msg.art, m.catalog, true)
	}
	return nil
}

// aheadMsg is a reading of an article near the list's cursor.
type aheadMsg entitiesMsg

// lookAhead reads, one at a time, the article under the list's cursor and
// those either side of it, ahead of the worker: they are the ones opened
// next, and their panels then show at once.
func (m *Model) lookAhead() tea.Cmd {
	if m.looking {
		return nil
	}
	gen := m.catalog.Generation()
	settled := m.namingProgress() == ""
	for _, d := range []int{0, 1, -1} {
		j, ok := m.ents.job(m.list.at(m.list.cursor+d), gen, settled)
		if !ok {
			continue
		}
		m.ents.mark(j.art)
		m.looking = true
		cat := m.catalog
		return func() tea.Msg { return aheadMsg(j.run(cat)) }
	}
	return nil
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
