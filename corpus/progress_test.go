package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadCountsBytes checks that a load reports the bytes of the files it
// found and read, that they only grow, and that they meet at the end, a
// file it refuses included.
func TestLoadCountsBytes(t *testing.T) {
	dir := t.TempDir()
	var total int64
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		total += int64(len(text))
	}
	var lines strings.Builder
	for i := range 300 {
		lines.WriteString(`{"title":"خبر ` + strings.Repeat("ب", i%7+1) + `","content":"نص الخبر رقم ` + strings.Repeat("ج", i) + `"}` + "\n")
	}
	write("a.jsonl", lines.String())
	write("b.txt", "عنوان\n\nنص قصير.\n")
	write("c.json", "[{\"title\": ")
	var last Batch
	var read int64
	for b := range Load(context.Background(), []string{dir}) {
		if b.BytesRead < read || b.BytesRead > b.BytesFound {
			t.Fatalf("bytes read went from %d to %d of %d", read, b.BytesRead, b.BytesFound)
		}
		read = b.BytesRead
		last = b
	}
	if !last.Done || last.BytesFound != total || last.BytesRead != total {
		t.Fatalf("last batch: done %v, %d of %d bytes read, want %d", last.Done, last.BytesRead, last.BytesFound, total)
	}
}
