package archive

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// The schema is built by the SQL files of migrations/, applied in the
// order of the number each name starts with; schema_version records the
// last one applied, so that each runs once. A file, once released, never
// changes: a new version is a new file.
//
//go:embed migrations/*.sql
var migrations embed.FS

// migration is one file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

func readMigrations() ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		num, _, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: its name does not start with a version number", base)
		}
		sql, err := migrations.ReadFile(name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, base, string(sql)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s have the same version", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// migrateLock is the key of the advisory lock that lets one process at a
// time bring the schema up to date.
const migrateLock = 0x5a4f1f4 // "sahifa"

// Migrate brings the archive's schema up to the newest version, each
// migration in a transaction of its own; it returns the version reached.
// Processes migrating the same database at once wait for each other.
func (a *Archive) Migrate(ctx context.Context) (int, error) {
	ms, err := readMigrations()
	if err != nil {
		return 0, err
	}
	conn, err := a.pool.Acquire(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1)", migrateLock); err != nil {
		return 0, err
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrateLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version integer NOT NULL, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return 0, err
	}
	var have int
	if err := conn.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&have); err != nil {
		return 0, err
	}
	for _, m := range ms {
		if m.version <= have {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_version (version, name) VALUES ($1, $2)", m.version, m.name)
			return err
		})
		if err != nil {
			return have, fmt.Errorf("migration %s: %w", m.name, err)
		}
		have = m.version
	}
	if last := ms[len(ms)-1].version; have > last {
		return have, fmt.Errorf("the archive's schema is version %d, newer than this sahifa knows (%d)", have, last)
	}
	return have, nil
}

// checkSchema returns an error saying what to do when the archive's
// schema is not the one this Sahifa reads: none at all, an older one (a
// reader may have no right to migrate, so it is told to import), or a
// newer one.
func (a *Archive) checkSchema(ctx context.Context) error {
	ms, err := readMigrations()
	if err != nil {
		return err
	}
	want := ms[len(ms)-1].version
	ctx, cancel := context.WithTimeout(ctx, queryTimeout)
	defer cancel()
	var have int
	var exists bool
	if err := a.pool.QueryRow(ctx, "SELECT to_regclass('schema_version') IS NOT NULL").Scan(&exists); err != nil {
		return err
	}
	if exists {
		if err := a.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_version").Scan(&have); err != nil {
			return err
		}
	}
	switch {
	case have == 0:
		return errors.New("no Sahifa archive here yet: `sahifa import --db URL PATH...` makes one")
	case have < want:
		return fmt.Errorf("the archive's schema is version %d, older than this sahifa reads (%d): `sahifa import --db URL` brings it up to date", have, want)
	case have > want:
		return fmt.Errorf("the archive's schema is version %d, newer than this sahifa knows (%d)", have, want)
	}
	return nil
}
