// Package archive keeps a collection of articles in a PostgreSQL server,
// for a team that shares one archive: the articles with their paragraphs,
// the names and dates Sahifa found in them, and their words as Sahifa's
// own analyser reads them, so that the server's full-text search finds
// what the embedded index finds.
//
// An article is stored once, by its ID, which is stable for the same
// content: Put skips articles the archive holds, so an import can be run
// again, or beside another, without duplicating anything. Every query is
// parameterised and runs under a timeout.
//
// PostgreSQL's text refuses NUL bytes and invalid UTF-8; the archive
// stores each such byte as U+001A SUBSTITUTE, one byte for one, so that
// the byte offsets of mentions and matches stay true. The screen shows it
// as it shows any control character.
package archive

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"sahifa/corpus"
	"sahifa/corpus/dates"
	"sahifa/corpus/entities"
)

// Timeouts of the archive's work: connecting, one batch of Put, and one
// question.
const (
	connectTimeout = 30 * time.Second
	putTimeout     = 5 * time.Minute
	queryTimeout   = 30 * time.Second
)

// Archive is an open connection pool to an archive. Its methods are safe
// for concurrent use.
type Archive struct {
	pool *pgxpool.Pool
	name string // where it is, without the password, for messages
}

// Open connects to the archive at url, a PostgreSQL connection string
// (postgres://user@host/db or key=value pairs), and checks that the server
// answers. It does not migrate: call Migrate to create or update the
// schema.
func Open(ctx context.Context, url string) (*Archive, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("archive address: %w", err)
	}
	cfg.ConnConfig.ConnectTimeout = connectTimeout
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("archive %s: %w", cfg.ConnConfig.Database, err)
	}
	return &Archive{pool: pool, name: Name(url)}, nil
}

// Name returns how messages name the archive at url: its address without
// the password.
func Name(url string) string {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return "the archive"
	}
	host := cfg.Host
	if cfg.Port != 0 && cfg.Port != 5432 {
		host = fmt.Sprintf("%s:%d", host, cfg.Port)
	}
	return fmt.Sprintf("postgres://%s@%s/%s", cfg.User, host, cfg.Database)
}

// Close closes the archive's connections.
func (a *Archive) Close() { a.pool.Close() }

// Record is an article and what Sahifa found in it, as Put stores it.
type Record struct {
	Article  *corpus.Article
	Entities []entities.Entity
	Dates    dates.Article
}

