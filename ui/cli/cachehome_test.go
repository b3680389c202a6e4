package cli

import (
	"os"
	"testing"

	"sahifa/corpus/archive/pgtest"
	"sahifa/corpus/corpustest"
)

// TestMain gives the tests a cache folder of their own, and stops the
// PostgreSQL server the import tests may have started.
func TestMain(m *testing.M) { os.Exit(corpustest.RunWithOwnCache(withServer{m})) }

// withServer runs the tests through pgtest.Main.
type withServer struct{ m *testing.M }

func (w withServer) Run() int { return pgtest.Main(w.m) }
