package entities

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"testing"
)

// The answers the package gave on the seeds at the version that gave
// them; see TestVersionCoversAnswers.
const (
	answersVersion = "b3cd96bfba478fb047d665c933e6709465afca04053246cfcbc68043c45ab627"
	answersDigest  = "260985b46779734a2884cb79377215c4520ec748fd96825e9df958bfd5d8b25e"
)

// TestVersionCoversAnswers: what Tag, Resolve and Known give on the seeds
// changes only with Version, so that readings a cache kept under one
// version are never taken for another's. A change of the rules that
// changes the answers must raise RulesVersion.
func TestVersionCoversAnswers(t *testing.T) {
	seeds := seedArticles(t)
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	first := NewCatalog()
	taggings := map[string]Tagging{}
	names := slices.Sorted(maps.Keys(seeds))
	for _, name := range names {
		a := seeds[name]
		tg := m.Tag(a)
		taggings[name] = tg
		b, _ := tg.AppendBinary(nil)
		var none *Catalog
		es := none.Resolve(a, tg)
		fmt.Fprintf(h, "%s %x %v\n", name, b, es)
		first.Add(a, es)
	}
	known, _ := first.Known().AppendBinary(nil)
	fmt.Fprintf(h, "%x\n", known)
	for _, name := range names {
		fmt.Fprintf(h, "%s %v\n", name, first.Resolve(seeds[name], taggings[name]))
	}
	version, digest := Version(), h.Sum(nil)
	if hex.EncodeToString(version[:]) != answersVersion {
		t.Fatalf("the model or RulesVersion changed: set answersVersion = %q, answersDigest = %q", hex.EncodeToString(version[:]), hex.EncodeToString(digest))
	}
	if hex.EncodeToString(digest) != answersDigest {
		t.Fatalf("the answers on the seeds changed under the same Version: raise RulesVersion, then set answersVersion and answersDigest as this test says")
	}
}

// TestTaggingRoundTrip: a tagging read back resolves as the one written,
// and damaged forms are refused, not misread.
func TestTaggingRoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range seedArticles(t) {
		tg := m.Tag(a)
		b, _ := tg.AppendBinary(nil)
		back, err := ParseTagging(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var none *Catalog
		if !reflect.DeepEqual(none.Resolve(a, back), none.Resolve(a, tg)) || back.Names() != tg.Names() || tg.Names() == 0 {
			t.Fatalf("%s: read back %d names, written %d", name, back.Names(), tg.Names())
		}
		for cut := range len(b) {
			if _, err := ParseTagging(b[:cut]); err == nil {
				t.Fatalf("%s: a tagging cut at %d of %d bytes was read", name, cut, len(b))
			}
		}
	}
}

// TestKnownChanges: a catalog grown by an article knows names the smaller
// one did not, and Changes touches the articles that write them and not
// the others.
func TestKnownChanges(t *testing.T) {
	seeds := seedArticles(t)
	names := slices.Sorted(maps.Keys(seeds))
	small, all := NewCatalog(), NewCatalog()
	for i, name := range names {
		es := Extract(seeds[name])
		all.Add(seeds[name], es)
		if i > 0 {
			small.Add(seeds[name], es)
		}
	}
	b, _ := all.Known().AppendBinary(nil)
	back, err := ParseKnown(b)
	if err != nil || back.Changes(all.Known()).Len() != 0 || back.Len() == 0 {
		t.Fatalf("read back: %v, %d names, %d changes", err, back.Len(), back.Changes(all.Known()).Len())
	}
	ch := all.Known().Changes(small.Known())
	if ch.Len() == 0 {
		t.Fatalf("leaving out %s changes nothing the catalog knows", names[0])
	}
	touched := 0
	for _, name := range names {
		// What Touch leaves out must read the same through both.
		a := seeds[name]
		if !ch.Touch(a) {
			if !reflect.DeepEqual(all.Extract(a), small.Extract(a)) {
				t.Errorf("%s: not touched, but read differently", name)
			}
			continue
		}
		touched++
	}
	if touched == 0 || touched == len(names) {
		t.Errorf("%d of %d articles touched", touched, len(names))
	}
	if _, err := ParseKnown(b[:len(b)-1]); err == nil {
		t.Error("a Known cut short was read")
	}
}
