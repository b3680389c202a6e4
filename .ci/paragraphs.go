//go:build ignore

// Paragraphs prints every paragraph of the SaudiNewsNet files in a folder,
// one a line, as bidi's tests read them (each article's content cut at
// '\n', a '\r' before it dropped): the input of .ci/bench-render.
//
//	go run .ci/paragraphs.go ../shared/data/saudinewsnet > paragraphs.txt
package main

import (
	"bufio"
	"encoding/json"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run .ci/paragraphs.go DIR")
	}
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.json"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no .json files in %s", os.Args[1])
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		var arts []struct{ Content string }
		if err := json.Unmarshal(b, &arts); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		for _, a := range arts {
			for _, p := range strings.Split(a.Content, "\n") {
				out.WriteString(strings.TrimSuffix(p, "\r"))
				out.WriteByte('\n')
			}
		}
	}
}
