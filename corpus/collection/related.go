package collection

import (
	"strings"

	"sahifa/corpus"
	"sahifa/corpus/related"
)

type (
	// RelatedArticle is an article related to another: the same story
	// or the same names and topic, with why, and its near-copies.
	RelatedArticle = related.Result
	// RelatedReasons says why an article is related to another.
	RelatedReasons = related.Reasons
)

// Related returns up to k articles related to a, the same story first,
// near-copies grouped in one row. It is answered from the collection's
// index and names, as far as they go now.
func (c *Collection) Related(a *corpus.Article, k int) []RelatedArticle {
	return c.related.Related(a, k)
}

// Lookup returns the article whose ID, URL or title (its runs of spaces
// made one) is q, nil when there is none; of several with one title or
// URL, the first in order of place.
func (c *Collection) Lookup(q string) *corpus.Article {
	q = strings.TrimSpace(q)
	if a := c.Article(q); a != nil {
		return a
	}
	t := titleKey(q)
	for _, a := range c.Articles() {
		if a.URL == q && q != "" || titleKey(a.Title) == t && t != "" {
			return a
		}
	}
	return nil
}

// titleKey is a title with its runs of spaces made one, so that a title
// copied from a terminal finds its article.
func titleKey(t string) string { return strings.Join(strings.Fields(t), " ") }
