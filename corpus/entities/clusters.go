package entities

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"sahifa/corpus/arabic"
	"sahifa/corpus/entities/brown"
)

// Word clusters let the tagger generalise from the words it learnt to
// words that keep the same company in text (Miller, Guinness & Zamanian
// 2004; Ratinov & Roth 2009): a word the training data never tagged still
// falls in the cluster of names it did. The model keeps a Brown cluster
// path for each folded word of the text it was trained on, and weighs
// prefixes of the paths of a word and its neighbours.

// clusterPrefixes are the prefix lengths of a path the tagger weighs, the
// last standing for the whole path (Ratinov & Roth 2009 use 4, 6, 10 and
// 20 bits).
var clusterPrefixes = [...]int{4, 6, 10, 64}

// clusters returns the Brown cluster paths (package brown) of the folded
// words of the sentences.
func clusters(sentences [][]string, opt brown.Options) map[string]brown.Path {
	folded := make([][]string, len(sentences))
	for i, s := range sentences {
		folded[i] = make([]string, len(s))
		for k, t := range s {
			folded[i][k] = arabic.Fold(t)
		}
	}
	return brown.Cluster(folded, opt)
}

// tokens returns the words and marks of text as the tagger reads them:
// words as arabic.Tokens finds them, and each mark of punctuation between
// them as a token of its own, the way ANERcorp is written.
func tokens(text string) []string {
	var out []string
	for _, t := range appendTokens(nil, text, 0) {
		out = append(out, text[t.start:t.end])
	}
	return out
}

// writeClusters writes paths as Liang's wcluster does: a line per word
// with its path in 0s and 1s, a tab and the word, in order of path then
// word.
func writeClusters(w io.Writer, paths map[string]brown.Path) error {
	words := sortedWords(paths)
	bw := bufio.NewWriter(w)
	for _, word := range words {
		fmt.Fprintf(bw, "%s\t%s\n", paths[word], word)
	}
	return bw.Flush()
}

// readClusters reads paths written by writeClusters or by Liang's wcluster
// maxLineBytes bounds one line of a cluster table, so that a file without
// newlines cannot take all memory.
const maxLineBytes = 1 << 20

// (whose third column, a count, is ignored); words are folded.
func readClusters(r io.Reader) (map[string]brown.Path, error) {
	out := map[string]brown.Path{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLineBytes)
	for line := 1; sc.Scan(); line++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || len(f[0]) == 0 {
			return nil, fmt.Errorf("entities: clusters: line %d: want path, tab, word", line)
		}
		bits := f[0][:min(len(f[0]), 64)]
		v, err := strconv.ParseUint(bits, 2, 64)
		if err != nil {
			return nil, fmt.Errorf("entities: clusters: line %d: %v", line, err)
		}
		word := arabic.Fold(f[1])
		if word == "" || strings.ContainsFunc(word, notInToken) {
			// No token is empty or holds a space or a control: such a
			// line names nothing, and a word ending in CR would not
			// read back as written.
			continue
		}
		out[word] = brown.Path{Bits: v, Len: uint8(len(bits))}
	}
	return out, sc.Err()
}

// notInToken reports whether r never appears in a token.
func notInToken(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// sortedWords returns the words of paths by path, then word, which keeps
// a cluster's words together and compresses well.
func sortedWords(paths map[string]brown.Path) []string {
	words := make([]string, 0, len(paths))
	for w := range paths {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		pa, pb := paths[a], paths[b]
		return cmp.Or(cmp.Compare(pa.String(), pb.String()), cmp.Compare(a, b))
	})
	return words
}

// writeClusterTable writes paths in the model file: the count of
// distinct paths, each path, then the count of words and per word its
// path's number and the word.
func writeClusterTable(w io.Writer, paths map[string]brown.Path) {
	put := func(v uint64) { w.Write(binary.AppendUvarint(nil, v)) }
	words := sortedWords(paths)
	var distinct []brown.Path
	for _, word := range words {
		if p := paths[word]; len(distinct) == 0 || distinct[len(distinct)-1] != p {
			distinct = append(distinct, p)
		}
	}
	put(uint64(len(distinct)))
	for _, p := range distinct {
		put(p.Bits)
		put(uint64(p.Len))
	}
	put(uint64(len(words)))
	k := 0
	for _, word := range words {
		for distinct[k] != paths[word] {
			k++
		}
		put(uint64(k))
		put(uint64(len(word)))
		io.WriteString(w, word)
	}
}

var errClusters = errors.New("entities: model: bad cluster table")

func readClusterTable(r *bufio.Reader) (map[string]brown.Path, error) {
	get := func() (uint64, error) { return binary.ReadUvarint(r) }
	n, err := get()
	if err != nil || n > 1<<16 {
		return nil, errClusters
	}
	var distinct []brown.Path // not sized by n: a bad file could ask for any size
	for range n {
		bits, err1 := get()
		l, err2 := get()
		if err1 != nil || err2 != nil || l > 64 {
			return nil, errClusters
		}
		distinct = append(distinct, brown.Path{Bits: bits, Len: uint8(l)})
	}
	if n, err = get(); err != nil || n > 1<<24 {
		return nil, errClusters
	}
	out := map[string]brown.Path{} // not sized by n: a bad file could ask for any size
	for ; n > 0; n-- {
		k, err1 := get()
		l, err2 := get()
		if err1 != nil || err2 != nil || k >= uint64(len(distinct)) || l > 1<<12 {
			return nil, errClusters
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, errClusters
		}
		out[string(b)] = distinct[k]
	}
	return out, nil
}

// clusterHashes returns, per prefix length of clusterPrefixes, the hash
// of path p's prefix; zero for a word without a cluster.
func clusterHashes(p brown.Path, ok bool) [len(clusterPrefixes)]uint64 {
	var h [len(clusterPrefixes)]uint64
	if !ok {
		return h
	}
	for i, n := range clusterPrefixes {
		q := p.Prefix(n)
		h[i] = nonZero(mix(uint64(q.Len), q.Bits))
	}
	return h
}
