package corpus

import (
	"math/rand/v2"
	"testing"
)

// TestReadingOrderInterleaved feeds readingOrder the chunks of several
// files interleaved at random, each file's chunks in order, as readers
// running side by side hand them over: the articles always come out in
// reading order.
func TestReadingOrderInterleaved(t *testing.T) {
	const files, chunksPerFile = 6, 3
	rnd := rand.New(rand.NewPCG(1, 2))
	for run := range 200 {
		var queues [files][]chunk
		want := 0
		for f := range files {
			for c := range chunksPerFile {
				ch := chunk{seq: f, done: c == chunksPerFile-1}
				if (f+c)%4 != 0 { // some chunks hold no article
					ch.articles = []built{{a: &Article{Index: want}}}
					want++
				}
				queues[f] = append(queues[f], ch)
			}
		}
		var o readingOrder
		var got []built
		for left := files * chunksPerFile; left > 0; left-- {
			f := rnd.IntN(files)
			for len(queues[f]) == 0 {
				f = (f + 1) % files
			}
			got = append(got, o.add(queues[f][0])...)
			if run%2 == 0 {
				got = append(got, o.add(chunk{seq: -1})...) // the walker's problems
			}
			queues[f] = queues[f][1:]
		}
		got = append(got, o.rest()...)
		if len(got) != want {
			t.Fatalf("run %d: %d articles out, want %d", run, len(got), want)
		}
		for i, b := range got {
			if b.a.Index != i {
				t.Fatalf("run %d: article %d out at %d", run, b.a.Index, i)
			}
		}
	}
}
