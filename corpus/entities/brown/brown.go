// Package brown groups words into a binary hierarchy of clusters by the
// words that follow and precede them (Brown et al. 1992, "Class-based
// n-gram models of natural language"), so that a tagger can generalise
// from a word it learnt to words that occur in the same company.
//
// Cluster follows Liang's variant (Liang 2005, "Semi-supervised learning
// for natural language", §3.1): words enter in order of decreasing
// frequency into a window of at most C clusters; each time the window
// overflows, the two clusters whose merge loses the least average mutual
// information between adjacent clusters are merged. The C clusters left
// at the end are then merged down to one, and the order of those merges is
// the hierarchy: a word's path is the sequence of left (0) and right (1)
// turns from the root to its cluster, so that prefixes of the path name
// coarser clusters. Keeping every pair's loss current costs O(C²) per
// word, O(V·C²) in all.
package brown

import (
	"cmp"
	"math"
	"slices"
)

// Options controls Cluster. Zero values take the defaults.
type Options struct {
	Clusters int // C, the most clusters at a time; default 256
	MinCount int // words seen fewer times are left out; default 2
}

// Path is a cluster's place in the hierarchy: its first Len turns from the
// root, the first turn in the highest bit of Bits.
type Path struct {
	Bits uint64
	Len  uint8
}

// Prefix returns the first n turns of p, or p when it has fewer.
func (p Path) Prefix(n int) Path {
	if n >= int(p.Len) {
		return p
	}
	return Path{Bits: p.Bits >> (int(p.Len) - n), Len: uint8(n)}
}

// String returns the path as a string of 0s and 1s, as Liang's wcluster
// writes it.
func (p Path) String() string {
	b := make([]byte, p.Len)
	for i := range b {
		b[i] = '0' + byte(p.Bits>>(int(p.Len)-1-i)&1)
	}
	return string(b)
}

// boundary stands for the gap between two sentences; no token is empty.
const boundary = ""

// maxDepth is the longest path kept; deeper turns are dropped, which only
// joins clusters already alike in their first 64 turns.
const maxDepth = 64

// Cluster returns the path of every word seen at least MinCount times in
// the sentences. Equal inputs give equal paths.
func Cluster(sentences [][]string, opt Options) map[string]Path {
	if opt.Clusters <= 1 {
		opt.Clusters = 256
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 2
	}
	// A sentence's first word follows, and its last word precedes, the
	// boundary between sentences, which is clustered as a word of its own
	// and left out of the result: without it, words that open or close
	// sentences would seem to have no company.
	counts := map[string]int{boundary: len(sentences) + 1}
	for _, s := range sentences {
		for _, w := range s {
			counts[w]++
		}
	}
	words := make([]string, 0, len(counts))
	for w, n := range counts {
		if n >= opt.MinCount {
			words = append(words, w)
		}
	}
	// Most frequent first; equal counts in byte order, so that the
	// result does not depend on the order of the map.
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	if len(words) == 0 {
		return map[string]Path{}
	}
	id := make(map[string]int32, len(words))
	for i, w := range words {
		id[w] = int32(i)
	}
	c := newClusterer(len(words), opt.Clusters)
	prev := id[boundary]
	for _, s := range sentences {
		for _, w := range append(s[:len(s):len(s)], boundary) {
			cur, ok := id[w]
			if !ok {
				cur = -1
			}
			if prev >= 0 && cur >= 0 {
				c.addBigram(prev, cur)
			}
			prev = cur
		}
	}
	c.run()
	out := make(map[string]Path, len(words))
	for i, w := range words {
		if w != boundary {
			out[w] = c.path(int32(i))
		}
	}
	return out
}

// clusterer holds the statistics of Liang's algorithm. Slots 0…C hold the
// clusters in the window; words not yet in the window are not counted.
type clusterer struct {
	nWords, nSlots int
	right, left    [][]edge // per word: following and preceding words, with counts
	total          float64  // bigrams in all, for probabilities

	slotOf []int32   // per word: its slot once it has entered, else -1
	live   []bool    // per slot: holds a cluster
	node   []int32   // per slot: the cluster's node in the merge tree
	pl, pr []float64 // per slot: probability of the cluster on the left, on the right of a bigram
	p2     []float64 // slot × slot: probability of the bigram
	q      []float64 // slot × slot: that bigram's share of the mutual information
	s      []float64 // per slot: the sum of q over every bigram holding it
	l      []float64 // slot × slot, lower < higher: the loss of merging the two

	uniL   []float64 // per word: bigrams it starts
	uniR   []float64 // per word: bigrams it ends
	parent []int32   // per node: the node it merged into, -1 for the root
	right1 []bool    // per node: the right child of its parent
	leaf   []int32   // per word: its node
	// firstFinal is the first node made after the last word entered:
	// the nodes from there on are the hierarchy over the final clusters.
	firstFinal int32
	members    [][]int32 // per slot: the words of its cluster
}

