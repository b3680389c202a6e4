package corpus_test

import (
	"context"
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/seeds"
)

func loadSeeds(t *testing.T) map[string]*corpus.Article {
	t.Helper()
	arts, probs := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	for _, p := range probs {
		t.Errorf("seed problem: %v", p)
	}
	byName := map[string]*corpus.Article{}
	for _, a := range arts {
		byName[path.Base(a.Path)] = a
	}
	return byName
}

// TestSeedsGold checks every seed's title and page furniture against the
// hand-made reference: each boilerplate string ends up in Removed and
// nowhere in the title or the paragraphs.
func TestSeedsGold(t *testing.T) {
	gold := corpustest.Gold(t)
	arts := loadSeeds(t)
	if len(arts) != len(gold.Articles) {
		t.Fatalf("loaded %d seeds, gold has %d", len(arts), len(gold.Articles))
	}
	for name, g := range gold.Articles {
		a := arts[name]
		if a == nil {
			t.Errorf("%s: not loaded", name)
			continue
		}
		if a.Title != g.Title {
			t.Errorf("%s: title\n got %q\nwant %q", name, a.Title, g.Title)
		}
		for _, bp := range g.Boilerplate {
			if !containsAny(a.Removed, bp) {
				t.Errorf("%s: %q not in Removed %q", name, bp, a.Removed)
			}
			if strings.Contains(a.Title, bp) {
				t.Errorf("%s: boilerplate %q in the title", name, bp)
			}
			for i, p := range a.Paragraphs {
				if strings.Contains(p.Text, bp) {
					t.Errorf("%s: boilerplate %q in paragraph %d: %q", name, bp, i, p.Text)
				}
			}
		}
		for i, p := range a.Paragraphs {
			if p.Text == a.Title {
				t.Errorf("%s: paragraph %d repeats the title", name, i)
			}
			if i > 0 && p.Text == a.Paragraphs[i-1].Text {
				t.Errorf("%s: paragraph %d repeats the one before", name, i)
			}
			if strings.TrimSpace(strings.ReplaceAll(p.Text, "\u00a0", "")) == "" {
				t.Errorf("%s: paragraph %d is blank", name, i)
			}
		}
		// The republishing notice is furniture, but the outlet it names
		// is kept as the credit; only seed 004 has such a notice.
		wantCredit := ""
		if strings.HasPrefix(name, "004_") {
			wantCredit = "شام الإخبارية"
		}
		if a.Credit != wantCredit {
			t.Errorf("%s: Credit = %q, want %q", name, a.Credit, wantCredit)
		}
		if a.Dir != corpus.RTL {
			t.Errorf("%s: Dir = %v, want RTL", name, a.Dir)
		}
		if len(a.ID) != 16 {
			t.Errorf("%s: ID %q is not 16 hex digits", name, a.ID)
		}
		if g.Date.Value != nil {
			if a.DateFrom != corpus.DateDateline || a.Date.Format("2006-01-02") != *g.Date.Value {
				t.Errorf("%s: date %v (from %d), want %s from the dateline", name, a.Date, a.DateFrom, *g.Date.Value)
			}
		} else if a.DateFrom != corpus.DateUnknown {
			t.Errorf("%s: date %v (from %d), want none", name, a.Date, a.DateFrom)
		}
	}
}

func containsAny(ss []string, sub string) bool {
	for _, s := range ss {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// TestSeedsStable checks that IDs do not depend on the order files are read
// in: two loads give the same IDs, all different.
func TestSeedsStable(t *testing.T) {
	a, b := loadSeeds(t), loadSeeds(t)
	ids := map[string]bool{}
	for name, x := range a {
		if b[name].ID != x.ID {
			t.Errorf("%s: ID %s then %s", name, x.ID, b[name].ID)
		}
		if ids[x.ID] {
			t.Errorf("%s: ID %s used twice", name, x.ID)
		}
		ids[x.ID] = true
		for _, p := range x.Paragraphs {
			if !utf8.ValidString(p.Text) {
				t.Errorf("%s: invalid UTF-8", name)
			}
		}
	}
}

// TestSeedsKinds checks the paragraph kinds the seeds show: the sub-heads
// of seed 004 and the photo caption of seed 003.
func TestSeedsKinds(t *testing.T) {
	arts := loadSeeds(t)
	want := []struct {
		seed, prefix string
		kind         corpus.ParagraphKind
	}{
		{"004_ed55bb1d605fa1ee.txt", "بحث شامل للعلاقات الاستراتيجية", corpus.Heading},
		{"004_ed55bb1d605fa1ee.txt", "الكرملين: المسألة كانت مطروحة", corpus.Heading},
		{"001_05805eb4d424d0c9.txt", "استكمال التحرير", corpus.Heading},
		{"003_02d3145c0980e00f.txt", "بوتين أبلغ الأسد أنه يريد العمل", corpus.Caption},
		{"003_02d3145c0980e00f.txt", "زار الرئيس الروسي", corpus.Body},
	}
	for _, w := range want {
		found := false
		for _, p := range arts[w.seed].Paragraphs {
			if strings.HasPrefix(p.Text, w.prefix) {
				found = true
				if p.Kind != w.kind {
					t.Errorf("%s: %q is kind %d, want %d", w.seed, w.prefix, p.Kind, w.kind)
				}
			}
		}
		if !found {
			t.Errorf("%s: no paragraph starts with %q", w.seed, w.prefix)
		}
	}
}
