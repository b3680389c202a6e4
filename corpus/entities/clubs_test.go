package entities

import (
	"slices"
	"testing"

	"sahifa/corpus"
)

// articleOf is an article of one paragraph, text, under a short title.
func articleOf(text string) *corpus.Article {
	return &corpus.Article{Title: "خبر", Paragraphs: []corpus.Paragraph{{Text: text}}}
}

// kindsOf extracts the entities of an article of one paragraph per text
// and returns their kinds by key.
func kindsOf(title string, paras ...string) map[string]Kind {
	a := &corpus.Article{Title: title}
	for _, p := range paras {
		a.Paragraphs = append(a.Paragraphs, corpus.Paragraph{Text: p})
	}
	out := map[string]Kind{}
	for _, e := range Extract(a) {
		out[e.Key] = e.Kind
	}
	return out
}

// wantKinds checks that each name is an entity of its kind, and that none
// of the keys of not is an entity at all.
func wantKinds(t *testing.T, got map[string]Kind, want map[string]Kind, not ...string) {
	t.Helper()
	for name, k := range want {
		if g, ok := got[KeyOf(name)]; !ok || g != k {
			t.Errorf("%q: got %v (found %v), want %v; all: %v", name, g, ok, k, got)
		}
	}
	for _, name := range not {
		if g, ok := got[KeyOf(name)]; ok {
			t.Errorf("%q should not be an entity, is a %v", name, g)
		}
	}
}

func TestClubsInFootballNews(t *testing.T) {
	got := kindsOf("نابولي يهزم يوفنتوس في الدوري الإيطالي",
		"تغلب نابولي على ضيفه يوفنتوس بهدفين دون رد في المباراة التي أقيمت مساء السبت، وسجل المهاجم البلجيكي الهدفين.",
		"وكان لاعب ليفربول السابق قد انتقل إلى نابولي قبل موسمين، فيما يلتقي فريق الاتحاد مع الشباب الأسبوع المقبل.")
	wantKinds(t, got, map[string]Kind{"نابولي": Organisation, "يوفنتوس": Organisation, "ليفربول": Organisation, "الاتحاد": Organisation})
}

func TestClubNamesAreCitiesElsewhere(t *testing.T) {
	got := kindsOf("أمطار غزيرة في برشلونة",
		"شهدت مدينة برشلونة الإسبانية أمطارا غزيرة أمس، وأعلنت السلطات في نابولي إغلاق المدارس.",
		"وقال الاتحاد الأوروبي إنه يتابع الوضع.")
	wantKinds(t, got, map[string]Kind{"برشلونة": Place, "نابولي": Place})
}

func TestCommonClubNamesNeedACue(t *testing.T) {
	clubs := func(title, text string) []string {
		x := tokenize(&corpus.Article{Title: title, Paragraphs: []corpus.Paragraph{{Text: text}}})
		var out []string
		for _, n := range x.footballClubs(nil) {
			k, _ := x.key(n.first, n.last)
			out = append(out, k)
		}
		return out
	}
	// A football report where الاتحاد is the federation and الجزيرة the
	// channel: no word of the game before either, no masculine nisba.
	if got := clubs("الاتحاد يعلن موعد الدوري",
		"أعلن الاتحاد موعد انطلاق الدوري، وقال رئيس لجنة المسابقات لقناة الجزيرة إن المباراة الأولى في الرياض."); len(got) != 0 {
		t.Errorf("clubs where there are none: %q", got)
	}
	got := clubs("الجزيرة الإماراتي يتعاقد مع مهاجم",
		"أعلن نادي الجزيرة الإماراتي تعاقده مع المهاجم، ويلتقي فريق الزمالك والأهلي في نهائي الكأس بعد الدوري.")
	want := []string{KeyOf("الجزيرة"), KeyOf("الجزيرة"), KeyOf("الزمالك"), KeyOf("الأهلي")}
	if !slices.Equal(got, want) {
		t.Errorf("clubs %q, want %q", got, want)
	}
}

func TestAboutFootball(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"سجل اللاعب هدفا في المباراة", true},
		{"هدف الحكومة خفض الدين", false},
		{"كثفت الدوريات الأمنية وجودها في الدوري", false},
	} {
		a := &corpus.Article{Title: c.text}
		x := tokenize(a)
		if got := aboutFootball(x.folded); got != c.want {
			t.Errorf("aboutFootball(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
