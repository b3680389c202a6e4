package ui

import (
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// TestReasonsInArabic: the Related panel words each reason, and the Dates
// panel where a date was read, in the interface's language, from their
// kinds rather than from the English the data carries.
func TestReasonsInArabic(t *testing.T) {
	ar := lang.New(lang.Arabic, lang.DigitsDefault)
	r := collection.RelatedArticle{Article: &corpus.Article{}, SameStory: true, Reasons: collection.RelatedReasons{
		Copy: true, SameDay: true, SameSource: true, Names: []string{"بوتين", "الأسد"}, Terms: []string{"نفط"}}}
	if got, want := why(r, ar), "الخبر نفسه؛ نسخة؛ اليوم نفسه؛ المصدر نفسه؛ أسماء مشتركة: بوتين، الأسد؛ كلمات مشتركة: نفط"; got != want {
		t.Errorf("why in Arabic: %q, want %q", got, want)
	}
	// In English the panel says what sahifa related's data says.
	if got, want := why(r, nil), "same story; "+r.Reasons.String(); got != want {
		t.Errorf("why in English: %q, want %q", got, want)
	}
	for from, want := range map[collection.OwnDate]string{
		{From: collection.OwnMetadata}: "البيانات الوصفية",
		{From: collection.OwnDateline}: "سطر التاريخ",
		{From: collection.OwnText}:     "النص",
	} {
		if got := ownLine(from, ar); !containsAll(got, []string{"كُتبت في", "(" + want + ")"}) {
			t.Errorf("ownLine %v in Arabic: %q, want the source %q", from.From, got, want)
		}
	}
}
