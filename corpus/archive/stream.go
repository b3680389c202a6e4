package archive

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"sahifa/corpus"
)

// pageSize is how many articles one step of Load reads: enough that the
// round trips cost little, few enough that the first rows show at once.
const pageSize = 1000

// Load streams the archive's articles as corpus.Load streams a folder's:
// in batches, in Sahifa's order of place (path byte by byte, then position
// in the file), each article with its paragraphs, furniture, inlines and
// the places of its copies. Progress counts the bytes of stored text. A
// failure ends the stream with a Problem naming the archive; the channel
// is closed after the batch marked Done. It reads the articles stored
// when it began: those stored during the load are Follow's.
func (a *Archive) Load(ctx context.Context) <-chan corpus.Batch {
	out := make(chan corpus.Batch, 2)
	go func() {
		defer close(out)
		a.load(ctx, out)
	}()
	return out
}

// sendUnlessDone sends v on out, and reports false instead when ctx ends
// first: a reader that stopped listening must not hold the archive's
// goroutines.
func sendUnlessDone[T any](ctx context.Context, out chan<- T, v T) bool {
	select {
	case out <- v:
		return true
	case <-ctx.Done():
		return false
	}
}

// load is Load's work, sending on out; it returns the seq of the newest
// article it read up to, and false when it failed or ctx ended.
func (a *Archive) load(ctx context.Context, out chan<- corpus.Batch) (mark int64, ok bool) {
	send := func(b corpus.Batch) bool { return sendUnlessDone(ctx, out, b) }
	progress := corpus.Batch{FilesFound: 1}
	fail := func(err error) (int64, bool) {
		progress.Articles = nil
		progress.Problems = []corpus.Problem{{Path: a.name, Reason: err.Error()}}
		progress.Done = true
		send(progress)
		return 0, false
	}
	if err := a.checkSchema(ctx); err != nil {
		return fail(err)
	}
	// Every article up to the newest now is committed (see
	// 0003_arrival_order.sql): the load reads exactly those, pages of
	// later statements leaving out what is stored meanwhile.
	mark, err := a.newest(ctx)
	if err != nil {
		return fail(err)
	}
	if err := a.textSize(ctx, &progress.BytesFound); err != nil {
		return fail(err)
	}
	var after *corpus.Article
	for {
		arts, dups, size, err := a.pageAgain(ctx, after, 0, mark)
		if err != nil {
			return fail(fmt.Errorf("reading after %d articles: %w", progress.ArticlesRead, err))
		}
		progress.Articles, progress.Duplicates = arts, dups
		progress.ArticlesRead += len(arts)
		progress.DuplicatesFound += len(dups)
		progress.BytesRead += size
		if len(arts) < pageSize {
			progress.FilesRead, progress.BytesRead, progress.Done = 1, progress.BytesFound, true
			return mark, send(progress)
		}
		if !send(progress) {
			return mark, false
		}
		after = arts[len(arts)-1]
	}
}

// newest returns the seq of the newest article stored, 0 when there is
// none.
func (a *Archive) newest(ctx context.Context) (int64, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var n int64
	err := a.pool.QueryRow(ctx, "SELECT coalesce(max(seq), 0) FROM articles").Scan(&n)
	return n, err
}

// retryAfter are the waits before each new try of a page that failed: a
// server restarting or a dropped connection is back within seconds, and
// the pool connects again by itself.
var retryAfter = []time.Duration{250 * time.Millisecond, time.Second, 4 * time.Second}

// pageAgain is page, tried again after each wait of retryAfter while it
// fails and ctx lasts.
func (a *Archive) pageAgain(ctx context.Context, after *corpus.Article, from, to int64) (arts []*corpus.Article, dups []corpus.Duplicate, size int64, err error) {
	for _, wait := range retryAfter {
		if arts, dups, size, err = a.page(ctx, after, from, to); err == nil || ctx.Err() != nil {
			return arts, dups, size, err
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, nil, 0, ctx.Err()
		}
	}
	return a.page(ctx, after, from, to)
}

// textSize sets *n to the bytes of text the archive's paragraphs hold.
func (a *Archive) textSize(ctx context.Context, n *int64) error {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	return a.pool.QueryRow(ctx, "SELECT coalesce(sum(octet_length(text)), 0) FROM paragraphs").Scan(n)
}

