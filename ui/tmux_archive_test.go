package ui

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"sahifa/bidi"
	"sahifa/corpus"
	"sahifa/corpus/archive/pgtest"
	"sahifa/corpus/search"
)

// readerOnArchive imports the seeds into a new archive and opens the
// reader on it in tmux, at 120×30, once its five titles show; it returns
// the binary and the archive's connection string too.
func readerOnArchive(t *testing.T) (tm *tmuxTerm, bin, url string, as []*corpus.Article) {
	if testing.Short() {
		t.Skip("drives the binary in tmux")
	}
	bin = buildSahifa(t)
	url = pgtest.Database(t)
	start := time.Now()
	if out, err := exec.Command(bin, "import", "--db", url).CombinedOutput(); err != nil {
		t.Fatalf("sahifa import: %v\n%s", err, out)
	}
	t.Logf("imported in %v", time.Since(start))
	tm = startTmux(t, 120, 30)
	// The URL is quoted for the shell: it holds & and ?.
	tm.typeText(bin + " --db '" + url + "'")
	tm.keys("Enter")
	as = seedArticles(t)
	titles := listTitles(as, 120, 30)
	tm.waitFor("the five titles from the archive", func(s string) bool { return containsAll(s, titles) })
	return tm, bin, url, as
}

// TestTmuxArchive: the screen on an archive (--db) is the screen on files:
// the seeds imported into a real PostgreSQL server show their titles, a
// search finds what it finds in the files, and enter opens the article.
func TestTmuxArchive(t *testing.T) {
	tm, _, _, as := readerOnArchive(t)

	const query = "حميميم"
	tm.keys("/")
	tm.typeText(query)
	tm.waitFor("4 results, as in the files", func(s string) bool {
		return strings.Contains(s, "4 found") && strings.Contains(s, bidi.Paragraph(query, bidi.Options{})[0].Text)
	})
	tm.keys("Enter")
	tm.keys("Enter")
	// The reader shows the first result: its title's first words, laid
	// out as the reader lays them out, are enough to know it is open.
	ix := search.NewIndex()
	ix.Add(as...)
	first := strings.Fields(ix.Search(query, 1)[0].Article.Title)
	words := bidi.Paragraph(strings.Join(first[:min(3, len(first))], " "), bidi.Options{})[0].Text
	tm.waitFor("the first result open in the reader", func(s string) bool {
		return strings.Count(s, words) >= 2 // its row in the list, and the reader's title
	})
	tm.keys("q")
	tm.keys("q")
}
