package related

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/corpus/entities"
	"sahifa/corpus/search"
)

// wireText returns n sentences of made-up news words, the same for the
// same seed.
func wireText(seed uint64, n int) []corpus.Paragraph {
	words := strings.Fields("وزير الخارجية قال اليوم إن المحادثات مع الوفد تناولت الأزمة في المنطقة والتعاون الاقتصادي " +
		"وأضاف أن الجانبين اتفقا على مواصلة العمل المشترك لدعم الاستقرار وأكد المسؤول أهمية الحوار السياسي " +
		"ونقلت وكالة الأنباء عن مصادر مطلعة أن الاجتماع المقبل سيعقد الشهر القادم في العاصمة بحضور ممثلين عن الدول المعنية " +
		"الرياض القاهرة عمان بيروت بغداد دمشق صنعاء عدن الدوحة الكويت المنامة مسقط الخرطوم تونس الجزائر الرباط")
	r := rand.New(rand.NewPCG(seed, 7))
	var ps []corpus.Paragraph
	for range n {
		var b strings.Builder
		for j := range 12 + r.IntN(8) {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteByte('.')
		ps = append(ps, corpus.Paragraph{Text: b.String()})
	}
	return ps
}

// exactResemblance is the Jaccard resemblance of the shingle sets, for
// checking the sketch's estimate.
func exactResemblance(a, b *corpus.Article) float64 {
	set := func(a *corpus.Article) map[string]bool {
		out := map[string]bool{}
		for _, p := range append([]corpus.Paragraph{{Text: a.Title}}, a.Paragraphs...) {
			var ws []string
			arabic.FoldWords(p.Text, nil, func(_ arabic.Token, f []byte) {
				if len(f) > 0 {
					ws = append(ws, string(f))
				}
			})
			for i := 0; i+shingleWords <= len(ws); i++ {
				out[strings.Join(ws[i:i+shingleWords], " ")] = true
			}
		}
		return out
	}
	sa, sb := set(a), set(b)
	both := 0
	for s := range sa {
		if sb[s] {
			both++
		}
	}
	return float64(both) / float64(len(sa)+len(sb)-both)
}

func TestSketchResemblance(t *testing.T) {
	base := &corpus.Article{Title: "اجتماع وزاري", Paragraphs: wireText(1, 12)}
	same := &corpus.Article{Title: "اجتماع وزاري", Paragraphs: wireText(1, 12)}
	if got := NewSketch(base).Resemblance(NewSketch(same)); got != 1 {
		t.Errorf("the same text: resemblance %.2f, want 1", got)
	}
	// Republished: a new headline, tashkeel, the last two paragraphs cut.
	edited := &corpus.Article{Title: "الوزراء يجتمعون", Paragraphs: append([]corpus.Paragraph{}, wireText(1, 10)...)}
	edited.Paragraphs[0].Text = "وَزِيرُ " + edited.Paragraphs[0].Text
	other := &corpus.Article{Title: "اجتماع وزاري", Paragraphs: wireText(2, 12)}
	for _, c := range []struct {
		name string
		b    *corpus.Article
		copy bool
	}{{"edited copy", edited, true}, {"other text of the same words", other, false}} {
		est := NewSketch(base).Resemblance(NewSketch(c.b))
		exact := exactResemblance(base, c.b)
		if math.Abs(est-exact) > 0.15 {
			t.Errorf("%s: estimate %.2f, exact %.2f", c.name, est, exact)
		}
		if got := est >= copyResemblance; got != c.copy {
			t.Errorf("%s: resemblance %.2f, near-copy %v, want %v", c.name, est, got, c.copy)
		}
	}
	if got := NewSketch(&corpus.Article{}).Resemblance(NewSketch(base)); got != 0 {
		t.Errorf("an empty article: resemblance %.2f, want 0", got)
	}
	if s := NewSketch(base); len(s) != sketchSize {
		t.Errorf("sketch of %d hashes, want %d", len(s), sketchSize)
	}
}

// TestRelatedGroupsNearCopies asks for the articles related to one that
// other outlets republished, beside another story republished twice and
// the same template filled in again a week later.
func TestRelatedGroupsNearCopies(t *testing.T) {
	day := time.Date(2015, 8, 6, 9, 0, 0, 0, time.UTC)
	art := func(id, source, title string, seed uint64, n int, d time.Duration) *corpus.Article {
		return &corpus.Article{ID: id, Source: source, Title: title, Paragraphs: wireText(seed, n), Date: day.Add(d), DateFrom: corpus.DateMetadata}
	}
	asked := art("asked", "okaz", "وزير الخارجية في الدوحة", 1, 12, 0)
	copy1 := art("copy1", "alyaum", "وزير الخارجية يصل الدوحة", 1, 12, 3*time.Hour)
	copy2 := art("copy2", "sabq", "الدوحة تستقبل وزير الخارجية", 1, 11, 20*time.Hour)
	other1 := art("other1", "alriyadh", "وزير الخارجية والتعاون", 2, 12, 24*time.Hour)
	other2 := art("other2", "alwatan", "وزير الخارجية والتعاون", 2, 12, 26*time.Hour)
	later := art("later", "alriyadh", "وزير الخارجية والتعاون", 2, 12, 8*24*time.Hour)
	arts := []*corpus.Article{asked, copy1, copy2, other1, other2, later}
	for i := range 30 { // the rest of a collection, for the words' idf
		arts = append(arts, art(fmt.Sprint("filler", i), "was", "خبر", uint64(100+i), 3, -30*24*time.Hour))
	}
	ix := search.NewIndex()
	ix.Add(arts...)
	f := New(ix, nil)
	f.Add(arts...)

	rows := f.Related(asked, 10)
	row := func(id string) *Result {
		for i := range rows {
			if rows[i].Article.ID == id {
				return &rows[i]
			}
			for _, c := range rows[i].Copies {
				if c.ID == id {
					return &rows[i]
				}
			}
		}
		return nil
	}
	for _, id := range []string{"copy1", "copy2", "other1", "other2", "later"} {
		if row(id) == nil {
			t.Fatalf("%s is in no row: %v", id, rows)
		}
	}
	if r := row("copy1"); r != row("copy2") || len(r.Copies) != 1 || !r.Reasons.Copy || !r.SameStory {
		t.Errorf("the asked article's copies should be one row, a copy and the same story: %+v", *r)
	}
	if r := row("other1"); r != row("other2") || len(r.Copies) != 1 || r.Reasons.Copy {
		t.Errorf("two copies of another text should be one row, not a copy of the asked: %+v", *r)
	}
	if row("later") == row("other1") {
		t.Error("the same template a week later is another story, not a copy")
	}
	if rows[0].Article.ID != "copy1" && rows[0].Article.ID != "copy2" {
		t.Errorf("the asked article's copies should come first, got %s", rows[0].Article.ID)
	}
	if r := row("copy1"); !r.Reasons.SameDay || r.Reasons.SameSource || r.Reasons.Days < 0 {
		t.Errorf("reasons %+v, want same day, another source and a distance", r.Reasons)
	}
	if got := f.Related(asked, 1); len(got) != 1 {
		t.Errorf("k = 1 gave %d rows", len(got))
	}
}

// TestRelatedWhileLoading asks for related articles while batches are
// added and entities recorded, as a collection does while it loads, and
// asks about articles with nothing to compare.
func TestRelatedWhileLoading(t *testing.T) {
	ix := search.NewIndex()
	f := New(ix, func(a *corpus.Article) []entities.Entity {
		return []entities.Entity{{Key: "الدوحه", Label: "الدوحة"}}
	})
	var arts []*corpus.Article
	for i := range 60 {
		arts = append(arts, &corpus.Article{ID: fmt.Sprint(i), Title: "خبر", Paragraphs: wireText(uint64(i%7), 4)})
	}
	done := make(chan bool)
	go func() {
		for i := 0; i < len(arts); i += 10 {
			ix.Add(arts[i : i+10]...)
			f.Add(arts[i : i+10]...)
			for _, a := range arts[i : i+10] {
				f.SetNames(a, []entities.Entity{{Key: "عدن", Label: "عدن"}})
			}
		}
		close(done)
	}()
	for i := 0; ; i++ {
		f.Related(arts[i%len(arts)], 5)
		select {
		case <-done:
			rows := f.Related(arts[0], 5)
			if len(rows) == 0 || len(rows[0].Reasons.Names) != 1 {
				t.Errorf("rows %+v: want related articles sharing the name عدن", rows)
			}
			for _, a := range []*corpus.Article{nil, {}, {Title: "\u064e\u064e"}, {ID: "x", Title: "كلمة لا توجد"}} {
				if rows := f.Related(a, 5); len(rows) != 0 {
					t.Errorf("Related(%v) = %v, want nothing", a, rows)
				}
			}
			return
		default:
		}
	}
}

// TestPrepare makes every article's sketch and lede ahead of the queries,
// as a collection does once loaded, and checks that a prepared Finder
// answers as one that makes them as queries come, and that a cancelled
// preparation stops.
func TestPrepare(t *testing.T) {
	day := time.Date(2015, 8, 6, 9, 0, 0, 0, time.UTC)
	var arts []*corpus.Article
	for i := range 40 {
		arts = append(arts, &corpus.Article{ID: fmt.Sprint(i), Title: "خبر", Paragraphs: wireText(uint64(i%9), 5+i%4),
			Date: day.Add(time.Duration(i) * 7 * time.Hour), DateFrom: corpus.DateMetadata})
	}
	ix := search.NewIndex()
	ix.Add(arts...)
	prepared, asked := New(ix, nil), New(ix, nil)

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if n := prepared.Prepare(cancelled, arts); n != 0 {
		t.Errorf("a cancelled preparation went through %d articles", n)
	}
	if n := prepared.Prepare(context.Background(), append(arts, nil)); n != len(arts)+1 {
		t.Errorf("Prepare went through %d articles, want %d", n, len(arts)+1)
	}
	for _, a := range arts {
		r := prepared.info[a]
		if r == nil || !r.sketched || !r.leded || len(r.lede.words) == 0 {
			t.Fatalf("article %s is not prepared: %+v", a.ID, r)
		}
	}
	for _, a := range arts {
		got, want := prepared.Related(a, 10), asked.Related(a, 10)
		if len(want) == 0 || !slices.EqualFunc(got, want, func(x, y Result) bool {
			return x.Article == y.Article && x.Score == y.Score && x.SameStory == y.SameStory && len(x.Copies) == len(y.Copies)
		}) {
			t.Fatalf("article %s: prepared %v, made as asked %v", a.ID, got, want)
		}
	}
}
