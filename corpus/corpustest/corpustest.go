// Package corpustest holds what Sahifa's tests share: where the data they
// read is — the project's own testdata (the seeds' gold reference) and the
// shared data beside the project root, which users' clones do not have, so
// tests skip without it — and the process figures benchmarks report.
package corpustest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Root returns the project's root directory, the one holding go.mod.
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("corpustest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared returns the path of name inside ../shared beside the project root,
// and skips the test when it is not there.
func Shared(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(Root(t), "..", "shared", filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s is absent (%v): this test needs the shared data", p, err)
	}
	return p
}

// GoldArticle is the hand-made reference for one seed article.
type GoldArticle struct {
	Title         string     `json:"title"`
	Boilerplate   []string   `json:"boilerplate"`
	Persons       []string   `json:"persons"`
	Locations     []string   `json:"locations"`
	Organizations []string   `json:"organizations"`
	Same          [][]string `json:"same"`
	Dates         []string   `json:"dates"`
	Date          struct {
		Value *string `json:"value"`
		How   string  `json:"how"`
	} `json:"date"`
}

// GoldFile is testdata/seeds-gold.json: the reference for the seeds.
type GoldFile struct {
	Articles  map[string]GoldArticle `json:"articles"` // by seed file name
	Forbidden []string               `json:"forbidden"`
	Related   struct {
		Pairs [][2]string `json:"pairs"`
	} `json:"related"`
}

// Gold reads testdata/seeds-gold.json.
func Gold(t testing.TB) *GoldFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Root(t), "testdata", "seeds-gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g GoldFile
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("seeds-gold.json: %v", err)
	}
	return &g
}

// RunWithOwnCache runs m with XDG_CACHE_HOME pointing at a folder of its
// own, for the tests and every program they start, so that no test reads
// or writes the user's real cache; call it from TestMain.
func RunWithOwnCache(m interface{ Run() int }) int {
	dir, err := os.MkdirTemp("", "sahifa-cache-home")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	// go derives its build cache from XDG_CACHE_HOME too: pinned to the
	// real one, the binaries tests build are built from cached packages,
	// not from scratch in every test run.
	if os.Getenv("GOCACHE") == "" {
		if real, err := os.UserCacheDir(); err == nil {
			os.Setenv("GOCACHE", filepath.Join(real, "go-build"))
		}
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	return m.Run()
}
