package collection

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"sahifa/corpus/corpustest"
	"sahifa/corpus/entities"
)

// notNames are words a reader would never call a name, which the
// collection's spreading of names once put at the top of SaudiNewsNet's
// most named: the divine name and formulae, titles and honorifics alone,
// months, function words, common nouns.
var notNames = []string{"الله", "رحمة الله", "خادم الحرمين", "معالي", "سمو", "فيا معالي", "رمضان", "أمام", "بحضور",
	"الدين", "الأمن", "الوطن", "العربي", "الخير", "الصادق", "الجبار"}

// TestCollectionNamesAreNames reads a day of SaudiNewsNet through the
// collection: its most named hold none of notNames, and the article "مصر
// والقناة الجديدة" names what it is about, not the words of its prayers.
func TestCollectionNamesAreNames(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a day of SaudiNewsNet")
	}
	day := filepath.Join(corpustest.Shared(t, "data/saudinewsnet"), "2015-08-06.json")
	c := Open(context.Background(), []string{day})
	defer c.Close()
	c.Wait(context.Background())
	bad := map[string]bool{}
	for _, w := range notNames {
		bad[entities.KeyOf(w)] = true
	}
	top := c.TopEntities(topEntities)
	if len(top) < 50 {
		t.Fatalf("only %d names ranked", len(top))
	}
	for i, r := range top {
		if i < 12 {
			t.Logf("%d. %s (%s), %d articles", i+1, r.Entity.Label, r.Entity.Kind, r.Articles)
		}
		if bad[r.Entity.Key] {
			t.Errorf("%q (%s, %d articles) is among the most named", r.Entity.Label, r.Entity.Kind, r.Articles)
		}
	}
	f := Filter{}.With(Term{Field: ByQuery, Value: `"مصر والقناة الجديدة"`})
	hits := c.Query(f, 1).Articles
	if len(hits) == 0 {
		t.Fatal("the article مصر والقناة الجديدة is not in the day")
	}
	es := c.Entities(hits[0]).Entities
	keys := make([]string, len(es))
	for i, e := range es {
		keys[i] = e.Key
		if bad[e.Key] {
			t.Errorf("the article names %q", e.Label)
		}
	}
	for _, want := range []string{"مصر", "السويس"} {
		if !slices.Contains(keys, entities.KeyOf(want)) {
			t.Errorf("the article's names lack %s: %v", want, keys)
		}
	}
}
