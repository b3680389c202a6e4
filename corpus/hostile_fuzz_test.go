package corpus

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// FuzzSniff reads arbitrary files named without an extension, so that
// their format is sniffed from their first bytes, as for a file named on
// the command line.
func FuzzSniff(f *testing.F) {
	for _, s := range []string{
		`[{"title": "خبر", "content": "نص"}]`,
		"{\"title\": \"a\"}\n{\"title\": \"b\"}\n",
		"---\ntitle: t\n---\n# عنوان\n\nنص",
		"عنوان\n\nنص عادي.",
		"\xef\xbb\xbf[1]",
		"\xff\xfe[\x00{\x00}\x00]\x00",
		"  \n\t{",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got := sniff(data); got == unknownFormat {
			t.Fatalf("sniff(%q) knows no format", data)
		}
		arts, probs := readBytes("article", data)
		checkArticles(t, arts, probs)
	})
}

// FuzzLoadFS loads a file system made from the input: NUL-separated
// names and contents. No panic, every article from a file of the file
// system, every problem naming a path.
func FuzzLoadFS(f *testing.F) {
	f.Add([]byte("a.txt\x00عنوان\n\nنص\x00b/c.json\x00[{\"title\":\"t\",\"content\":\"x\"}]\x00.hidden.txt\x00x"))
	f.Add([]byte("d.jsonl\x00{}\n{\"title\":1}\n\x00e.md\x00---\ndate: 2015\n---\n"))
	f.Add([]byte("x.txt\x00\xff\xfe\x00y.txt\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := fstest.MapFS{}
		parts := strings.Split(string(data), "\x00")
		for i := 0; i+1 < len(parts) && len(m) < 8; i += 2 {
			if fs.ValidPath(parts[i]) && parts[i] != "." {
				m[parts[i]] = &fstest.MapFile{Data: []byte(parts[i+1])}
			}
		}
		arts, probs := Collect(LoadFS(context.Background(), m))
		checkArticles(t, arts, probs)
		for _, a := range arts {
			if m[a.Path] == nil {
				t.Errorf("article from %q, not a file of %v", a.Path, parts)
			}
		}
	})
}

// FuzzWalk builds a folder from the input, one entry a line: "f NAME"
// a file, "d NAME" a folder, "l NAME TARGET" a symbolic link, "p NAME" a
// FIFO; then loads it. The load must end (links may loop), read nothing
// outside the folder, and name a path in each problem.
func FuzzWalk(f *testing.F) {
	f.Add("f a.txt\nd b\nf b/c.md\nl b/loop ..\nl d.txt a.txt\np e.txt\n")
	f.Add("l x.json /dev/zero\nl y.txt y.txt\nd .h\nf .h/z.txt\n")
	f.Add("d a\nd a/b\nl a/b/up ../..\nf a/b/c.jsonl\n")
	base := f.TempDir()
	runs := 0
	f.Fuzz(func(t *testing.T, script string) {
		runs++
		dir := filepath.Join(base, strconv.Itoa(runs))
		defer os.RemoveAll(dir)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(script, "\n")
		for _, l := range lines[:min(len(lines), 8)] {
			fields := strings.Fields(l)
			if len(fields) < 2 || !fs.ValidPath(fields[1]) || fields[1] == "." {
				continue
			}
			p := filepath.Join(dir, fields[1])
			switch fields[0] {
			case "f":
				os.WriteFile(p, []byte("عنوان\n\n"+l), 0o644)
			case "d":
				os.Mkdir(p, 0o755)
			case "l":
				if len(fields) > 2 {
					os.Symlink(fields[2], p)
				}
			case "p":
				syscall.Mkfifo(p, 0o644)
			}
		}
		arts, probs := Collect(Load(context.Background(), []string{dir}))
		checkArticles(t, arts, probs)
		for _, a := range arts {
			if !strings.HasPrefix(a.Path, dir+string(filepath.Separator)) {
				t.Errorf("article from %q, outside %s", a.Path, dir)
			}
		}
	})
}

// FuzzMetadataDates reads arbitrary date fields and datelines: no panic,
// and a date accepted is of a plausible year.
func FuzzMetadataDates(f *testing.F) {
	for _, s := range []string{"2015-07-21", "٢٠١٥-٠٧-٢١ 10:00:00", "Sun, 02 Aug 2015 10:00:00 GMT", "1438000000000", "26-05-2017 02:52 AM بتوقيت القدس", "2017/13/01", "31-02-2017"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := parseMetadataDate(s); ok && !plausibleYear(d.Year()) {
			t.Errorf("%q: %v", s, d)
		}
		if d, ok := parseDateline(s); ok && !plausibleYear(d.Year()) {
			t.Errorf("dateline %q: %v", s, d)
		}
	})
}
