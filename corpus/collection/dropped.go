package collection

import "sahifa/corpus/search"

// Dropped returns the words of query that search leaves out, as typed: a
// lone tatweel or a proclitic drawn out by one (لـ), which are no word to
// search by, so that the reader can be told rather than find nothing.
func (c *Collection) Dropped(query string) []string { return search.Dropped(query) }
