package ui

import (
	"strings"
	"testing"

	"sahifa/corpus/entities"
)

func TestEntitiesPanel(t *testing.T) {
	as := seedArticles(t)
	m := newLoaded(t, Config{}, 130, 40, as, nil)
	if s := screenText(m); !strings.Contains(s, "Open an article") {
		t.Fatalf("no article open:\n%s", s)
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
	if m.focus != paneList || m.reader.entity != nil {
		t.Fatalf("esc leaves the panel and its highlight: focus %v, entity %v", m.focus, m.reader.entity)
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
