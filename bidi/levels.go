package bidi

// The paragraph level resolver: UAX #9 (https://www.unicode.org/reports/tr9/) rules P2–P3, X1–X10, W1–W7,
// N0–N2 and I1–I2 for one paragraph, L1 for one line and L2 for a line's visual order. Character data (Bidi_Class,
// Bidi_Paired_Bracket_Type, Bidi_Paired_Bracket) comes from golang.org/x/text/unicode/bidi, whose tables follow the
// Go toolchain's Unicode version; the rules are written here because x/text does not export its own.

import (
	"slices"
	"sync"

	xbidi "golang.org/x/text/unicode/bidi"
)

// Level is a UAX #9 embedding level; odd levels are right to left.
type Level uint8

// levelsMaxDepth is max_depth of UAX #9 BD2: the deepest explicit embedding level.
const levelsMaxDepth = 125

// levelsMaxBrackets is the size of the BD16 bracket stack; an opening bracket that finds it full ends pairing.
const levelsMaxBrackets = 63

// Bidi classes, one byte per rune; the values are x/text's bidi.Class so that lookups convert without a table.
const (
	lcL   = uint8(xbidi.L)
	lcR   = uint8(xbidi.R)
	lcEN  = uint8(xbidi.EN)
	lcES  = uint8(xbidi.ES)
	lcET  = uint8(xbidi.ET)
	lcAN  = uint8(xbidi.AN)
	lcCS  = uint8(xbidi.CS)
	lcB   = uint8(xbidi.B)
	lcS   = uint8(xbidi.S)
	lcWS  = uint8(xbidi.WS)
	lcON  = uint8(xbidi.ON)
	lcBN  = uint8(xbidi.BN)
	lcNSM = uint8(xbidi.NSM)
	lcAL  = uint8(xbidi.AL)
	lcLRO = uint8(xbidi.LRO)
	lcRLO = uint8(xbidi.RLO)
	lcLRE = uint8(xbidi.LRE)
	lcRLE = uint8(xbidi.RLE)
	lcPDF = uint8(xbidi.PDF)
	lcLRI = uint8(xbidi.LRI)
	lcRLI = uint8(xbidi.RLI)
	lcFSI = uint8(xbidi.FSI)
	lcPDI = uint8(xbidi.PDI)

	// The original class of a rune carries its Bidi_Paired_Bracket_Type in two spare bits.
	lcClassMask = 0x1f
	lcBracket   = 0x80
	lcOpen      = 0x40

	// lcNone is no class at all: no override, no strong direction (lcL is zero, so zero cannot mean none).
	lcNone = 0xff
)

// Kinds of class that the rules treat alike, as bits of levelsKinds.
const (
	lkRemoved   = 1 << iota // X9 removes it: embeddings, overrides, PDF, BN
	lkIsolate               // isolate initiator (LRI, RLI, FSI)
	lkNeutral               // NI of N1: B, S, WS, ON and the isolate controls
	lkLineReset             // L1 resets it before a separator or at the end of a line: WS, isolate controls, removed ones
	lkExplicit              // explicit formatting character: needs X1–X8
)

// levelsKinds maps a class to its kind bits (UAX #9 X9, BD8, N1 and L1 list the members).
var levelsKinds = [32]uint8{
	lcLRE: lkRemoved | lkLineReset | lkExplicit,
	lcRLE: lkRemoved | lkLineReset | lkExplicit,
	lcLRO: lkRemoved | lkLineReset | lkExplicit,
	lcRLO: lkRemoved | lkLineReset | lkExplicit,
	lcPDF: lkRemoved | lkLineReset | lkExplicit,
	lcBN:  lkRemoved | lkLineReset,
	lcLRI: lkIsolate | lkNeutral | lkLineReset | lkExplicit,
	lcRLI: lkIsolate | lkNeutral | lkLineReset | lkExplicit,
	lcFSI: lkIsolate | lkNeutral | lkLineReset | lkExplicit,
	lcPDI: lkNeutral | lkLineReset | lkExplicit,
	lcWS:  lkNeutral | lkLineReset,
	lcB:   lkNeutral,
	lcS:   lkNeutral,
	lcON:  lkNeutral,
}

