package lang

import "testing"

// TestPlurals: articles counted as Arabic counts them (CLDR's Arabic rules:
// zero, one, two, few 3–10, many 11–99, other 100…), and as English does.
func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		l    Language
		d    Digits
		n    int
		want string
	}{
		{Arabic, DigitsDefault, 0, "لا مقالات"},
		{Arabic, DigitsDefault, 1, "مقالة واحدة"},
		{Arabic, DigitsDefault, 2, "مقالتان"},
		{Arabic, DigitsDefault, 3, "٣ مقالات"},
		{Arabic, DigitsDefault, 10, "١٠ مقالات"},
		{Arabic, DigitsDefault, 11, "١١ مقالة"},
		{Arabic, DigitsDefault, 100, "١٠٠ مقالة"},
		{Arabic, DigitsDefault, 103, "١٠٣ مقالات"},
		{Arabic, DigitsWestern, 11, "11 مقالة"},
		{Arabic, DigitsDefault, 31030, "٣١٬٠٣٠ مقالة"},
		{English, DigitsDefault, 1, "1 article"},
		{English, DigitsDefault, 0, "0 articles"},
		{English, DigitsArabic, 3, "٣ articles"},
	} {
		if got := New(c.l, c.d).Sprintf("%d articles", c.n); got != c.want {
			t.Errorf("%v %v %d: %q, want %q", c.l, c.d, c.n, got, c.want)
		}
	}
	var none *Printer
	if got := none.Sprintf("%d articles", 2); got != "2 articles" || none.RTL() {
		t.Errorf("the nil printer: %q", got)
	}
}

func TestFromEnv(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want Language
	}{
		{map[string]string{"LANG": "ar_SA.UTF-8"}, Arabic},
		{map[string]string{"LANG": "ar"}, Arabic},
		{map[string]string{"LANG": "ar_EG.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "ar_JO.UTF-8"}, Arabic},
		{map[string]string{"LC_ALL": "C.UTF-8", "LC_MESSAGES": "ar_JO.UTF-8"}, English},
		{map[string]string{"LC_ALL": "ar_MA.UTF-8", "LANG": "C"}, Arabic},
		{map[string]string{"LANG": "arn_CL.UTF-8"}, English}, // Mapudungun, not Arabic
		{nil, English},
	} {
		if got := FromEnv(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: %v, want %v", c.env, got, c.want)
		}
	}
}
