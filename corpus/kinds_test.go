package corpus

import (
	"strings"
	"testing"
)

// TestClassify checks the paragraph-kind cues on lines seen in the seeds
// and in SaudiNewsNet, including the near misses each cue must leave alone.
// Each line is classified with a paragraph before it and, if given, one
// after it.
func TestClassify(t *testing.T) {
	long := "وأضاف المتحدث أن الاجتماع تناول عدداً من القضايا المهمة التي تهم البلدين وتطرق إلى سبل تعزيز التعاون بينهما في المجالات كافة."
	tests := []struct {
		text string
		next string // the paragraph after it, if any
		want ParagraphKind
	}{
		{"بوتين أبلغ الأسد أنه يريد العمل مع إيران وتركيا لبدء عملية سلام سورية. رويترز", long, Caption}, // seed 003
		{"والذي حظي ب 6 ملايين زائر العام الماضي (أ ف ب)", long, Caption},
		{"صورة: جانب من الاجتماع", long, Caption},
		{"واستقر مؤشر يوروفرست 300 لأسهم الشركات الأوروبية الكبرى عند 1570.90 نقطة، بحسب ما نقلته وكالة رويترز.", long, Body},
		{"عواصم العالم - رويترز", "", Body},
		{"بحث شامل للعلاقات الاستراتيجية", long, Heading}, // seed 004
		{"بحث شامل للعلاقات الاستراتيجية", "", Body},      // nothing under it
		{"بحث شامل للعلاقات الاستراتيجية", "سطر قصير.", Body},
		{"وقال الوزير إن الاجتماع كان مثمراً.", long, Body},
		{"وقال محمد العبار «إن الأداء الإيجابي لـ", long, Body}, // a sentence cut in two
		{"«كنت أحب بعمق حياتي وعرفت من الوهلة الأولى أن هذه النقود تفسدها.»", long, Quote},
		{`"إن من هدم برجي التجارة في نيويورك هم صرب يوغوسلافيا".`, long, Quote},
		{"«صياد»", "", Body},
		{"«أ» قال إن «ب» سيأتي غداً ثم «ج»", "", Body},
	}
	for _, tt := range tests {
		ps := []line{{text: "فقرة قبلها."}, {text: tt.text}}
		if tt.next != "" {
			ps = append(ps, line{text: tt.next})
		}
		if got := classify(ps, 1); got != tt.want {
			t.Errorf("%q: kind %d, want %d", tt.text, got, tt.want)
		}
	}
	// A short line above all the text is a byline, not a heading.
	if got := classify([]line{{text: "عين اليوم – الرياض"}, {text: long}}, 0); got != Body {
		t.Errorf("byline: kind %d, want Body", got)
	}
}

// TestFurnitureLines checks the furniture tables on lines seen in the seeds
// and in SaudiNewsNet, and on body lines that look like furniture but are
// text.
func TestFurnitureLines(t *testing.T) {
	furnitureSeen := []string{
		"أضف تعليق", "اترك تعليقاً", "Leave a Reply", "قد يعجبك أيضاً", "إقرأ أيضا", "زر الذهاب إلى الأعلى", "صورة",
		"تويتر", "فيسبوك | تويتر | واتساب", "Share Facebook Twitter", "// انتهى //", "88591 - Stc", "....المزيد",
		"m.althaidy@asharqalawsat.com", ">", "الوسوم: سوريا روسيا بوتين", "تابعونا على تويتر وفيسبوك", "تبدأ بالرمز (123) ثم مسافة ثم نص الرسالة إلى",
		"Your email address will not be published. Required fields are marked *",
		"ملحوظة: مضمون هذا الخبر تم كتابته بواسطة شام الإخبارية , ولا يعبر عن وجهة نظر الموقع " + strings.Repeat("وانما تم نقله ", 20),
	}
	for _, l := range furnitureSeen {
		if !furniture().isFurniture(l) {
			t.Errorf("%q is not taken for furniture", l)
		}
	}
	text := []string{
		"وقال الوزير في تغريدة على تويتر إن الاجتماع كان مثمراً.",
		"تويتر وفيسبوك يحذفان آلاف الحسابات",
		"صورة الرئيس في كل مكان",
		"الرئيسية في الموضوع أن الاتفاق صامد.",
		"* * *",
		"عين اليوم – متابعات",
		"x",
	}
	for _, l := range text {
		if furniture().isFurniture(l) {
			t.Errorf("%q is taken for furniture", l)
		}
	}
	if rest, lead := furniture().cutLead("Next Previous عين اليوم – باكستان ارتفعت حصيلة ضحايا موجة الحر"); lead != "Next Previous" || rest != "عين اليوم – باكستان ارتفعت حصيلة ضحايا موجة الحر" {
		t.Errorf("cutLead: %q, %q", rest, lead)
	}
}
