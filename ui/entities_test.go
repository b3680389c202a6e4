package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sahifa/corpus"
	"sahifa/corpus/entities"
)

func TestEntitiesPanel(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	if s := screenText(m); !strings.Contains(s, "Finding names in the") {
		t.Fatalf("no article open, names not found yet:\n%s", s)
	}
	press(m, keyEnter) // runs the extraction command too
	want := entities.Extract(as[0])
	if len(want) == 0 {
		t.Fatal("the first seed names nobody: the test proves nothing")
	}
	if len(m.ents.list) != len(want) {
		t.Fatalf("panel has %d entities, Extract %d", len(m.ents.list), len(want))
	}
	s := screenText(m)
	top := want[0]
	if !strings.Contains(s, kindTitle[top.Kind]) || !strings.Contains(s, shown(top.Label)) {
		t.Fatalf("panel lacks %s %q:\n%s", kindTitle[top.Kind], top.Label, s)
	}
	plain := m.View().Content
	press(m, keyTab) // the reader has the focus after enter
	if m.focus != paneSide {
		t.Fatalf("focus %v", m.focus)
	}
	press(m, text("j"))
	e := m.reader.entity
	if e == nil || e.Key != want[1].Key {
		t.Fatalf("j in the panel should select the second name %q, got %v", want[1].Label, e)
	}
	mark := m.st.tag(tagEntity).Render("X")
	mark = mark[:strings.Index(mark, "X")]
	if v := m.View().Content; v == plain || !strings.Contains(v, mark) {
		t.Fatal("the selected name's mentions are not highlighted in the reader")
	}
	press(m, keyEsc)
	if m.focus != paneReader || m.reader.entity == nil {
		t.Fatalf("esc goes back to the article with its highlight: focus %v, entity %v", m.focus, m.reader.entity)
	}
	press(m, keyEsc)
	if m.focus != paneReader || m.reader.entity != nil || strings.Contains(m.View().Content, mark) {
		t.Fatalf("esc in the reader drops the highlight first: focus %v, entity %v", m.focus, m.reader.entity)
	}
	press(m, keyEsc)
	if m.focus != paneList {
		t.Fatalf("then esc goes back to the list: %v", m.focus)
	}
}

func TestEntitiesFollowOpenArticle(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	m.Update(keyEnter) // extraction not finished yet
	if s := screenText(m); !strings.Contains(s, "Finding names") {
		t.Fatalf("while extracting:\n%s", s)
	}
	stale := entitiesMsg{art: as[1], es: entities.Extract(as[1])}
	m.Update(stale)
	if len(m.ents.list) != 0 || !m.ents.pending {
		t.Fatal("another article's entities were shown")
	}
	m.Update(entitiesMsg{art: as[0], es: entities.Extract(as[0])})
	if m.ents.pending || len(m.ents.list) == 0 {
		t.Fatal("the open article's entities were not shown")
	}
}

func TestCollectionEntitiesAndFilter(t *testing.T) {
	as := seedArticles(t)
	// As the program would: the load, the index and the extraction
	// worker's commands, chunk after chunk.
	m := namedModel(as, 130, 40)
	if m.namedCount != len(as) || m.namingProgress() != "" {
		t.Fatalf("named %d of %d (%q)", m.namedCount, len(as), m.namingProgress())
	}
	cat, _ := namedAsTheProgram(as)
	top := cat.Top(1)[0]
	if s := screenText(m); !strings.Contains(s, "Most named in the") {
		t.Fatalf("no collection panel:\n%s", s)
	}
	// Select the most named entity and filter the list by it.
	press(m, keyTab, keyTab)
	for e := m.ents.selected(); e != nil && e.Key != top.Entity.Key; e = m.ents.selected() {
		before := m.ents.cursor
		press(m, text("j"))
		if m.ents.cursor == before {
			t.Fatalf("%q not in the panel", top.Entity.Label)
		}
	}
	if s := screenText(m); !strings.Contains(s, shown(top.Entity.Label)) {
		t.Fatalf("the selected %q is not on screen:\n%s", top.Entity.Label, s)
	}
	press(m, keyEnter)
	if m.focus != paneList || m.list.len() != top.Articles {
		t.Fatalf("filter by %q: focus %v, %d articles, want %d", top.Entity.Label, m.focus, m.list.len(), top.Articles)
	}
	if s := screenText(m); !strings.Contains(s, "naming it") {
		t.Fatalf("no filter line:\n%s", s)
	}
	press(m, keyEsc)
	if m.list.len() != len(as) || m.entityFilter != "" {
		t.Fatalf("esc should clear the filter: %d shown", m.list.len())
	}
}