type edge struct {
	w int32
	n float64
}

func newClusterer(nWords, clusters int) *clusterer {
	k := min(clusters, nWords) + 1
	c := &clusterer{
		nWords: nWords, nSlots: k,
		right: make([][]edge, nWords), left: make([][]edge, nWords),
		slotOf: make([]int32, nWords), live: make([]bool, k), node: make([]int32, k),
		pl: make([]float64, k), pr: make([]float64, k), p2: make([]float64, k*k), q: make([]float64, k*k),
		s: make([]float64, k), l: make([]float64, k*k),
		uniL: make([]float64, nWords), uniR: make([]float64, nWords), leaf: make([]int32, nWords),
		members: make([][]int32, k),
	}
	for i := range c.slotOf {
		c.slotOf[i] = -1
	}
	return c
}

func (c *clusterer) addBigram(a, b int32) {
	c.right[a] = addEdge(c.right[a], b)
	c.left[b] = addEdge(c.left[b], a)
	c.uniL[a]++
	c.uniR[b]++
	c.total++
}

// addEdge counts one more w in a word's list of neighbours; the word just
// seen is most often the last one added, so the list is searched backwards.
func addEdge(es []edge, w int32) []edge {
	for i := len(es) - 1; i >= 0 && i >= len(es)-8; i-- {
		if es[i].w == w {
			es[i].n++
			return es
		}
	}
	for i := range es {
		if es[i].w == w {
			es[i].n++
			return es
		}
	}
	return append(es, edge{w, 1})
}

// mi is one bigram's share of the mutual information.
func mi(pxy, px, py float64) float64 {
	if pxy <= 0 {
		return 0
	}
	return pxy * math.Log(pxy/(px*py))
}

func (c *clusterer) newNode() int32 {
	c.parent = append(c.parent, -1)
	c.right1 = append(c.right1, false)
	return int32(len(c.parent) - 1)
}

func (c *clusterer) run() {
	for w := 0; w < c.nWords; w++ {
		slot := c.freeSlot()
		c.enter(int32(w), slot)
		if c.liveCount() == c.nSlots {
			c.mergeBest()
		}
	}
	c.firstFinal = int32(len(c.parent))
	for c.liveCount() > 1 {
		c.mergeBest()
	}
}

func (c *clusterer) freeSlot() int {
	for i, ok := range c.live {
		if !ok {
			return i
		}
	}
	panic("brown: no free slot")
}

func (c *clusterer) liveCount() int {
	n := 0
	for _, ok := range c.live {
		if ok {
			n++
		}
	}
	return n
}

// enter puts word w into the empty slot a as a cluster of its own.
func (c *clusterer) enter(w int32, a int) {
	k := c.nSlots
	c.slotOf[w] = int32(a)
	c.members[a] = append(c.members[a][:0], w)
	c.leaf[w] = c.newNode()
	c.node[a] = c.leaf[w]
	c.pl[a] = c.uniL[w] / c.total
	c.pr[a] = c.uniR[w] / c.total
	for x := 0; x < k; x++ {
		c.p2[a*k+x], c.p2[x*k+a] = 0, 0
	}
	for _, e := range c.right[w] {
		if s := c.slotOf[e.w]; s >= 0 {
			c.p2[a*k+int(s)] += e.n / c.total
		}
	}
	for _, e := range c.left[w] {
		if s := c.slotOf[e.w]; s >= 0 && e.w != w {
			c.p2[int(s)*k+a] += e.n / c.total
		}
	}
	c.live[a] = true
	c.refresh(a)
	// Every pair already in the window now also has a to reckon with.
	c.reckonWith(a)
}

// refresh recomputes q for every bigram holding slot a, and s for all
// slots.
func (c *clusterer) refresh(a int) {
	k := c.nSlots
	for x := 0; x < k; x++ {
		if !c.live[x] {
			c.q[a*k+x], c.q[x*k+a] = 0, 0
			continue
		}
		c.q[a*k+x] = mi(c.p2[a*k+x], c.pl[a], c.pr[x])
		c.q[x*k+a] = mi(c.p2[x*k+a], c.pl[x], c.pr[a])
	}
	for x := 0; x < k; x++ {
		c.s[x] = 0
		if !c.live[x] {
			continue
		}
		for y := 0; y < k; y++ {
			if c.live[y] {
				c.s[x] += c.q[x*k+y] + c.q[y*k+x]
			}
		}
		c.s[x] -= c.q[x*k+x]
	}
}

