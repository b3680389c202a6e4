package archive

import (
	"context"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/archive/pgtest"
)

// TestSearchLeavesTheConnectionAsItWas: the setting Search makes for its
// query ends with it, on a pool of one connection, whether the query wants
// words or only excludes them, and whether or not it fails.
func TestSearchLeavesTheConnectionAsItWas(t *testing.T) {
	a, err := Open(t.Context(), pgtest.Database(t)+"&pool_max_conns=1")
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	art := &corpus.Article{ID: "a", Path: "a.txt", Index: -1, Title: "بوتين في موسكو",
		Paragraphs: []corpus.Paragraph{{Text: "قال الرئيس الروسي"}}}
	if _, err := a.Put(t.Context(), []Record{{Article: art}}); err != nil {
		t.Fatal(err)
	}
	check := func(after string) {
		t.Helper()
		var seqscan string
		if err := a.pool.QueryRow(t.Context(), "SELECT current_setting('enable_seqscan')").Scan(&seqscan); err != nil {
			t.Fatal(err)
		}
		if seqscan != "on" {
			t.Errorf("after %s: enable_seqscan %s", after, seqscan)
		}
	}
	for _, q := range []string{"بوتين", "-بوتين", "موسكو -بوتين", `"الرئيس الروسي"`} {
		ids, err := a.Search(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if want := q == "بوتين" || q == `"الرئيس الروسي"`; want != (len(ids) == 1) {
			t.Errorf("%q finds %v", q, ids)
		}
		check("searching " + q)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := a.Search(ctx, "بوتين", 5); err == nil {
		t.Error("a search with its context done: no error")
	}
	check("a failed search")
}
