package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLayering: the screen and the commands see the collection's face and
// nothing behind it, and the screen runs no corpus work of its own: no
// goroutine is started in package ui. Bubble Tea runs the commands the
// screen returns; the collection runs everything else.
func TestLayering(t *testing.T) {
	// go test puts its own go first on PATH.
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}:{{join .Imports \" \"}}", "sahifa/ui/...").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	allowed := map[string][]string{
		"sahifa/ui": {"sahifa/bidi", "sahifa/corpus/collection", "sahifa/ui/lang"},
		// The interface's texts, printed through golang.org/x/text.
		"sahifa/ui/lang": {},
		// render is bidi's command; --conll scores the tagger on
		// tokenised text, which is no collection; import writes the
		// collection's analysis into a PostgreSQL archive.
		"sahifa/ui/cli": {"sahifa/bidi", "sahifa/corpus/collection", "sahifa/corpus/entities", "sahifa/corpus/archive", "sahifa/ui/lang"},
	}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(l, ":")
		ok, known := allowed[pkg]
		if !known {
			t.Errorf("%s: a package of ui/ this test does not know", pkg)
			continue
		}
		for _, imp := range strings.Fields(imports) {
			first, _, _ := strings.Cut(imp, "/")
			switch {
			case !strings.Contains(first, "."): // the standard library
				if first == "sahifa" && !slices.Contains(ok, imp) {
					t.Errorf("%s imports %s: only %v of Sahifa's own", pkg, imp, ok)
				}
			case first == "charm.land", strings.HasPrefix(imp, "github.com/charmbracelet/"):
			case pkg == "sahifa/ui/lang" && strings.HasPrefix(imp, "golang.org/x/text/"):
			default:
				t.Errorf("%s imports %s", pkg, imp)
			}
		}
	}

	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if g, ok := n.(*ast.GoStmt); ok {
				t.Errorf("%s: a goroutine started in the screen", fset.Position(g.Pos()))
			}
			return true
		})
	}
}