// levelsStrong maps a resolved class to the direction N0 and N1 see in it (EN and AN count as R), lcNone if it
// has none.
var levelsStrong = func() (t [32]uint8) {
	for c := range t {
		t[c] = lcNone
	}
	t[lcL], t[lcR], t[lcEN], t[lcAN], t[lcAL] = lcL, lcR, lcR, lcR, lcR
	return t
}()

// levelsCanonical folds the two paired brackets that have canonical equivalents onto them (UnicodeData.txt:
// U+2329 ≡ U+3008, U+232A ≡ U+3009), so that BD16 pairs them as the standard asks.
var levelsCanonical = map[rune]rune{0x2329: 0x3008, 0x232A: 0x3009}

// levelsPairs holds Bidi_Paired_Bracket for every paired bracket of the BMP; x/text exports the pair only through
// ReverseString, which allocates, so it is read once on first use.
var (
	levelsPairsOnce sync.Once
	levelsPairs     map[rune]rune
)

// levelsClosing returns the canonical closing bracket that pairs with the opening bracket r.
func levelsClosing(r rune) rune {
	var c rune
	if r <= 0xFFFF {
		levelsPairsOnce.Do(func() {
			levelsPairs = make(map[rune]rune, 128)
			for b := rune(0); b <= 0xFFFF; b++ {
				if p, _ := xbidi.LookupRune(b); p.IsBracket() {
					levelsPairs[b] = []rune(xbidi.ReverseString(string(b)))[0]
				}
			}
		})
		c = levelsPairs[r]
	} else {
		c = []rune(xbidi.ReverseString(string(r)))[0]
	}
	return levelsCanon(c)
}

func levelsCanon(r rune) rune {
	if c, ok := levelsCanonical[r]; ok {
		return c
	}
	return r
}

// levelsScratch holds the working arrays of one resolution, reused through levelsPool so that resolving a
// paragraph allocates only its result.
type levelsScratch struct {
	cls      []uint8 // original class | bracket bits
	typ      []uint8 // class as the rules change it
	lev      []Level // embedding level after X1–X8
	match    []int32 // BD9: for an isolate initiator its PDI, for a PDI its initiator; -1 when unmatched
	runOf    []int32 // level run that starts at a position, -1 elsewhere (only when there are isolates)
	idx      []int32 // positions that survive X9
	runs     []int32 // offsets into idx where level runs start, then len(idx)
	used     []bool  // level run already taken into an isolating run sequence
	seq      []int32 // positions of the isolating run sequence being resolved
	ident    bool    // the sequence is the whole paragraph: seq is unused, positions are indices
	st       []uint8 // its classes, when gathered from typ
	cur      []uint8 // its classes: st, or typ itself when ident
	brackets bool    // the paragraph has paired brackets
	present  uint32  // bit c set when class c may occur (all set with explicit controls)
	uniform  bool    // every rune was found to be at the paragraph level without resolving the rules one by one
	// noShortcut makes resolve apply every rule even where it could tell the result beforehand (uniform), for
	// the tests that check the shortcut.
	noShortcut bool
	open       []levelsOpen
	pairs      []levelsPair
	stack      [levelsMaxDepth + 2]levelsStatus
}

// levelsStatus is an entry of the directional status stack (X1).
type levelsStatus struct {
	level    Level
	override uint8 // lcNone, lcL or lcR
	isolate  bool
}

type levelsOpen struct {
	closing rune
	at      int32
}

type levelsPair struct{ open, close int32 }

var levelsPool = sync.Pool{New: func() any { return new(levelsScratch) }}

// ResolveLevels returns the resolved level of every rune of text after rules up to I2 (L1 is per line and is
// the caller's, via LineLevels), and the paragraph level. Runes removed by X9 (embedding controls, BN) get the
// level of the preceding rune (the paragraph level at the start), as BidiCharacterTest's 'x' entries are ignored.
// dir: Auto = P2–P3 (first strong, skipping isolates; LTR if none), LTR or RTL forces the paragraph level.
func ResolveLevels(text []rune, dir Direction) (levels []Level, para Level) {
	return AppendLevels(nil, text, dir)
}

