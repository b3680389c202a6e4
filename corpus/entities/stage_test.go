package entities

import "testing"

// TestStageFeaturesVoteAcrossTheDocument gives the second stage's
// features for a document in which the first stage found بوتين a person
// twice and missed him once, and found مجلس الامن an organisation once.
func TestStageFeaturesVoteAcrossTheDocument(t *testing.T) {
	pers, org := tagOf(Person, posUnit), tagOf(Organisation, posBegin)
	stems := [][]string{
		{"قال", "بوتين", "امس"},
		{"التقي", "بوتين", "مجلس", "امن"},
		{"بوتين", "في", "مجلس", "امن", "قال"},
	}
	tags := [][]int{
		{0, pers, 0},
		{0, pers, org, tagOf(Organisation, posLast)},
		{0, 0, 0, 0, 0},
	}
	f := stageFeatures(stems, tags)
	// Token majority: بوتين is a person more often than not.
	wantTok := mix(tStageTok, uint64(Person)<<1|1)
	for _, at := range [][2]int{{0, 1}, {1, 1}, {2, 0}} {
		if got := f[at[0]][at[1]][0]; got != wantTok {
			t.Errorf("sentence %d token %d: token vote %x, want person, mostly (%x)", at[0], at[1], got, wantTok)
		}
	}
	// قال was never in a name: no vote.
	if got := f[0][0][0]; got != 0 {
		t.Errorf("قال has token vote %x, want none", got)
	}
	// Entity majority: the missed بوتين and the missed مجلس امن are
	// covered by the names found elsewhere, with their places in them.
	for _, c := range []struct {
		s, i int
		tag  int
	}{
		{2, 0, pers},
		{2, 2, org},
		{2, 3, tagOf(Organisation, posLast)},
	} {
		if got, want := f[c.s][c.i][1], mix(tStageEnt, uint64(c.tag)); got != want {
			t.Errorf("sentence %d token %d: name vote %x, want tag %d (%x)", c.s, c.i, got, c.tag, want)
		}
	}
	if got := f[2][1][1]; got != 0 {
		t.Errorf("في has name vote %x, want none", got)
	}
	// مجلس alone is half organisation, half not: a vote, not a majority.
	if got, want := f[2][2][0], mix(tStageTok, uint64(Organisation)<<1); got != want {
		t.Errorf("مجلس: token vote %x, want organisation, not mostly (%x)", got, want)
	}
}