func TestMentionsStepWithN(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	press(m, keyEnter, keyTab) // the panel: its first name highlighted at once
	e := m.reader.entity
	if e == nil || e.Key != m.ents.selected().Key {
		t.Fatalf("tab into the panel does not highlight the name under its cursor: %v", e)
	}
	n := len(e.Mentions)
	if n < 3 {
		t.Fatalf("%s is named %d times: too few to step through", e.Label, n)
	}
	for i := 1; i < n; i++ {
		a, b := e.Mentions[i-1], e.Mentions[i]
		if a.Para > b.Para || a.Para == b.Para && a.Start >= b.Start {
			t.Fatalf("mentions not in document order: %v then %v", a, b)
		}
	}
	counter := func() string {
		s := screenText(m)
		for _, l := range strings.Split(s, "\n") {
			if i := strings.Index(l, "Reader"); i >= 0 {
				return strings.Fields(l[i:])[1]
			}
		}
		t.Fatalf("no reader title:\n%s", s)
		return ""
	}
	steps := []struct {
		key  string
		want int
	}{{"", 1}, {"n", 2}, {"n", 3}, {"N", 2}, {"N", 1}, {"N", n}, {"n", 1}}
	for _, s := range steps {
		if s.key != "" {
			press(m, text(s.key))
		}
		if got, want := counter(), fmt.Sprintf("%d/%d", s.want, n); got != want {
			t.Fatalf("after %q the counter is %q, want %q", s.key, got, want)
		}
		if m.reader.mention != s.want-1 {
			t.Fatalf("after %q on mention %d, want %d", s.key, m.reader.mention+1, s.want)
		}
	}
	// The current mention is drawn as the current match, the others as
	// mentions; the reader follows when it is off screen.
	cur := m.st.tag(tagCurrent).Render("X")
	if v := m.View().Content; !strings.Contains(v, cur[:strings.Index(cur, "X")]) {
		t.Fatal("the current mention is not drawn as current")
	}
	r := m.size(paneReader)
	for i := 0; i < n; i++ {
		y := m.reader.layout(r.W, &m.st, m.cfg).mentionLine[m.reader.mention]
		if y < m.reader.top || y >= m.reader.top+bodyHeight(r.H) {
			t.Fatalf("mention %d on line %d, the reader shows %d–%d", m.reader.mention+1, y, m.reader.top, m.reader.top+bodyHeight(r.H))
		}
		press(m, text("n"))
	}
	// In the reader too, while no search is under way.
	press(m, keyEsc, text("n"))
	if m.focus != paneReader || counter() != fmt.Sprintf("2/%d", n) {
		t.Fatalf("n in the reader: focus %v, counter %q", m.focus, counter())
	}
}

// TestPanelReadyAtOnce: once the background extraction has read an
// article, opening it shows its names in the very next frame, without
// extracting again.
func TestPanelReadyAtOnce(t *testing.T) {
	as := seedArticles(t)
	m := namedModel(as, 130, 40)
	if m.namedCount != len(as) {
		t.Fatalf("named %d of %d", m.namedCount, len(as))
	}
	_, cmd := m.Update(keyEnter)
	if m.ents.pending || len(m.ents.list) == 0 {
		t.Fatalf("the panel waits for an extraction already done (command %v)", cmd != nil)
	}
	want := entities.Extract(as[0])
	if s := screenText(m); !strings.Contains(s, shown(want[0].Label)) {
		t.Fatalf("the panel does not show %q:\n%s", want[0].Label, s)
	}
}

