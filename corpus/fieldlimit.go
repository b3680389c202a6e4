package corpus

import "fmt"

// tooLong says why an article is left out when one of its fields — the
// title, source, URL, author, category, or a paragraph of the text — is
// longer than MaxLineSize, whatever the format: a JSON string is held to
// the limit a line of a text file is, since laying out, searching and
// tagging a paragraph cost time and memory with its length. It returns ""
// when every field is within the limit.
func (d *draft) tooLong() string {
	fields := []struct{ name, text string }{
		{"title", d.title}, {"source", d.source}, {"url", d.url}, {"author", d.author}, {"category", d.category},
	}
	for _, f := range fields {
		if len(f.text) > MaxLineSize {
			return d.refusal(fmt.Sprintf("its %s is %s", f.name, megabytes(len(f.text))))
		}
	}
	for i, l := range d.lines {
		if len(l.text) > MaxLineSize {
			return d.refusal(fmt.Sprintf("paragraph %d of its text is %s", i+1, megabytes(len(l.text))))
		}
	}
	return ""
}

func (d *draft) refusal(what string) string {
	s := fmt.Sprintf("%s, longer than the %d MB Sahifa reads in one field; the article is left out", what, MaxLineSize>>20)
	if d.index >= 0 {
		return fmt.Sprintf("article %d: %s", d.index, s)
	}
	return s
}

// megabytes writes n bytes in MB to one decimal, rounded up so that a
// field just over the limit does not read as the limit itself.
func megabytes(n int) string {
	tenths := (n*10 + (1<<20 - 1)) >> 20
	return fmt.Sprintf("%d.%d MB", tenths/10, tenths%10)
}
