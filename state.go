package main

import (
	"path/filepath"
	"strings"

	"sahifa/corpus/marks"
	"sahifa/ui"
	"sahifa/ui/lang"
)

// openMarks opens the reader's marks in Sahifa's state folder. It returns
// nil, keeping marks for this run only, when there is no state folder or
// it lies inside one of the folders being read: Sahifa writes nothing
// among the user's files. The message, if any, is for the status line.
func openMarks(paths []string, getenv func(string) string, tr *lang.Printer) (ui.Marks, string) {
	path := marks.DefaultPath(getenv)
	if path == "" {
		return nil, tr.Text("marks kept for this run only: set XDG_STATE_HOME or HOME to keep them")
	}
	for _, p := range paths {
		if within(path, p) {
			return nil, tr.Sprintf("marks kept for this run only: the state folder %s is inside %s", filepath.Dir(path), p)
		}
	}
	s, err := marks.Open(path)
	if err != nil {
		return s, err.Error()
	}
	return s, ""
}

// within reports whether path is dir or lies under it.
func within(path, dir string) bool {
	a, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	if real, err := filepath.EvalSymlinks(d); err == nil {
		d = real
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(a)); err == nil {
		a = filepath.Join(real, filepath.Base(a))
	}
	rel, err := filepath.Rel(d, a)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
