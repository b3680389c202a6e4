package dates_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"testing"

	"sahifa/corpus"
	"sahifa/corpus/corpustest"
	"sahifa/corpus/dates"
	"sahifa/seeds"
)

// The answers Read gave on the seeds at the RulesVersion that gave them;
// see TestVersionCoversAnswers.
const (
	answersVersion = 2
	answersDigest  = "bddbb57a0947d3db5c1714f7ea8cc20efaabef163dd1e1770bd534379aa83c1e"
)

// TestVersionCoversAnswers: what Read gives on the seeds changes only with
// RulesVersion, so that dates a cache kept under one version are never
// taken for another's.
func TestVersionCoversAnswers(t *testing.T) {
	arts, _ := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	h := sha256.New()
	for _, a := range arts {
		fmt.Fprintf(h, "%s %+v\n", a.ID, dates.Read(a))
	}
	digest := hex.EncodeToString(h.Sum(nil))
	if dates.RulesVersion != answersVersion {
		t.Fatalf("RulesVersion changed: set answersVersion = %d, answersDigest = %q", dates.RulesVersion, digest)
	}
	if digest != answersDigest {
		t.Fatalf("the answers on the seeds changed under the same RulesVersion: raise it, then set answersVersion to it and answersDigest = %q", digest)
	}
}

// TestBinaryRoundTrip: an article's dates read back are those written, on
// the seeds and a day of SaudiNewsNet, and a form cut short is refused.
func TestBinaryRoundTrip(t *testing.T) {
	check := func(t *testing.T, arts []*corpus.Article) {
		mentions := 0
		for _, a := range arts {
			want := dates.Read(a)
			b, _ := want.AppendBinary(nil)
			got, err := dates.ParseArticle(b, a)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: read back %+v, %v; written %+v", a.ID, got, err, want)
			}
			mentions += len(want.Mentions)
			for cut := range len(b) {
				if _, err := dates.ParseArticle(b[:cut], a); err == nil {
					t.Fatalf("%s: cut at %d of %d bytes, read", a.ID, cut, len(b))
				}
			}
		}
		if mentions == 0 {
			t.Fatal("no dates to read back")
		}
	}
	arts, _ := corpus.Collect(corpus.LoadFS(context.Background(), seeds.FS))
	check(t, arts)
	t.Run("SaudiNewsNet day", func(t *testing.T) {
		day := corpustest.Shared(t, "data/saudinewsnet/2015-07-21.json")
		arts, _ := corpus.Collect(corpus.Load(context.Background(), []string{day}))
		check(t, arts)
	})
}
