package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestNamesShownVisibly: file names with controls are printed with their
// controls shown (⟨RLO⟩, ␁), never applied, and two names that differ
// only in controls print differently; in list, search and render.
func TestNamesShownVisibly(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"e\x01.txt", "e\x02.txt", "user\u202egnp.txt", "ok.txt"} {
		content := ""
		if name == "ok.txt" {
			content = "عنوان\n\nنص المقال.\n"
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Skip("this file system refuses the name:", err)
		}
	}
	var out, errOut bytes.Buffer
	list([]string{dir}, nil, &out, &errOut)
	var stderr bytes.Buffer
	render([]string{filepath.Join(dir, "missing\u202etxt.exe")}, nil, &out, &stderr)
	errOut.Write(stderr.Bytes())
	got := errOut.String()
	for _, want := range []string{"e␁.txt", "e␂.txt", "user⟨RLO⟩gnp.txt", "missing⟨RLO⟩txt.exe"} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr does not show %q:\n%s", want, got)
		}
	}
	if i := strings.IndexFunc(got, func(r rune) bool {
		return r != '\n' && (r < 0x20 || unicode.Is(unicode.Bidi_Control, r))
	}); i >= 0 {
		t.Errorf("raw control in stderr at %d: %q", i, got)
	}
}
