package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"sahifa/corpus"
	"sahifa/corpus/arabic"
	"sahifa/corpus/corpustest"
)

// indexOf indexes one article per text, titled "t<i>", with ID "<i>".
func indexOf(texts ...string) (*Index, []*corpus.Article) {
	ix := NewIndex()
	var arts []*corpus.Article
	for i, s := range texts {
		arts = append(arts, &corpus.Article{ID: fmt.Sprint(i), Title: fmt.Sprintf("t%d", i), Paragraphs: []corpus.Paragraph{{Text: s}}})
	}
	ix.Add(arts...)
	return ix, arts
}

func found(ix *Index, q string) []string {
	var out []string
	for _, h := range ix.Search(q, 0) {
		out = append(out, h.Article.ID)
	}
	slices.Sort(out)
	return out
}

// proclitics are the proclitic runs a test puts before a name, and
// attachTo writes them as Arabic spelling does.
var proclitics = []string{"و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "فل", "وك"}

func attachTo(p, name string) string {
	if strings.HasSuffix(p, "ل") && strings.HasPrefix(name, "ال") {
		rest := strings.TrimPrefix(name, "ا") // ل + الأسد = للأسد
		if strings.HasPrefix(rest, "لل") {
			rest = strings.TrimPrefix(rest, "ل") // ل + اللاذقية = للاذقية
		}
		return p + rest
	}
	return p + name
}

// TestSeedNamesUnderClitics puts every person and place of the seeds'
// gold reference behind every proclitic, and, when the name does not start
// with the article, behind the article too; the bare name must find each
// form and highlight it whole.
func TestSeedNamesUnderClitics(t *testing.T) {
	gold := corpustest.Gold(t)
	var names []string
	for _, a := range gold.Articles {
		names = append(names, a.Persons...)
		names = append(names, a.Locations...)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for _, name := range names {
		words := strings.Fields(name)
		var texts []string
		for _, p := range proclitics {
			texts = append(texts, "قال "+attachTo(p, words[0])+strings.Join(append([]string{""}, words[1:]...), " ")+" اليوم")
			if !strings.HasPrefix(words[0], "ال") && len(words) == 1 {
				texts = append(texts, "قال "+attachTo(p, "ال"+words[0])+" اليوم")
			}
		}
		ix, arts := indexOf(texts...)
		for _, q := range []string{name, `"` + name + `"`} {
			hits := ix.Search(q, 0)
			if len(hits) != len(arts) {
				var missed []string
				for _, a := range arts {
					if !slices.ContainsFunc(hits, func(h Hit) bool { return h.Article == a }) {
						missed = append(missed, a.Paragraphs[0].Text)
					}
				}
				t.Errorf("%s: found %d of %d forms; missed %q", q, len(hits), len(arts), missed)
				continue
			}
			for _, h := range hits {
				text := h.Article.Paragraphs[0].Text
				want := strings.TrimSuffix(strings.TrimPrefix(text, "قال "), " اليوم")
				// A phrase is one match; words are one match each.
				var got []string
				for _, m := range h.Matches {
					got = append(got, text[m.Start:m.End])
				}
				if strings.Join(got, " ") != want || strings.HasPrefix(q, `"`) && len(got) != 1 {
					t.Errorf("%s in %q: matches %q, want %q", q, text, got, want)
				}
			}
		}
	}
}

// TestSeedNamesInSeeds finds, in the seeds themselves, every word that is
// a clitic form of a gold name's word and checks that the bare word finds
// its article and highlights it there.
func TestSeedNamesInSeeds(t *testing.T) {
	ix, arts := seedIndex(t)
	gold := corpustest.Gold(t)
	checked := 0
	for _, g := range gold.Articles {
		for _, name := range append(append([]string{}, g.Persons...), g.Locations...) {
			for _, w := range strings.Fields(name) {
				bare := arabic.Fold(w)
				if utf8.RuneCountInString(bare) < 3 {
					continue
				}
				for _, a := range arts {
					want := FindInArticle(a, w)
					for pi, p := range a.Paragraphs {
						for _, tk := range arabic.Words(p.Text) {
							f := arabic.Fold(p.Text[tk.Start:tk.End])
							if f == bare || !slices.Contains(arabic.WithoutProclitics(f), bare) {
								continue
							}
							checked++
							m := Match{Para: pi, Start: tk.Start, End: tk.End}
							if !slices.Contains(want, m) {
								t.Errorf("%s: %s in %s not highlighted", w, p.Text[tk.Start:tk.End], a.ID)
							}
							if !slices.Contains(found(ix, w), a.ID) {
								t.Errorf("%s: %s does not find %s", w, p.Text[tk.Start:tk.End], a.ID)
							}
						}
					}
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d clitic forms of names in the seeds: the test proves little", checked)
	}
	t.Logf("%d clitic forms of gold names found by the bare name", checked)
}

// TestNamesNotMangled: a name never finds the word a light stemmer would
// cut it to, and the cut word does not find the name's articles first.
func TestNamesNotMangled(t *testing.T) {
	for _, c := range []struct{ name, other string }{
		{"ايران", "اير"}, {"فلسطين", "فلسطا"}, {"كانون", "كان"}, {"وزارة", "زار"},
		{"إسرائيل", "سرائيل"}, {"الولايات", "ولاي"},
	} {
		ix, _ := indexOf("في "+c.name+" اليوم", "في "+c.other+" اليوم")
		if got := found(ix, c.name); !slices.Equal(got, []string{"0"}) {
			t.Errorf("%s finds %v, want only its own article", c.name, got)
		}
	}
}

func TestDigitsAndVariants(t *testing.T) {
	ix, _ := indexOf("في عام ٢٠١٥ الماضي", "في 2015 نفسه", "الموافق ١٤٣٦هـ", "زار سورية أمس", "وصل إلى سوريا", "من أميركا")
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"2015", []string{"0", "1"}},
		{"٢٠١٥", []string{"0", "1"}},
		{"1436", []string{"2"}},
		{"١٤٣٦هـ", []string{"2"}},
		{"سوريا", []string{"3", "4"}},
		{"سورية", []string{"3", "4"}},
		{"امريكا", []string{"5"}},
		{"-2015 في", nil},
		{"سوري*", []string{"3", "4"}},
	} {
		if got := found(ix, c.q); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.q, got, c.want)
		}
	}
}

// TestExactFormFirst: among articles that hold a word in several forms,
// the one with the form as typed ranks first.
func TestExactFormFirst(t *testing.T) {
	ix, _ := indexOf("لقاء مع الأسد", "لقاء مع أسد", "لقاء مع والأسد")
	hits := ix.Search("أسد", 0)
	if len(hits) != 3 || hits[0].Article.ID != "1" {
		t.Errorf("أسد: %v, want all three with article 1 first", ids(hits))
	}
	hits = ix.Search("الأسد", 0)
	if len(hits) != 2 || hits[0].Article.ID != "0" {
		t.Errorf("الأسد: %v, want 0 then 2", ids(hits))
	}
}

func TestTitleAboveBody(t *testing.T) {
	ix := NewIndex()
	ix.Add(
		&corpus.Article{ID: "body", Title: "أخبار", Paragraphs: []corpus.Paragraph{{Text: "زيارة بوتين إلى دمشق"}}},
		&corpus.Article{ID: "title", Title: "زيارة بوتين", Paragraphs: []corpus.Paragraph{{Text: "إلى دمشق"}}},
	)
	if hits := ix.Search("بوتين", 0); len(hits) != 2 || hits[0].Article.ID != "title" {
		t.Errorf("بوتين: %v, want the article naming him in its title first", ids(hits))
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("كلام طويل جدا ", 20) + "بشار الأسد" + strings.Repeat(" ثم كلام آخر", 20)
	a := &corpus.Article{Title: "عنوان", Paragraphs: []corpus.Paragraph{{Text: text}}}
	ms := FindInArticle(a, "الأسد")
	if len(ms) != 1 {
		t.Fatalf("matches %v", ms)
	}
	s, hl := Snippet(a, ms[0], 60)
	if len(hl) != 1 || s[hl[0].Start:hl[0].End] != "الأسد" {
		t.Fatalf("snippet %q, hl %v", s, hl)
	}
	if n := utf8.RuneCountInString(s); n > 62 || n < 40 {
		t.Errorf("snippet of %d runes for 60: %q", n, s)
	}
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") {
		t.Errorf("snippet %q: cuts not marked", s)
	}
	for _, w := range strings.Fields(strings.Trim(s, "…")) {
		if !strings.Contains(text, " "+w+" ") && !strings.HasPrefix(text, w+" ") {
			t.Errorf("snippet %q cuts the word %q", s, w)
		}
	}
	// A match in the title, and out of range.
	if s, hl := Snippet(a, Match{Para: -1, Start: 0, End: len("عنوان")}, 60); s != "عنوان" || len(hl) != 1 {
		t.Errorf("title snippet %q %v", s, hl)
	}
	if s, hl := Snippet(a, Match{Para: 3, Start: 0, End: 1}, 60); s != "" || hl != nil {
		t.Errorf("bad match: %q %v", s, hl)
	}
}

// FuzzSearch runs any query over the seeds: no panic, and every match
// inside its text, on word boundaries, agreeing with FindInArticle.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"اسد", `"القوات الروسية"`, "شويغو -لافروف", "روس*", `"`, "-", "*", `-"بشار الأسد" بوتين`, "ﻻ ١٤٣٦هـ", "a\xffb", `""`, "- -- ***"} {
		f.Add(q)
	}
	ix, _ := seedIndex(f)
	f.Fuzz(func(t *testing.T, q string) {
		for _, h := range ix.Search(q, 5) {
			for _, m := range h.Matches {
				text := textOf(h.Article, m.Para)
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("%q: match %v out of %q", q, m, text)
				}
			}
			if !strings.Contains(q, "*") && !slices.Equal(h.Matches, FindInArticle(h.Article, q)) {
				t.Errorf("%q: Search and FindInArticle disagree in %s", q, h.Article.ID)
			}
			s, hl := h.Snippet(80)
			for _, m := range hl {
				if m.Start < 0 || m.End > len(s) || m.Start > m.End {
					t.Fatalf("%q: snippet match %v out of %q", q, m, s)
				}
			}
		}
	})
}