// storable returns s with each NUL byte and each byte of invalid UTF-8
// made U+001A SUBSTITUTE, which PostgreSQL's text accepts, keeping every
// byte offset into s.
func storable(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == 0 || r == utf8.RuneError && n == 1 {
			b = append(b, 0x1a)
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// day returns t as a date, or a NULL one when t is zero.
func day(t time.Time) pgtype.Date {
	return pgtype.Date{Time: t, Valid: !t.IsZero()}
}

// Put stores the records the archive does not hold yet, in one
// transaction, and returns how many it stored: a record whose article ID
// is there already (from an earlier import, or another importer) is
// skipped.
func (a *Archive) Put(ctx context.Context, recs []Record) (stored int, err error) {
	if len(recs) == 0 {
		return 0, nil
	}
	ctx, cancel := context.WithTimeout(ctx, putTimeout)
	defer cancel()
	err = pgx.BeginFunc(ctx, a.pool, func(tx pgx.Tx) error {
		var (
			ids, paths, titles, sources, urls, authors, categories, credits, terms []string
			idxs                                                                   []int32
			dateFroms, dirs, ownFroms                                              []int16
			dateVals                                                               []pgtype.Timestamptz
			owns                                                                   []pgtype.Date
		)
		// In order of ID, so that importers storing the same articles at
		// once lock their rows in one order and never deadlock.
		order := make([]*Record, len(recs))
		for i := range recs {
			order[i] = &recs[i]
		}
		slices.SortFunc(order, func(x, y *Record) int { return strings.Compare(x.Article.ID, y.Article.ID) })
		byID := make(map[string]*Record, len(recs))
		for _, r := range order {
			art := r.Article
			if _, dup := byID[art.ID]; dup {
				continue
			}
			byID[art.ID] = r
			ids = append(ids, art.ID) // hex digits
			paths = append(paths, storable(art.Path))
			idxs = append(idxs, int32(art.Index))
			titles = append(titles, storable(art.Title))
			sources = append(sources, storable(art.Source))
			urls = append(urls, storable(art.URL))
			authors = append(authors, storable(art.Author))
			categories = append(categories, storable(art.Category))
			credits = append(credits, storable(art.Credit))
			dateVals = append(dateVals, pgtype.Timestamptz{Time: art.Date, Valid: !art.Date.IsZero()})
			dateFroms = append(dateFroms, int16(art.DateFrom))
			dirs = append(dirs, int16(art.Dir))
			owns = append(owns, day(r.Dates.Own.Date))
			ownFroms = append(ownFroms, int16(r.Dates.Own.From))
			terms = append(terms, tsvector(art))
		}
		rows, err := tx.Query(ctx, `
			INSERT INTO articles (id, path, idx, title, source, url, author, category, credit,
				date, date_from, dir, own_date, own_from, terms)
			SELECT u.id, u.path, u.idx, u.title, u.source, u.url, u.author, u.category, u.credit,
				u.date, u.date_from, u.dir, u.own_date, u.own_from, u.terms::tsvector
			FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[],
				$7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::smallint[],
				$12::smallint[], $13::date[], $14::smallint[], $15::text[])
				AS u(id, path, idx, title, source, url, author, category, credit,
				date, date_from, dir, own_date, own_from, terms)
			ON CONFLICT (id) DO NOTHING
			RETURNING id`,
			ids, paths, idxs, titles, sources, urls, authors, categories, credits,
			dateVals, dateFroms, dirs, owns, ownFroms, terms)
		if err != nil {
			return err
		}
		fresh, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		stored = len(fresh)
		return putParts(ctx, tx, fresh, byID)
	})
	if err != nil {
		return 0, fmt.Errorf("storing %d articles: %w", len(recs), err)
	}
	return stored, nil
}

// putParts stores the paragraphs, inlines, furniture, copies, names and dates of the
// articles just stored, one statement a table that gets rows.
func putParts(ctx context.Context, tx pgx.Tx, fresh []string, byID map[string]*Record) error {
	var (
		pID, pText []string
		pN         []int32
		pKind      []int16

		fID, fText []string
		fN         []int32

		eKey []string
		eKnd []int16

		aeID, aeKey, aeLabel []string
		aeN                  []int32
		aeKind               []int16

		mID                       []string
		mN, mM, mPara, mStart, mE []int32

		dID, dText            []string
		dN, dPara, dStart, dE []int32
		dFirst, dLast         []pgtype.Date

		iID, iURL             []string
		iPara, iN, iStart, iE []int32
		iKind                 []int16

		cID, cPlace []string
		cN          []int32
	)
	for _, id := range fresh {
		r := byID[id]
		art := r.Article
		for n, p := range art.Paragraphs {
			pID, pN, pKind, pText = append(pID, id), append(pN, int32(n)), append(pKind, int16(p.Kind)), append(pText, storable(p.Text))
			for m, in := range p.Inlines {
				iID, iPara, iN, iKind = append(iID, id), append(iPara, int32(n)), append(iN, int32(m)), append(iKind, int16(in.Kind))
				iStart, iE, iURL = append(iStart, int32(in.Start)), append(iE, int32(in.End)), append(iURL, storable(in.URL))
			}
		}
		for n, place := range art.Duplicates {
			cID, cN, cPlace = append(cID, id), append(cN, int32(n)), append(cPlace, storable(place))
		}
		for n, s := range art.Removed {
			fID, fN, fText = append(fID, id), append(fN, int32(n)), append(fText, storable(s))
		}
		for n, e := range r.Entities {
			key := storable(e.Key)
			eKey, eKnd = append(eKey, key), append(eKnd, int16(e.Kind))
			aeID, aeN, aeKey, aeLabel, aeKind = append(aeID, id), append(aeN, int32(n)), append(aeKey, key), append(aeLabel, storable(e.Label)), append(aeKind, int16(e.Kind))
			for m, s := range e.Mentions {
				mID, mN, mM = append(mID, id), append(mN, int32(n)), append(mM, int32(m))
				mPara, mStart, mE = append(mPara, int32(s.Para)), append(mStart, int32(s.Start)), append(mE, int32(s.End))
			}
		}
		for n, d := range r.Dates.Mentions {
			dID, dN, dPara, dStart, dE = append(dID, id), append(dN, int32(n)), append(dPara, int32(d.Para)), append(dStart, int32(d.Start)), append(dE, int32(d.End))
			dText, dFirst, dLast = append(dText, storable(d.Text)), append(dFirst, day(d.From)), append(dLast, day(d.To))
		}
	}
	// A table none of the articles has rows for is left out, and so is
	// the round trip when none has any: most articles have no copies,
	// many no furniture, names or dates.
	b := &pgx.Batch{}
	if len(pID) > 0 {
		b.Queue(`INSERT INTO paragraphs (article_id, n, kind, text)
			SELECT * FROM unnest($1::text[], $2::int[], $3::smallint[], $4::text[])
			ON CONFLICT DO NOTHING`, pID, pN, pKind, pText)
	}
	if len(fID) > 0 {
		b.Queue(`INSERT INTO furniture (article_id, n, text)
			SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
			ON CONFLICT DO NOTHING`, fID, fN, fText)
	}
	if len(eKey) > 0 {
		// Sorted, so that importers adding the same names at once take
		// their locks in one order and never deadlock.
		b.Queue(`INSERT INTO entities (key, kind)
			SELECT DISTINCT ON (key) key, kind FROM unnest($1::text[], $2::smallint[]) AS u(key, kind)
			ORDER BY key
			ON CONFLICT DO NOTHING`, eKey, eKnd)
		b.Queue(`INSERT INTO article_entities (article_id, n, entity_key, label, kind)
			SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::smallint[])
			ON CONFLICT DO NOTHING`, aeID, aeN, aeKey, aeLabel, aeKind)
	}
	if len(mID) > 0 {
		b.Queue(`INSERT INTO mentions (article_id, n, m, para, start_at, end_at)
			SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[])
			ON CONFLICT DO NOTHING`, mID, mN, mM, mPara, mStart, mE)
	}
	if len(dID) > 0 {
		b.Queue(`INSERT INTO date_mentions (article_id, n, para, start_at, end_at, text, first_day, last_day)
			SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::date[], $8::date[])
			ON CONFLICT DO NOTHING`, dID, dN, dPara, dStart, dE, dText, dFirst, dLast)
	}
	if len(iID) > 0 {
		b.Queue(`INSERT INTO inlines (article_id, para, n, kind, start_at, end_at, url)
			SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::smallint[], $5::int[], $6::int[], $7::text[])
			ON CONFLICT DO NOTHING`, iID, iPara, iN, iKind, iStart, iE, iURL)
	}
	if len(cID) > 0 {
		b.Queue(`INSERT INTO copies (article_id, n, place)
			SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
			ON CONFLICT DO NOTHING`, cID, cN, cPlace)
	}
	if b.Len() == 0 {
		return nil
	}
	return tx.SendBatch(ctx, b).Close()
}

// ErrNotFound is returned for an article the archive does not hold.
var ErrNotFound = errors.New("no such article in the archive")

// Article returns the article with the given ID, with its paragraphs and
// furniture, as stored.
func (a *Archive) Article(ctx context.Context, id string) (*corpus.Article, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	// The article's row and its texts in one round trip: the row's
	// answer, read first, puts the article where the texts' look for it.
	byID := make(map[string]*corpus.Article, 1)
	var (
		dups []corpus.Duplicate
		size int64
	)
	b := &pgx.Batch{}
	b.Queue(`
		SELECT id, path, idx, title, source, url, author, category, credit, date, date_from, dir
		FROM articles WHERE id = $1`, id).Query(func(rows pgx.Rows) error {
		art, err := pgx.CollectExactlyOneRow(rows, scanArticle)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		byID[id] = art
		return nil
	})
	queueTexts(b, []string{id}, byID, &dups, &size)
	if err := a.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, err
	}
	art := byID[id]
	if art == nil {
		return nil, fmt.Errorf("%s: %w", id, ErrNotFound)
	}
	for _, d := range dups {
		art.Duplicates = append(art.Duplicates, d.Where)
	}
	return art, nil
}

// Entities returns the names stored for the article with the given ID, in
// the order it was stored with, each with its mentions.
func (a *Archive) Entities(ctx context.Context, id string) ([]entities.Entity, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	rows, err := a.pool.Query(ctx, `
		SELECT e.entity_key, e.label, e.kind,
			coalesce(array_agg(m.para ORDER BY m.m) FILTER (WHERE m.m IS NOT NULL), '{}'),
			coalesce(array_agg(m.start_at ORDER BY m.m) FILTER (WHERE m.m IS NOT NULL), '{}'),
			coalesce(array_agg(m.end_at ORDER BY m.m) FILTER (WHERE m.m IS NOT NULL), '{}')
		FROM article_entities e
		LEFT JOIN mentions m ON m.article_id = e.article_id AND m.n = e.n
		WHERE e.article_id = $1
		GROUP BY e.n, e.entity_key, e.label, e.kind
		ORDER BY e.n`, id)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(row pgx.CollectableRow) (entities.Entity, error) {
		var e entities.Entity
		var kind int16
		var paras, starts, ends []int32
		if err := row.Scan(&e.Key, &e.Label, &kind, &paras, &starts, &ends); err != nil {
			return e, err
		}
		e.Kind = entities.Kind(kind)
		for i := range paras {
			e.Mentions = append(e.Mentions, entities.Mention{Para: int(paras[i]), Start: int(starts[i]), End: int(ends[i])})
		}
		return e, nil
	})
}

