package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sahifa/corpus"
	"sahifa/corpus/archive"
	"sahifa/corpus/archive/pgtest"
	"sahifa/corpus/collection"
	"sahifa/corpus/corpustest"
)

// loadReaders is how many readers search and open articles while an
// import runs, as a team of analysts would.
const loadReaders = 8

// loadQueries are searches such readers type: names, phrases, a prefix, an
// exclusion.
var loadQueries = []string{
	"السعودية", "وزارة الصحة", `"خادم الحرمين الشريفين"`, "الرياض -جدة", "اليمن*",
	"الحوثيين", "ايران", "داعش", "المملكة العربية السعودية", "ولي العهد",
	"النفط", "الهلال", `"وزارة الداخلية"`, "مكة المكرمة", "الأمم المتحدة", "سوريا",
}

// BenchmarkReadersDuringImport imports all of SaudiNewsNet into a new
// archive with `sahifa import` while loadReaders readers, each with its
// own connections, search it and open one of the first 20 articles found,
// over and over, from the first stored batch until the import ends. It
// reports the readers' queries per second and latencies, the import's rate
// and the database's size, then checks that the archive holds every
// article of the files, each with its text intact (a checksum over IDs,
// titles, sources, URLs and paragraphs). Run it once:
//
//	go test -run '^$' -bench ReadersDuringImport -benchtime 1x -timeout 60m ./ui/cli
func BenchmarkReadersDuringImport(b *testing.B) {
	dir := corpustest.Shared(b, "data/saudinewsnet")
	for b.Loop() {
		url := pgtest.Database(b)
		ctx, cancel := context.WithCancel(b.Context())
		var (
			importErr  bytes.Buffer
			importCode int
			imported   = make(chan struct{})
		)
		go func() {
			defer close(imported)
			importCode = importCmd([]string{"--db", url, "--no-cache", dir}, nil, io.Discard, &importErr)
		}()

		// The readers start with the first stored batch: before it the
		// import reads and analyses the files, and the archive is empty.
		watch, err := archive.Open(ctx, url)
		if err != nil {
			b.Fatal(err)
		}
		for stored := 0; stored == 0; {
			select {
			case <-imported:
				b.Fatalf("the import ended before readers could start: status %d\n%s", importCode, importErr.String())
			case <-time.After(200 * time.Millisecond):
			}
			stored, _ = watch.Len(ctx) // no schema yet is no article yet
		}
		watch.Close()

		var (
			wg              sync.WaitGroup
			mu              sync.Mutex
			searches, opens []time.Duration
			failures        atomic.Int64
			firstFailure    atomic.Value
		)
		failed := func(err error) {
			failures.Add(1)
			firstFailure.CompareAndSwap(nil, err.Error())
		}
		start := time.Now()
		for r := range loadReaders {
			wg.Go(func() {
				a, err := archive.Open(ctx, url)
				if err != nil {
					failed(err)
					return
				}
				defer a.Close()
				rng := rand.New(rand.NewPCG(uint64(r), 17))
				var ss, op []time.Duration
				for ctx.Err() == nil {
					t0 := time.Now()
					ids, err := a.Search(ctx, loadQueries[rng.IntN(len(loadQueries))], 20)
					if ctx.Err() != nil {
						break
					}
					ss = append(ss, time.Since(t0))
					if err != nil {
						failed(err)
						continue
					}
					if len(ids) == 0 {
						continue
					}
					t0 = time.Now()
					_, err = a.Article(ctx, ids[rng.IntN(len(ids))])
					if ctx.Err() != nil {
						break
					}
					op = append(op, time.Since(t0))
					if err != nil {
						failed(err)
					}
				}
				mu.Lock()
				searches, opens = append(searches, ss...), append(opens, op...)
				mu.Unlock()
			})
		}
		<-imported
		elapsed := time.Since(start)
		cancel()
		wg.Wait()
		if importCode != 0 {
			b.Fatalf("import: status %d\n%s", importCode, importErr.String())
		}
		if n := failures.Load(); n > 0 {
			b.Fatalf("%d reads failed during the import, the first: %v", n, firstFailure.Load())
		}
		if len(searches) == 0 || len(opens) == 0 {
			b.Fatal("the readers read nothing during the import")
		}

		rate, err := storeRate(importErr.String())
		if err != nil {
			b.Fatal(err)
		}
		stored, size, sum := archiveChecksum(b, url)
		files, fileSum := filesChecksum(b, dir)
		if stored != files || sum != fileSum {
			b.Fatalf("the archive holds %d articles, checksum %x; the files %d, checksum %x", stored, sum, files, fileSum)
		}

		b.ReportMetric(float64(len(searches)+len(opens))/elapsed.Seconds(), "reads/s")
		slices.Sort(searches)
		slices.Sort(opens)
		b.ReportMetric(ms(searches[len(searches)/2]), "search-p50-ms")
		b.ReportMetric(ms(searches[len(searches)*99/100]), "search-p99-ms")
		b.ReportMetric(ms(opens[len(opens)/2]), "open-p50-ms")
		b.ReportMetric(ms(opens[len(opens)*99/100]), "open-p99-ms")
		b.ReportMetric(rate, "stored-articles/s")
		b.ReportMetric(float64(stored), "articles")
		b.ReportMetric(float64(size)/1e6, "db-MB")
	}
}

