package related

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"sahifa/corpus"
)

// TestPool prints, for each line "ID<TAB>search|search…" of the file named
// by $RELATED_POOL, the asked article and the pool to judge: Related's
// rows with their copies, the baseline's top 20 and each search's top 15
// within ten days. It is how testdata/judged.tsv was made (see
// testdata/README.md) and does nothing otherwise.
func TestPool(t *testing.T) {
	file := os.Getenv("RELATED_POOL")
	if file == "" {
		t.Skip("RELATED_POOL is not set")
	}
	arts, ix, f := saudiFinder(t)
	base := newTFIDF(arts)
	byID := articlesByID(arts)
	in, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		id, searches, _ := strings.Cut(sc.Text(), "\t")
		a := byID[id]
		if a == nil {
			t.Errorf("no article %s", id)
			continue
		}
		fmt.Fprintf(out, "\n### %s %s %s %s\n    %s\n", a.ID, day(a), a.Source, a.Title, lead(a, 300))
		seen := map[string]bool{a.ID: true}
		show := func(tag string, b *corpus.Article) {
			if seen[b.ID] {
				return
			}
			seen[b.ID] = true
			fmt.Fprintf(out, "%s %s %s %-12s %s | %s\n", tag, b.ID, day(b), b.Source, b.Title, lead(b, 160))
		}
		for _, r := range f.Related(a, 20) {
			show("R", r.Article)
			for _, c := range r.Copies {
				show("C", c)
			}
		}
		for _, s := range base.related(a, 20) {
			show("B", s.a)
		}
		for _, q := range strings.Split(searches, "|") {
			if q = strings.TrimSpace(q); q == "" {
				continue
			}
			n := 0
			for _, h := range ix.Search(q, 200) {
				if d := days(a, h.Article); d <= 10 && n < 15 {
					show("S", h.Article)
					n++
				}
			}
		}
	}
}

func day(a *corpus.Article) string {
	if a.DateFrom == corpus.DateUnknown {
		return "----------"
	}
	return a.Date.Format("2006-01-02")
}

// lead returns about n bytes of a's text from its start.
func lead(a *corpus.Article, n int) string {
	var b strings.Builder
	for _, p := range a.Paragraphs {
		b.WriteString(p.Text)
		b.WriteByte(' ')
		if b.Len() > n {
			break
		}
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	for len(s) > n {
		_, sz := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-sz]
	}
	return s
}