// Len returns the number of articles in the archive.
func (a *Archive) Len(ctx context.Context) (int, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var n int
	err := a.pool.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&n)
	return n, err
}

// Size returns the space the archive's database takes on the server's
// disk, in bytes, indexes included.
func (a *Archive) Size(ctx context.Context) (int64, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var n int64
	err := a.pool.QueryRow(ctx, "SELECT pg_database_size(current_database())").Scan(&n)
	return n, err
}

// searchSQL finds the articles matching the tsquery $1, the best first,
// up to $2 of them.
const searchSQL = `
	SELECT id FROM articles, CAST($1 AS tsquery) AS q
	WHERE terms @@ q
	ORDER BY ts_rank(terms, q, 1) DESC, path, idx
	LIMIT $2`

// Search returns the IDs of up to limit articles matching query, best
// first (all of them when limit ≤ 0). query is read as the embedded
// search reads it: words, "phrases", prefix*, -excluded. The server ranks
// with ts_rank, the title's words weighing ten times the body's and the
// score divided by the log of the article's length; equal scores go in
// order of place.
func (a *Archive) Search(ctx context.Context, query string, limit int) ([]string, error) {
	q, wanted := tsquery(query)
	if q == "" {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	lim := pgtype.Int8{Int64: int64(limit), Valid: limit > 0}
	var ids []string
	b := &pgx.Batch{}
	sql := searchSQL
	if wanted {
		// The planner costs @@ as one operator whatever the tsquery,
		// though a word's tsquery holds hundreds of forms: it scans the
		// whole table, testing every article against all of them, rather
		// than ask the GIN index, until the archive holds some hundred
		// thousand articles; on a day of SaudiNewsNet the scan takes 150
		// to 280 ms, the index 3 to 35. So the scan is ruled out when some
		// word is wanted (a query of excluded words only must look at
		// every article, which the scan does best). The setting is local
		// to the batch's transaction, so the connection goes back to the
		// pool as it was; and the statement is one of its own, so that the
		// plan the server keeps for it was made with the setting.
		b.Queue("SELECT set_config('enable_seqscan', 'off', true)")
		sql = "/* by the index */" + sql
	}
	b.Queue(sql, q, lim).Query(func(rows pgx.Rows) (err error) {
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
		return err
	})
	if err := a.pool.SendBatch(ctx, b).Close(); err != nil {
		return nil, fmt.Errorf("searching %q: %w", query, err)
	}
	return ids, nil
}
