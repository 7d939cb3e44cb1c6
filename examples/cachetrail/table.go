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
		Time:     ev.EventTime.Normalized(),
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

// NewTable returns a Table writing to w.
func NewTable(w io.Writer) *Table {
	return &Table{newGrid(w, "TIME", "REGION", "ACCOUNT", "ACTOR", "ACTION", "RESOURCE", "OUTCOME")}
}

// Add writes one row; empty cells show as "-", and cells are escaped.
func (t *Table) Add(r Row) {
	t.g.add(r.Time, r.Region, r.Account, r.Actor, r.Action, r.Resource, r.Outcome)
}

// Rows returns the number of rows added.
func (t *Table) Rows() int { return t.g.rows }

// Flush writes the rows held so far.
func (t *Table) Flush() error { return t.g.flush() }
