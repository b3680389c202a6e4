package cli

import (
	"cmp"
	"context"
	"io"
	"os"
	"os/signal"
	"time"

	"sahifa/corpus/archive"
	"sahifa/corpus/collection"
)

// importCmd implements `sahifa import --db URL PATH...`: it reads the
// articles of the files and folders as the reader does, waits until their
// names and dates are found, and stores them in the PostgreSQL archive at
// URL, in batches of one transaction each. An article the archive holds
// already is skipped, so an interrupted import is finished by running it
// again.
func importCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr,
		"usage: sahifa import --db URL [--batch N] [PATH...]",
		"Stores the articles of the files and folders (the seeds without PATH), with their names and dates,",
		"in a PostgreSQL archive; articles it holds already are skipped. Progress goes to standard error.",
	)
	db := fs.String("db", os.Getenv("SAHIFA_DB"), "the archive's PostgreSQL `URL` (postgres://user@host/db); $SAHIFA_DB by default")
	size := fs.Int("batch", 500, "articles stored per transaction")
	if status, done := parseFlags(fs, args); done {
		return status
	}
	if *db == "" || *size < 1 {
		fs.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fail := func(err error) int {
		fs.fail(err)
		return 1
	}
	a, err := archive.Open(ctx, *db)
	if err != nil {
		return fail(err)
	}
	defer a.Close()
	if _, err := a.Migrate(ctx); err != nil {
		return fail(err)
	}

	start := time.Now()
	c, ok := load(fs, fs.Args())
	defer c.Close()
	if err := waitNames(ctx, c, fs); err != nil {
		return fail(err)
	}
	arts := c.Articles()
	fs.say("%d articles read and analysed in %v", len(arts), time.Since(start).Round(time.Millisecond))

	start = time.Now()
	stored := 0
	for i := 0; i < len(arts); i += *size {
		batch := arts[i:min(i+*size, len(arts))]
		recs := make([]archive.Record, len(batch))
		for j, art := range batch {
			recs[j] = archive.Record{Article: art, Entities: c.Entities(art).Entities, Dates: c.Dates(art)}
		}
		n, err := a.Put(ctx, recs)
		if err != nil {
			fs.say("%d of %d articles stored before this error; run the import again to go on", stored, len(arts))
			return fail(err)
		}
		stored += n
		done := i + len(batch)
		fs.say("%d/%d articles, %d new, %.0f articles/s",
			done, len(arts), stored, float64(done)/max(time.Since(start).Seconds(), 1e-3))
	}
	fs.say("done: %d new, %d already there, in %v",
		stored, len(arts)-stored, time.Since(start).Round(time.Millisecond))
	if !ok {
		return 1
	}
	return 0
}

// waitNames waits until the collection's names are final, saying every
// few seconds how far the work has got.
func waitNames(ctx context.Context, c *collection.Collection, fs *flags) error {
	tick := time.NewTicker(3 * time.Second)
	defer tick.Stop()
	done := make(chan error, 1)
	go func() { done <- c.Wait(ctx) }()
	for {
		select {
		case err := <-done:
			return err
		case <-tick.C:
			for _, j := range c.Status().Jobs {
				fs.say("%s: %d/%d", fs.tr.Text(j.Name), j.Done, cmp.Or(j.Total, j.Done))
			}
		}
	}
}
