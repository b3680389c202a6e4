package brown

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// ami is the average mutual information between adjacent clusters of the
// window, computed from the words' bigrams as Brown et al. define it,
// with cluster of a word given by slot.
func ami(c *clusterer, slot func(w int32) int32) float64 {
	k := c.nSlots
	pl := make([]float64, k)
	pr := make([]float64, k)
	p2 := make([]float64, k*k)
	for w := int32(0); int(w) < c.nWords; w++ {
		a := slot(w)
		if a < 0 {
			continue
		}
		pl[a] += c.uniL[w] / c.total
		pr[a] += c.uniR[w] / c.total
		for _, e := range c.right[w] {
			if b := slot(e.w); b >= 0 {
				p2[int(a)*k+int(b)] += e.n / c.total
			}
		}
	}
	sum := 0.0
	for x := 0; x < k; x++ {
		for y := 0; y < k; y++ {
			sum += mi(p2[x*k+y], pl[x], pr[y])
		}
	}
	return sum
}

// checkLosses compares every live pair's kept loss with the fall in
// mutual information that merging the pair brings, computed afresh.
func checkLosses(t *testing.T, c *clusterer, step string) {
	t.Helper()
	k := c.nSlots
	now := ami(c, func(w int32) int32 { return c.slotOf[w] })
	for x := 0; x < k; x++ {
		for y := x + 1; y < k; y++ {
			if !c.live[x] || !c.live[y] {
				continue
			}
			merged := ami(c, func(w int32) int32 {
				if s := c.slotOf[w]; s != int32(y) {
					return s
				}
				return int32(x)
			})
			if want := now - merged; math.Abs(c.l[x*k+y]-want) > 1e-9 {
				t.Fatalf("%s: loss of merging %d and %d = %g, want %g", step, x, y, c.l[x*k+y], want)
			}
		}
	}
}

func randomText(seed uint64, sentences, vocab int) [][]string {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([][]string, sentences)
	for i := range out {
		n := 3 + r.IntN(8)
		for j := 0; j < n; j++ {
			// A skewed choice, so that counts differ.
			w := int(float64(vocab) * r.Float64() * r.Float64())
			out[i] = append(out[i], fmt.Sprint("w", w))
		}
	}
	return out
}

// TestLossesMatchDefinition follows the algorithm step by step on random
// text and checks, after every word enters and every merge, that the
// losses it keeps incrementally are those of the definition.
func TestLossesMatchDefinition(t *testing.T) {
	text := randomText(7, 60, 25)
	counts := map[string]int{}
	for _, s := range text {
		for _, w := range s {
			counts[w]++
		}
	}
	ids := map[string]int32{}
	var words []string
	for w := range counts {
		words = append(words, w)
	}
	// Any order will do for this test.
	for _, w := range words {
		ids[w] = int32(len(ids))
	}
	c := newClusterer(len(words), 5)
	for _, s := range text {
		for i := 1; i < len(s); i++ {
			c.addBigram(ids[s[i-1]], ids[s[i]])
		}
	}
	for w := 0; w < c.nWords; w++ {
		c.enter(int32(w), c.freeSlot())
		checkLosses(t, c, fmt.Sprint("enter ", w))
		if c.liveCount() == c.nSlots {
			c.mergeBest()
			checkLosses(t, c, fmt.Sprint("merge after ", w))
		}
	}
	for c.liveCount() > 1 {
		c.mergeBest()
		checkLosses(t, c, "final merge")
	}
}

// TestClusterGroupsAlikeWords checks that words used in the same
// contexts end up closer in the hierarchy than words used differently.
func TestClusterGroupsAlikeWords(t *testing.T) {
	var text [][]string
	r := rand.New(rand.NewPCG(3, 3))
	animals := []string{"cat", "dog", "cow", "hen"}
	cities := []string{"paris", "rome", "cairo", "riyadh"}
	verbs := []string{"runs", "sleeps", "eats"}
	for i := 0; i < 400; i++ {
		a := animals[r.IntN(len(animals))]
		c := cities[r.IntN(len(cities))]
		v := verbs[r.IntN(len(verbs))]
		text = append(text, strings.Fields("the "+a+" "+v+" in "+c))
	}
	paths := Cluster(text, Options{Clusters: 6, MinCount: 1})
	common := func(a, b string) int {
		pa, pb := paths[a], paths[b]
		n := 0
		for n < int(min(pa.Len, pb.Len)) && pa.Prefix(n+1) == pb.Prefix(n+1) {
			n++
		}
		return n
	}
	for _, group := range [][]string{animals, cities} {
		other := cities
		if group[0] == cities[0] {
			other = animals
		}
		for _, a := range group {
			for _, b := range group {
				if paths[a] != paths[b] {
					t.Errorf("%s %v and %s %v are in different clusters", a, paths[a], b, paths[b])
				}
			}
			if paths[a] == paths[other[0]] {
				t.Errorf("%s and %s share cluster %v", a, other[0], paths[a])
			}
		}
	}
	if common("cat", "paris") >= int(paths["cat"].Len) {
		t.Errorf("cat %v and paris %v share the whole path", paths["cat"], paths["paris"])
	}
}

// TestClusterIsDeterministic checks that the same text gives the same
// paths, whatever the order of Go's maps.
func TestClusterIsDeterministic(t *testing.T) {
	text := randomText(11, 300, 200)
	a := Cluster(text, Options{Clusters: 16})
	for i := 0; i < 3; i++ {
		b := Cluster(text, Options{Clusters: 16})
		if len(a) != len(b) {
			t.Fatalf("run %d: %d words, want %d", i, len(b), len(a))
		}
		for w, p := range a {
			if b[w] != p {
				t.Fatalf("run %d: %s has path %v, want %v", i, w, b[w], p)
			}
		}
	}
}

func TestPath(t *testing.T) {
	p := Path{Bits: 0b1011, Len: 4}
	if got := p.String(); got != "1011" {
		t.Errorf("String() = %q, want 1011", got)
	}
	if got := p.Prefix(2); got != (Path{Bits: 0b10, Len: 2}) {
		t.Errorf("Prefix(2) = %v, want 10", got)
	}
	if got := p.Prefix(9); got != p {
		t.Errorf("Prefix(9) = %v, want the whole path", got)
	}
}

func BenchmarkCluster(b *testing.B) {
	text := randomText(5, 4000, 3000)
	for b.Loop() {
		Cluster(text, Options{Clusters: 128})
	}
}
