package entities

// Kind is the type of a named entity.
type Kind uint8

// The kinds follow ANERcorp's tags: PERS, LOC, ORG and MISC.
const (
	Person Kind = iota
	Place
	Organisation
	Other
)

var kindNames = [...]string{"person", "place", "organisation", "other"}

// String returns the kind's English name: person, place, organisation or
// other.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}
