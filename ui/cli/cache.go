package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"sahifa/corpus/collection"
)

// cacheCmd implements `sahifa cache`: where the caches are and what they
// take, and `sahifa cache clear`, which removes them.
func cacheCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("cache", stderr,
		"usage: sahifa cache [clear]",
		"Says where the caches of opened collections are kept and their size; clear removes them.",
		"They are rebuilt the next time a collection is opened.",
	)
	if status, done := parseFlags(fs, args); done {
		return status
	}
	dir, err := collection.CacheDir()
	if err != nil {
		fs.fail(err)
		return 1
	}
	switch fs.Arg(0) {
	case "":
		files, _ := filepath.Glob(filepath.Join(dir, "*.cache"))
		var size int64
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil {
				size += fi.Size()
			}
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", dir, fs.tr.Sprintf("%d collections", len(files)), fs.tr.Sprintf("%.1f MB", float64(size)/(1<<20)))
		return 0
	case "clear":
		n, err := collection.ClearCache(dir)
		if err != nil {
			fmt.Fprintf(stderr, "sahifa cache clear: %s\n", fault(fs.tr, err))
			return 1
		}
		fmt.Fprintln(stdout, fs.tr.Sprintf("removed %d files from %s", n, dir))
		return 0
	}
	fs.Usage()
	return 2
}
