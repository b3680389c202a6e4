package archive_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sahifa/corpus"
	"sahifa/corpus/archive"
	"sahifa/corpus/archive/pgtest"
	"sahifa/corpus/collection"
)

// opened opens the archive at url as a collection and waits for its load.
func opened(t *testing.T, url string) *collection.Collection {
	t.Helper()
	return waited(t, collection.OpenArchive(t.Context(), url), (*collection.Collection).WaitLoaded)
}

// waited waits for c as wait does, five minutes at the most, and closes
// c when the test ends.
func waited(t *testing.T, c *collection.Collection, wait func(*collection.Collection, context.Context) error) *collection.Collection {
	t.Helper()
	t.Cleanup(c.Close)
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	if err := wait(c, ctx); err != nil {
		t.Fatal(err)
	}
	return c
}

// sameArticle reports whether x and y are the same article, their dates
// the same instant whatever their time zone.
func sameArticle(x, y *corpus.Article) bool {
	if !x.Date.Equal(y.Date) {
		return false
	}
	a, b := *x, *y
	a.Date, b.Date = time.Time{}, time.Time{}
	return reflect.DeepEqual(a, b)
}

// TestLoadGivesBackTheFiles: a collection opened on an archive holds the
// articles of the files imported into it, field for field, in the same
// order: with Markdown inlines, a copy and a page boundary.
func TestLoadGivesBackTheFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "# عنوان *مائل*\n\nنص فيه **عريض** و[رابط](https://example.org/x) و`رمز`.\n\n- بند أول\n- بند ثان\n")
	write("b.txt", "خبر عن موسكو\n\nقال بوتين في موسكو يوم الاثنين إن المحادثات مستمرة.\n")
	write("b-copy.txt", "خبر عن موسكو\n\nقال بوتين في موسكو يوم الاثنين إن المحادثات مستمرة.\n")
	// More than one page of articles, in one JSON-lines file: the Ä sorts
	// after every ASCII name byte by byte, not as a locale would.
	var jl strings.Builder
	for i := range 1100 {
		jl.WriteString(`{"title":"مقالة رقم ` + strings.Repeat("ا", i%7) + `","text":"نص المقالة ` + time.Duration(i).String() + ` عن الرياض"}` + "\n")
	}
	write("Äbig.jsonl", jl.String())
	files := loaded(t, true, dir)
	if len(files.Problems()) != 0 {
		t.Fatalf("problems: %v", files.Problems())
	}
	url := pgtest.Database(t)
	a := openAt(t, url)
	if _, err := a.Put(t.Context(), records(files, true)); err != nil {
		t.Fatal(err)
	}

	db := opened(t, url)
	want, got := files.Articles(), db.Articles()
	if len(got) != len(want) {
		t.Fatalf("%d articles from the archive, %d from the files", len(got), len(want))
	}
	copies, inlines := 0, 0
	for i := range want {
		if !sameArticle(got[i], want[i]) {
			t.Fatalf("article %d differs:\n got %+v\nwant %+v", i, got[i], want[i])
		}
		copies += len(got[i].Duplicates)
		for _, p := range got[i].Paragraphs {
			inlines += len(p.Inlines)
		}
	}
	if copies != 1 || inlines < 3 {
		t.Errorf("%d copies and %d inlines came back; want 1 and at least 3 (bold, link, code)", copies, inlines)
	}
	if problems := db.Problems(); len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
}

// TestLoadSaysWhatIsWrong: an archive that cannot be read is one clear
// problem naming it, never a crash or an empty screen without a word.
func TestLoadSaysWhatIsWrong(t *testing.T) {
	empty := pgtest.Database(t)
	old := pgtest.Database(t)
	a, err := archive.Open(t.Context(), old)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	// An archive made by the first release: its schema at version 1.
	if _, err := a.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(t.Context(), old)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(t.Context(), "DELETE FROM schema_version WHERE version > 1"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, url, want string }{
		{"no schema", empty, "no Sahifa archive here yet"},
		{"older schema", old, "older than this sahifa reads"},
		{"no server", "postgres://nobody@/nodb?host=/nonexistent-dir&connect_timeout=2", "nodb"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := opened(t, c.url)
			ps := db.Problems()
			if len(ps) != 1 || !strings.Contains(ps[0].Reason+ps[0].Path, c.want) || strings.Contains(ps[0].Path, "password") {
				t.Fatalf("problems %v; want one saying %q", ps, c.want)
			}
			if db.Len() != 0 {
				t.Errorf("%d articles", db.Len())
			}
		})
	}
}

// TestLoadRidesOutARestart: the server crashes while a collection is
// being read from it and is back a moment later; the load goes on where
// it was, with new connections, and ends with every article once.
func TestLoadRidesOutARestart(t *testing.T) {
	s, url := ownServer(t)
	a := openAt(t, url)
	const n = 10000 // ten pages: the crash comes while most are to be read
	recs := make([]archive.Record, n)
	for i := range recs {
		recs[i].Article = &corpus.Article{ID: fmt.Sprintf("a%05d", i), Path: "news.jsonl", Index: i,
			Title: fmt.Sprintf("خبر %d", i), Paragraphs: []corpus.Paragraph{{Text: fmt.Sprintf("نص الخبر %d عن الرياض", i)}}}
	}
	if _, err := a.Put(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	batches, crashed := 0, false
	for b := range a.Load(t.Context()) {
		if len(b.Problems) > 0 {
			t.Fatalf("after %d batches: %v", batches, b.Problems)
		}
		for _, art := range b.Articles {
			got[art.ID]++
		}
		if batches++; !crashed {
			crashed = true
			s.Crash()
			time.AfterFunc(500*time.Millisecond, func() {
				if err := s.Restart(); err != nil {
					t.Error(err)
				}
			})
		}
	}
	if len(got) != n {
		t.Fatalf("%d articles read in %d batches, want %d", len(got), batches, n)
	}
	for id, k := range got {
		if k != 1 {
			t.Errorf("%s read %d times", id, k)
		}
	}
}

// TestReadOnlyReader: an analyst whose role may only read opens the
// archive as anyone does, and cannot write to it.
func TestReadOnlyReader(t *testing.T) {
	url := pgtest.Database(t)
	a := openAt(t, url)
	files := loaded(t, true)
	if _, err := a.Put(t.Context(), records(files, true)); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	// Roles belong to the cluster: one of its own for each database.
	role := "analyst_" + conn.Config().Database
	for _, sql := range []string{
		"CREATE ROLE " + role + " LOGIN",
		"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role,
	} {
		if _, err := conn.Exec(t.Context(), sql); err != nil {
			t.Fatal(err)
		}
	}
	reader := strings.Replace(url, "//sahifa@", "//"+role+"@", 1)
	db := opened(t, reader)
	if ps := db.Problems(); len(ps) != 0 || db.Len() != files.Len() {
		t.Fatalf("as a reader: %d articles, problems %v", db.Len(), ps)
	}
	ro, err := archive.Open(t.Context(), reader)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	art := *files.Articles()[0]
	art.ID = "new"
	if _, err := ro.Put(t.Context(), []archive.Record{{Article: &art}}); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("a reader's Put: %v; want permission denied", err)
	}
}
