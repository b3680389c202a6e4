// Package corpus reads collections of news articles from files and folders
// and gives them to the rest of Sahifa as Articles, with no terminal code.
//
// Loading is streamed: Load returns at once and sends Batches of articles,
// problems and progress on a channel, so a reader can show the first frame
// before a large collection has been read.
package corpus

import "time"

// Direction is the base direction of a text: left to right or right to left.
type Direction uint8

const (
	LTR Direction = iota
	RTL
)

// DateSource says how an article's date is known.
type DateSource uint8

const (
	DateUnknown  DateSource = iota // no date could be found
	DateMetadata                   // a field of the file (front matter, JSON)
	DateDateline                   // a dateline written in the text itself
)

// ParagraphKind is the role a paragraph plays in an article.
type ParagraphKind uint8

const (
	Body ParagraphKind = iota
	Heading
	Caption
	Quote
	// ListItem is an item of a list, its marker ("•", "2.") at the start
	// of its text.
	ListItem
	// Code is a line of a code block, as written.
	Code
)

// Paragraph is one paragraph of an article's text, in logical order.
type Paragraph struct {
	Kind ParagraphKind
	Text string
	// Inlines are the stretches its source sets off (Markdown emphasis,
	// code and links), in order; nil for plain text.
	Inlines []Inline
}

// InlineKind is how a stretch of a paragraph is set off.
type InlineKind uint8

const (
	Emphasis InlineKind = iota + 1
	Strong
	InlineCode
	Link
)

// Inline is a stretch of a paragraph's text set off in its source: byte
// offsets [Start, End) into Text, and for a link where it points.
type Inline struct {
	Start, End int
	Kind       InlineKind
	URL        string
}

// Article is one news article as read from a file.
type Article struct {
	// ID is stable across runs for the same content: it does not depend on
	// the order in which files were read.
	ID string
	// Path is the file the article came from; Index is its position within
	// that file, counting from 0, or -1 when the file holds one article.
	Path  string
	Index int

	Title  string
	Source string
	URL    string
	Author string
	// Category is the section the source filed the article under, "" when
	// the file does not say.
	Category string
	// Credit is the outlet a republishing notice in the text names as the
	// story's origin ("مضمون هذا الخبر تم كتابته بواسطة شام الإخبارية"), or
	// "". The notice itself is page furniture and goes to Removed; the
	// name it gives is kept, since it tells the reader where the story
	// came from.
	Credit string

	Date     time.Time
	DateFrom DateSource

	// Paragraphs is the article's text, page furniture removed.
	Paragraphs []Paragraph
	// Removed holds what was taken out as page furniture (breadcrumbs,
	// comment forms, share buttons…), in document order, so that a reader
	// can show it on request: nothing is silently lost.
	Removed []string

	// Dir is the base direction of most of the article's text.
	Dir Direction

	// Duplicates names the other places (path, or path#index) where the same
	// text was found; those copies are not loaded as articles of their own.
	// A streamed load reports copies in Batch.Duplicates instead, since an
	// article already sent may be in use; Collect fills this field.
	Duplicates []string
}

// Problem is a file, or a part of one, that could not be read as articles.
type Problem struct {
	Path   string
	Reason string
}

// Duplicate is a copy of an article's text found at another place, and not
// loaded as an article of its own.
type Duplicate struct {
	ID    string // the article that was kept
	Where string // the copy: path, or path#index
}

func (p Problem) Error() string { return p.Path + ": " + p.Reason }

// Batch is one step of a streamed load: the articles and problems found
// since the previous batch, and the progress so far.
type Batch struct {
	Articles []*Article
	Problems []Problem
	// Duplicates are the copies of articles (of this or earlier Batches)
	// found since the previous batch.
	Duplicates []Duplicate
	// FilesFound and FilesRead count files, ArticlesRead counts articles
	// (after duplicates are removed) and DuplicatesFound the copies left
	// out, all since the load started.
	FilesFound, FilesRead, ArticlesRead, DuplicatesFound int
	// BytesFound is the size of the files found so far, BytesRead how much
	// of them has been read: progress through one large file shows too.
	BytesFound, BytesRead int64
	// Done is set on the last batch; the channel is closed after it.
	Done bool
}

// Span is a stretch of an article's text: byte offsets [Start, End) into
// the paragraph Para, which is an index into Paragraphs or one of the
// named positions TitlePara and CreditPara. Search matches, the mentions
// of names and dates are all Spans, so that a reader highlights them the
// same way.
type Span struct {
	Para  int `json:"para"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// Named positions of Spans outside the paragraphs.
const (
	// TitlePara is the Para of a span in the article's Title.
	TitlePara = -1
	// CreditPara is the Para of a span in the article's Credit, the
	// outlet a republishing notice names.
	CreditPara = -2
)

// Text returns the text a span's Para points into: the title, the credit
// or a paragraph; "" for a position the article does not have.
func (a *Article) Text(para int) string {
	switch {
	case para == TitlePara:
		return a.Title
	case para == CreditPara:
		return a.Credit
	case para >= 0 && para < len(a.Paragraphs):
		return a.Paragraphs[para].Text
	}
	return ""
}
