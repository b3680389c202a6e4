package bidi

// Direction is the direction of a paragraph, as chosen by the caller.
type Direction uint8

const (
	// Auto takes the paragraph direction from its first strong character (UAX #9 rules P2–P3), LTR if it has none.
	Auto Direction = iota
	// LTR forces a left-to-right paragraph (embedding level 0).
	LTR
	// RTL forces a right-to-left paragraph (embedding level 1).
	RTL
)
