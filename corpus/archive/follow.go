package archive

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"sahifa/corpus"
)

// Following the archive. Every article gets a number, seq, in the order
// its transaction takes them, under a lock held until it commits
// (migrations/0003_arrival_order.sql): the articles numbered up to n are
// all committed once a reader sees n, and none numbered below n can
// appear later. A reader that has read everything up to n therefore
// finds everything new by asking for seq > n, and nothing twice, however
// many importers store at once: they store one after another.
//
// The server notifies the channel below when a transaction that stored
// articles commits; a reader listening on it asks at once. A notification
// is lost when the listening connection drops, or when it is sent to a
// standby, which cannot listen; so the reader also asks every poll
// interval, and whenever it has connected again.

// notifyChannel is the channel the archive notifies of stored articles.
const notifyChannel = "sahifa_articles"

// DefaultPoll is how often Follow asks for new articles when no
// notification came: a fallback, so it may be slow.
const DefaultPoll = 30 * time.Second

// lostRetry are the waits between tries to reach an archive that was
// lost, the last repeated: a server restarting is back within seconds.
var lostRetry = []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second}

// News is what Follow learns once its load is over: articles stored
// since, or that the archive cannot be reached.
type News struct {
	// Articles are whole, as Load gives them, with the places of their
	// copies in Duplicates; in order of place within one News.
	Articles []*corpus.Article
	// Lost says why the archive cannot be reached, while it cannot;
	// following goes on, and the first News once it is back has Lost
	// nil.
	Lost error
}

// Follow is Load, then the articles stored after the load began, as their
// transactions commit: they arrive on news once the load's channel is
// closed, each article once. It asks at once when the server notifies
// it, and every poll (DefaultPoll when poll ≤ 0) in any case. A lost
// connection is a News with Lost set, and following goes on when the
// server is back. news is closed when ctx is done, or at once when the
// load failed.
func (a *Archive) Follow(ctx context.Context, poll time.Duration) (load <-chan corpus.Batch, news <-chan News) {
	if poll <= 0 {
		poll = DefaultPoll
	}
	out, nc := make(chan corpus.Batch, 2), make(chan News, 1)
	go func() {
		defer close(nc)
		mark, ok := a.load(ctx, out)
		close(out)
		if ok {
			a.follow(ctx, mark, poll, nc)
		}
	}()
	return out, nc
}

// span is what follow has still to read: the articles numbered above
// from and up to to, after the article after in order of place.
type span struct {
	from, to int64
	after    *corpus.Article
}

// follow sends on out the articles numbered above last, as they come,
// until ctx is done.
func (a *Archive) follow(ctx context.Context, last int64, poll time.Duration, out chan<- News) {
	send := func(n News) bool { return sendUnlessDone(ctx, out, n) }
	sleep := func(d time.Duration) bool {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
			return true
		case <-ctx.Done():
			return false
		}
	}
	var l *pgx.Conn // listening, nil while not
	defer func() { unlisten(l) }()
	var lost error
	tries := 0
	s := span{from: last, to: last}
	for ctx.Err() == nil {
		if l == nil {
			// A failure here is told by the reading below: a server
			// that answers but cannot listen (a standby) is polled.
			l, _ = a.listen(ctx)
		}
		arts, err := a.next(ctx, &s)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			unlisten(l)
			l = nil
			if lost == nil || lost.Error() != err.Error() {
				lost = err
				if !send(News{Lost: err}) {
					return
				}
			}
			if !sleep(lostRetry[min(tries, len(lostRetry)-1)]) {
				return
			}
			tries++
			continue
		}
		if lost != nil || len(arts) > 0 {
			lost, tries = nil, 0
			if !send(News{Articles: arts}) {
				return
			}
		}
		if s.after != nil || s.from < s.to {
			continue // more of the span to read
		}
		if l == nil {
			if !sleep(poll) {
				return
			}
			continue
		}
		if err := wait(ctx, l, poll); err != nil {
			// The connection is gone: the next reading says whether
			// the server is.
			unlisten(l)
			l = nil
		}
	}
}

// next reads the next page of s, first asking for the newest number when
// s is read; it moves s on past what it returns.
func (a *Archive) next(ctx context.Context, s *span) ([]*corpus.Article, error) {
	if s.after == nil && s.from == s.to {
		to, err := a.newest(ctx)
		if err != nil {
			return nil, err
		}
		if to <= s.from {
			return nil, nil
		}
		s.to = to
	}
	arts, dups, _, err := a.page(ctx, s.after, s.from, s.to)
	if err != nil {
		return nil, err
	}
	if len(arts) < pageSize {
		s.from, s.after = s.to, nil
	} else {
		s.after = arts[len(arts)-1]
	}
	placed := make(map[string][]string, len(dups))
	for _, d := range dups {
		placed[d.ID] = append(placed[d.ID], d.Where)
	}
	for _, art := range arts {
		if ds, ok := placed[art.ID]; ok {
			art.Duplicates = corpus.Copies(art, ds)
		}
	}
	return arts, nil
}

// listen takes a connection of the pool's for the archive's
// notifications; it is the caller's to close with unlisten.
func (a *Archive) listen(ctx context.Context) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	c, err := a.pool.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	if _, err := c.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
		// Closed rather than given back: it may be listening.
		conn := c.Hijack()
		unlisten(conn)
		return nil, err
	}
	return c.Hijack(), nil
}

// unlisten closes a listening connection, if there is one.
func unlisten(c *pgx.Conn) {
	if c == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.Close(ctx)
}

// wait waits on c for a notification, or until poll has passed; it
// returns an error only when the connection failed.
func wait(ctx context.Context, c *pgx.Conn, poll time.Duration) error {
	wctx, cancel := context.WithTimeout(ctx, poll)
	defer cancel()
	_, err := c.WaitForNotification(wctx)
	if err == nil || c.IsClosed() {
		return err
	}
	if wctx.Err() != nil {
		return nil // time to poll, or to stop
	}
	return err
}
