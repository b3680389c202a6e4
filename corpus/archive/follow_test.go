package archive_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"sahifa/corpus"
	"sahifa/corpus/archive"
	"sahifa/corpus/archive/pgtest"
)

// made returns n records of articles of their own, named after prefix.
func made(prefix string, n int) []archive.Record {
	recs := make([]archive.Record, n)
	for i := range recs {
		recs[i].Article = &corpus.Article{ID: fmt.Sprintf("%s%04d", prefix, i), Path: prefix + ".jsonl", Index: i,
			Title: fmt.Sprintf("خبر %s %d", prefix, i), Paragraphs: []corpus.Paragraph{{Text: fmt.Sprintf("نص الخبر %s %d عن الرياض", prefix, i)}}}
	}
	return recs
}

// put stores recs in a, failing the test if it cannot.
func put(t *testing.T, a *archive.Archive, recs []archive.Record) {
	t.Helper()
	if _, err := a.Put(t.Context(), recs); err != nil {
		t.Fatal(err)
	}
}

// ownServer starts a server of the test's own, to crash, and returns it
// with a new database's connection string.
func ownServer(t *testing.T) (*pgtest.Server, string) {
	t.Helper()
	s := pgtest.Own(t)
	url, err := s.CreateDatabase()
	if err != nil {
		t.Fatal(err)
	}
	return s, url
}

// connect opens a connection of its own to the database at url.
func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// following is an archive being followed: the load read, news arriving.
type following struct {
	t      *testing.T
	loaded map[string]int
	news   <-chan archive.News
}

// follow follows the archive at url, polling every poll, and reads its
// load.
func follow(t *testing.T, a *archive.Archive, poll time.Duration) *following {
	t.Helper()
	load, news := a.Follow(t.Context(), poll)
	f := &following{t: t, loaded: map[string]int{}, news: news}
	for b := range load {
		if len(b.Problems) > 0 {
			t.Fatalf("load: %v", b.Problems)
		}
		for _, art := range b.Articles {
			f.loaded[art.ID]++
		}
	}
	return f
}

// next returns the next News, failing the test if none comes within
// limit.
func (f *following) next(limit time.Duration) archive.News {
	f.t.Helper()
	select {
	case n, ok := <-f.news:
		if !ok {
			f.t.Fatal("news closed")
		}
		return n
	case <-time.After(limit):
		f.t.Fatalf("no news in %v", limit)
	}
	return archive.News{}
}

// ids returns the IDs of the News's articles.
func ids(n archive.News) []string {
	var out []string
	for _, a := range n.Articles {
		out = append(out, a.ID)
	}
	return out
}

// TestFollowSeesWhatIsStored: articles stored after the load arrive at
// once, one News a committed batch, each once, with their texts and the
// places of their copies; the poll is an hour, so the notification
// brought them.
func TestFollowSeesWhatIsStored(t *testing.T) {
	a := open(t)
	put(t, a, made("old", 3))
	f := follow(t, a, time.Hour)
	if len(f.loaded) != 3 {
		t.Fatalf("loaded %d articles, want 3", len(f.loaded))
	}
	first := made("first", 2)
	first[1].Article.Duplicates = []string{"copy.txt"}
	start := time.Now()
	put(t, a, first)
	n := f.next(20 * time.Second)
	t.Logf("the first batch arrived %v after its Put returned", time.Since(start))
	if got := ids(n); n.Lost != nil || fmt.Sprint(got) != "[first0000 first0001]" {
		t.Fatalf("first News: %v, lost %v", got, n.Lost)
	}
	if got := n.Articles[1]; len(got.Paragraphs) != 1 || got.Paragraphs[0].Text != first[1].Article.Paragraphs[0].Text ||
		fmt.Sprint(got.Duplicates) != "[copy.txt]" {
		t.Errorf("an article arrived as %+v", got)
	}
	put(t, a, made("second", 1))
	put(t, a, made("first", 2)) // stored already: nothing new
	if got := ids(f.next(20 * time.Second)); fmt.Sprint(got) != "[second0000]" {
		t.Fatalf("second News: %v", got)
	}
	select {
	case n := <-f.news:
		t.Fatalf("a News of nothing new: %v, lost %v", ids(n), n.Lost)
	case <-time.After(time.Second):
	}
}

// TestFollowPollsForALostNotification: with no notification (the trigger
// that sends it disabled, as if the listening connection had missed it),
// the poll still finds the article.
func TestFollowPollsForALostNotification(t *testing.T) {
	url := pgtest.Database(t)
	a := openAt(t, url)
	conn := connect(t, url)
	if _, err := conn.Exec(t.Context(), "ALTER TABLE articles DISABLE TRIGGER articles_notify"); err != nil {
		t.Fatal(err)
	}
	f := follow(t, a, time.Second)
	put(t, a, made("quiet", 2))
	if got := ids(f.next(30 * time.Second)); fmt.Sprint(got) != "[quiet0000 quiet0001]" {
		t.Fatalf("polled: %v", got)
	}
}

