package dates_test

import (
	"context"
	"encoding/json"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/corpus/dates"
)

// TestDraftGold draws the SaudiNewsNet part of the hand-checked sets
// (testdata/README.md): with DATES_DRAFT=FILE it picks articles from
// 2015-08-01 on, by a fixed random order, for each system of dates, and
// writes the paragraphs that may name a date with the extractor's
// proposals, for a person to read, correct and complete.
func TestDraftGold(t *testing.T) {
	out := os.Getenv("DATES_DRAFT")
	if out == "" {
		t.Skip("DATES_DRAFT=FILE draws a new set to check by hand")
	}
	dir := filepath.Join("..", "..", "..", "shared", "data", "saudinewsnet")
	arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{dir}))
	seed := int64(10)
	if s, err := strconv.ParseInt(os.Getenv("DATES_DRAFT_SEED"), 10, 64); err == nil {
		seed = s // another draw: the held-out set was drawn with 11
	}
	rand.New(rand.NewSource(seed)).Shuffle(len(arts), func(i, j int) { arts[i], arts[j] = arts[j], arts[i] })
	systems := []struct {
		name  string
		re    *regexp.Regexp
		quota int
	}{
		{"maghrebi", regexp.MustCompile(arabic.Fold(`(جانفي|فيفري|أفريل|جوان|جويلية|أوت) [0-9]`)), 6},
		{"levantine", regexp.MustCompile(arabic.Fold(`(شباط|آذار|نيسان|حزيران|تموز|أيلول|تشرين|كانون)`)), 10},
		{"hijri", regexp.MustCompile(arabic.Fold(`[0-9]{4} ?هـ`)), 12},
		{"egyptian", regexp.MustCompile(arabic.Fold(`(يناير|فبراير|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)`)), 10},
		{"relative", regexp.MustCompile(arabic.Fold(`(أمس|الماضي|المقبل|الأسبوع|الشهر الجاري)`)), 8},
		{"paired", regexp.MustCompile(arabic.Fold(`الموافق`)), 6},
		{"levantine day", regexp.MustCompile(arabic.Fold(`[0-9] (كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين)`)), 5},
		{"egyptian day", regexp.MustCompile(arabic.Fold(`[0-9] (يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر) [0-9]`)), 5},
	}
	candidate := regexp.MustCompile(`[0-9]|` + arabic.Fold(`يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين|كانون|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة|أمس|اليوم|غدا|الماضي|المقبل|القادم|الحالي|الجاري|الأحد|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|شهر|عام|سنة|الأسبوع`))
	type mention struct {
		Para     int    `json:"para"`
		Text     string `json:"text"`
		Value    string `json:"value"`
		EndValue string `json:"end_value,omitempty"`
		Kind     string `json:"kind"`
	}
	type article struct {
		File   string    `json:"file"`
		Index  int       `json:"index"`
		ID     string    `json:"id"`
		System string    `json:"system"`
		Ref    string    `json:"ref"`
		Paras  []int     `json:"paras"`
		Texts  []string  `json:"texts"`
		Dates  []mention `json:"dates"`
	}
	var set []article
	used := map[string]bool{}
	for _, sys := range systems {
		n := 0
		for _, a := range arts {
			if n == sys.quota {
				break
			}
			size := 0
			for _, p := range a.Paragraphs {
				size += len(p.Text)
			}
			if used[a.ID] || a.Date.Before(time.Date(2015, 8, 1, 0, 0, 0, 0, time.UTC)) || size > 3500 {
				continue
			}
			var all string
			for _, p := range a.Paragraphs {
				all += arabic.Fold(p.Text) + "\n"
			}
			if !sys.re.MatchString(all) {
				continue
			}
			used[a.ID] = true
			n++
			e := article{File: filepath.Base(a.Path), Index: a.Index, ID: a.ID, System: sys.name, Ref: a.Date.Format("2006-01-02")}
			named := map[int]bool{}
			for _, m := range dates.Read(a).Mentions {
				e.Dates = append(e.Dates, mention{m.Para, m.Text, m.Value(), m.EndValue(), m.Kind().String()})
				named[m.Para] = true
			}
			for i, p := range a.Paragraphs {
				if named[i] || candidate.MatchString(arabic.Fold(p.Text)) {
					e.Paras = append(e.Paras, i)
					e.Texts = append(e.Texts, p.Text)
				}
			}
			set = append(set, e)
		}
	}
	sort.SliceStable(set, func(i, j int) bool { return set[i].File < set[j].File })
	b, _ := json.MarshalIndent(set, "", "  ")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