// storeRate reads from the import's progress how many articles a second
// its storing took, the reading and analysing before it left out.
func storeRate(progress string) (float64, error) {
	m := regexp.MustCompile(`done: (\d+) new, (\d+) already there, in (\S+)`).FindStringSubmatch(progress)
	if m == nil {
		return 0, fmt.Errorf("no end in the import's progress:\n%s", progress)
	}
	n, _ := strconv.Atoi(m[1])
	d, err := time.ParseDuration(m[3])
	if err != nil {
		return 0, err
	}
	return float64(n) / d.Seconds(), nil
}

// articleSum hashes what a reader reads of the articles (ID, title,
// source, URL, every paragraph with its kind), in order of ID, so that two
// loads in different orders give one sum.
func articleSum(as []*corpus.Article) [sha256.Size]byte {
	as = slices.SortedFunc(slices.Values(as), func(x, y *corpus.Article) int {
		return strings.Compare(x.ID, y.ID)
	})
	h := sha256.New()
	for _, a := range as {
		fmt.Fprintf(h, "%q %q %q %q %d\n", a.ID, a.Title, a.Source, a.URL, len(a.Paragraphs))
		for _, p := range a.Paragraphs {
			fmt.Fprintf(h, "%d %q\n", p.Kind, p.Text)
		}
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// archiveChecksum reads every article of the archive at url and returns
// how many there are, the database's size in bytes and their articleSum.
func archiveChecksum(b *testing.B, url string) (n int, size int64, sum [sha256.Size]byte) {
	b.Helper()
	a, err := archive.Open(b.Context(), url)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	if size, err = a.Size(b.Context()); err != nil {
		b.Fatal(err)
	}
	var as []*corpus.Article
	for batch := range a.Load(b.Context()) {
		if len(batch.Problems) > 0 {
			b.Fatalf("reading the archive back: %v", batch.Problems)
		}
		as = append(as, batch.Articles...)
	}
	return len(as), size, articleSum(as)
}

// filesChecksum loads the files as a collection does and returns how many
// articles they hold and their articleSum.
func filesChecksum(b *testing.B, dir string) (int, [sha256.Size]byte) {
	b.Helper()
	c := collection.Open(b.Context(), []string{dir})
	defer c.Close()
	if err := c.WaitLoaded(b.Context()); err != nil {
		b.Fatal(err)
	}
	as := c.Articles()
	return len(as), articleSum(as)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