// TestFollowMissesNothing: two importers store small batches at once,
// beginning while the load reads; every article is read once, by the
// load or by following, whatever order the importers' transactions
// commit in.
func TestFollowMissesNothing(t *testing.T) {
	a := open(t)
	put(t, a, made("base", 2500)) // pages to read while the importers store
	const writers, batches, size = 2, 15, 7
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for b := range batches {
				if _, err := a.Put(t.Context(), made(fmt.Sprintf("w%d-%02d-", w, b), size)); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	f := follow(t, a, time.Hour)
	seen := maps.Clone(f.loaded)
	want := 2500 + writers*batches*size
	deadline := time.Now().Add(2 * time.Minute)
	for len(seen) < want {
		n := f.next(time.Until(deadline))
		if n.Lost != nil {
			t.Fatal(n.Lost)
		}
		for _, art := range n.Articles {
			seen[art.ID]++
		}
	}
	wg.Wait()
	for id, k := range seen {
		if k != 1 {
			t.Errorf("%s read %d times", id, k)
		}
	}
	t.Logf("%d read by the load, %d by following", len(f.loaded), len(seen)-len(f.loaded))
}

// TestFollowRidesOutARestart: the server crashes while an archive is
// followed; the reader is told, and once the server is back it follows
// again and gets what was stored.
func TestFollowRidesOutARestart(t *testing.T) {
	s, url := ownServer(t)
	a := openAt(t, url)
	f := follow(t, a, time.Hour)
	s.Crash()
	if n := f.next(time.Minute); n.Lost == nil {
		t.Fatalf("after the crash: %v, and nothing lost", ids(n))
	} else {
		t.Logf("lost: %v", n.Lost)
	}
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	// The pool's connections died with the server: a Put may meet one.
	for try := 0; ; try++ {
		if _, err := a.Put(t.Context(), made("back", 1)); err == nil {
			break
		} else if try == 5 {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
	}
	var got []string
	for len(got) == 0 {
		n := f.next(time.Minute)
		if n.Lost == nil {
			got = ids(n)
		}
	}
	if fmt.Sprint(got) != "[back0000]" {
		t.Fatalf("after the restart: %v", got)
	}
}

// TestMigrationNumbersStoredArticles: an archive made before articles
// were numbered is numbered by the migration, in the order its articles
// were imported, and is followed from there.
func TestMigrationNumbersStoredArticles(t *testing.T) {
	url := pgtest.Database(t)
	conn := connect(t, url)
	// The schema of the release before: migrations 1 and 2 alone.
	for v, name := range []string{"0001_articles.sql", "0002_inlines_copies.sql"} {
		sql, err := os.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(t.Context(), string(sql)); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(t.Context(), `CREATE TABLE IF NOT EXISTS schema_version (
			version integer NOT NULL, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(t.Context(), "INSERT INTO schema_version (version, name) VALUES ($1, $2)", v+1, name); err != nil {
			t.Fatal(err)
		}
	}
	a, err := archive.Open(t.Context(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	put(t, a, made("before", 3))
	if v, err := a.Migrate(t.Context()); err != nil || v != 3 {
		t.Fatalf("Migrate: version %d, %v", v, err)
	}
	var n, distinct int64
	if err := conn.QueryRow(t.Context(), "SELECT count(seq), count(DISTINCT seq) FROM articles").Scan(&n, &distinct); err != nil || n != 3 || distinct != 3 {
		t.Fatalf("%d numbered, %d distinct numbers, %v", n, distinct, err)
	}
	f := follow(t, a, time.Hour)
	if len(f.loaded) != 3 {
		t.Fatalf("loaded %d", len(f.loaded))
	}
	put(t, a, made("after", 1))
	if got := ids(f.next(20 * time.Second)); fmt.Sprint(got) != "[after0000]" {
		t.Fatalf("followed: %v", got)
	}
}

// TestImportsNumberInCommitOrder: a transaction that has stored an
// article and not yet committed holds back every other import, so that
// numbers become visible in their order and a reader that has seen one
// never later meets a smaller one.
func TestImportsNumberInCommitOrder(t *testing.T) {
	url := pgtest.Database(t)
	a := openAt(t, url)
	conn := connect(t, url)
	tx, err := conn.Begin(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(t.Context(), `INSERT INTO articles (id, path, idx, title, source, url, author,
		category, credit, date_from, dir, own_from, terms) VALUES ('first', 'a.txt', -1, '', '', '', '', '', '', 0, 0, 0, '')`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := a.Put(t.Context(), made("second", 1))
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("a second import stored while the first had not committed (%v)", err)
	case <-time.After(2 * time.Second):
	}
	if err := tx.Commit(t.Context()); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var first, second int64
	if err := conn.QueryRow(t.Context(), `SELECT (SELECT seq FROM articles WHERE id = 'first'),
		(SELECT seq FROM articles WHERE id = 'second0000')`).Scan(&first, &second); err != nil {
		t.Fatal(err)
	}
	if first >= second {
		t.Errorf("the first committed got %d, the second %d", first, second)
	}
}