// cross is what the bigrams between slot z and the pair x, y add to the
// loss of merging x and y: their share of the mutual information now, less
// their share once x and y are one cluster.
func (c *clusterer) cross(x, y, z int) float64 {
	k := c.nSlots
	return c.q[x*k+z] + c.q[z*k+x] + c.q[y*k+z] + c.q[z*k+y] -
		mi(c.p2[x*k+z]+c.p2[y*k+z], c.pl[x]+c.pl[y], c.pr[z]) -
		mi(c.p2[z*k+x]+c.p2[z*k+y], c.pl[z], c.pr[x]+c.pr[y])
}

// setLoss computes the loss of merging slots x and y from scratch.
func (c *clusterer) setLoss(x, y int) {
	k := c.nSlots
	if x > y {
		x, y = y, x
	}
	pl, pr := c.pl[x]+c.pl[y], c.pr[x]+c.pr[y]
	self := c.p2[x*k+x] + c.p2[x*k+y] + c.p2[y*k+x] + c.p2[y*k+y]
	loss := c.s[x] + c.s[y] - c.q[x*k+y] - c.q[y*k+x] - mi(self, pl, pr)
	for z := 0; z < k; z++ {
		if c.live[z] && z != x && z != y {
			loss -= mi(c.p2[x*k+z]+c.p2[y*k+z], pl, c.pr[z]) +
				mi(c.p2[z*k+x]+c.p2[z*k+y], c.pl[z], pr)
		}
	}
	c.l[x*k+y] = loss
}

// mergeBest merges the pair of live slots of least loss; ties go to the
// first pair in slot order.
func (c *clusterer) mergeBest() {
	k := c.nSlots
	bx, by := -1, -1
	for x := 0; x < k; x++ {
		if !c.live[x] {
			continue
		}
		for y := x + 1; y < k; y++ {
			if c.live[y] && (bx < 0 || c.l[x*k+y] < c.l[bx*k+by]) {
				bx, by = x, y
			}
		}
	}
	c.merge(bx, by)
}

// merge joins slot b into slot a, a < b.
func (c *clusterer) merge(a, b int) {
	k := c.nSlots
	// The pairs apart from a and b lose what a and b added to their
	// loss, and gain what the merged cluster adds.
	for x := 0; x < k; x++ {
		if !c.live[x] || x == a || x == b {
			continue
		}
		for y := x + 1; y < k; y++ {
			if c.live[y] && y != a && y != b {
				c.l[x*k+y] -= c.cross(x, y, a) + c.cross(x, y, b)
			}
		}
	}
	n := c.newNode()
	c.parent[c.node[a]], c.parent[c.node[b]] = n, n
	c.right1[c.node[b]] = true
	c.node[a] = n
	c.pl[a] += c.pl[b]
	c.pr[a] += c.pr[b]
	c.p2[a*k+a] += c.p2[a*k+b] + c.p2[b*k+a] + c.p2[b*k+b]
	for x := 0; x < k; x++ {
		if x != a && x != b {
			c.p2[a*k+x] += c.p2[b*k+x]
			c.p2[x*k+a] += c.p2[x*k+b]
		}
	}
	for x := 0; x < k; x++ {
		c.p2[b*k+x], c.p2[x*k+b] = 0, 0
	}
	c.live[b] = false
	for _, w := range c.members[b] {
		c.slotOf[w] = int32(a)
	}
	c.members[a] = append(c.members[a], c.members[b]...)
	c.members[b] = nil
	c.refresh(a)
	c.refresh(b)
	c.reckonWith(a)
}

// reckonWith adds to the loss of merging every pair of other live slots
// what slot a, new or changed, takes from it, and computes the losses of
// merging a with each of them.
func (c *clusterer) reckonWith(a int) {
	k := c.nSlots
	for x := 0; x < k; x++ {
		if !c.live[x] || x == a {
			continue
		}
		for y := x + 1; y < k; y++ {
			if c.live[y] && y != a {
				c.l[x*k+y] += c.cross(x, y, a)
			}
		}
	}
	for x := 0; x < k; x++ {
		if c.live[x] && x != a {
			c.setLoss(x, a)
		}
	}
}

// path returns word w's path: the turns from the root down to the node
// of the cluster it belonged to when the window was last full, that is
// the turns of the final merges only (Liang's wcluster does the same, so
// that a cluster's words share a path).
func (c *clusterer) path(w int32) Path {
	// The merges inside the window happen while words are still
	// entering; the cluster of a word is the highest node below the
	// first merge made after the last word entered.
	n := c.leaf[w]
	var turns []bool
	for ; c.parent[n] >= 0; n = c.parent[n] {
		if c.parent[n] >= c.firstFinal {
			turns = append(turns, c.right1[n])
		}
	}
	p := Path{}
	for i := len(turns) - 1; i >= 0 && p.Len < maxDepth; i-- {
		p.Bits <<= 1
		if turns[i] {
			p.Bits |= 1
		}
		p.Len++
	}
	return p
}
