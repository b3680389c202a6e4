package corpus_test

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"sahifa/corpus"
)

// copiesUnderTitles returns files 00.txt… that all hold the same text,
// each under its own title, and one file with another text.
func copiesUnderTitles(n int) map[string]string {
	files := map[string]string{"other.txt": "عنوان آخر\n\nنص لا يشبه غيره في شيء.\n"}
	for i := range n {
		files[fmt.Sprintf("%02d.txt", i)] = fmt.Sprintf("عنوان رقم %d\n\nقال الرئيس إن الحرب مستمرة منذ سنوات في البلاد.\n", i)
	}
	return files
}

// TestDuplicatesFirstInReadingOrder: of copies of one text under several
// titles, the first file in reading order keeps the article, with its own
// title, ID and path, whichever reader finishes first; the same answer
// thirty times.
func TestDuplicatesFirstInReadingOrder(t *testing.T) {
	files := copiesUnderTitles(12)
	dir := writeFiles(t, files)
	var want string
	for run := range 30 {
		arts, _, _ := load(t, dir)
		a := arts["00.txt"]
		if a == nil || len(arts) != 2 {
			t.Fatalf("run %d: articles %v, want 00.txt and other.txt", run, keys(arts))
		}
		if a.Title != "عنوان رقم 0" {
			t.Fatalf("run %d: 00.txt kept under title %q", run, a.Title)
		}
		got := a.ID + " " + strings.Join(a.Duplicates, " ")
		if run == 0 {
			want = got
			if len(a.Duplicates) != 11 || !slices.IsSortedFunc(a.Duplicates, corpus.ComparePlaces) {
				t.Fatalf("Duplicates %q: want the 11 other files in order", a.Duplicates)
			}
		} else if got != want {
			t.Fatalf("run %d: %s, run 0: %s", run, got, want)
		}
	}
}

// slowFS delays each file's opening by a random time, so that files are
// read in a different order each load.
type slowFS struct {
	fstest.MapFS
	mu  *sync.Mutex
	rnd *rand.Rand
}

func (s slowFS) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".txt") {
		s.mu.Lock()
		d := time.Duration(s.rnd.IntN(2000)) * time.Microsecond
		s.mu.Unlock()
		time.Sleep(d)
	}
	return s.MapFS.Open(name)
}

// TestDuplicatesShuffledReads loads the same copies with every file's
// reading delayed at random: the article kept, its ID and its copies are
// always the same.
func TestDuplicatesShuffledReads(t *testing.T) {
	m := fstest.MapFS{}
	for name, content := range copiesUnderTitles(8) {
		m[name] = &fstest.MapFile{Data: []byte(content)}
	}
	var want string
	for run := range 30 {
		fsys := slowFS{MapFS: m, mu: new(sync.Mutex), rnd: rand.New(rand.NewPCG(uint64(run), 17))}
		arts, _ := corpus.Collect(corpus.LoadFS(context.Background(), fsys))
		var got []string
		for _, a := range arts {
			got = append(got, fmt.Sprintf("%s %s %q %v", a.Path, a.ID, a.Title, a.Duplicates))
		}
		if run == 0 {
			want = strings.Join(got, "\n")
			if len(arts) != 2 || arts[0].Path != "00.txt" {
				t.Fatalf("kept %s, want 00.txt and other.txt", want)
			}
		} else if g := strings.Join(got, "\n"); g != want {
			t.Fatalf("run %d:\n%s\nrun 0:\n%s", run, g, want)
		}
	}
}
