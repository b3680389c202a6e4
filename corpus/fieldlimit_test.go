package corpus_test

import (
	"strings"
	"testing"
)

// TestFieldLimit: a JSON string longer than a line may be (MaxLineSize),
// as a paragraph of the text or as another field, leaves its article out
// with a message naming the article and the field; the other articles of
// the file load, and a long text made of shorter paragraphs is read.
func TestFieldLimit(t *testing.T) {
	big := strings.Repeat("كلمة ", 1<<20/9+1000) // a little over 1 MB: 9 bytes a word
	fine := strings.Repeat("كلمة ", 1<<20/12) + "\\n" + strings.Repeat("كلمة ", 1<<20/12)
	dir := writeFiles(t, map[string]string{
		"a.json": `[{"title":"one","content":"` + big + `"},{"title":"two","content":"short text here"},` +
			`{"title":"` + big + `","content":"x"},{"title":"four","content":"` + fine + `"}]`,
		"b.jsonl": `{"title":"t","url":"` + big + `"}` + "\n",
	})
	arts, probs, _ := load(t, dir)
	if arts["a.json#1"] == nil || arts["a.json#3"] == nil || len(arts) != 2 {
		t.Errorf("articles %v, want a.json#1 and #3", keys(arts))
	}
	want := map[string][]string{
		"a.json": {
			"article 0: paragraph 1 of its text is 1.1 MB, longer than the 1 MB Sahifa reads in one field; the article is left out",
			"article 2: its title is 1.1 MB, longer than the 1 MB Sahifa reads in one field; the article is left out",
		},
		"b.jsonl": {"article 0: its url is 1.1 MB, longer than the 1 MB Sahifa reads in one field; the article is left out"},
	}
	for name, reasons := range want {
		if strings.Join(probs[name], "|") != strings.Join(reasons, "|") {
			t.Errorf("%s: problems %q, want %q", name, probs[name], reasons)
		}
	}
}
