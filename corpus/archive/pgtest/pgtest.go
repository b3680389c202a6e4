// Package pgtest starts a throwaway PostgreSQL server for tests: a cluster
// made by initdb in a temporary directory, listening only on a unix socket
// there, and removed when the tests are over. It runs Debian's server
// binaries (package postgresql); tests skip, saying so, when they are not
// installed, unless SAHIFA_PG_REQUIRED is set, as .ci/run sets it, where
// they fail instead.
//
// initdb refuses to run as root, so under root the server runs as the
// user postgres (made by Debian's package) or, failing that, nobody.
package pgtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server is a running throwaway cluster.
type Server struct {
	dir    string // the socket's directory, holding the cluster in data/
	bin    string
	runAs  string // the user the server runs as, "" for the current one
	cmd    *exec.Cmd
	exited <-chan error // receives when the server's process ends
	admin  string       // the connection string of database postgres
	nextDB atomic.Int64
}

var (
	once    sync.Once
	shared  *Server
	started error
)

// Main runs a package's tests, m.Run, and stops the shared server if one
// was started; a test package that uses Database calls it from TestMain.
func Main(m interface{ Run() int }) int {
	code := m.Run()
	if shared != nil {
		shared.Stop()
	}
	return code
}

// Own starts a server of the test's own, one it may crash and restart,
// stopped when the test ends; it skips or fails the test as Database does
// when no server can be started.
func Own(t testing.TB) *Server {
	t.Helper()
	s, err := Start()
	if err != nil {
		unavailable(t, err)
	}
	t.Cleanup(s.Stop)
	return s
}

// unavailable ends a test that needs a server and has none: a failure
// where SAHIFA_PG_REQUIRED is set, a skip elsewhere.
func unavailable(t testing.TB, err error) {
	t.Helper()
	if os.Getenv("SAHIFA_PG_REQUIRED") != "" {
		t.Fatalf("no PostgreSQL server for the tests: %v", err)
	}
	t.Skipf("no PostgreSQL server for the tests (install Debian's postgresql package): %v", err)
}

// Database returns the connection string of a new, empty database on the
// package's shared server, starting the server on first use. The test is
// skipped when no server can be started and SAHIFA_PG_REQUIRED is unset.
func Database(t testing.TB) string {
	t.Helper()
	once.Do(func() { shared, started = Start() })
	if started != nil {
		unavailable(t, started)
	}
	url, err := shared.CreateDatabase()
	if err != nil {
		t.Fatal(err)
	}
	return url
}

// binDir finds the server's binaries: SAHIFA_PG_BIN, then the newest of
// Debian's /usr/lib/postgresql/*/bin, then the PATH.
func binDir() (string, error) {
	if d := os.Getenv("SAHIFA_PG_BIN"); d != "" {
		return d, nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	slices.SortFunc(found, func(a, b string) int { return version(b) - version(a) })
	if len(found) > 0 {
		return filepath.Dir(found[0]), nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("initdb not found in /usr/lib/postgresql/*/bin nor on the PATH")
}

// version is the major version in a path /usr/lib/postgresql/N/bin/initdb.
func version(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// Start makes and starts a new cluster; Stop removes it.
func Start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin}
	if os.Geteuid() == 0 {
		s.runAs = "nobody"
		if _, err := user.Lookup("postgres"); err == nil {
			s.runAs = "postgres"
		}
	}
	removeStale()
	// Not t.TempDir: its parents are closed to the server's user.
	s.dir, err = os.MkdirTemp("", dirPrefix)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(s.dir, 0o777); err != nil {
		s.Stop()
		return nil, err
	}
	if out, err := s.run("initdb", "-D", s.data(), "-U", "sahifa", "--auth=trust",
		"-E", "UTF8", "--locale=C.UTF-8", "--no-sync"); err != nil {
		s.Stop()
		return nil, fmt.Errorf("initdb: %v\n%s", err, out)
	}
	if err := s.serve(); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
		s.Stop()
		return nil, fmt.Errorf("postgres: %v\n%s", err, log)
	}
	s.admin = s.url("postgres")
	return s, nil
}