// page reads the pageSize articles that follow after in order of place
// (from the first when after is nil) among those whose seq is above from
// and at most to, whole, with the copies of each and the bytes of text
// they hold.
func (a *Archive) page(ctx context.Context, after *corpus.Article, from, to int64) (arts []*corpus.Article, dups []corpus.Duplicate, size int64, err error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	const columns = `SELECT id, path, idx, title, source, url, author, category, credit, date, date_from, dir
		FROM articles`
	const order = ` ORDER BY path COLLATE "C", idx, id COLLATE "C" LIMIT $1`
	// A load (from 0) and following (a few numbers) are statements of
	// their own, so that the server's plan for one, kept with the
	// prepared statement, is never the other's: the load walks the
	// index of places, following the index of numbers.
	where, args := ` WHERE seq <= $2`, []any{pageSize, to}
	if from > 0 {
		where, args = ` WHERE seq <= $2 AND seq > $3`, append(args, from)
	}
	if after != nil {
		n := len(args)
		where += fmt.Sprintf(` AND (path COLLATE "C", idx, id COLLATE "C") > ($%d, $%d, $%d)`, n+1, n+2, n+3)
		args = append(args, after.Path, after.Index, after.ID)
	}
	rows, err := a.pool.Query(ctx, columns+where+order, args...)
	if err != nil {
		return nil, nil, 0, err
	}
	arts, err = pgx.CollectRows(rows, scanArticle)
	if err != nil || len(arts) == 0 {
		return arts, nil, 0, err
	}
	byID := make(map[string]*corpus.Article, len(arts))
	for _, art := range arts {
		byID[art.ID] = art
	}
	dups, size, err = a.texts(ctx, byID)
	return arts, dups, size, err
}

// texts fills in the paragraphs, furniture and inlines of the articles,
// by ID, in one round trip; it returns the places of their copies and the
// bytes of text read.
func (a *Archive) texts(ctx context.Context, byID map[string]*corpus.Article) (dups []corpus.Duplicate, size int64, err error) {
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	b := &pgx.Batch{}
	queueTexts(b, ids, byID, &dups, &size)
	if err := a.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, 0, err
	}
	return dups, size, nil
}

// queueTexts queues on b the queries that fill in the paragraphs,
// furniture and inlines of the articles ids, found in byID when their
// answers are read, so that a query queued before them may put the
// articles there; an article byID does not hold then is passed over. The
// places of their copies are added to *dups and the bytes of text read
// to *size.
func queueTexts(b *pgx.Batch, ids []string, byID map[string]*corpus.Article, dups *[]corpus.Duplicate, size *int64) {
	b.Queue(`SELECT article_id, kind, text FROM paragraphs WHERE article_id = ANY($1) ORDER BY article_id, n`, ids).
		Query(func(rows pgx.Rows) error {
			var id, text string
			var kind int16
			_, err := pgx.ForEachRow(rows, []any{&id, &kind, &text}, func() error {
				if art := byID[id]; art != nil {
					art.Paragraphs = append(art.Paragraphs, corpus.Paragraph{Kind: corpus.ParagraphKind(kind), Text: text})
					*size += int64(len(text))
				}
				return nil
			})
			return err
		})
	b.Queue(`SELECT article_id, text FROM furniture WHERE article_id = ANY($1) ORDER BY article_id, n`, ids).
		Query(func(rows pgx.Rows) error {
			var id, text string
			_, err := pgx.ForEachRow(rows, []any{&id, &text}, func() error {
				if art := byID[id]; art != nil {
					art.Removed = append(art.Removed, text)
				}
				return nil
			})
			return err
		})
	b.Queue(`SELECT article_id, para, kind, start_at, end_at, url FROM inlines
		WHERE article_id = ANY($1) ORDER BY article_id, para, n`, ids).
		Query(func(rows pgx.Rows) error {
			var id, url string
			var para, start, end int32
			var kind int16
			_, err := pgx.ForEachRow(rows, []any{&id, &para, &kind, &start, &end, &url}, func() error {
				art := byID[id]
				if art == nil {
					return nil
				}
				ps := art.Paragraphs
				if para < 0 || int(para) >= len(ps) {
					return fmt.Errorf("article %s: an inline of paragraph %d, which it does not have", id, para)
				}
				p := &ps[para]
				p.Inlines = append(p.Inlines, corpus.Inline{Start: int(start), End: int(end), Kind: corpus.InlineKind(kind), URL: url})
				return nil
			})
			return err
		})
	b.Queue(`SELECT article_id, place FROM copies WHERE article_id = ANY($1) ORDER BY article_id, n`, ids).
		Query(func(rows pgx.Rows) error {
			var d corpus.Duplicate
			_, err := pgx.ForEachRow(rows, []any{&d.ID, &d.Where}, func() error {
				if byID[d.ID] != nil {
					*dups = append(*dups, d)
				}
				return nil
			})
			return err
		})
}

// scanArticle reads an article's row of the articles table, without its
// texts.
func scanArticle(row pgx.CollectableRow) (*corpus.Article, error) {
	art := &corpus.Article{}
	var (
		date          pgtype.Timestamptz
		dateFrom, dir int16
		idx           int32
	)
	err := row.Scan(&art.ID, &art.Path, &idx, &art.Title, &art.Source, &art.URL, &art.Author,
		&art.Category, &art.Credit, &date, &dateFrom, &dir)
	art.Index, art.DateFrom, art.Dir = int(idx), corpus.DateSource(dateFrom), corpus.Direction(dir)
	if date.Valid {
		art.Date = date.Time
	}
	return art, err
}