// AppendLevels is ResolveLevels appending the levels to dst, so that a caller resolving many paragraphs can
// reuse one slice.
func AppendLevels(dst []Level, text []rune, dir Direction) (levels []Level, para Level) {
	levels = slices.Grow(dst, len(text))[:len(dst)+len(text)]
	s := levelsPool.Get().(*levelsScratch)
	para = s.resolve(text, nil, dir, levels[len(dst):])
	levelsPool.Put(s)
	return levels, para
}

func levelsGrow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// resolve resolves the levels of text into out and returns the paragraph
// level. info, when not nil, holds charOfAny of each rune, so that the
// classes need not be looked up again. out may be s.lev: a rune's
// embedding level is last read where its resolved level is written.
func (s *levelsScratch) resolve(text []rune, info []charInfo, dir Direction, out []Level) Level {
	n := len(text)
	s.cls = levelsGrow(s.cls, n)
	s.typ = levelsGrow(s.typ, n)
	s.lev = levelsGrow(s.lev, n)
	cls, typ, lev := s.cls, s.typ, s.lev

	// Classes, and W1–W3 on the way for the common case of one isolating run sequence (checked below; if not,
	// typ is made again). Marks at the start keep NSM until the paragraph level gives them sos.
	var kinds, bits uint8
	var present uint32
	prev, strong := lcNSM, uint8(lcNone)
	for i, r := range text {
		var c uint8
		if info != nil {
			c = uint8(info[i])
		} else {
			c = levelsClass(r)
		}
		cls[i] = c
		c &= lcClassMask
		kinds |= levelsKinds[c]
		bits |= cls[i]
		present |= 1 << c
		if c == lcNSM {
			c = prev
		}
		prev = c
		switch c {
		case lcL, lcR:
			strong = c
		case lcAL:
			strong = lcAL
			c = lcR
		case lcEN:
			if strong == lcAL {
				c = lcAN
			}
		}
		typ[i] = c
	}
	if kinds&(lkExplicit|lkRemoved) != 0 {
		for i, c := range cls {
			typ[i] = c & lcClassMask
		}
	}
	s.brackets = bits&lcBracket != 0
	explicit := kinds&lkExplicit != 0
	s.present = present
	if explicit {
		s.present = ^uint32(0) // overrides may bring in any class
	}
	if explicit {
		s.matchIsolates(n)
	}

	var para Level
	switch dir {
	case LTR:
		para = 0
	case RTL:
		para = 1
	default:
		para, _ = s.firstStrong(0, n)
	}

	if kinds&(lkExplicit|lkRemoved) == 0 {
		// The common case: one level run, so one isolating run sequence, the whole paragraph, resolved in place
		// and given its levels (I1–I2) on the way.
		s.ident = true
		s.uniform = false
		if !s.noShortcut && ((para == 1 && present&(1<<lcL|1<<lcEN|1<<lcAN) == 0) ||
			(para == 0 && present&(1<<lcR|1<<lcAL|1<<lcAN) == 0)) {
			// Only one direction of strong type and no numbers that could take another level: every strong
			// type W1–W7 leave is the paragraph's direction, so N0–N2 give it to every neutral, and I1–I2
			// leave every rune at the paragraph level. Most paragraphs of Arabic prose are such.
			for i := range out {
				out[i] = para
			}
			s.uniform = true
			return para
		}
		for i := 0; i < n && typ[i] == lcNSM; i++ {
			typ[i] = levelsDir(para)
		}
		s.sequence(text, n, para, levelsDir(para), levelsDir(para), out)
		return para
	}
	s.ident, s.uniform = false, false

	if explicit {
		s.explicitLevels(para, n)
	} else {
		for i := range lev {
			lev[i] = para
		}
	}

	// X9: work on the positions that remain.
	s.idx = levelsGrow(s.idx, n)[:0]
	for i := 0; i < n; i++ {
		if levelsKinds[cls[i]&lcClassMask]&lkRemoved == 0 {
			s.idx = append(s.idx, int32(i))
		}
	}
	idx := s.idx

	// X10: level runs, then isolating run sequences.
	s.runs = s.runs[:0]
	for k := range idx {
		if k == 0 || lev[idx[k]] != lev[idx[k-1]] {
			s.runs = append(s.runs, int32(k))
		}
	}
	nr := len(s.runs)
	s.runs = append(s.runs, int32(len(idx)))
	runs := s.runs
	s.used = levelsGrow(s.used, nr)
	clear(s.used)
	if explicit {
		s.runOf = levelsGrow(s.runOf, n)
		for i := range s.runOf {
			s.runOf[i] = -1
		}
		for r := 0; r < nr; r++ {
			s.runOf[idx[runs[r]]] = int32(r)
		}
	}
	for r := 0; r < nr; r++ {
		if s.used[r] {
			continue
		}
		s.seq = s.seq[:0]
		last := r
		for {
			s.seq = append(s.seq, idx[runs[last]:runs[last+1]]...)
			end := idx[runs[last+1]-1]
			if !explicit || levelsKinds[cls[end]&lcClassMask]&lkIsolate == 0 || s.match[end] < 0 {
				break
			}
			next := s.runOf[s.match[end]]
			if next < 0 {
				break
			}
			s.used[next] = true
			last = int(next)
		}
		level := lev[s.seq[0]]
		before, after := para, para
		if runs[r] > 0 {
			before = lev[idx[runs[r]-1]]
		}
		if end := s.seq[len(s.seq)-1]; levelsKinds[cls[end]&lcClassMask]&lkIsolate == 0 && int(runs[last+1]) < len(idx) {
			after = lev[idx[runs[last+1]]]
		}
		s.sequence(text, len(s.seq), level, levelsDir(max(level, before)), levelsDir(max(level, after)), nil)
	}

	// I1–I2, then X9-removed runes take the level before them.
	for _, p := range idx {
		out[p] = levelsImplicit(lev[p], typ[p])
	}
	before := para
	for i := range out {
		if levelsKinds[cls[i]&lcClassMask]&lkRemoved != 0 {
			out[i] = before
		}
		before = out[i]
	}
	return para
}

