package entities

import (
	"context"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/corpus/corpustest"
	"sahifa/seeds"
)

// seedArticles loads the seed articles as the reader does, by file name.
func seedArticles(t testing.TB) map[string]*corpus.Article {
	t.Helper()
	arts, probs := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	if len(probs) > 0 {
		t.Fatalf("loading the seeds: %v", probs)
	}
	out := map[string]*corpus.Article{}
	for _, a := range arts {
		out[path.Base(a.Path)] = a
	}
	return out
}

// TestSeedsGold checks the extractor against the hand-made reference of
// the seed articles: every listed person, place and organisation found
// with its kind, every group of spellings one entity, no forbidden word
// and nothing from the page furniture.
//
// Two readings of the reference: a name it gives in short is found when
// an entity of its kind ends with it (نوفوستي, written in full as آر آي
// إيه نوفوستي, RIA Novosti); and a name the article only has in the
// furniture the loader removes (a "this news was taken from" notice) is
// not asked for, since furniture must yield nothing.
func TestSeedsGold(t *testing.T) {
	var names, namesFound int
	g := corpustest.Gold(t)
	kinds := map[string]Kind{"persons": Person, "locations": Place, "organizations": Organisation}
	arts := seedArticles(t)
	if len(arts) != len(g.Articles) {
		t.Fatalf("%d seed articles, %d in the gold file", len(arts), len(g.Articles))
	}
	for name, a := range arts {
		ga := g.Articles[name]
		es := Extract(a)
		byKey := map[string]Entity{}
		for _, e := range es {
			byKey[e.Key] = e
		}
		for field, list := range map[string][]string{"persons": ga.Persons, "locations": ga.Locations, "organizations": ga.Organizations} {
			for _, want := range list {
				e, ok := byKey[KeyOf(want)]
				if !ok {
					e, ok = endingWith(es, KeyOf(want), kinds[field])
				}
				switch {
				case !ok:
					t.Errorf("%s: %s %q not found", name, field, want)
				case e.Kind != kinds[field]:
					t.Errorf("%s: %q is a %v, want %v", name, want, e.Kind, kinds[field])
				default:
					namesFound++
				}
				names++
			}
		}
		// The forms of a name that are found are all one entity's mentions.
		for _, same := range ga.Same {
			holders := map[string]bool{}
			for _, form := range same {
				for _, e := range es {
					if mentions(a, e, form) {
						holders[e.Label] = true
					}
				}
			}
			if len(holders) > 1 {
				t.Errorf("%s: the forms %q are split over the entities %v", name, same, holders)
			}
		}
		for _, e := range es {
			for _, f := range g.Forbidden {
				if e.Key == KeyOf(f) {
					t.Errorf("%s: forbidden entity %q", name, e.Label)
				}
			}
			for _, m := range e.Mentions {
				var text string
				switch {
				case m.Para == -1:
					text = a.Title
				case m.Para == CreditPara:
					text = a.Credit
				case m.Para >= 0 && m.Para < len(a.Paragraphs):
					text = a.Paragraphs[m.Para].Text
				default:
					t.Fatalf("%s: %q: mention outside the article: %+v", name, e.Label, m)
				}
				if m.Start < 0 || m.Start >= m.End || m.End > len(text) {
					t.Fatalf("%s: %q: mention %+v outside its text %q", name, e.Label, m, text)
				}
			}
		}
		// An adjective of nationality is never a name on its own, with
		// or without a clitic (اتفق الجانبان السوري والروسي, seed 002).
		for _, e := range es {
			if nationalityOnly(e.Label) {
				t.Errorf("%s: the adjective %q is a %v", name, e.Label, e.Kind)
			}
		}
		// Page furniture never reaches Extract: nothing in it may be named.
		for _, bp := range ga.Boilerplate {
			for _, e := range es {
				if strings.Contains(bp, e.Label) && !inText(a, e.Label) {
					t.Errorf("%s: %q comes from the furniture %q", name, e.Label, bp)
				}
			}
		}
	}
	t.Logf("found %d of %d names", namesFound, names)
}

// nationalityOnly reports whether every word of label is an adjective of
// nationality of the trigger table, once its clitics are off.
func nationalityOnly(label string) bool {
	for _, w := range strings.Fields(arabic.Fold(label)) {
		if !slices.ContainsFunc(arabic.WithoutProclitics(w), func(r string) bool { return lex().words[r]&lexNationality != 0 }) {
			return false
		}
	}
	return label != ""
}

// endingWith returns the entity of kind k whose key ends with the words
// of key, if there is exactly one.
func endingWith(es []Entity, key string, k Kind) (Entity, bool) {
	var found []Entity
	for _, e := range es {
		if e.Kind == k && strings.HasSuffix(e.Key, " "+key) {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		return Entity{}, false
	}
	return found[0], true
}

// inText reports whether s is in the article's title or paragraphs.
func inText(a *corpus.Article, s string) bool {
	if strings.Contains(a.Title, s) {
		return true
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p.Text, s) {
			return true
		}
	}
	return false
}

// mentions reports whether entity e has a mention whose text is form.
func mentions(a *corpus.Article, e Entity, form string) bool {
	for _, m := range e.Mentions {
		text := a.Title
		if m.Para >= 0 {
			text = a.Paragraphs[m.Para].Text
		}
		if KeyOf(text[m.Start:m.End]) == KeyOf(form) || arabic.Fold(text[m.Start:m.End]) == arabic.Fold(form) {
			return true
		}
	}
	return false
}

// TestExtractIsDeterministic runs Extract on the seeds again and again:
// map order must never leak into the result.
func TestExtractIsDeterministic(t *testing.T) {
	for name, a := range seedArticles(t) {
		first := Extract(a)
		for range 5 {
			if again := Extract(a); !reflect.DeepEqual(again, first) {
				t.Fatalf("%s: Extract gave %+v, then %+v", name, first, again)
			}
		}
	}
}