// TestFilterLineKeepsTheName: in a narrow list the filter line drops its
// "esc clears" before it cuts the name it filters by.
func TestFilterLineKeepsTheName(t *testing.T) {
	as := seedArticles(t)
	m := namedModel(as, 120, 30)
	press(m, keyTab, keyTab, text("j"), keyEnter)
	e := m.ents.top[1].Entity
	if m.entityFilter != e.Label {
		t.Fatalf("filtered by %q, want %q", m.entityFilter, e.Label)
	}
	s := screenText(m)
	if !strings.Contains(s, shown(e.Label)) || !strings.Contains(s, "naming it") {
		t.Fatalf("the filter line cuts %q:\n%s", e.Label, s)
	}
	press(m, tea.WindowSizeMsg{Width: 200, Height: 30})
	if s := screenText(m); !strings.Contains(s, "naming it · esc clears") {
		t.Fatalf("a wide filter line has room for the hint:\n%s", s)
	}
}

// namedAsTheProgram is the reference for the collection's names: each
// article, in load order, read through the catalog of those before it, as
// the program's background extraction does when nothing is opened first;
// then every article read again through the grown catalog, by brute force,
// until a whole pass changes nothing, which is where the program's own
// passes converge.
func namedAsTheProgram(as []*corpus.Article) (*entities.Catalog, map[*corpus.Article][]entities.Entity) {
	cat := entities.NewCatalog()
	got := make(map[*corpus.Article][]entities.Entity)
	for _, a := range as {
		got[a] = cat.Extract(a)
		cat.Add(a, got[a])
	}
	for changed, pass := true, 0; changed && pass < maxPasses; pass++ {
		changed = false
		for _, a := range as {
			if es := cat.Extract(a); !reflect.DeepEqual(es, got[a]) {
				cat.Replace(a, got[a], es)
				got[a], changed = es, true
			}
		}
	}
	return cat, got
}

// TestNamesSpreadThroughTheCollection: the panel and the filter use the
// catalog's extraction, which finds a name the collection knows where the
// tagger alone misses it.
func TestNamesSpreadThroughTheCollection(t *testing.T) {
	// Three articles name الدرعية as a place; the fourth only writes it.
	var as []*corpus.Article
	for i := range 3 {
		as = append(as, &corpus.Article{ID: fmt.Sprint(i), Title: fmt.Sprint("خبر ", i), Dir: corpus.RTL,
			Paragraphs: []corpus.Paragraph{{Text: "وصل الوزير إلى مدينة الدرعية أمس قادما من الرياض."}}})
	}
	last := &corpus.Article{ID: "last", Title: "خبر أخير", Dir: corpus.RTL,
		Paragraphs: []corpus.Paragraph{{Text: "وكانت السماء صافية فوق الدرعية، والجو جميل."}}}
	as = append(as, last)
	cat, want := namedAsTheProgram(as)
	key := entities.KeyOf("الدرعية")
	if !slices.ContainsFunc(want[last], func(e entities.Entity) bool { return e.Key == key }) ||
		slices.ContainsFunc(entities.Extract(last), func(e entities.Entity) bool { return e.Key == key }) {
		t.Skip("the tagger alone finds الدرعية in the last article, or the catalog does not spread it: nothing to show")
	}
	m := namedModel(as, 130, 40)
	if n := len(m.catalog.Articles(key)); n != len(cat.Articles(key)) || n != 4 {
		t.Fatalf("الدرعية in %d articles of the program's catalog, want 4", n)
	}
	m.list.moveTo(3, 40)
	press(m, keyEnter)
	if m.ents.art != last || !slices.ContainsFunc(m.ents.list, func(e entities.Entity) bool { return e.Key == key }) {
		t.Fatalf("the panel of the last article lacks الدرعية: %+v", m.ents.list)
	}
}

