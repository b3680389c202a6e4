package search

import (
	"cmp"
	"maps"
	"slices"

	"sahifa/corpus/arabic"
)

// span is a match in position space: words [start, end) of a document.
type span struct{ start, end uint32 }

// matches works out the matches of the documents in best from the
// positions the index holds, so that only the paragraphs holding a match
// are cut into words again. It picks matches as find does: at each word the
// longest clause that matches there, then on after it. The caller holds
// ix.mu for reading.
func (ix *Index) matches(s *scratch, clauses []*clause, terms [][][]termRef, best []uint32) [][]Match {
	if len(best) == 0 {
		return nil
	}
	slot := make(map[uint32]int, len(best))
	for i, d := range best {
		slot[d] = i
	}
	// pos[hit][clause][word]: the positions of the word's terms.
	pos := make([][][][]uint32, len(best))
	for h := range pos {
		pos[h] = make([][][]uint32, len(clauses))
		for ci, c := range clauses {
			pos[h][ci] = make([][]uint32, len(c.words))
		}
	}
	sorted := slices.Sorted(maps.Keys(slot))
	for ci := range clauses {
		for wi, ts := range terms[ci] {
			for _, t := range ts {
				cur := cursor{data: ix.post[t.id].data, skips: ix.skips[t.id]}
				for _, d := range sorted {
					if !cur.seek(d) {
						break
					}
					if cur.doc == d {
						h := slot[d]
						pos[h][ci][wi] = appendPositions(pos[h][ci][wi], cur.data, cur.pos, cur.npos)
					}
				}
			}
		}
	}
	out := make([][]Match, len(best))
	var spans []span
	var toks []arabic.Token
	var folded []byte
	for h, d := range best {
		spans = spans[:0]
		for _, ws := range pos[h] {
			for _, p := range ws {
				slices.Sort(p)
			}
			for _, p := range ws[0] {
				ok := true
				for wi := 1; wi < len(ws) && ok; wi++ {
					_, ok = slices.BinarySearch(ws[wi], p+uint32(wi))
				}
				if ok {
					spans = append(spans, span{p, p + uint32(len(ws))})
				}
			}
		}
		slices.SortFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })
		info := &ix.docs[d]
		para, text, first := -2, "", uint32(0)
		next := uint32(0)
		// The words of the current paragraph are cut only as far as the
		// last match needs: toks holds its first len(toks) words.
		at := 0 // where the next word of the paragraph is looked for
		word := func(i int) (arabic.Token, bool) {
			for len(toks) <= i {
				t, ok := arabic.NextWord(text, at)
				if !ok {
					return t, false
				}
				at = t.End
				if folded = arabic.AppendFold(folded[:0], text[t.Start:t.End]); noWord(text[t.Start:t.End], folded) {
					continue // no position in the index either
				}
				toks = append(toks, t)
			}
			return toks[i], true
		}
		for _, sp := range spans {
			if sp.start < next {
				continue
			}
			next = sp.end
			k := -1 // the title
			start := uint32(0)
			if sp.start >= info.lenT {
				k, _ = slices.BinarySearch(info.paras, sp.start+1)
				k--
				if k < 0 {
					continue
				}
				start = info.paras[k]
			}
			if k != para {
				para, text, first = k, textOf(info.a, k), start
				toks, at = toks[:0], 0
			}
			a, b := int(sp.start-first), int(sp.end-first)
			ta, ok1 := word(a)
			tb, ok2 := word(b - 1)
			if !ok1 || !ok2 || a >= b {
				continue // cannot happen while text and index agree
			}
			out[h] = append(out[h], Match{Para: k, Start: ta.Start, End: tb.End})
		}
	}
	return out
}
