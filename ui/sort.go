package ui

import (
	tea "charm.land/bubbletea/v2"

	"sahifa/corpus/collection"
)

// sortCycle is the orders s steps the list through: file order (best first
// for a search), then by date both ways, then by source, as newsboat's and
// mutt's sort keys go round.
var sortCycle = []struct {
	order collection.Order
	label string // what the list is in, for the help bar's next step
}{
	{collection.OrderDefault, "file order"},
	{collection.OrderNewest, "newest first"},
	{collection.OrderOldest, "oldest first"},
	{collection.OrderSource, "by source"},
}

// sortStep returns where s goes from order: the next order of the cycle
// and its label.
func sortStep(order collection.Order) (collection.Order, string) {
	i := 0
	for j, s := range sortCycle {
		if s.order == order {
			i = j
		}
	}
	next := sortCycle[(i+1)%len(sortCycle)]
	return next.order, next.label
}

// sortList puts the list in the next order of the cycle.
func (m *Model) sortList() tea.Cmd {
	f := m.list.filter()
	f.Order, _ = sortStep(f.Order)
	return m.setFilter(f)
}
