package dates_test

import (
	"context"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/dates"
	"sahifa/seeds"
)

// TestSeedsGold checks each seed's own date, or its "not before" bound,
// and the absolute dates its text names against the hand-made reference.
func TestSeedsGold(t *testing.T) {
	gold := corpustest.Gold(t)
	arts, probs := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	if len(probs) > 0 || len(arts) != len(gold.Articles) {
		t.Fatalf("%d seeds, %v; gold has %d", len(arts), probs, len(gold.Articles))
	}
	for _, a := range arts {
		g, ok := gold.Articles[path.Base(a.Path)]
		if !ok {
			t.Fatalf("%s: no gold", a.Path)
		}
		r := dates.Read(a)
		var named []string
		for _, m := range r.Mentions {
			if !m.Relative && !slices.Contains(named, m.Value()) {
				named = append(named, m.Value())
			}
		}
		want := slices.Clone(g.Dates)
		if g.Date.Value != nil {
			// The dateline is page furniture, not a paragraph.
			want = slices.DeleteFunc(want, func(v string) bool { return v == *g.Date.Value })
		}
		// Every date of the gold is named; the gold lists a year once
		// when it also lists a month of it (seed 001: 2011-03 for both
		// "عام 2011" and "مارس 2011"), so a year is allowed as a prefix.
		for _, v := range want {
			if !slices.Contains(named, v) {
				t.Errorf("%s: %s not found; named %v", a.Path, v, named)
			}
		}
		for _, v := range named {
			if !slices.ContainsFunc(want, func(w string) bool { return strings.HasPrefix(w, v) }) {
				t.Errorf("%s: %s named, not in the gold %v", a.Path, v, want)
			}
		}
		if g.Date.Value != nil {
			if r.Own.Value() != *g.Date.Value || r.Own.From != dates.Dateline || r.Own.NotBeforeValue() != "" {
				t.Errorf("%s: own date %q from %v (not before %q), want %s from the dateline", a.Path, r.Own.Value(), r.Own.From, r.Own.NotBeforeValue(), *g.Date.Value)
			}
			continue
		}
		latest := ""
		for _, v := range g.Dates {
			if latest == "" || start(v).After(start(latest)) {
				latest = v
			}
		}
		if r.Own.From != dates.Unknown || r.Own.NotBeforeValue() != latest || !strings.Contains(g.Date.How, latest) {
			t.Errorf("%s: own date %q from %v, not before %q; want unknown, not before %s (%s)", a.Path, r.Own.Value(), r.Own.From, r.Own.NotBeforeValue(), latest, g.Date.How)
		}
	}
}

func start(v string) time.Time {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

func TestReadOwnDateFromText(t *testing.T) {
	for _, c := range []struct{ text, own, from, notBefore string }{
		{"تونس - اليوم الخميس 29 جانفي 2015 أعلنت الحكومة", "2015-01-29", "text", ""},
		{"أعلنت الوزارة أمس الأحد 19 يوليو 2015 أن", "2015-07-20", "text", ""},
		{"وكانت الوزارة أعلنت أمس الاثنين 19 يوليو 2015 أن", "", "", "2015-07-19"}, // a contradiction fixes nothing
		{"وكانت الوزارة أعلنت في 19 يوليو 2015 أن المشروع سينتهي في عام 2020 وفق رؤية 2030", "", "", "2015-07-19"},
		{"وشنت الطائرات غارات على المدينة قبل سقوطها في ديسمبر 2016، ويستمر العمل حتى 2019", "", "", "2016-12"},
		{"أعلنت الوزارة في 19 يوليو 2015 أن المشروع يفتتح في عام 2016", "", "", ""}, // no word says either is past
		{"وقال الوزير إن الافتتاح في 19 يوليو 2015", "", "", ""},                    // a verb of saying says nothing of tense
		{"لا تاريخ هنا", "", "", ""},
		{"الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "2015-08-10", "dateline", ""},
		{"جدة ١٠ أغسطس ٢٠١٥", "2015-08-10", "dateline", ""},
		{"الرياض 25 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس", "", "", ""}, // the two disagree: neither is taken
		{"وكانت الوزارة أعلنت في 19 يوليو 2015", "", "", "2015-07-19"},     // a sentence, not a dateline
	} {
		a := &corpus.Article{Paragraphs: []corpus.Paragraph{{Text: "مقدمة طويلة بعض الشيء عن الخبر"}, {Text: c.text}}}
		r := dates.Read(a)
		if r.Own.Value() != c.own || r.Own.From.String() != c.from || r.Own.NotBeforeValue() != c.notBefore {
			t.Errorf("%s: own %q from %q, not before %q; want %q from %q, not before %q",
				c.text, r.Own.Value(), r.Own.From, r.Own.NotBeforeValue(), c.own, c.from, c.notBefore)
		}
	}
}

func TestReadAgainstMetadata(t *testing.T) {
	a := &corpus.Article{
		Date: time.Date(2015, 8, 3, 14, 0, 0, 0, time.UTC), DateFrom: corpus.DateMetadata,
		Paragraphs: []corpus.Paragraph{{Text: "عنوان"}, {Text: "قال الوزير أمس إن"}},
	}
	r := dates.Read(a)
	if r.Own.From != dates.Metadata || r.Own.Value() != "2015-08-03" || len(r.Mentions) != 1 {
		t.Fatalf("got %+v", r)
	}
	m := r.Mentions[0]
	if m.Para != 1 || m.Text != "أمس" || m.Value() != "2015-08-02" || !m.Relative || a.Paragraphs[1].Text[m.Start:m.End] != m.Text {
		t.Errorf("got %+v", m)
	}
}

func TestOwnDateIsReadsOwn(t *testing.T) {
	arts, _ := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	arts = append(arts, &corpus.Article{Paragraphs: []corpus.Paragraph{{Text: "جدة ١٠ أغسطس ٢٠١٥"}, {Text: "أمس"}}},
		&corpus.Article{Date: time.Date(2015, 8, 3, 0, 0, 0, 0, time.UTC), DateFrom: corpus.DateMetadata})
	for _, a := range arts {
		if got, want := dates.OwnDate(a), dates.Read(a).Own; got != want {
			t.Errorf("%s: OwnDate %+v, Read %+v", a.Path, got, want)
		}
	}
}
