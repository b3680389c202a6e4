package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"sahifa/corpus/collection"
	"sahifa/corpus/entities"
)

// entitiesCmd implements `sahifa entities`: the people, places and
// organisations each article names (the seeds without PATH), or with
// --conll the tags of tokenised CoNLL text, so that the tagger can be
// scored on a standard data set.
func entitiesCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("entities", stderr,
		"usage: sahifa entities [--json] [PATH...]",
		"       sahifa entities --conll [--window N] [FILE]",
		"Lists each article's named entities (the seeds without PATH): kind, label, mentions as",
		"paragraph:start-end byte offsets, paragraph -1 being the title. With --conll, reads one",
		"token per line (extra columns ignored, a blank line between sentences) from FILE or",
		"standard input and writes each token with its B-/I- PERS, LOC, ORG or MISC tag.",
	)
	asJSON := fs.Bool("json", false, "print one JSON object per article and line")
	conll := fs.Bool("conll", false, "tag CoNLL input instead of reading articles")
	window := fs.Int("window", 30, "with --conll: a name found in a sentence is also tagged where it recurs within the same block\nof this many sentences (blocks never cross a -DOCSTART- line); 1 tags each sentence alone")
	if status, done := parseFlags(fs, args); done {
		return status
	}
	if *conll {
		return tagCoNLL(fs, *window, stdin, stdout)
	}
	if _, err := entities.Default(); err != nil {
		fs.fail(err)
		return 1
	}
	c, ok := load(fs, fs.Args())
	if c == nil {
		return 2
	}
	defer c.Close()
	// The names as the reader shows them once the whole collection has
	// been read through.
	c.Wait(context.Background())
	w := bufio.NewWriter(stdout)
	enc := newJSONLines(w)
	for _, a := range c.Articles() {
		es := c.Entities(a).Entities
		if entities.Partial(a) {
			fmt.Fprintf(stderr, "sahifa entities: %s (%s): names looked for in the first %d KB of its text only\n",
				a.ID, field(a.Path), entities.ReadLimit>>10)
		}
		if *asJSON {
			enc.Encode(entitiesEntry(a, es))
			continue
		}
		fmt.Fprintf(w, "%s\t%s\n", a.ID, orDash(field(a.Title)))
		for _, e := range es {
			fmt.Fprintf(w, "\t%s\t%s\t%d\t", e.Kind, field(e.Label), len(e.Mentions))
			for i, m := range e.Mentions {
				if i > 0 {
					w.WriteByte(' ')
				}
				fmt.Fprintf(w, "%d:%d-%d", m.Para, m.Start, m.End)
			}
			w.WriteByte('\n')
		}
	}
	if err := w.Flush(); err != nil {
		fs.fail(err)
		return 1
	}
	if !ok {
		return 1
	}
	return 0
}

type entitiesJSON struct {
	ID       string       `json:"id"`
	Path     string       `json:"path"`
	Index    int          `json:"index"`
	Title    string       `json:"title"`
	Entities []entityJSON `json:"entities"`
}

type entityJSON struct {
	Kind     string            `json:"kind"`
	Key      string            `json:"key"`
	Label    string            `json:"label"`
	Mentions []collection.Span `json:"mentions"`
}

func entitiesEntry(a *collection.Article, es []collection.Entity) entitiesJSON {
	out := entitiesJSON{ID: a.ID, Path: a.Path, Index: a.Index, Title: a.Title, Entities: []entityJSON{}}
	for _, e := range es {
		out.Entities = append(out.Entities, entityJSON{e.Kind.String(), e.Key, e.Label, e.Mentions})
	}
	return out
}

// tagCoNLL writes `token TAG` for every token of the CoNLL input.
func tagCoNLL(fs *flags, window int, stdin io.Reader, stdout io.Writer) int {
	files := fs.Args()
	if len(files) > 1 {
		fs.say("--conll: one FILE at most")
		return 2
	}
	in := stdin
	if len(files) == 1 && files[0] != "-" {
		f, err := os.Open(files[0])
		if err != nil {
			fs.fail(err)
			return 1
		}
		defer f.Close()
		in = f
	}
	docs, err := entities.ReadCoNLLDocuments(in)
	if err != nil {
		fs.fail(err)
		return 1
	}
	m, err := entities.Default()
	if err != nil {
		fs.fail(err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	for _, doc := range docs {
		for start := 0; start < len(doc); start += max(window, 1) {
			part := doc[start:min(start+max(window, 1), len(doc))]
			toks := make([][]string, len(part))
			for i, s := range part {
				toks[i] = s.Tokens
			}
			for i, tags := range m.TagDocument(toks) {
				for k, tok := range toks[i] {
					fmt.Fprintf(w, "%s %s\n", field(tok), tags[k])
				}
				w.WriteByte('\n')
			}
		}
	}
	if err := w.Flush(); err != nil {
		fs.fail(err)
		return 1
	}
	return 0
}