// levelsRaise holds what I1–I2 add to an even (row 0) or odd (row 1) embedding level for each resolved class.
var levelsRaise = func() (t [2][32]Level) {
	for c := range t[0] {
		t[0][c] = levelsImplicit(0, uint8(c))
		t[1][c] = levelsImplicit(1, uint8(c)) - 1
	}
	return t
}()

// levelsImplicit applies I1–I2: the level of a rune of class c resolved at embedding level l.
func levelsImplicit(l Level, c uint8) Level {
	switch {
	case l&1 == 0 && c == lcR:
		return l + 1
	case l&1 == 0 && (c == lcAN || c == lcEN):
		return l + 2
	case l&1 == 1 && (c == lcL || c == lcAN || c == lcEN):
		return l + 1
	}
	return l
}

// levelsClass returns the class of r with its bracket bits: from charData
// for the characters of nearly every Arabic news paragraph, sparing x/text's
// trie walk, from x/text for the rest.
func levelsClass(r rune) uint8 {
	if i := charOf(r); i&infoKnown != 0 {
		return uint8(i)
	}
	return levelsLookup(r)
}

func levelsLookup(r rune) uint8 {
	p, _ := xbidi.LookupRune(r)
	c := uint8(p.Class())
	if p.IsBracket() {
		c |= lcBracket
		if p.IsOpeningBracket() {
			c |= lcOpen
		}
	}
	return c
}

func levelsDir(l Level) uint8 {
	if l&1 == 1 {
		return lcR
	}
	return lcL
}

// matchIsolates pairs isolate initiators with their PDIs (BD9), within the paragraph.
func (s *levelsScratch) matchIsolates(n int) {
	s.match = levelsGrow(s.match, n)
	open := s.seq[:0]
	for i, c := range s.typ[:n] {
		s.match[i] = -1
		switch c {
		case lcLRI, lcRLI, lcFSI:
			open = append(open, int32(i))
		case lcPDI:
			if len(open) > 0 {
				o := open[len(open)-1]
				open = open[:len(open)-1]
				s.match[o] = int32(i)
				s.match[i] = o
			}
		case lcB:
			open = open[:0]
		}
	}
	s.seq = open[:0]
}

