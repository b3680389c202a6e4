package archive_test

import (
	"testing"

	"sahifa/corpus/collection"
	"sahifa/corpus/corpustest"
)

// benchQueries are searches a reader of a day of Saudi news types.
var benchQueries = []string{
	"السعودية", "وزارة الصحة", `"خادم الحرمين الشريفين"`, "الرياض -جدة", "كورونا",
	"اليمن*", "الحوثيين", "ايران", "داعش", "المملكة العربية السعودية",
}

// BenchmarkSearchDay answers benchQueries, the first 20 articles of each,
// from the archive holding a day of SaudiNewsNet (SAHIFA_BENCH_DAY
// overrides which file) and from the embedded index over the same
// articles: one op is one query.
func BenchmarkSearchDay(b *testing.B) {
	day := corpustest.Shared(b, "data/saudinewsnet/2015-07-22.json")
	c := collection.Open(b.Context(), []string{day})
	defer c.Close()
	if err := c.WaitLoaded(b.Context()); err != nil {
		b.Fatal(err)
	}
	a := open(b)
	if _, err := a.Put(b.Context(), records(c, false)); err != nil {
		b.Fatal(err)
	}
	b.Run("server", func(b *testing.B) {
		i := 0
		for b.Loop() {
			if _, err := a.Search(b.Context(), benchQueries[i%len(benchQueries)], 20); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	b.Run("embedded", func(b *testing.B) {
		i := 0
		for b.Loop() {
			q := benchQueries[i%len(benchQueries)]
			c.Query(collection.Filter{Terms: []collection.Term{{Field: collection.ByQuery, Value: q}}}, 20)
			i++
		}
	})
}
