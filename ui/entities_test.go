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
	"sahifa/corpus/collection"
	"sahifa/corpus/entities"
)

func TestEntitiesPanel(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	if s := screenText(m); !strings.Contains(s, "Most named in the") {
		t.Fatalf("no article open, the collection's names:\n%s", s)
	}
	press(m, keyEnter) // runs the command reading the names too
	want := m.coll.Entities(as[0]).Entities
	if len(want) == 0 {
		t.Fatal("the first seed names nobody: the test proves nothing")
	}
	if len(m.ents.reading.Entities) != len(want) {
		t.Fatalf("panel has %d entities, Extract %d", len(m.ents.reading.Entities), len(want))
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
	if k := m.reader.layers[layerEntity].key; k != want[1].Key {
		t.Fatalf("j in the panel should select the second name %q, got %q", want[1].Label, k)
	}
	mark := m.st.tag(tagEntity).Render("X")
	mark = mark[:strings.Index(mark, "X")]
	if v := m.View().Content; v == plain || !strings.Contains(v, mark) {
		t.Fatal("the selected name's mentions are not highlighted in the reader")
	}
	press(m, keyEsc)
	if m.focus != paneReader || !m.reader.has(layerEntity) {
		t.Fatalf("esc goes back to the article with its highlight: focus %v", m.focus)
	}
	press(m, keyEsc)
	if m.focus != paneReader || m.reader.has(layerEntity) || strings.Contains(m.View().Content, mark) {
		t.Fatalf("esc in the reader drops the highlight first: focus %v", m.focus)
	}
	press(m, keyEsc)
	if m.focus != paneList {
		t.Fatalf("then esc goes back to the list: %v", m.focus)
	}
}

func TestEntitiesFollowOpenArticle(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	m.Update(keyEnter) // the names not read yet
	if s := screenText(m); !strings.Contains(s, "Finding names") {
		t.Fatalf("while extracting:\n%s", s)
	}
	stale := entitiesMsg{art: as[1], reading: m.coll.Entities(as[1])}
	m.Update(stale)
	if len(m.ents.reading.Entities) != 0 || m.ents.reading.Stage != collection.Unread {
		t.Fatal("another article's entities were shown")
	}
	m.Update(entitiesMsg{art: as[0], reading: m.coll.Entities(as[0])})
	if m.ents.reading.Stage != collection.Final || len(m.ents.reading.Entities) == 0 {
		t.Fatal("the open article's entities were not shown")
	}
}

func TestCollectionEntitiesAndFilter(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	top := m.coll.TopEntities(1)[0]
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
	if s := screenText(m); !strings.Contains(s, "naming") || !strings.Contains(s, shown(top.Entity.Label)) {
		t.Fatalf("no filter line:\n%s", s)
	}
	// The filter composes with a search, and esc peels them off one at
	// a time, the last first.
	press(m, text("/"))
	typeText(m, "بوتين")
	press(m, keyEnter)
	if f := m.list.filter(); len(f.Terms) != 2 || m.list.len() > top.Articles {
		t.Fatalf("search within the filter: %v, %d shown", f, m.list.len())
	}
	press(m, keyEsc)
	if f := m.list.filter(); len(f.Terms) != 1 || !f.Has(collection.ByEntity) || m.list.len() != top.Articles {
		t.Fatalf("esc should leave the search and keep the name: %v, %d shown", f, m.list.len())
	}
	press(m, keyEsc)
	if m.list.len() != len(as) || !m.list.filter().IsZero() {
		t.Fatalf("esc should clear the filter: %d shown", m.list.len())
	}
}

func TestMentionsStepWithN(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	press(m, keyEnter, keyTab) // the panel: its first name highlighted at once
	l := m.reader.layers[layerEntity]
	if !l.on || l.key != m.ents.selected().Key {
		t.Fatalf("tab into the panel does not highlight the name under its cursor: %q", l.key)
	}
	n := len(l.spans)
	if n < 3 {
		t.Fatalf("%s is named %d times: too few to step through", l.key, n)
	}
	for i := 1; i < n; i++ {
		a, b := l.spans[i-1], l.spans[i]
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
		if cur := m.reader.layers[layerEntity].cur; cur != s.want-1 {
			t.Fatalf("after %q on mention %d, want %d", s.key, cur+1, s.want)
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
		cur := m.reader.layers[layerEntity].cur
		y := m.reader.layout(r.W).spanLines[layerEntity][cur]
		if y < m.reader.top || y >= m.reader.top+bodyHeight(r.H) {
			t.Fatalf("mention %d on line %d, the reader shows %d–%d", cur+1, y, m.reader.top, m.reader.top+bodyHeight(r.H))
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
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	_, cmd := m.Update(keyEnter)
	runCmd(m, cmd)
	if m.ents.reading.Stage != collection.Final || len(m.ents.reading.Entities) == 0 {
		t.Fatalf("the panel waits for names already found (command %v)", cmd != nil)
	}
	want := m.coll.Entities(as[0]).Entities
	if s := screenText(m); !strings.Contains(s, shown(want[0].Label)) {
		t.Fatalf("the panel does not show %q:\n%s", want[0].Label, s)
	}
}

// TestFilterLineKeepsTheName: in a narrow list the filter line drops its
// "esc clears" before it cuts the name it filters by.
func TestFilterLineKeepsTheName(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 120, 30, as, nil)
	press(m, keyTab, keyTab, text("j"), keyEnter)
	e := m.ents.top[1].Entity
	if term, _ := m.list.filter().Term(collection.ByEntity); term.Label != e.Label {
		t.Fatalf("filtered by %q, want %q", term.Label, e.Label)
	}
	s := screenText(m)
	if !strings.Contains(s, shown(e.Label)) || !strings.Contains(s, "found") {
		t.Fatalf("the filter line cuts %q:\n%s", e.Label, s)
	}
	press(m, tea.WindowSizeMsg{Width: 200, Height: 30})
	if s := screenText(m); !strings.Contains(s, "found · esc clears") {
		t.Fatalf("a wide filter line has room for the hint:\n%s", s)
	}
}

// TestLongArticleHeadFirst: a long article's panel shows the names of its
// head, saying the rest is coming, then all of them in place, the cursor
// and the reader's highlight staying on the name they were on.
func TestLongArticleHeadFirst(t *testing.T) {
	ps := []corpus.Paragraph{{Text: "وصل الرئيس الروسي فلاديمير بوتين إلى موسكو أمس."}}
	for range 80 {
		ps = append(ps, corpus.Paragraph{Text: "وكانت السماء صافية والجو جميل في ذلك اليوم الطويل من أيام الصيف."})
	}
	ps = append(ps, corpus.Paragraph{Text: "وزار الوفد مدينة الرياض بعد ذلك."})
	a := &corpus.Article{ID: "long", Title: "زيارة", Dir: corpus.RTL, Paragraphs: ps}
	m := newLoaded(t, Config{}, 130, 40, []*corpus.Article{a}, nil)
	whole := m.coll.Entities(a)
	putin, riyadh := entities.KeyOf("فلاديمير بوتين"), entities.KeyOf("الرياض")
	has := func(es []entities.Entity, k string) bool {
		return slices.ContainsFunc(es, func(e entities.Entity) bool { return e.Key == k })
	}
	if !has(whole.Entities, putin) || !has(whole.Entities, riyadh) {
		t.Skipf("the tagger does not find بوتين and الرياض here: %+v", whole)
	}
	cut := *a
	cut.Paragraphs = ps[:1]
	m.Update(keyEnter) // its command, which would read the whole, not run
	m.Update(entitiesMsg{a, collection.Reading{Entities: entities.Extract(&cut), Stage: collection.Head}})
	if !has(m.ents.reading.Entities, putin) || has(m.ents.reading.Entities, riyadh) {
		t.Fatalf("after the head: %+v", m.ents.reading)
	}
	if s := screenText(m); !strings.Contains(s, "Reading the rest") || !strings.Contains(s, shown("فلاديمير بوتين")) {
		t.Fatalf("the head's panel:\n%s", s)
	}
	press(m, keyTab)
	for e := m.ents.selected(); e.Key != putin; e = m.ents.selected() {
		press(m, text("j"))
	}
	m.Update(entitiesMsg{a, whole})
	if m.ents.reading.Stage != collection.Final || !reflect.DeepEqual(m.ents.reading.Entities, whole.Entities) {
		t.Fatalf("after the whole: %+v, want %+v", m.ents.reading, whole)
	}
	if e := m.ents.selected(); e.Key != putin || m.reader.layers[layerEntity].key != putin {
		t.Fatalf("the cursor or the highlight left بوتين: %q, %q", e.Key, m.reader.layers[layerEntity].key)
	}
	if s := screenText(m); strings.Contains(s, "Reading the rest") || !strings.Contains(s, shown("الرياض")) {
		t.Fatalf("the whole's panel:\n%s", s)
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
	m := newLoaded(t, Config{}, 100, 30, []*corpus.Article{a}, nil)
	press(m, m.openArticle(a))
	metaAt := -1 // the line under the title that holds the credit
	meta := func() string {
		lay := m.reader.layout(m.size(paneReader).W)
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
	m.reader.setLayer(layerEntity, credit.Key, credit.Mentions, false)
	if !strings.Contains(meta(), mark) {
		t.Fatalf("selecting %q does not highlight it in the line under the title: %q", credit.Label, meta())
	}
	if y := m.reader.layout(m.size(paneReader).W).spanLines[layerEntity][0]; y != metaAt || y == 0 {
		t.Errorf("the credit's mention is on line %d, want %d (under the title)", y, metaAt)
	}
}

func TestMetaLineCreditOffset(t *testing.T) {
	for _, a := range []corpus.Article{
		{Credit: "شام الإخبارية"},
		{Source: "hadramout.net", Credit: "شام الإخبارية", Author: "x"},
	} {
		line, at := metaLine(&a, nil)
		if !strings.HasPrefix(line[at:], a.Credit) {
			t.Errorf("metaLine(%+v) = %q, credit at %d", a, line, at)
		}
	}
}