// firstStrong applies P2–P3 to text[start:end]: the level of the first L, R or AL outside isolates, and whether
// there was one.
func (s *levelsScratch) firstStrong(start, end int) (Level, bool) {
	for i := start; i < end; i++ {
		switch s.typ[i] {
		case lcL:
			return 0, true
		case lcR, lcAL:
			return 1, true
		case lcLRI, lcRLI, lcFSI:
			if s.match[i] < 0 {
				return 0, false
			}
			i = int(s.match[i])
		case lcB:
			return 0, false
		}
	}
	return 0, false
}

// explicitLevels applies X1–X8: embedding levels from the explicit controls, and the overrides to classes.
func (s *levelsScratch) explicitLevels(para Level, n int) {
	typ, lev := s.typ, s.lev
	st := &s.stack
	st[0] = levelsStatus{level: para, override: lcNone}
	depth := 1
	overflowIsolate, overflowEmbedding, validIsolate := 0, 0, 0
	for i := 0; i < n; i++ {
		top := st[depth-1]
		c := typ[i]
		switch c {
		case lcRLE, lcLRE, lcRLO, lcLRO:
			lev[i] = top.level
			next := (top.level + 2) &^ 1
			if c == lcRLE || c == lcRLO {
				next = (top.level + 1) | 1
			}
			if next <= levelsMaxDepth && overflowIsolate == 0 && overflowEmbedding == 0 {
				e := levelsStatus{level: next, override: lcNone}
				if c == lcRLO {
					e.override = lcR
				} else if c == lcLRO {
					e.override = lcL
				}
				st[depth] = e
				depth++
			} else if overflowIsolate == 0 {
				overflowEmbedding++
			}
		case lcRLI, lcLRI, lcFSI:
			lev[i] = top.level
			if top.override != lcNone {
				typ[i] = top.override
			}
			rtl := c == lcRLI
			if c == lcFSI {
				end := n
				if s.match[i] >= 0 {
					end = int(s.match[i])
				}
				l, _ := s.firstStrong(i+1, end)
				rtl = l == 1
			}
			next := (top.level + 2) &^ 1
			if rtl {
				next = (top.level + 1) | 1
			}
			if next <= levelsMaxDepth && overflowIsolate == 0 && overflowEmbedding == 0 {
				validIsolate++
				st[depth] = levelsStatus{level: next, override: lcNone, isolate: true}
				depth++
			} else {
				overflowIsolate++
			}
		case lcPDI:
			if overflowIsolate > 0 {
				overflowIsolate--
			} else if validIsolate > 0 {
				overflowEmbedding = 0
				for !st[depth-1].isolate {
					depth--
				}
				depth--
				validIsolate--
			}
			top = st[depth-1]
			lev[i] = top.level
			if top.override != lcNone {
				typ[i] = top.override
			}
		case lcPDF:
			lev[i] = top.level
			if overflowIsolate > 0 {
				// The PDF is inside an isolate that overflowed: it matches nothing.
			} else if overflowEmbedding > 0 {
				overflowEmbedding--
			} else if !top.isolate && depth >= 2 {
				depth--
			}
		case lcB:
			// X8: a paragraph separator ends every embedding; text after one starts afresh.
			lev[i] = para
			depth = 1
			overflowIsolate, overflowEmbedding, validIsolate = 0, 0, 0
		case lcBN:
			lev[i] = top.level
		default:
			lev[i] = top.level
			if top.override != lcNone {
				typ[i] = top.override
			}
		}
	}
}

