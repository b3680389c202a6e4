package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sahifa/corpus/corpustest"
)

// sameWithCache runs list --json, search --queries, entities --json and
// dates --json over paths without the cache, then twice with it (written,
// then read: the names and dates from the second run of entities on), and
// wants the same output each time.
func sameWithCache(t *testing.T, paths []string, queries string) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	qfile := filepath.Join(t.TempDir(), "queries")
	if err := os.WriteFile(qfile, []byte(queries), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := []struct {
		name string
		run  func([]string) string
	}{
		{"list --json", func(extra []string) string {
			return runOK(t, list, append(append([]string{"--json"}, extra...), paths...)).String()
		}},
		{"search --queries", func(extra []string) string {
			return runOK(t, searchCmd, append(append([]string{"--json", "--queries", qfile}, extra...), paths...)).String()
		}},
		{"entities --json", func(extra []string) string {
			return runOK(t, entitiesCmd, append(append([]string{"--json"}, extra...), paths...)).String()
		}},
		{"dates --json", func(extra []string) string {
			return runOK(t, datesCmd, append(append([]string{"--json"}, extra...), paths...)).String()
		}},
	}
	for _, c := range commands {
		want := c.run([]string{"--no-cache"})
		if strings.Count(want, "\n") < 2 {
			t.Fatalf("%s: too little to compare:\n%s", c.name, want)
		}
		for _, round := range []string{"cache written", "cache read"} {
			if got := c.run(nil); got != want {
				t.Fatalf("%s, %s: output differs from --no-cache:\n%s\nwant\n%s", c.name, round, got, want)
			}
		}
	}
	caches, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "sahifa", "*.cache"))
	if len(caches) != 1 {
		t.Fatalf("caches written: %v", caches)
	}
}

func TestSameWithCacheSeeds(t *testing.T) {
	sameWithCache(t, []string{filepath.Join(corpustest.Root(t), "seeds")}, "الرياض\n\"مجلس الوزراء\"\nوزار*\nسوريا -دمشق\n")
}

func TestSameWithCacheSaudiNewsNetDay(t *testing.T) {
	dir := corpustest.Shared(t, "data/saudinewsnet")
	sameWithCache(t, []string{filepath.Join(dir, "2015-07-23.json")}, "الملك سلمان\nاسد\n\"وزارة الصحة\"\nالرياض -جدة\nوزار*\n")
}

// TestCacheClear: sahifa cache says where the caches are, and cache
// clear removes them.
func TestCacheClear(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	runOK(t, list, []string{filepath.Join(corpustest.Root(t), "seeds")})
	out := runOK(t, cacheCmd, nil).String()
	if !strings.Contains(out, filepath.Join(home, "sahifa")) || !strings.Contains(out, "\t1 collection\t") {
		t.Fatalf("sahifa cache: %s", out)
	}
	runOK(t, cacheCmd, []string{"clear"})
	if caches, _ := filepath.Glob(filepath.Join(home, "sahifa", "*.cache")); len(caches) != 0 {
		t.Fatalf("left after clear: %v", caches)
	}
}
