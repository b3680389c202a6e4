package cli

import (
	"bytes"
	"strings"
	"testing"
)

// TestSearchNotesDroppedWords: a query word that is no word to search by
// is left out with a note on stderr, and the rest of the query still
// finds its articles; a query of excluded words alone lists the articles
// without them.
func TestSearchNotesDroppedWords(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := searchCmd([]string{"الأسد ـ لـ"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "left out of the query, as no word to search by: ـ لـ") {
		t.Errorf("no note on stderr: %q", errOut.String())
	}
	alone := runOK(t, searchCmd, []string{"الأسد"})
	if out.String() != alone.String() {
		t.Errorf("with the dropped words:\n%s\nwithout:\n%s", out.String(), alone.String())
	}
	all := strings.Count(runOK(t, list, nil).String(), "\n")
	without := strings.Count(runOK(t, searchCmd, []string{"-n", "0", "--", "-حميميم"}).String(), "\n")
	with := strings.Count(runOK(t, searchCmd, []string{"-n", "0", "حميميم"}).String(), "\n")
	if with == 0 || without == 0 || with+without != all {
		t.Errorf("-حميميم found %d, حميميم %d, of %d articles", without, with, all)
	}
}
