package cli

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"sahifa/corpus/archive/pgtest"
	"sahifa/corpus/corpustest"
	"sahifa/seeds"
)

// seedsWithMore writes the seeds into a folder with a Markdown article
// (emphasis, a link, a list) and a copy of a seed, so that inlines and
// copies go through the archive too, and returns the folder.
func seedsWithMore(t *testing.T) string {
	dir := t.TempDir()
	err := fs.WalkDir(seeds.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := fs.ReadFile(seeds.FS, p)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
		}
		if err == nil && strings.HasPrefix(filepath.Base(p), "000_") {
			err = os.WriteFile(filepath.Join(dir, "zz_copy.txt"), b, 0o644)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	md := "# قمة *الرياض* للطاقة\n\nقال الوزير إن **الاتفاق** نُشر على [موقع الوزارة](https://example.org/news?id=1) يوم الاثنين 3 مارس 2025.\n\n- عنصر أول عن `OPEC`\n- عنصر ثان عن روسيا\n"
	if err := os.WriteFile(filepath.Join(dir, "md_summit.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestArchiveAnswersAsFiles: every command that reads a collection prints
// the same, byte for byte, from an archive (--db) as from the files it was
// imported from: on the seeds with a Markdown article and a copy, and on
// a SaudiNewsNet day when ../shared is there.
func TestArchiveAnswersAsFiles(t *testing.T) {
	type collectionCase struct {
		name    string
		paths   func(t *testing.T) []string
		queries []string
	}
	cases := []collectionCase{
		{"seeds", func(t *testing.T) []string { return []string{seedsWithMore(t)} },
			[]string{"بوتين", "الرياض", `"وزير الخارجية"`, "روسي*", "-روسيا", "OPEC", "لا شيء هنا"}},
		{"saudinewsnet-day", func(t *testing.T) []string {
			return []string{filepath.Join(corpustest.Shared(t, "data/saudinewsnet"), "2015-07-21.json")}
		}, []string{"ولي العهد", "الرياض", `"وزارة الداخلية"`, "مكة -جدة", "نفط*", "الهلال النصر"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			paths := tc.paths(t)
			url := pgtest.Database(t)
			var stderr bytes.Buffer
			if status := importCmd(append([]string{"--db", url, "--no-cache"}, paths...), nil, io.Discard, &stderr); status != 0 {
				t.Fatalf("import: status %d\n%s", status, stderr.String())
			}
			dir := t.TempDir()
			queries := filepath.Join(dir, "queries")
			if err := os.WriteFile(queries, []byte(strings.Join(tc.queries, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			commands := []struct {
				name string
				run  func([]string, io.Reader, io.Writer, io.Writer) int
				args []string
			}{
				{"list", list, []string{"--json"}},
				{"list by date", list, []string{"--json", "--sort", "date"}},
				{"search", searchCmd, []string{"--json", "-n", "20", "--queries", queries}},
				{"entities", entitiesCmd, []string{"--json"}},
				{"dates", datesCmd, []string{"--json"}},
			}
			for _, cmd := range commands {
				files := runOK(t, cmd.run, append(append([]string{"--no-cache"}, cmd.args...), paths...)).String()
				db := runOK(t, cmd.run, append([]string{"--db", url}, cmd.args...)).String()
				if files == "" {
					t.Errorf("%s printed nothing", cmd.name)
				}
				if db != files {
					t.Errorf("%s --db differs from the files:\n%s", cmd.name, firstDifference(files, db))
				}
			}
		})
	}
}

// firstDifference shows the first line where want and got differ.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n files: " + wl + "\n --db:  " + gl
		}
	}
	return "(same lines)"
}
