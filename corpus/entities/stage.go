package entities

import "strings"

// Two-stage tagging (Krishnan & Manning 2006, "An effective two-stage model
// for exploiting non-local dependencies in named entity recognition"): a
// first model tags each sentence of a document on its own; a second model
// then tags it again, knowing also what the first said about the same
// word and the same name elsewhere in the document. The second learns
// from the first's output on data the first did not learn from (the
// training data is cut into parts, each tagged by a first model trained
// on the others), so that it learns to trust those votes only as far as
// they hold.

// nStage is how many document features a token has at most.
const nStage = 2

// stageVotes counts how the first stage tagged a word or a name in a
// document: O, then per Kind.
type stageVotes [nKinds + 1]int

// majority returns the kind most often given among the names, and whether
// the names outnumber the times the word was left outside one.
func (v *stageVotes) majority() (Kind, bool, bool) {
	best, kind := 0, Kind(0)
	names := 0
	for k := 0; k < nKinds; k++ {
		names += v[1+k]
		if v[1+k] > best {
			best, kind = v[1+k], Kind(k)
		}
	}
	return kind, best > 0, names > v[0]
}

// stageFeatures returns, per sentence and token of a document, the
// features the second stage adds: the majority label the first stage gave
// the token's core elsewhere in the document (token majority), and the
// majority label of the longest name the first stage found in the
// document that covers the token here, with the token's place in it
// (entity majority). stems are the sentences' folded cores, tags the first
// stage's tags.
func stageFeatures(stems [][]string, tags [][]int) [][][nStage]uint64 {
	tok := map[string]*stageVotes{}
	ents := map[string]*stageVotes{}
	byFirst := map[string][][]string{}
	for si, st := range stems {
		for i, w := range st {
			v := tok[w]
			if v == nil {
				v = new(stageVotes)
				tok[w] = v
			}
			k := 0
			if tags[si][i] != 0 {
				k = 1 + int(kindOfTag(tags[si][i]))
			}
			v[k]++
		}
		for _, c := range chunksOf(tags[si]) {
			words := st[c.first : c.last+1]
			key := strings.Join(words, " ")
			v := ents[key]
			if v == nil {
				v = new(stageVotes)
				ents[key] = v
				byFirst[words[0]] = append(byFirst[words[0]], words)
			}
			v[1+int(c.kind)]++
		}
	}
	out := make([][][nStage]uint64, len(stems))
	for si, st := range stems {
		f := make([][nStage]uint64, len(st))
		covered := make([]int, len(st)) // length of the longest name over the token
		for i, w := range st {
			if kind, ok, most := tok[w].majority(); ok {
				f[i][0] = mix(tStageTok, uint64(kind)<<1|b2u(most))
			}
			for _, words := range byFirst[w] {
				if i+len(words) > len(st) || !equalWords(st[i:i+len(words)], words) {
					continue
				}
				kind, _, _ := ents[strings.Join(words, " ")].majority()
				for j := range words {
					if len(words) <= covered[i+j] {
						continue
					}
					covered[i+j] = len(words)
					pos := posInside
					switch {
					case len(words) == 1:
						pos = posUnit
					case j == 0:
						pos = posBegin
					case j == len(words)-1:
						pos = posLast
					}
					f[i+j][1] = mix(tStageEnt, uint64(tagOf(kind, pos)))
				}
			}
		}
		out[si] = f
	}
	return out
}

func equalWords(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}
