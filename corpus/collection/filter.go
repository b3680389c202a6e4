package collection

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"sahifa/corpus"
	"sahifa/corpus/search"
)

// Field is what a Term narrows a collection down by.
type Field uint8

const (
	// ByQuery keeps the articles matching a search query, best first.
	ByQuery Field = iota + 1
	// ByEntity keeps the articles naming an entity (Value is its key).
	ByEntity
	// BySource keeps the articles of one source.
	BySource
	// ByCategory keeps the articles of one category.
	ByCategory
	// ByDates keeps the articles whose own date is within [From, To),
	// or, when Undated, those whose own date is unknown.
	ByDates
)

// Term is one condition of a Filter.
type Term struct {
	Field Field
	// Value is the query, the entity's key, the source or the category.
	Value string
	// Label is how the term is shown: the entity's name, the range in
	// words; Value when empty.
	Label    string
	From, To time.Time
	// Undated makes a ByDates term keep the articles with no own date
	// instead of a range.
	Undated bool
}

// UndatedTerm keeps the articles whose own date is unknown: neither their
// metadata, a dateline nor their text says when they were written.
func UndatedTerm() Term { return Term{Field: ByDates, Undated: true, Label: "undated"} }

// label is how the term reads in a status line.
func (t Term) label() string {
	l := cmp.Or(t.Label, t.Value)
	switch t.Field {
	case ByQuery:
		return "“" + l + "”"
	case ByEntity:
		return "naming " + l
	case BySource:
		return "from " + l
	case ByCategory:
		return "in " + l
	case ByDates:
		if t.Undated {
			return "undated"
		}
		if l == "" {
			l = t.From.Format("2006-01-02") + "–" + t.To.AddDate(0, 0, -1).Format("2006-01-02")
		}
		return "dated " + l
	}
	return l
}

// Order is the order a Filter lists its articles in.
type Order uint8

const (
	// OrderDefault lists search results best first, other articles in
	// order of place.
	OrderDefault Order = iota
	// OrderPlace lists articles by path, then position in their file.
	OrderPlace
	// OrderNewest lists dated articles newest first, undated ones last.
	OrderNewest
	// OrderOldest lists dated articles oldest first, undated ones last.
	OrderOldest
	// OrderSource lists articles by source in Arabic alphabetical order
	// (CLDR collation), those of no source last, each source's in the
	// order they had.
	OrderSource
)

// Filter is a list of conditions an article must all meet, in the order
// they were added, and an order for the result. The zero Filter keeps
// every article. Filters are values: With and Peel return new ones.
type Filter struct {
	Terms []Term
	Order Order
}

// With returns f with t added, in place of a term of the same field if f
// has one.
func (f Filter) With(t Term) Filter {
	terms := slices.Clone(f.Terms)
	if i := slices.IndexFunc(terms, func(u Term) bool { return u.Field == t.Field }); i >= 0 {
		terms[i] = t
	} else {
		terms = append(terms, t)
	}
	return Filter{Terms: terms, Order: f.Order}
}

// Without returns f without its term of field.
func (f Filter) Without(field Field) Filter {
	return Filter{Terms: slices.DeleteFunc(slices.Clone(f.Terms), func(t Term) bool { return t.Field == field }), Order: f.Order}
}

// Peel returns f without the term added last.
func (f Filter) Peel() Filter {
	if len(f.Terms) == 0 {
		return f
	}
	return Filter{Terms: slices.Clone(f.Terms[:len(f.Terms)-1]), Order: f.Order}
}

// Term returns f's term of field, if it has one.
func (f Filter) Term(field Field) (Term, bool) {
	i := slices.IndexFunc(f.Terms, func(t Term) bool { return t.Field == field })
	if i < 0 {
		return Term{}, false
	}
	return f.Terms[i], true
}

// Has reports whether f has a term of field.
func (f Filter) Has(field Field) bool {
	_, ok := f.Term(field)
	return ok
}

// Last returns the term added last, if there is one.
func (f Filter) Last() (Term, bool) {
	if len(f.Terms) == 0 {
		return Term{}, false
	}
	return f.Terms[len(f.Terms)-1], true
}

// IsZero reports whether f keeps every article in order of place.
func (f Filter) IsZero() bool { return len(f.Terms) == 0 && f.Order == OrderDefault }

// String says what f keeps, as a status line shows it.
func (f Filter) String() string {
	parts := make([]string, 0, len(f.Terms)+1)
	for _, t := range f.Terms {
		parts = append(parts, t.label())
	}
	switch f.Order {
	case OrderNewest:
		parts = append(parts, "newest first")
	case OrderOldest:
		parts = append(parts, "oldest first")
	case OrderSource:
		parts = append(parts, "by source")
	}
	return strings.Join(parts, " · ")
}

