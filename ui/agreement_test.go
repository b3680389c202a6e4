package ui

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
	"sahifa/corpus/corpustest"
	"sahifa/ui/cli"
)

// TestCommandAndPanelAgree: `sahifa entities --json` prints, article by
// article, what the Entities panel shows once the collection is read, on
// the seeds and on a day of SaudiNewsNet.
func TestCommandAndPanelAgree(t *testing.T) {
	t.Run("seeds", func(t *testing.T) { checkAgreement(t, nil) })
	t.Run("saudinewsnet-day", func(t *testing.T) {
		if testing.Short() {
			t.Skip("reads a day of SaudiNewsNet twice")
		}
		checkAgreement(t, []string{filepath.Join(corpustest.Shared(t, "data/saudinewsnet"), "2015-07-21.json")})
	})
}

// printedEntity is an entity as `sahifa entities --json` prints it.
type printedEntity struct {
	Kind, Key, Label string
	Mentions         []collection.Span
}

func checkAgreement(t *testing.T, paths []string) {
	cmd, _ := cli.Lookup("entities")
	var out, errs bytes.Buffer
	if code := cmd.Run(append([]string{"--json"}, paths...), nil, &out, &errs); code != 0 {
		t.Fatalf("sahifa entities exits %d: %s", code, errs.String())
	}
	printed := map[string][]printedEntity{}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var line struct {
			ID       string
			Entities []printedEntity
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		printed[line.ID] = line.Entities
	}

	c := collection.Open(context.Background(), paths)
	defer c.Close()
	c.Wait(context.Background())
	m := New(Config{}, c)
	m.Update(tea.WindowSizeMsg{Width: 130, Height: 40})
	as := c.Articles()
	if len(as) != len(printed) || len(as) == 0 {
		t.Fatalf("the screen has %d articles, the command printed %d", len(as), len(printed))
	}
	named := 0
	for _, a := range as {
		runCmd(m, m.openArticle(a))
		if m.ents.art != a || m.ents.reading.Stage != collection.Final {
			t.Fatalf("%s: the panel is not the article's final reading", a.ID)
		}
		var shown []printedEntity
		for _, e := range m.ents.reading.Entities {
			shown = append(shown, printedEntity{e.Kind.String(), e.Key, e.Label, e.Mentions})
		}
		if len(shown) > 0 {
			named++
		}
		if want := printed[a.ID]; !reflect.DeepEqual(shown, want) && (len(shown) > 0 || len(want) > 0) {
			t.Fatalf("%s %q: the panel shows %+v, the command printed %+v", a.ID, strings.TrimSpace(a.Title), shown, want)
		}
	}
	t.Logf("%d articles agree, %d of them with names", len(as), named)
}
