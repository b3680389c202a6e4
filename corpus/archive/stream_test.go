package archive_test

import (
	"context"
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
	c := collection.OpenArchive(t.Context(), url)
	t.Cleanup(c.Close)
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	if err := c.WaitLoaded(ctx); err != nil {
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
	a, err := archive.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Migrate(t.Context()); err != nil {
		t.Fatal(err)
	}
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
