package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"sahifa/corpus/collection"
	"sahifa/ui/lang"
)

// TestArabicCatalogComplete: every text the screen and the commands print
// through the catalog has an Arabic wording: the literal keys given to the
// printer, to key help and to the guide in the sources of ui and ui/cli,
// and the texts held in tables.
func TestArabicCatalogComplete(t *testing.T) {
	keys := map[string]string{} // key → where
	for _, k := range sourceKeys(t) {
		keys[k.text] = k.where
	}
	for _, s := range kindTitle {
		keys[s] = "kindTitle"
	}
	for _, s := range dateFrom {
		if s != "" {
			keys[s] = "dateFrom"
		}
	}
	for _, s := range reasonWords {
		keys[s] = "reasonWords"
	}
	for _, s := range sortCycle {
		keys[s.label] = "sortCycle"
	}
	for g := grainDay; g <= grainYear; g++ {
		keys[g.String()] = "grain"
	}
	for _, h := range terminalHints {
		keys[h.hint] = "terminalHints"
	}
	for _, j := range []string{collection.JobLoad, collection.JobNames, collection.JobCheck} {
		keys[j] = "collection's jobs"
	}
	for _, s := range ownFrom {
		if s != "" {
			keys[s] = "ownFrom"
		}
	}
	for _, s := range []string{"same source", "all sources", "same category", "all categories"} { // updateKeys
		keys[s] = "updateKeys"
	}
	var missing []string
	for k, where := range keys {
		if !lang.Known(lang.Arabic, k) {
			missing = append(missing, strconv.Quote(k)+" ("+where+")")
		}
	}
	slices.Sort(missing)
	if len(missing) > 0 {
		t.Errorf("%d texts have no Arabic:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// verb matches fmt's verbs, which are no words to translate.
var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

type sourceKey struct{ text, where string }

// sourceKeys returns the string literals given as a text to the printer
// (Sprintf, Text), as help to a key binding (bind, WithHelp, SetHelp), to
// the guide (note, section), or returned by a panel's enterHelp.
func sourceKeys(t *testing.T) []sourceKey {
	var out []sourceKey
	files, _ := filepath.Glob("*.go")
	cli, _ := filepath.Glob("cli/*.go")
	main, _ := filepath.Glob("../*.go") // package main's own messages
	cli = append(cli, main...)
	fset := token.NewFileSet()
	for _, name := range append(files, cli...) {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		lit := func(e ast.Expr) {
			if s, ok := constantString(e); ok && strings.ContainsFunc(verb.ReplaceAllString(s, ""), unicode.IsLetter) {
				out = append(out, sourceKey{s, fset.Position(e.Pos()).String()})
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				var fn string
				var recv ast.Expr
				switch f := n.Fun.(type) {
				case *ast.Ident:
					fn = f.Name
				case *ast.SelectorExpr:
					fn, recv = f.Sel.Name, f.X
				}
				arg := -1
				switch fn {
				case "Sprintf", "Text":
					if isPrinter(recv) {
						arg = 0
					}
				case "bind", "WithHelp", "SetHelp":
					arg = 1
				case "note", "section", "say", "fault":
					arg = 0
				case "Bool", "String", "Int", "Var":
					if isFlagSet(recv) {
						arg = 2
					}
				case "BoolVar", "StringVar", "IntVar":
					if isFlagSet(recv) {
						arg = 3
					}
				case "newFlags":
					// The usage lines that are not the syntax make one text.
					var about []string
					for _, e := range n.Args[min(2, len(n.Args)):] {
						if s, ok := constantString(e); ok && !strings.HasPrefix(s, "usage: ") && !strings.HasPrefix(s, " ") {
							about = append(about, s)
						}
					}
					if len(about) > 0 {
						out = append(out, sourceKey{strings.Join(about, "\n"), fset.Position(n.Pos()).String()})
					}
				}
				if arg >= 0 && arg < len(n.Args) {
					lit(n.Args[arg])
				}
			case *ast.KeyValueExpr:
				if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Summary" {
					lit(n.Value) // a command's line in sahifa -h
				}
			case *ast.FuncDecl:
				if n.Name.Name == "enterHelp" && n.Body != nil {
					ast.Inspect(n.Body, func(m ast.Node) bool {
						if r, ok := m.(*ast.ReturnStmt); ok {
							for _, e := range r.Results {
								lit(e)
								if c, ok := e.(*ast.IndexExpr); ok {
									if cl, ok := c.X.(*ast.CompositeLit); ok {
										for _, e := range cl.Elts {
											lit(e)
										}
									}
								}
							}
						}
						return true
					})
				}
			}
			return true
		})
	}
	if len(out) < 50 {
		t.Fatalf("only %d texts found in the sources: the scan is broken", len(out))
	}
	return out
}

// constantString returns the string e spells, a literal or literals
// joined with +.
func constantString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			x, ok1 := constantString(e.X)
			y, ok2 := constantString(e.Y)
			return x + y, ok1 && ok2
		}
	}
	return "", false
}

// isFlagSet reports whether e names a flag set as the sources do: fs.
func isFlagSet(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "fs"
}

// isPrinter reports whether e names a *lang.Printer as the sources do: tr,
// or a field tr of something.
func isPrinter(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "tr"
	case *ast.SelectorExpr:
		return e.Sel.Name == "tr"
	}
	return false
}