// sequence resolves the weak and neutral types of the isolating run sequence s.seq (W1–W7, N0–N2), at
// embedding level level with start and end of sequence types sos and eos.
//
// When out is not nil the sequence is the whole paragraph (s.ident), and I1–I2 are applied into out too.
func (s *levelsScratch) sequence(text []rune, m int, level Level, sos, eos uint8, out []Level) {
	var t []uint8
	if s.ident {
		t = s.typ[:m]
	} else {
		s.st = levelsGrow(s.st, m)
		t = s.st
		for k, p := range s.seq {
			t[k] = s.typ[p]
		}
	}
	s.cur = t

	// W1: a mark takes the class of what it follows (after an isolate control, ON); W2: European digits after
	// Arabic letters are Arabic numbers; W3: AL becomes R. W1 looks at the class before W2–W3 changed it.
	// resolve has done this for the whole paragraph (s.ident).
	prev, strong := sos, sos
	w13 := t
	if s.ident {
		w13 = nil
	}
	for k, c := range w13 {
		if c == lcNSM {
			c = prev
			if c == lcLRI || c == lcRLI || c == lcFSI || c == lcPDI {
				c = lcON
			}
		}
		prev = c
		switch c {
		case lcL, lcR:
			strong = c
		case lcAL:
			strong = lcAL
			c = lcR
		case lcEN:
			if strong == lcAL {
				c = lcAN
			}
		}
		t[k] = c
	}
	const (
		bitsNumber    = 1<<lcEN | 1<<lcAN
		bitsSeparator = 1<<lcES | 1<<lcCS
	)
	present := s.present
	// W4: one separator between two numbers of a kind joins them.
	for k := 1; k+1 < m && present&bitsSeparator != 0 && present&bitsNumber != 0; k++ {
		switch t[k] {
		case lcES:
			if t[k-1] == lcEN && t[k+1] == lcEN {
				t[k] = lcEN
			}
		case lcCS:
			if t[k-1] == t[k+1] && (t[k-1] == lcEN || t[k-1] == lcAN) {
				t[k] = t[k-1]
			}
		}
	}
	// W5: terminators next to European digits are European digits.
	for k := 0; k < m && present&(1<<lcET) != 0 && present&(1<<lcEN) != 0; {
		if t[k] != lcET {
			k++
			continue
		}
		j := k
		for j < m && t[j] == lcET {
			j++
		}
		if (k > 0 && t[k-1] == lcEN) || (j < m && t[j] == lcEN) {
			for ; k < j; k++ {
				t[k] = lcEN
			}
		}
		k = j
	}
	// W6: other separators and terminators are neutral; W7: European digits in L context are L.
	strong = sos
	w67 := t
	if present&(bitsSeparator|1<<lcET|1<<lcEN) == 0 {
		w67 = nil // nothing for W6–W7 to do
	}
	for k, c := range w67 {
		switch c {
		case lcES, lcET, lcCS:
			t[k] = lcON
		case lcL, lcR:
			strong = c
		case lcEN:
			if strong == lcL {
				t[k] = lcL
			}
		}
	}

	embedding := levelsDir(level)
	if s.brackets {
		s.pairBrackets(text, embedding, sos)
	}

	// N1–N2: neutrals between two runs of one direction take it, other neutrals the embedding direction.
	raise := &levelsRaise[level&1]
	for k := 0; k < m; {
		if levelsKinds[t[k]]&lkNeutral == 0 {
			if out != nil {
				out[k] = level + raise[t[k]]
			}
			k++
			continue
		}
		j := k
		for j < m && levelsKinds[t[j]]&lkNeutral != 0 {
			j++
		}
		before, after := sos, eos
		if k > 0 {
			before = levelsStrong[t[k-1]]
		}
		if j < m {
			after = levelsStrong[t[j]]
		}
		d := embedding
		if before == after {
			d = before
		}
		if out != nil {
			l := level + raise[d]
			for i := k; i < j; i++ {
				out[i] = l
			}
		}
		for ; k < j; k++ {
			t[k] = d
		}
	}

	if !s.ident {
		for k, p := range s.seq {
			s.typ[p] = t[k]
		}
	}
}

// pos is the position in the paragraph of the k-th rune of the sequence being resolved.
func (s *levelsScratch) pos(k int) int32 {
	if s.ident {
		return int32(k)
	}
	return s.seq[k]
}

