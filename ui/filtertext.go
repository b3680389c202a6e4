package ui

import (
	"cmp"

	"sahifa/corpus/collection"
)

// describeFilter says what f keeps, as the status line and the list's
// title show it, in the interface's language: collection.Filter's String
// words it in English for the commands.
func (e *env) describeFilter(f collection.Filter) string {
	var s string
	add := func(part string) {
		if s != "" {
			s += " · "
		}
		s += part
	}
	for _, t := range f.Terms {
		l := cmp.Or(t.Label, t.Value)
		switch t.Field {
		case collection.ByQuery:
			add("“" + l + "”")
		case collection.ByEntity:
			add(e.tr.Sprintf("naming %s", l))
		case collection.BySource:
			add(e.tr.Sprintf("from %s", l))
		case collection.ByCategory:
			add(e.tr.Sprintf("in %s", l))
		case collection.ByDates:
			switch {
			case t.Undated:
				add(e.tr.Text("undated"))
			case t.Label != "":
				add(e.tr.Sprintf("dated %s", t.Label))
			default:
				add(e.tr.Sprintf("dated %s–%s", t.From.Format("2006-01-02"), t.To.AddDate(0, 0, -1).Format("2006-01-02")))
			}
		default:
			add(l)
		}
	}
	for _, o := range sortCycle {
		if o.order == f.Order && o.order != collection.OrderDefault {
			add(e.tr.Text(o.label))
		}
	}
	return s
}