// TestKeptEntitiesAreTheSame: the compact copy the panel holds on to says
// what Extract said.
func TestKeptEntitiesAreTheSame(t *testing.T) {
	var p entityPanel
	for _, a := range seedArticles(t) {
		es := entities.Extract(a)
		p.got(entitiesMsg{art: a, es: es})
		if !reflect.DeepEqual(p.known[a].es, es) {
			t.Fatalf("%q: kept %+v, extracted %+v", a.Title, p.known[a].es, es)
		}
	}
}

// namedModel returns a model of w×h cells fed articles as one final batch,
// with the commands that batch starts run as the program would run them:
// the load, the index and the extraction worker, chunk after chunk.
func namedModel(as []*corpus.Article, w, h int) *Model {
	ch := make(chan corpus.Batch, 1)
	ch <- corpus.Batch{Articles: as, Done: true}
	close(ch)
	m := New(Config{}, ch)
	press(m, tea.WindowSizeMsg{Width: w, Height: h}, m.next()())
	return m
}

// teaching returns an article that names only الدرعية, unmarked (the
// tagger alone misses it there), and the الرياض of its last sentence, then
// three articles that teach الدرعية as a place; ok is false when the
// tagger finds الدرعية alone or the catalog does not spread it, and the
// test has nothing to show.
func teaching() (first *corpus.Article, teachers []*corpus.Article, ok bool) {
	first = &corpus.Article{ID: "first", Path: "0.json", Title: "خبر أول", Dir: corpus.RTL,
		Paragraphs: []corpus.Paragraph{{Text: "وكانت السماء صافية فوق الدرعية، والجو جميل."}, {Text: "وعاد الوفد إلى الرياض أمس."}}}
	for i := range 3 {
		teachers = append(teachers, &corpus.Article{ID: fmt.Sprint(i), Path: fmt.Sprint(i+1, ".json"), Title: fmt.Sprint("خبر ", i),
			Dir: corpus.RTL, Paragraphs: []corpus.Paragraph{{Text: "وصل الوزير إلى مدينة الدرعية أمس قادما من الرياض."}}})
	}
	key := entities.KeyOf("الدرعية")
	has := func(es []entities.Entity, k string) bool {
		return slices.ContainsFunc(es, func(e entities.Entity) bool { return e.Key == k })
	}
	cat := entities.NewCatalog()
	for _, a := range teachers {
		cat.Add(a, cat.Extract(a))
	}
	alone := entities.Extract(first)
	return first, teachers, !has(alone, key) && has(alone, entities.KeyOf("الرياض")) && has(cat.Extract(first), key)
}

// TestEarlyArticlesLearnLaterNames: an article read first, before the
// collection knew الدرعية, gains it once loading ends, in its panel and
// in the catalog; and every article's panel then says what reading it
// through the final catalog says.
func TestEarlyArticlesLearnLaterNames(t *testing.T) {
	first, teachers, ok := teaching()
	if !ok {
		t.Skip("the tagger alone finds الدرعية, or the catalog does not spread it: nothing to show")
	}
	as := append([]*corpus.Article{first}, teachers...)
	m := namedModel(as, 130, 40)
	key := entities.KeyOf("الدرعية")
	if ids := m.catalog.Articles(key); !slices.Contains(ids, first.ID) || len(ids) != 4 {
		t.Errorf("الدرعية is named in %v, want the first article too", ids)
	}
	for _, a := range as {
		if got, want := m.ents.known[a].es, m.catalog.Extract(a); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the panel holds %+v, the final catalog reads %+v", a.ID, got, want)
		}
	}
	if m.passes == 0 {
		t.Error("the worker did not go through the collection again")
	}
	press(m, keyEnter)
	if m.ents.art != first || !slices.ContainsFunc(m.ents.list, func(e entities.Entity) bool { return e.Key == key }) {
		t.Fatalf("the first article's panel lacks الدرعية: %+v", m.ents.list)
	}
}