// FuzzArticle indexes one article of any text and searches it with any
// query: no panic, every match inside its text, and the index agreeing
// with FindInArticle.
func FuzzArticle(f *testing.F) {
	f.Add("بشار الأسد في ١٤٣٦هـ", "اسد 1436")
	f.Add("للاذقية واللاذقية", `"اللاذقية" -x`)
	f.Add("\ufeff\u064e\u0640 ﻻ a\xffb", "ﻻ*")
	f.Add("", `"`)
	f.Add("مدرستها مدرسات", "مدرسة")
	f.Fuzz(func(t *testing.T, text, q string) {
		a := &corpus.Article{ID: "x", Title: text, Paragraphs: []corpus.Paragraph{{Text: text}, {Text: q}}}
		ix := NewIndex()
		ix.Add(a)
		want := FindInArticle(a, q)
		for _, m := range want {
			if s := textOf(a, m.Para); m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("match %v out of %q", m, s)
			}
		}
		for _, h := range ix.Search(q, 1) {
			if !strings.Contains(q, "*") && !slices.Equal(h.Matches, want) {
				t.Errorf("%q in %q: Search %v, FindInArticle %v", q, text, h.Matches, want)
			}
		}
	})
}

// TestHitSnippetTogether: the snippet of a two-word query shows the place
// where both words stand together, not the first lone match.
func TestHitSnippetTogether(t *testing.T) {
	text := "ذكر بوتين أولا " + strings.Repeat("كلام كثير هنا ", 30) + "ثم التقى بوتين الأسد في القاعدة " + strings.Repeat("وكلام آخر ", 30)
	ix, _ := indexOf(text)
	hits := ix.Search("بوتين الأسد", 1)
	if len(hits) != 1 {
		t.Fatalf("no hit")
	}
	s, hl := hits[0].Snippet(60)
	if len(hl) != 2 || !strings.Contains(s, "بوتين الأسد") {
		t.Errorf("snippet %q with %v, want both words together", s, hl)
	}
}

// TestTitleFormsOrder: among titles naming فلسطين, the word as typed
// comes first, then behind a proclitic, then with a suffix.
func TestTitleFormsOrder(t *testing.T) {
	ix := NewIndex()
	for _, c := range []struct{ id, title string }{
		{"suffixed", "الفلسطيني عندما"}, {"proclitic", "يستعد لفلسطين"}, {"same", "فلسطين اليوم"},
	} {
		ix.Add(&corpus.Article{ID: c.id, Title: c.title, Paragraphs: []corpus.Paragraph{{Text: "خبر قصير"}}})
	}
	var got []string
	for _, h := range ix.Search("فلسطين", 0) {
		got = append(got, h.Article.ID)
	}
	if want := []string{"same", "proclitic", "suffixed"}; !slices.Equal(got, want) {
		t.Errorf("فلسطين: %v, want %v", got, want)
	}
}
