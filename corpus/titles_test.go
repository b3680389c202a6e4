package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahifa/corpus/corpustest"
)

// TestTitlesOfScrapedText writes a day of SaudiNewsNet as scraped pages
// would be (headline, then text; and with a breadcrumb trail and the
// headline printed twice) and checks that the title found in the text is
// the newspaper's headline, for 3,000 real headlines with their colons,
// guillemets and dashes.
func TestTitlesOfScrapedText(t *testing.T) {
	dir := corpustest.Shared(t, "data/saudinewsnet")
	b, err := os.ReadFile(filepath.Join(dir, "2015-08-06.json"))
	if err != nil {
		t.Fatal(err)
	}
	var day []struct{ Title, Content string }
	if err := json.Unmarshal(b, &day); err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name   string
		layout func(title, content string) string
	}{
		{"plain", func(title, content string) string { return title + "\n\n" + content }},
		{"breadcrumb", func(title, content string) string {
			return "الرئيسية » محليات » " + title + "\n\n" + title + "\n\n" + content + "\n\nأضف تعليق\n"
		}},
	}
	for _, page := range pages {
		n, wrong := 0, 0
		for _, x := range day {
			want := strings.TrimPrefix(normalizeLine(x.Title), "* ")
			if want == "" || strings.TrimSpace(x.Content) == "" {
				continue
			}
			n++
			arts, _ := readBytes("page.txt", []byte(page.layout(x.Title, x.Content)))
			if len(arts) != 1 || arts[0].Title != want {
				wrong++
				if wrong <= 5 {
					got := "(no article)"
					if len(arts) == 1 {
						got = arts[0].Title
					}
					t.Logf("%s: title %q, want %q", page.name, got, want)
				}
			}
		}
		t.Logf("%s: %d of %d titles wrong", page.name, wrong, n)
		if n < 3000 || wrong*1000 > n { // at most 0.1%
			t.Errorf("%s: %d of %d titles wrong", page.name, wrong, n)
		}
	}
}