// TestPanelUpdatesInPlace: the open article's panel, read before the
// collection taught it a name, gains the name when the worker reads it
// again, the cursor and the reader's highlight staying on the name they
// were on.
func TestPanelUpdatesInPlace(t *testing.T) {
	first, teachers, ok := teaching()
	if !ok {
		t.Skip("the tagger alone finds الدرعية, or the catalog does not spread it: nothing to show")
	}
	ch := make(chan corpus.Batch, 1)
	ch <- corpus.Batch{Articles: append([]*corpus.Article{first}, teachers...), Done: true}
	close(ch)
	m := New(Config{}, ch)
	m.Update(tea.WindowSizeMsg{Width: 130, Height: 40})
	_, load := m.Update(m.next()()) // the index and the worker: held back
	press(m, keyEnter, keyTab)
	riyadh := entities.KeyOf("الرياض")
	for e := m.ents.selected(); e != nil && e.Key != riyadh; e = m.ents.selected() {
		at := m.ents.cursor
		press(m, text("j"))
		if m.ents.cursor == at {
			t.Fatalf("الرياض not in the panel: %+v", m.ents.list)
		}
	}
	key := entities.KeyOf("الدرعية")
	has := func() bool {
		return slices.ContainsFunc(m.ents.list, func(e entities.Entity) bool { return e.Key == key })
	}
	if has() {
		t.Fatal("الدرعية shown before the collection taught it")
	}
	before := screenText(m)
	runCmd(m, load)
	if m.ents.art != first || !has() {
		t.Fatalf("once loaded, the open panel lacks الدرعية: %+v", m.ents.list)
	}
	if e := m.ents.selected(); e == nil || e.Key != riyadh || m.reader.entity == nil || m.reader.entity.Key != riyadh {
		t.Fatalf("the cursor or the highlight left الرياض: panel %v, reader %v", e, m.reader.entity)
	}
	if s := screenText(m); s == before || !strings.Contains(s, shown("الدرعية")) {
		t.Fatalf("the panel on screen did not gain الدرعية:\n%s", s)
	}
}

// TestLongArticleHeadFirst: a long article nothing has read yet shows the
// names of its head at once, saying the rest is coming, then all of them
// in place.
func TestLongArticleHeadFirst(t *testing.T) {
	ps := []corpus.Paragraph{{Text: "وصل الرئيس الروسي فلاديمير بوتين إلى موسكو أمس."}}
	for range 80 {
		ps = append(ps, corpus.Paragraph{Text: "وكانت السماء صافية والجو جميل في ذلك اليوم الطويل من أيام الصيف."})
	}
	ps = append(ps, corpus.Paragraph{Text: "وزار الوفد مدينة الرياض بعد ذلك."})
	a := &corpus.Article{ID: "long", Title: "زيارة", Dir: corpus.RTL, Paragraphs: ps}
	if _, ok := head(a); !ok {
		t.Fatal("the article is not long enough to be read head first")
	}
	whole := entities.Extract(a)
	putin, riyadh := entities.KeyOf("فلاديمير بوتين"), entities.KeyOf("الرياض")
	has := func(es []entities.Entity, k string) bool {
		return slices.ContainsFunc(es, func(e entities.Entity) bool { return e.Key == k })
	}
	if !has(whole, putin) || !has(whole, riyadh) {
		t.Skipf("the tagger does not find بوتين and الرياض here: %+v", whole)
	}
	m := newLoaded(t, Config{}, 130, 40, []*corpus.Article{a}, nil)
	_, cmd := m.Update(keyEnter)
	msg, ok := cmd().(entitiesMsg)
	if !ok || !msg.head {
		t.Fatalf("enter reads %T %+v, not the head", msg, msg)
	}
	_, rest := m.Update(msg)
	if m.ents.pending || !m.ents.partial || !has(m.ents.list, putin) || has(m.ents.list, riyadh) {
		t.Fatalf("after the head: pending %v, partial %v, %+v", m.ents.pending, m.ents.partial, m.ents.list)
	}
	if s := screenText(m); !strings.Contains(s, "Reading the rest") || !strings.Contains(s, shown("فلاديمير بوتين")) {
		t.Fatalf("the head's panel:\n%s", s)
	}
	runCmd(m, rest)
	if m.ents.partial || !reflect.DeepEqual(m.ents.list, whole) {
		t.Fatalf("after the whole: partial %v, %+v, want %+v", m.ents.partial, m.ents.list, whole)
	}
	if s := screenText(m); strings.Contains(s, "Reading the rest") || !strings.Contains(s, shown("الرياض")) {
		t.Fatalf("the whole's panel:\n%s", s)
	}
}

