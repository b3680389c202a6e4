package lang

import "golang.org/x/text/feature/plural"

// english holds the English texts that differ from their key: those with
// a plural form. CLDR gives English two, one and other.
var english = []entry{
	{"%d articles", plural.Selectf(1, "%d", plural.One, "%[1]d article", plural.Other, "%[1]d articles")},
	{"%d problems (p)", plural.Selectf(1, "%d", plural.One, "%[1]d problem (p)", plural.Other, "%[1]d problems (p)")},
	{"+%d copies", plural.Selectf(1, "%d", plural.One, "+%[1]d copy", plural.Other, "+%[1]d copies")},
	{"%d new articles", plural.Selectf(1, "%d", plural.One, "%[1]d new article", plural.Other, "%[1]d new articles")},
	{"%d duplicates left out", plural.Selectf(1, "%d", plural.One, "%[1]d duplicate left out", plural.Other, "%[1]d duplicates left out")},
}
