package main

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"sahifa/corpus/entities/conll"
	"sahifa/corpus/entities/internal/training"
)

// errorReport sorts the tagger's mistakes on the test sentences into kinds
// — a name missed, one found where there is none, right span of the wrong
// type, right type with the wrong edges — and lists the most frequent of
// each, which is what tells the next thing to try.
func errorReport(w io.Writer, m training.Model, train, test []conll.Sentence, top int) {
	// Names of the training part, to tell the names the model could have
	// learnt from those it can only guess.
	seen := map[string]bool{}
	for _, s := range train {
		for _, c := range conll.Chunks(s.Tags) {
			seen[strings.Join(s.Tokens[c.Start:c.End], " ")] = true
		}
	}
	recall := map[string]*[2][2]int{} // type → [seen][found exactly]
	type key struct{ gold, pred string }
	confusion := map[key]int{}   // exact-span pairs, "-" for none
	kinds := map[string]int{}    // error class → count
	missed := map[string]int{}   // "TYPE text" → count
	spurious := map[string]int{} // "TYPE text" → count
	boundary := map[string]int{} // "TYPE gold ≠ pred" → count
	orgFirst := map[string]int{} // first word of a missed or mis-cut ORG
	text := func(s conll.Sentence, c conll.Chunk) string {
		return strings.Join(s.Tokens[c.Start:c.End], " ")
	}
	overlaps := func(a, b conll.Chunk) bool { return a.Start < b.End && b.Start < a.End }
	for i := 0; i < len(test); i += max(docSize, 1) {
		doc := test[i:min(i+max(docSize, 1), len(test))]
		toks := make([][]string, len(doc))
		for k, s := range doc {
			toks[k] = s.Tokens
		}
		for k, tags := range m.TagDocument(toks) {
			s := doc[k]
			gold, pred := conll.Chunks(s.Tags), conll.Chunks(tags)
			usedP := make([]bool, len(pred))
			for _, g := range gold {
				if g.Type != "MISC" {
					sn := 0
					if seen[text(s, g)] {
						sn = 1
					}
					ok := 0
					for _, p := range pred {
						if p == g {
							ok = 1
						}
					}
					if recall[g.Type] == nil {
						recall[g.Type] = new([2][2]int)
					}
					recall[g.Type][sn][ok]++
				}
				match := -1
				for j, p := range pred {
					if overlaps(g, p) && (match < 0 || p.Start == g.Start && p.End == g.End) {
						match = j
					}
				}
				if match < 0 {
					kinds["missed"]++
					confusion[key{g.Type, "-"}]++
					missed[g.Type+" "+text(s, g)]++
					if g.Type == "ORG" {
						orgFirst[s.Tokens[g.Start]]++
					}
					continue
				}
				p := pred[match]
				usedP[match] = true
				exact := p.Start == g.Start && p.End == g.End
				switch {
				case exact && p.Type == g.Type:
					kinds["correct"]++
				case exact:
					kinds["type"]++
				case p.Type == g.Type:
					kinds["boundary"]++
					boundary[g.Type+" "+text(s, g)+" ≠ "+text(s, p)]++
				default:
					kinds["type+boundary"]++
				}
				if exact {
					confusion[key{g.Type, p.Type}]++
				}
				if g.Type == "ORG" && !(exact && p.Type == g.Type) {
					orgFirst[s.Tokens[g.Start]]++
				}
			}
			for j, p := range pred {
				if !usedP[j] {
					overlap := false
					for _, g := range gold {
						overlap = overlap || overlaps(g, p)
					}
					if !overlap {
						kinds["spurious"]++
						confusion[key{"-", p.Type}]++
						spurious[p.Type+" "+text(s, p)]++
					}
				}
			}
		}
	}
	fmt.Fprintln(w, "gold names by outcome (a found name overlapping a gold one is matched to it):")
	for _, k := range []string{"correct", "boundary", "type", "type+boundary", "missed", "spurious"} {
		fmt.Fprintf(w, "  %-14s %5d\n", k, kinds[k])
	}
	fmt.Fprintln(w, "recall of names seen in training as names and of the others:")
	for _, t := range []string{"PERS", "LOC", "ORG"} {
		r := recall[t]
		if r == nil {
			continue
		}
		fmt.Fprintf(w, "  %-5s", t)
		for sn, what := range []string{"unseen", "seen"} {
			fmt.Fprintf(w, "  %s %4d %5.1f%%", what, r[sn][0]+r[sn][1], 100*float64(r[sn][1])/float64(max(1, r[sn][0]+r[sn][1])))
		}
		fmt.Fprintln(w)
	}
	types := []string{"PERS", "LOC", "ORG", "MISC", "-"}
	fmt.Fprintln(w, "exact-span confusion (rows gold, columns found; - none):")
	fmt.Fprintf(w, "  %-5s", "")
	for _, t := range types {
		fmt.Fprintf(w, "%6s", t)
	}
	fmt.Fprintln(w)
	for _, g := range types {
		fmt.Fprintf(w, "  %-5s", g)
		for _, p := range types {
			fmt.Fprintf(w, "%6d", confusion[key{g, p}])
		}
		fmt.Fprintln(w)
	}
	list := func(title string, counts map[string]int) {
		fmt.Fprintf(w, "%s (%d kinds, %d in all):\n", title, len(counts), sum(counts))
		ks := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
			return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a, b))
		})
		for _, k := range ks[:min(top, len(ks))] {
			fmt.Fprintf(w, "  %4d  %s\n", counts[k], k)
		}
	}
	list("most missed", missed)
	list("most spurious", spurious)
	list("wrong edges", boundary)
	list("first words of ORG names missed or wrong", orgFirst)
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
