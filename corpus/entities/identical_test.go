package entities

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
)

// digestsFile pins what the tagger answers on the seeds and on two days
// of SaudiNewsNet, so that work on its speed can show it changed no
// answer. A change meant to change answers rewrites it with
// -update-digests and says why in its commit.
const digestsFile = "testdata/digests.json"

var updateDigests = flag.Bool("update-digests", false, "rewrite "+digestsFile+" from the current tagger")

// digestDays are the SaudiNewsNet files whose answers are pinned.
var digestDays = []string{"2015-07-21.json", "2015-07-22.json"}

// TestDigests extracts the entities of every article of the seeds and of
// digestDays three ways — Extract; Tag then Resolve without a catalog;
// Resolve through the catalog of the articles' first readings, as the
// collection's second pass does — and the catalog's top names, and
// compares a digest of each with digestsFile.
func TestDigests(t *testing.T) {
	want := map[string]string{}
	if raw, err := os.ReadFile(digestsFile); err == nil {
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatal(err)
		}
	} else if !*updateDigests {
		t.Fatal(err)
	}
	got := map[string]string{}
	check := func(name string, arts []*corpus.Article) {
		for k, v := range digestsOf(t, arts) {
			key := name + " " + k
			got[key] = v
			if !*updateDigests && want[key] != v {
				t.Errorf("%s: digest %s, want %s", key, v, want[key])
			}
		}
	}
	check("seeds", mapValues(seedArticles(t)))
	if raceEnabled {
		t.Log("SaudiNewsNet days skipped under the race detector (minutes of tagging)")
	} else if dir, err := filepath.Abs(filepath.Join(corpustest.Root(t), "..", "shared", "data", "saudinewsnet")); err == nil {
		if _, err := os.Stat(dir); err != nil {
			t.Logf("SaudiNewsNet days skipped: %v", err)
		} else {
			for _, day := range digestDays {
				arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{filepath.Join(dir, day)}))
				if len(arts) == 0 {
					t.Fatalf("%s: no articles", day)
				}
				check(day, arts)
			}
		}
	}
	if *updateDigests {
		for k, v := range want {
			if _, ok := got[k]; !ok {
				got[k] = v // a part skipped here keeps its digest
			}
		}
		raw, err := json.MarshalIndent(got, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(digestsFile, append(raw, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// digestsOf returns the digests of the articles' entities read each way
// TestDigests names, keyed by way.
func digestsOf(t *testing.T, arts []*corpus.Article) map[string]string {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	arts = slices.Clone(arts)
	slices.SortFunc(arts, func(a, b *corpus.Article) int {
		return cmp.Or(cmp.Compare(filepath.Base(a.Path), filepath.Base(b.Path)), cmp.Compare(a.ID, b.ID))
	})
	extract, tagged, resolved := sha256.New(), sha256.New(), sha256.New()
	taggings := make([]Tagging, len(arts))
	c := NewCatalog()
	for i, a := range arts {
		es := m.Extract(a)
		writeEntities(extract, a, es)
		taggings[i] = m.Tag(a)
		var none *Catalog
		writeEntities(tagged, a, none.Resolve(a, taggings[i]))
		c.Add(a, es)
	}
	for i, a := range arts {
		writeEntities(resolved, a, c.Resolve(a, taggings[i]))
	}
	top := sha256.New()
	for _, r := range c.Top(200) {
		fmt.Fprintf(top, "%d\t", r.Articles)
		writeEntities(top, nil, []Entity{r.Entity})
	}
	sum := func(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
	return map[string]string{"extract": sum(extract), "tag+resolve": sum(tagged),
		"catalog resolve": sum(resolved), "catalog top": sum(top)}
}

// writeEntities writes every field of the entities of article a.
func writeEntities(h hash.Hash, a *corpus.Article, es []Entity) {
	if a != nil {
		fmt.Fprintf(h, "%s\t%s\n", filepath.Base(a.Path), a.ID) // not where the checkout is
	}
	for _, e := range es {
		fmt.Fprintf(h, "%s\t%s\t%d", e.Key, e.Label, e.Kind)
		for _, m := range e.Mentions {
			fmt.Fprintf(h, "\t%d:%d-%d", m.Para, m.Start, m.End)
		}
		h.Write([]byte{'\n'})
	}
}

// TestExtractTagged checks that ExtractTagged, which reads an article
// once, answers what Extract and Tag answer apart, on the seeds.
func TestExtractTagged(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range seedArticles(t) {
		es, tg := m.ExtractTagged(a)
		if want := m.Extract(a); !reflect.DeepEqual(es, want) {
			t.Errorf("%s: ExtractTagged found %d entities, Extract %d, or they differ", name, len(es), len(want))
		}
		if want := m.Tag(a); !reflect.DeepEqual(tg, want) {
			t.Errorf("%s: ExtractTagged's tagging has %d names, Tag's %d, or they differ", name, tg.Names(), want.Names())
		}
		if tg.Names() == 0 {
			t.Errorf("%s: no names tagged", name)
		}
	}
}
