package corpus

import "testing"

func TestCreditIn(t *testing.T) {
	tests := []struct {
		removed []string
		want    string
	}{
		// Seed 004's notice, with its space before the comma.
		{[]string{"صورة", "ملحوظة: مضمون هذا الخبر تم كتابته بواسطة شام الإخبارية , ولا يعبر عن وجهة نظر حضرموت نت وانما تم نقله بمحتواه كما هو من موقع شام الإخبارية ونحن غير مسئولين عن محتوى الخبر والعهدة على المصدر السابق"}, "شام الإخبارية"},
		// The same notice headed تنويه, an Arabic comma, a longer name.
		{[]string{"تنويه: مضمون هذا الخبر تم كتابته بواسطة وكالة سبوتنيك الروسية، ولا يعبر عن وجهة نظر الموقع"}, "وكالة سبوتنيك الروسية"},
		// Only the second clause names the outlet.
		{[]string{"ملاحظة: هذا الخبر تم نقله بمحتواه كما هو من موقع عنب بلدي ونحن غير مسئولين عن محتوى الخبر"}, "عنب بلدي"},
		// Furniture that names nobody, and a notice the patterns cannot cut.
		{[]string{"اترك تعليق", "جميع الحقوق محفوظة"}, ""},
		{[]string{"ملحوظة: مضمون هذا الخبر تم كتابته بواسطة فريق التحرير الذي يعمل في عدة مدن عربية ويجمع الأخبار من مصادر مختلفة كل يوم"}, ""},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := creditIn(tc.removed); got != tc.want {
			t.Errorf("creditIn(%q) = %q, want %q", tc.removed, got, tc.want)
		}
	}
}