// pairBrackets applies N0 to the sequence: bracket pairs (BD16) take the direction of what they enclose.
func (s *levelsScratch) pairBrackets(text []rune, embedding, sos uint8) {
	t := s.cur
	open, pairs := s.open[:0], s.pairs[:0]
scan:
	for k := range t {
		p := s.pos(k)
		c := s.cls[p]
		if c&lcBracket == 0 || t[k] != lcON {
			continue
		}
		if c&lcOpen != 0 {
			if len(open) == levelsMaxBrackets {
				break scan
			}
			open = append(open, levelsOpen{levelsClosing(text[p]), int32(k)})
			continue
		}
		r := levelsCanon(text[p])
		for j := len(open) - 1; j >= 0; j-- {
			if open[j].closing == r {
				pairs = append(pairs, levelsPair{open[j].at, int32(k)})
				open = open[:j]
				break
			}
		}
	}
	slices.SortFunc(pairs, func(a, b levelsPair) int { return int(a.open - b.open) })
	s.open, s.pairs = open, pairs

	opposite := lcL
	if embedding == lcL {
		opposite = lcR
	}
	for _, pr := range pairs {
		found := uint8(lcNone)
		for k := pr.open + 1; k < pr.close; k++ {
			if d := levelsStrong[t[k]]; d == embedding {
				found = embedding
				break
			} else if d != lcNone {
				found = opposite
			}
		}
		if found == lcNone {
			continue
		}
		if found == opposite {
			// N0 c: the context before the opening bracket decides between the two directions.
			context := sos
			for k := pr.open - 1; k >= 0; k-- {
				if d := levelsStrong[t[k]]; d != lcNone {
					context = d
					break
				}
			}
			if context != opposite {
				found = embedding
			}
		}
		s.setBracket(pr.open, found)
		s.setBracket(pr.close, found)
	}
}

// setBracket gives a bracket its N0 direction, and the marks that follow it too.
func (s *levelsScratch) setBracket(k int32, d uint8) {
	t := s.cur
	t[k] = d
	for k++; int(k) < len(t) && s.cls[s.pos(int(k))]&lcClassMask == lcNSM; k++ {
		t[k] = d
	}
}

// LineLevels applies L1 to levels[start:end] of one line (segment separators, paragraph separators, trailing
// whitespace and isolate formatting characters, and BN/X9-removed ones adjacent to them, reset to para) and
// returns the line's levels (a new slice).
func LineLevels(text []rune, levels []Level, para Level, start, end int) []Level {
	end = min(end, len(text), len(levels))
	start = max(0, min(start, end))
	out := make([]Level, end-start)
	copy(out, levels[start:end])
	cls := make([]uint8, len(out))
	for i, r := range text[start:end] {
		cls[i] = levelsClass(r)
	}
	lineReset(out, cls, para)
	return out
}

// lineReset applies L1 to the levels of one line, given the original
// class of each of its runes (with bracket bits, as levelsClass gives it).
func lineReset(out []Level, cls []uint8, para Level) {
	reset := true
	for i := len(out) - 1; i >= 0; i-- {
		c := cls[i] & lcClassMask
		switch {
		case c == lcS || c == lcB:
			out[i] = para
			reset = true
		case reset && levelsKinds[c]&lkLineReset != 0:
			out[i] = para
		default:
			reset = false
		}
	}
}

// VisualOrder returns, for a line's levels, the logical indices in visual order (L2): from the highest level
// down to the lowest odd one, every run at that level or above is reversed. X9-removed positions stay where
// their level puts them; callers that do not show them skip them.
func VisualOrder(levels []Level) []int {
	order := make([]int, len(levels))
	for i := range order {
		order[i] = i
	}
	reorder(order, levels)
	return order
}

// reorder applies L2 to order, the items of a line in logical order, whose
// levels are levels.
func reorder(order []int, levels []Level) {
	var hi, lo Level = 0, levelsMaxDepth + 2
	for _, l := range levels {
		hi = max(hi, l)
		if l&1 == 1 {
			lo = min(lo, l)
		}
	}
	for l := hi; l >= lo && l > 0; l-- {
		for i := 0; i < len(levels); {
			if levels[i] < l {
				i++
				continue
			}
			j := i
			for j < len(levels) && levels[j] >= l {
				j++
			}
			slices.Reverse(order[i:j])
			i = j
		}
	}
}
