package collection

import (
	"sahifa/corpus"
	"sahifa/corpus/entities"
	"sahifa/corpus/search"
)

// The types and constants a screen or a command needs to show what the
// collection answers, so that they see one face and not the packages
// behind it.
type (
	// Article is one news article.
	Article = corpus.Article
	// Paragraph is one paragraph of an article.
	Paragraph = corpus.Paragraph
	// Inline is a stretch of a paragraph its source sets off.
	Inline = corpus.Inline
	// InlineKind is how an Inline is set off.
	InlineKind = corpus.InlineKind
	// Span is a stretch of an article's text.
	Span = corpus.Span
	// Problem is a file, or part of one, that could not be read.
	Problem = corpus.Problem
	// Hit is an article a query found, with its matches.
	Hit = search.Hit
	// Entity is a name of an article with its mentions.
	Entity = entities.Entity
	// Ranked is an entity of the collection and how many articles name it.
	Ranked = entities.Ranked
	// Kind is the kind of an entity.
	Kind = entities.Kind
)

// Named positions of spans, paragraph kinds, directions and how a date is
// known, as package corpus defines them.
const (
	TitlePara  = corpus.TitlePara
	CreditPara = corpus.CreditPara

	Body     = corpus.Body
	Heading  = corpus.Heading
	Caption  = corpus.Caption
	Quote    = corpus.Quote
	ListItem = corpus.ListItem
	Code     = corpus.Code

	Emphasis   = corpus.Emphasis
	Strong     = corpus.Strong
	InlineCode = corpus.InlineCode
	Link       = corpus.Link

	LTR = corpus.LTR
	RTL = corpus.RTL

	DateUnknown  = corpus.DateUnknown
	DateMetadata = corpus.DateMetadata
	DateDateline = corpus.DateDateline
)

// MaxParagraphSize is the longest paragraph an article holds; a longer
// one is cut (corpus.MaxParagraphSize).
const MaxParagraphSize = corpus.MaxParagraphSize

// The kinds of entities.
const (
	Person       = entities.Person
	Place        = entities.Place
	Organisation = entities.Organisation
	Other        = entities.Other
)

// Snippet returns the text around match m of hit h, about runes long, and
// the matches within it as offsets into the snippet.
func Snippet(h *Hit, runes int) (string, []Span) { return h.Snippet(runes) }