// TestReadAhead: moving the list's cursor reads the article it reaches,
// and those either side, before the background worker does; enter then
// shows the panel in the same frame.
func TestReadAhead(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil) // the worker's first chunk held back
	press(m, text("j"), text("j"))
	for _, a := range as[:4] {
		if _, ok := m.ents.known[a]; !ok {
			t.Errorf("%q, at or beside the cursor, was not read ahead", a.Title)
		}
	}
	if _, ok := m.ents.known[as[4]]; ok {
		t.Errorf("%q, two rows away, was read ahead", as[4].Title)
	}
	m.Update(keyEnter)
	if m.ents.art != as[2] || m.ents.pending || len(m.ents.list) == 0 {
		t.Fatalf("the panel of the article read ahead is not ready at once: pending %v, %d names", m.ents.pending, len(m.ents.list))
	}
}

// TestCreditInTheMetaLine checks that the outlet a republishing notice
// credits shows under the title and is highlighted there as an
// organisation of the article.
func TestCreditInTheMetaLine(t *testing.T) {
	var a *corpus.Article
	for _, s := range seedArticles(t) {
		if s.Credit != "" {
			a = s
		}
	}
	if a == nil {
		t.Fatal("no seed has a credit")
	}
	var credit *entities.Entity
	for _, e := range entities.Extract(a) {
		for _, mn := range e.Mentions {
			if mn.Para == entities.CreditPara {
				credit = &e
			}
		}
	}
	if credit == nil || credit.Kind != entities.Organisation {
		t.Fatalf("the credit %q is not an organisation of the article: %+v", a.Credit, credit)
	}
	m := namedModel([]*corpus.Article{a}, 100, 30)
	press(m, m.openArticle(a))
	metaAt := -1 // the line under the title that holds the credit
	meta := func() string {
		lay := m.reader.layout(m.size(paneReader).W, &m.st, m.cfg)
		for i, l := range lay.lines {
			if strings.Contains(ansi.Strip(l), shown(a.Credit)) {
				metaAt = i
				return l
			}
		}
		t.Fatalf("the credit %q is not on screen", a.Credit)
		return ""
	}
	mark := m.st.tag(tagCurrent).Render("X")
	mark = mark[:strings.Index(mark, "X")]
	if strings.Contains(meta(), mark) {
		t.Fatal("the credit is highlighted before its entity is selected")
	}
	m.reader.setEntity(credit)
	if !strings.Contains(meta(), mark) {
		t.Fatalf("selecting %q does not highlight it in the line under the title: %q", credit.Label, meta())
	}
	if y := m.reader.layout(m.size(paneReader).W, &m.st, m.cfg).mentionLine[0]; y != metaAt || y == 0 {
		t.Errorf("the credit's mention is on line %d, want %d (under the title)", y, metaAt)
	}
}

func TestMetaLineCreditOffset(t *testing.T) {
	for _, a := range []corpus.Article{
		{Credit: "شام الإخبارية"},
		{Source: "hadramout.net", Credit: "شام الإخبارية", Author: "x"},
	} {
		line, at := metaLine(&a)
		if !strings.HasPrefix(line[at:], a.Credit) {
			t.Errorf("metaLine(%+v) = %q, credit at %d", a, line, at)
		}
	}
}