// Result is the articles a Filter keeps.
type Result struct {
	Filter   Filter
	Articles []*corpus.Article
	// Hits holds, by article ID, what the query matched, when the filter
	// has a query.
	Hits map[string]*search.Hit
	// Cut is set when the limit left articles out.
	Cut bool
	// Total is how many articles the filter keeps, limit or not.
	Total int
}

// Query returns the articles f keeps, at most limit of them (all when
// limit ≤ 0). A query is answered from the index, so it is as complete as
// the load so far.
func (c *Collection) Query(f Filter, limit int) Result {
	r := Result{Filter: f}
	q, searching := f.Term(ByQuery)
	searching = searching && strings.TrimSpace(q.Value) != ""
	narrowed := len(f.Terms) > 1 || len(f.Terms) == 1 && !searching
	var as []*corpus.Article
	if searching {
		// With other terms as well, every hit is needed to keep limit of
		// them after narrowing.
		n := limit
		if narrowed || f.Order != OrderDefault {
			n = 0
		}
		hits, total := c.index.SearchTotal(q.Value, n)
		r.Total = total
		r.Hits = make(map[string]*search.Hit, len(hits))
		as = make([]*corpus.Article, 0, len(hits))
		for i := range hits {
			h := &hits[i]
			r.Hits[h.Article.ID] = h
			as = append(as, h.Article)
		}
		r.Cut = n > 0 && len(hits) == n
	} else {
		as = c.Articles()
	}
	for _, t := range f.Terms {
		as = c.narrow(as, t)
	}
	if f.Order == OrderPlace && searching {
		as = slices.SortedFunc(slices.Values(as), byPlace)
	}
	switch f.Order {
	case OrderNewest:
		as = c.byDay(as, true)
	case OrderOldest:
		as = c.byDay(as, false)
	case OrderSource:
		as = bySource(as)
	}
	if !searching || narrowed || f.Order != OrderDefault {
		r.Total = len(as) // every article kept, before the limit
	}
	if limit > 0 && len(as) > limit {
		as, r.Cut = as[:limit:limit], true
	}
	r.Articles = as
	return r
}

// narrow keeps the articles of as that meet t, in their order; as itself
// is not changed.
func (c *Collection) narrow(as []*corpus.Article, t Term) []*corpus.Article {
	var keep func(a *corpus.Article) bool
	switch t.Field {
	case ByEntity:
		naming := map[string]bool{}
		for _, a := range c.Naming(t.Value) {
			naming[a.ID] = true
		}
		keep = func(a *corpus.Article) bool { return naming[a.ID] }
	case BySource:
		keep = func(a *corpus.Article) bool { return a.Source == t.Value }
	case ByCategory:
		keep = func(a *corpus.Article) bool { return a.Category == t.Value }
	case ByDates:
		out := make([]*corpus.Article, 0, len(as))
		from, to := dayOf(t.From), dayOf(t.To)
		for i, d := range c.days(as) {
			if t.Undated && d == noDay || !t.Undated && d != noDay && d >= from && d < to {
				out = append(out, as[i])
			}
		}
		return out
	default:
		return as
	}
	out := make([]*corpus.Article, 0, len(as))
	for _, a := range as {
		if keep(a) {
			out = append(out, a)
		}
	}
	return out
}

// byDay returns as sorted by own date, newest or oldest first, the undated
// last, each day's articles in the order they had.
func (c *Collection) byDay(as []*corpus.Article, newest bool) []*corpus.Article {
	type dated struct {
		a   *corpus.Article
		day day
	}
	ds := make([]dated, len(as))
	for i, d := range c.days(as) {
		ds[i] = dated{as[i], d}
	}
	slices.SortStableFunc(ds, func(x, y dated) int {
		switch {
		case x.day == noDay || y.day == noDay:
			return cmp.Compare(b2i(x.day == noDay), b2i(y.day == noDay))
		case newest:
			return cmp.Compare(y.day, x.day)
		}
		return cmp.Compare(x.day, y.day)
	})
	out := make([]*corpus.Article, len(ds))
	for i, d := range ds {
		out[i] = d.a
	}
	return out
}

// bySource returns as sorted by source as an Arabic dictionary orders
// words (hamza forms with their alif, ta marbuta with ta), which code
// point order does not; articles with no source come last.
func bySource(as []*corpus.Article) []*corpus.Article {
	col := collate.New(language.Arabic)
	keys := map[string][]byte{}
	var buf collate.Buffer
	for _, a := range as {
		if _, ok := keys[a.Source]; !ok {
			keys[a.Source] = slices.Clone(col.KeyFromString(&buf, a.Source))
			buf.Reset()
		}
	}
	return slices.SortedStableFunc(slices.Values(as), func(x, y *corpus.Article) int {
		if x.Source == "" || y.Source == "" {
			return cmp.Compare(b2i(x.Source == ""), b2i(y.Source == ""))
		}
		return bytes.Compare(keys[x.Source], keys[y.Source])
	})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
