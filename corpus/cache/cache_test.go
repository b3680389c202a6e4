package cache

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sahifa/corpus"
)

// counting wraps a Store and counts the files it gave back.
type counting struct {
	*Store
	reused atomic.Int32
}

func (c *counting) Reuse(path string, size int64, mtime time.Time) (corpus.FileRead, bool) {
	fr, ok := c.Store.Reuse(path, size, mtime)
	if ok {
		c.reused.Add(1)
	}
	return fr, ok
}

// writeCollection writes a small collection of three files to a new
// folder and returns it.
func writeCollection(t testing.TB) string { return writeCollectionOf(t, 150) }

// writeCollectionOf is writeCollection with n articles in its JSON Lines
// file, for inputs that must stay cheap.
func writeCollectionOf(t testing.TB, n int) string {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range n {
		lines.WriteString(`{"title":"خبر رقم ` + strings.Repeat("ب", i%5+1) + `","source":"سبق","date_extracted":"2015-07-2` + string(rune('1'+i%8)) + ` 10:00:00","content":"نص الخبر ` + strings.Repeat("ج ", i+1) + `"}` + "\n")
	}
	write(t, filepath.Join(dir, "a.jsonl"), lines.String())
	write(t, filepath.Join(dir, "b.txt"), "عنوان المقال\n\nفقرة أولى عن الرياض.\n\nفقرة ثانية.\n")
	write(t, filepath.Join(dir, "sub", "c.md"), "# عنوان آخر\n\nنص قصير عن جدة.\n")
	return dir
}

func write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// open loads dir through the cache in cacheDir, saves the cache, and
// returns the articles, the problems and how many files came from the
// cache.
func open(t testing.TB, cacheDir, dir string) ([]*corpus.Article, []corpus.Problem, int, *Store) {
	t.Helper()
	s := &counting{Store: Open(cacheDir, []string{dir})}
	arts, probs := corpus.Collect(corpus.LoadReusing(context.Background(), []string{dir}, s))
	if err := s.Save([32]byte{}, func(b []byte) []byte { return b }); err != nil {
		t.Fatal(err)
	}
	return arts, probs, int(s.reused.Load()), s.Store
}

// fresh loads dir without a cache.
func fresh(dir string) ([]*corpus.Article, []corpus.Problem) {
	return corpus.Collect(corpus.Load(context.Background(), []string{dir}))
}

func same(t *testing.T, what string, got, want []*corpus.Article) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d articles, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: article %d is\n%+v\nwant\n%+v", what, i, got[i], want[i])
		}
	}
}

func TestReuseAndChanges(t *testing.T) {
	cacheDir, dir := t.TempDir(), writeCollection(t)
	arts, _, reused, _ := open(t, cacheDir, dir)
	want, _ := fresh(dir)
	if reused != 0 {
		t.Fatalf("first opening reused %d files", reused)
	}
	same(t, "first opening", arts, want)

	arts, _, reused, s := open(t, cacheDir, dir)
	if reused != 3 || !s.Unchanged() || s.Rebuilt != "" {
		t.Fatalf("second opening reused %d of 3 files (unchanged %v, rebuilt %q)", reused, s.Unchanged(), s.Rebuilt)
	}
	same(t, "second opening", arts, want)

	// Changed to text of the same size with the same time: found by its
	// hash, since the time is too close to the reading to be trusted.
	b := filepath.Join(dir, "b.txt")
	fi, _ := os.Stat(b)
	write(t, b, strings.Replace("عنوان المقال\n\nفقرة أولى عن الرياض.\n\nفقرة ثانية.\n", "الرياض", "القصيم", 1)[:fi.Size()])
	os.Chtimes(b, fi.ModTime(), fi.ModTime())
	arts, _, reused, _ = open(t, cacheDir, dir)
	want, _ = fresh(dir)
	if reused != 2 {
		t.Fatalf("after a change: reused %d files, want 2", reused)
	}
	same(t, "after a change", arts, want)

	// Added and removed.
	write(t, filepath.Join(dir, "d.txt"), "عنوان جديد\n\nخبر جديد.\n")
	os.Remove(filepath.Join(dir, "sub", "c.md"))
	arts, _, reused, s = open(t, cacheDir, dir)
	want, _ = fresh(dir)
	if reused != 2 || s.Unchanged() {
		t.Fatalf("after adding and removing: reused %d files, want 2 (unchanged %v)", reused, s.Unchanged())
	}
	same(t, "after adding and removing", arts, want)
	if _, _, reused, s := open(t, cacheDir, dir); reused != 3 || !s.Unchanged() {
		t.Fatalf("the cache written after adding and removing: reused %d of 3 (unchanged %v)", reused, s.Unchanged())
	}
}

