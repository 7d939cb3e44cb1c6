package main

import (
	"io"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Row is one line of the event table.
type Row struct {
	Time, Region, Account, Actor, Action, Resource, Outcome string
}

// NewRow builds the table row of an event and its decoded action.
func NewRow(ev *event.Event, a elasticache.Action) Row {
	return Row{
		Time:     ev.EventTime.String(),
		Region:   ev.AWSRegion,
		Account:  Account(ev),
		Actor:    ev.UserIdentity.Person().String(),
		Action:   a.Operation(),
		Resource: MainResource(a),
		Outcome:  Outcome(ev),
	}
}

// Table writes rows aligned in columns under a header.
type Table struct{ g *grid }

var tableHeader = []string{"TIME", "REGION", "ACCOUNT", "ACTOR", "ACTION", "RESOURCE", "OUTCOME"}

// NewTable returns a Table writing to w, as wide as its cells.
func NewTable(w io.Writer) *Table { return &Table{newGrid(w, tableHeader...)} }

// newFittedTable returns a Table writing to w whose rows fit in width
// columns (at least 120): long resources and outcomes are shortened
// first, then actors, then actions, each only as far as leaves it
// recognisable.
func newFittedTable(w io.Writer, width int) *Table {
	floors := []int{0, 0, 0, 20, 22, 14, 10}
	g := newGrid(w, tableHeader...).fit(width, floors, []int{5, 6}, []int{3}, []int{4})
	g.heads = []int{3} // the person's name, before the role
	return &Table{g}
}

// newCSVTable returns a Table writing CSV to w.
func newCSVTable(w io.Writer) *Table { return &Table{newCSV(w, tableHeader...)} }

// Add writes one row; empty cells show as "-", and cells are escaped.
func (t *Table) Add(r Row) {
	t.g.add(r.Time, r.Region, r.Account, r.Actor, r.Action, r.Resource, r.Outcome)
}

// Rows returns the number of rows added.
func (t *Table) Rows() int { return t.g.rows }

// Flush writes the rows held so far.
func (t *Table) Flush() error { return t.g.flush() }
