package dates

import (
	"encoding/binary"
	"errors"
	"time"

	"sahifa/corpus"
)

// RulesVersion numbers the rules by which Read finds dates. Raise it with
// any change that may change what Read gives, so that readings kept from
// an earlier run (a cache) are read again; TestVersionCoversAnswers fails
// until it is.
const RulesVersion = 2

var errBinary = errors.New("dates: bad binary form")

// AppendBinary appends r, what Read gave for an article, in a form
// ParseArticle reads back; the mentions' words are not kept, as they are
// the article's.
func (r Article) AppendBinary(b []byte) ([]byte, error) {
	b = appendTime(b, r.Own.Date)
	b = append(b, byte(r.Own.From), byte(r.Own.Bound))
	b = appendTime(b, r.Own.NotBefore)
	b = binary.AppendUvarint(b, uint64(len(r.Mentions)))
	for _, m := range r.Mentions {
		b = binary.AppendUvarint(b, uint64(m.Para))
		b = binary.AppendUvarint(b, uint64(m.Start))
		b = binary.AppendUvarint(b, uint64(m.End-m.Start))
		b = appendTime(b, m.From)
		b = appendTime(b, m.To)
		b = append(b, byte(m.Precision), byte(m.Calendar))
		b = binary.AppendUvarint(b, uint64(len(m.Hijri)))
		b = append(b, m.Hijri...)
		b = binary.AppendVarint(b, int64(m.offset))
		var flags byte
		for i, f := range []bool{m.Range, m.Relative, m.Future, m.Conflict, m.hasOffset, m.until, m.past} {
			if f {
				flags |= 1 << i
			}
		}
		b = append(b, flags)
	}
	return b, nil
}

// appendTime appends t in time.Time's binary form, which keeps its
// instant and its zone's offset.
func appendTime(b []byte, t time.Time) []byte {
	tb, _ := t.MarshalBinary()
	return append(append(b, byte(len(tb))), tb...)
}

// ParseArticle reads back what AppendBinary wrote of article a's dates.
func ParseArticle(b []byte, a *corpus.Article) (Article, error) {
	p := parser{b: b}
	var r Article
	r.Own.Date = p.time()
	r.Own.From, r.Own.Bound = Source(p.byte()), Precision(p.byte())
	r.Own.NotBefore = p.time()
	n := p.uvarint()
	if n > uint64(len(p.b)) {
		return Article{}, errBinary
	}
	r.Mentions = make([]Located, 0, n)
	for range n {
		var m Located
		para, start, length := p.uvarint(), p.uvarint(), p.uvarint()
		if p.err || para >= uint64(len(a.Paragraphs)) || start > uint64(len(a.Paragraphs[para].Text)) ||
			length > uint64(len(a.Paragraphs[para].Text))-start {
			return Article{}, errBinary
		}
		m.Para, m.Start, m.End = int(para), int(start), int(start+length)
		m.Text = a.Paragraphs[para].Text[m.Start:m.End]
		m.From, m.To = p.time(), p.time()
		m.Precision, m.Calendar = Precision(p.byte()), Calendar(p.byte())
		m.Hijri = string(p.bytes(p.uvarint()))
		m.offset = int(p.varint())
		flags := p.byte()
		for i, f := range []*bool{&m.Range, &m.Relative, &m.Future, &m.Conflict, &m.hasOffset, &m.until, &m.past} {
			*f = flags&(1<<i) != 0
		}
		r.Mentions = append(r.Mentions, m)
	}
	if p.err || len(p.b) != 0 {
		return Article{}, errBinary
	}
	if len(r.Mentions) == 0 {
		r.Mentions = nil
	}
	return r, nil
}

// parser reads what AppendBinary wrote, remembering a failure.
type parser struct {
	b   []byte
	err bool
}

func (p *parser) uvarint() uint64 {
	v, k := binary.Uvarint(p.b)
	if k <= 0 {
		p.err = true
		return 0
	}
	p.b = p.b[k:]
	return v
}

func (p *parser) varint() int64 {
	v, k := binary.Varint(p.b)
	if k <= 0 {
		p.err = true
		return 0
	}
	p.b = p.b[k:]
	return v
}

func (p *parser) bytes(n uint64) []byte {
	if p.err || n > uint64(len(p.b)) {
		p.err = true
		return nil
	}
	out := p.b[:n]
	p.b = p.b[n:]
	return out
}

func (p *parser) byte() byte {
	if b := p.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (p *parser) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary(p.bytes(uint64(p.byte()))); err != nil {
		p.err = true
	}
	return t
}