// TestTimeTouchedContentSame: a file touched but not changed is taken from
// the cache by its hash.
func TestTimeTouchedContentSame(t *testing.T) {
	cacheDir, dir := t.TempDir(), writeCollection(t)
	open(t, cacheDir, dir)
	later := time.Now().Add(time.Hour)
	os.Chtimes(filepath.Join(dir, "a.jsonl"), later, later)
	if _, _, reused, _ := open(t, cacheDir, dir); reused != 3 {
		t.Fatalf("reused %d of 3 files", reused)
	}
}

// TestDamagedCache cuts the cache file short at many places, as a power
// cut or a full disk would, and gives it an older version: each is found
// out, nothing is reused, the cache is rebuilt, and the articles are right.
func TestDamagedCache(t *testing.T) {
	cacheDir, dir := t.TempDir(), writeCollection(t)
	_, _, _, s := open(t, cacheDir, dir)
	good, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := fresh(dir)
	older := append([]byte(magic), binary.AppendUvarint(nil, version-1)...)
	older = append(older, good[len(magic)+1:]...)
	cases := map[string][]byte{"older version": older, "empty": nil, "not a cache": []byte("hello")}
	for _, cut := range []int{len(magic), len(magic) + 1, len(good) / 3, len(good) / 2, len(good) - 5, len(good) - 1} {
		cases["cut at "+strconv.Itoa(cut)] = good[:cut]
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(s.Path(), data, 0o600); err != nil {
				t.Fatal(err)
			}
			arts, _, reused, s2 := open(t, cacheDir, dir)
			if reused != 0 || s2.Rebuilt == "" {
				t.Fatalf("a damaged cache was taken: reused %d files, rebuilt %q", reused, s2.Rebuilt)
			}
			same(t, name, arts, want)
			if _, _, reused, _ := open(t, cacheDir, dir); reused != 3 {
				t.Fatalf("the rebuilt cache reused %d of 3 files", reused)
			}
		})
	}
}

// FuzzCacheFile changes bytes of a cache file, readings and all: whatever
// it holds, opening the collection and asking for the readings never
// panics and gives the articles as read afresh. The damaged cache is not
// written again (other tests see to that): an fsync per input would leave
// the fuzzer a few thousand inputs a minute.
func FuzzCacheFile(f *testing.F) {
	cacheDir, dir := f.TempDir(), writeCollectionOf(f, 6)
	_, s := openNamed(f, cacheDir, dir)
	good, err := os.ReadFile(s.Path())
	if err != nil {
		f.Fatal(err)
	}
	want, _ := fresh(dir)
	f.Add(uint32(0), byte(1), uint16(0))
	f.Add(uint32(len(good)/2), byte(0x80), uint16(3))
	f.Add(uint32(len(good)-3), byte(0xff), uint16(1))
	f.Fuzz(func(t *testing.T, at uint32, xor byte, run uint16) {
		bad := append([]byte(nil), good...)
		for i := int(at) % len(bad); i < len(bad) && i <= int(at)%len(bad)+int(run); i++ {
			bad[i] ^= xor
		}
		cdir := t.TempDir()
		s := Open(cdir, []string{dir})
		if err := os.WriteFile(s.Path(), bad, 0o600); err != nil {
			t.Fatal(err)
		}
		s2 := Open(cdir, []string{dir})
		arts, _ := corpus.Collect(corpus.LoadReusing(context.Background(), []string{dir}, s2))
		same(t, "a damaged cache", arts, want)
		s2.Names()
		for _, a := range arts {
			s2.Reading(a.Path, a.ID)
		}
	})
}

// TestUnwritableCacheFolder: a cache folder that cannot be written leaves
// the cache out and says why.
func TestUnwritableCacheFolder(t *testing.T) {
	dir := writeCollection(t)
	want, _ := fresh(dir)
	folders := map[string]string{}
	if runtime.GOOS == "linux" {
		folders["under /proc"] = "/proc/sahifa-cache-test" // read-only even for root
	}
	if os.Geteuid() != 0 {
		ro := t.TempDir()
		os.Chmod(ro, 0o500)
		t.Cleanup(func() { os.Chmod(ro, 0o700) })
		folders["read-only"] = filepath.Join(ro, "sahifa")
	}
	notDir := filepath.Join(t.TempDir(), "file")
	write(t, notDir, "")
	folders["under a file"] = filepath.Join(notDir, "sahifa")
	for name, cdir := range folders {
		t.Run(name, func(t *testing.T) {
			arts, _, reused, s := open(t, cdir, dir)
			if s.Problem == "" || !strings.Contains(s.Problem, "without a cache") || reused != 0 {
				t.Fatalf("problem %q, reused %d", s.Problem, reused)
			}
			same(t, name, arts, want)
		})
	}
}