// serve starts the server as a child of the test process and waits until
// it accepts connections.
func (s *Server) serve() error {
	log, err := os.Create(filepath.Join(s.dir, "server.log"))
	if err != nil {
		return err
	}
	defer log.Close()
	os.Chmod(log.Name(), 0o666)
	// fsync off spares the shared disk, and survives a crash of the
	// server (Crash), though not of the machine; commits still reach the
	// operating system before they are acknowledged, so a crash loses
	// nothing a client was told is stored.
	//
	// A GIN index keeps new entries in a pending list, up to 4 MB, until
	// a vacuum merges them, and every search through the index reads the
	// whole list: a test that stores articles one at a time and searches
	// between (FuzzArticle stores thousands in its minute, before any
	// autovacuum) would pay at each search for all it stored before. The
	// least limit, 64 kB, keeps that cost small; what is found is the
	// same.
	s.cmd = exec.Command(filepath.Join(s.bin, "postgres"), "-D", s.data(), "-k", s.dir,
		"-c", "listen_addresses=", "-c", "fsync=off", "-c", "full_page_writes=off",
		"-c", "gin_pending_list_limit=64kB")
	s.cmd.Stdout, s.cmd.Stderr = log, log
	if err := asServer(s.cmd, s.runAs); err != nil {
		return err
	}
	// The server gets its death signal when the thread that started it
	// ends, not the process: that thread stays locked to a goroutine
	// waiting for the server, so the runtime never ends it before.
	started, exited := make(chan error, 1), make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		if err := s.cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		exited <- s.cmd.Wait()
	}()
	if err := <-started; err != nil {
		return err
	}
	s.exited = exited
	admin := s.url("postgres")
	deadline := time.Now().Add(2 * time.Minute)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, err := pgx.Connect(ctx, admin)
		cancel()
		if err == nil {
			conn.Close(context.Background())
			return nil
		}
		select {
		case err := <-exited:
			s.exited = nil
			return fmt.Errorf("the server exited: %v", err)
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server did not accept connections in 2 minutes: %v", err)
		}
	}
}

// dirPrefix starts the names of the servers' directories.
const dirPrefix = "sahifa-pg-"

// removeStale removes the directories of servers that died with a killed
// test process: no server's pid file, and untouched for ten minutes, so
// that a cluster another process is making is left alone.
func removeStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPrefix+"*"))
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || time.Since(fi.ModTime()) < 10*time.Minute {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "data", "postmaster.pid")); os.IsNotExist(err) {
			os.RemoveAll(d)
		}
	}
}

func (s *Server) data() string { return filepath.Join(s.dir, "data") }

// url is the connection string of database db over the socket.
func (s *Server) url(db string) string {
	return "postgres://sahifa@/" + db + "?host=" + s.dir + "&sslmode=disable"
}

// run runs one of the server's binaries as the server's user.
func (s *Server) run(name string, args ...string) ([]byte, error) {
	path := filepath.Join(s.bin, name)
	var cmd *exec.Cmd
	if s.runAs != "" {
		cmd = exec.Command("runuser", append([]string{"-u", s.runAs, "--", path}, args...)...)
	} else {
		cmd = exec.Command(path, args...)
	}
	cmd.Dir = s.dir
	return cmd.CombinedOutput()
}

// CreateDatabase makes a new empty database and returns its connection
// string.
func (s *Server) CreateDatabase() (string, error) {
	name := fmt.Sprintf("test%d", s.nextDB.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, s.admin)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	// A name made above, never from input: CREATE DATABASE takes no
	// parameters.
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return s.url(name), nil
}

// Stop stops the server at once and removes its directory.
func (s *Server) Stop() {
	s.Crash()
	os.RemoveAll(s.dir)
}

// Crash stops the server at once, as a power cut would, keeping its
// cluster so that Restart can bring it back: connections drop mid-query
// and what was not committed is lost.
func (s *Server) Crash() {
	if s.exited == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGQUIT) // immediate shutdown, no checkpoint
	select {
	case <-s.exited:
	case <-time.After(time.Minute):
		s.cmd.Process.Kill()
		<-s.exited
	}
	s.exited = nil
}

// Restart starts the server of a crashed cluster again; it recovers
// what was committed.
func (s *Server) Restart() error {
	if s.exited != nil {
		return nil
	}
	return s.serve()
}

// URL returns the connection string of database db (as CreateDatabase
// returned it) on this server.
func (s *Server) URL(db string) string { return s.url(db) }
