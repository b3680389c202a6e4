package cli

import (
	"cmp"
	"context"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"time"

	"sahifa/corpus/archive"
	"sahifa/corpus/collection"
)

// importCmd implements `sahifa import --db URL PATH...`: it reads the
// articles of the files and folders as the reader does, waits until their
// names and dates are found, and stores them in the PostgreSQL archive at
// URL, in batches of one transaction each. An article the archive holds
// already is skipped, so an interrupted import is finished by running it
// again. With --watch it then looks at the files every few seconds and
// imports those that are new or changed.
func importCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr,
		"usage: sahifa import --db URL [--batch N] [--watch [--every D]] [PATH...]",
		"Stores the articles of the files and folders (the seeds without PATH), with their names and dates,",
		"in a PostgreSQL archive; articles it holds already are skipped. Progress goes to standard error.",
	)
	db := fs.String("db", os.Getenv("SAHIFA_DB"), "the archive's PostgreSQL `URL` (postgres://user@host/db); $SAHIFA_DB by default")
	size := fs.Int("batch", 500, "articles stored per transaction")
	watch := fs.Bool("watch", false, "after the import, keep looking for new and changed files in PATH and import them, until interrupted")
	every := fs.Duration("every", 10*time.Second, "how often --watch looks")
	if status, done := parseFlags(fs, args); done {
		return status
	}
	if *db == "" || *size < 1 || *every <= 0 {
		fs.Usage()
		return 2
	}
	if *watch && len(fs.Args()) == 0 {
		fs.say("--watch looks in files and folders: give a PATH")
		return 2
	}
	ctx, stop := importContext()
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

	seen := filesIn(fs.Args())
	ok, err := importPaths(ctx, a, fs, fs.Args(), *size)
	if err != nil {
		return fail(err)
	}
	if !*watch {
		if !ok {
			return 1
		}
		return 0
	}
	fs.say("watching for new and changed files every %v; ctrl+c stops", *every)
	// Each round reads a set of files of its own, which no later opening
	// asks for again: a cache of it would only fill the cache folder.
	fs.Set("no-cache", "true")
	tick := time.NewTicker(*every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return 0
		case <-tick.C:
		}
		now := filesIn(fs.Args())
		var changed []string
		for p, f := range now {
			if seen[p] != f {
				changed = append(changed, p)
			}
		}
		if len(changed) == 0 {
			continue
		}
		slices.Sort(changed)
		fs.say("%d new or changed files", len(changed))
		if _, err := importPaths(ctx, a, fs, changed, *size); err != nil {
			if ctx.Err() != nil {
				return 0
			}
			// The files are looked at again on the next round: a file
			// being written may not read yet, a server may come back.
			fs.fail(err)
			continue
		}
		seen = now
	}
}

// importContext is the import's context, done on an interrupt; tests
// replace it to stop --watch.
var importContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// importPaths reads the articles of paths with their names and dates and
// stores them in a, size to a transaction. ok is false when nothing could
// be read and there were problems.
func importPaths(ctx context.Context, a *archive.Archive, fs *flags, paths []string, size int) (ok bool, err error) {
	start := time.Now()
	c, ok := load(fs, paths)
	defer c.Close()
	if err := waitNames(ctx, c, fs); err != nil {
		return ok, err
	}
	arts := c.Articles()
	fs.say("%d articles read and analysed in %v", len(arts), time.Since(start).Round(time.Millisecond))

	start = time.Now()
	stored := 0
	for i := 0; i < len(arts); i += size {
		batch := arts[i:min(i+size, len(arts))]
		recs := make([]archive.Record, len(batch))
		for j, art := range batch {
			recs[j] = archive.Record{Article: art, Entities: c.Entities(art).Entities, Dates: c.Dates(art)}
		}
		n, err := a.Put(ctx, recs)
		if err != nil {
			fs.say("%d of %d articles stored before this error; run the import again to go on", stored, len(arts))
			return ok, err
		}
		stored += n
		done := i + len(batch)
		fs.say("%d/%d articles, %d new, %.0f articles/s",
			done, len(arts), stored, float64(done)/max(time.Since(start).Seconds(), 1e-3))
	}
	fs.say("done: %d new, %d already there, in %v",
		stored, len(arts)-stored, time.Since(start).Round(time.Millisecond))
	return ok, nil
}

// fileState is what --watch compares of a file from one look to the next.
type fileState struct {
	size  int64
	mtime time.Time
}

// filesIn returns the regular files under paths, as the loader would
// find them, with their sizes and modification times. A file it cannot
// look at is left out: the loader reports it when it is read.
func filesIn(paths []string) map[string]fileState {
	out := map[string]fileState{}
	for _, root := range paths {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				out[p] = fileState{info.Size(), info.ModTime()}
			}
			return nil
		})
	}
	return out
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