// TestTwoProcesses opens and saves the same collection's cache from two
// processes at once, many times over: the cache is always whole, and
// then reused in full.
func TestTwoProcesses(t *testing.T) {
	if dir := os.Getenv("SAHIFA_CACHE_HELPER"); dir != "" {
		for range 5 {
			s := Open(os.Getenv("SAHIFA_CACHE_DIR"), []string{dir})
			corpus.Collect(corpus.LoadReusing(context.Background(), []string{dir}, s))
			s.changed = true // write every time, to meet the other process
			if err := s.Save([32]byte{}, func(b []byte) []byte { return b }); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	cacheDir, dir := t.TempDir(), writeCollection(t)
	var procs []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcesses$")
		cmd.Env = append(os.Environ(), "SAHIFA_CACHE_HELPER="+dir, "SAHIFA_CACHE_DIR="+cacheDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
	}
	for range 10 {
		// Meanwhile the cache, whenever read, is whole or absent.
		s := Open(cacheDir, []string{dir})
		if s.Rebuilt != "" {
			t.Errorf("a cache being written was read damaged: %s", s.Rebuilt)
		}
		time.Sleep(10 * time.Millisecond)
	}
	for _, p := range procs {
		if err := p.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := fresh(dir)
	arts, _, reused, _ := open(t, cacheDir, dir)
	if reused != 3 {
		t.Fatalf("after two writers: reused %d of 3 files", reused)
	}
	same(t, "after two writers", arts, want)
	if temps, _ := filepath.Glob(filepath.Join(cacheDir, "*"+tempExt)); len(temps) > 0 {
		t.Fatalf("temporary files left: %v", temps)
	}
}

// TestClear removes the caches and nothing else.
func TestClear(t *testing.T) {
	cacheDir, dir := t.TempDir(), writeCollection(t)
	open(t, cacheDir, dir)
	write(t, filepath.Join(cacheDir, "notes.txt"), "not ours")
	n, err := Clear(cacheDir)
	if err != nil || n != 2 {
		t.Fatalf("Clear removed %d files, %v; want the cache and its lock", n, err)
	}
	if _, err := os.Stat(filepath.Join(cacheDir, "notes.txt")); err != nil {
		t.Fatal("Clear removed a file it did not write")
	}
}

// TestArticleFields fills every field of an article and reads it back:
// a field added to corpus.Article and not to the cache fails here.
func TestArticleFields(t *testing.T) {
	a := &corpus.Article{}
	v := reflect.ValueOf(a).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("قيمة " + v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(i + 1))
		case reflect.Uint8:
			f.SetUint(1)
		case reflect.Slice:
			switch f.Type().Elem().Kind() {
			case reflect.String:
				f.Set(reflect.ValueOf([]string{"أ", "ب"}))
			default:
				f.Set(reflect.ValueOf([]corpus.Paragraph{{Kind: corpus.Quote, Text: "نص"}, {Text: "آخر"}}))
			}
		case reflect.Struct:
			f.Set(reflect.ValueOf(time.Date(2015, 7, 21, 10, 30, 0, 0, time.FixedZone("AST", 3*3600))))
		default:
			t.Fatalf("field %s of kind %s: teach this test and the cache", v.Type().Field(i).Name, f.Kind())
		}
	}
	e := entry{read: &corpus.FileRead{Articles: []*corpus.Article{a}, Keys: [][16]byte{{1, 2}}, Problems: []string{"p"}}}
	r := reader{data: e.encode(nil, a.Path, new(encoding))}
	r.string()
	r.varint()
	r.varint()
	r.varint()
	r.bytes(sha256.Size)
	fr, err := decodeFileRead(r.rest(), a.Path)
	if err != nil || len(fr.Articles) != 1 {
		t.Fatal(err)
	}
	got := fr.Articles[0]
	if !got.Date.Equal(a.Date) {
		t.Fatalf("date %v, want %v", got.Date, a.Date)
	}
	got.Date = a.Date
	if !reflect.DeepEqual(got, a) || fr.Keys[0] != ([16]byte{1, 2}) || fr.Problems[0] != "p" {
		t.Fatalf("read back\n%+v\nwant\n%+v", got, a)
	}
}
