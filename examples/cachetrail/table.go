package main

import (
	"fmt"
	"io"
	"text/tabwriter"

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
		Actor:    ev.UserIdentity.Actor(),
		Action:   a.Operation(),
		Resource: MainResource(a),
		Outcome:  Outcome(ev),
	}
}

// flushEvery bounds how many rows the table holds before aligning and
// writing them, so a long run streams its output.
const flushEvery = 1000

// Table writes rows aligned in columns under a header.
type Table struct {
	tw      *tabwriter.Writer
	pending int
	rows    int
}

// NewTable returns a Table writing to w.
func NewTable(w io.Writer) *Table {
	t := &Table{tw: tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)}
	fmt.Fprintln(t.tw, "TIME\tREGION\tACCOUNT\tACTOR\tACTION\tRESOURCE\tOUTCOME")
	return t
}

// Add writes one row; empty cells show as "-", and cells are escaped.
func (t *Table) Add(r Row) {
	fmt.Fprintf(t.tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
		cell(r.Time), cell(r.Region), cell(r.Account), cell(r.Actor), cell(r.Action), cell(r.Resource), cell(r.Outcome))
	t.rows++
	if t.pending++; t.pending >= flushEvery {
		t.Flush()
	}
}

// Rows returns the number of rows added.
func (t *Table) Rows() int { return t.rows }

// Flush writes the rows held so far.
func (t *Table) Flush() error {
	t.pending = 0
	return t.tw.Flush()
}

// cell is a value as a table shows it: escaped, "-" when empty.
func cell(s string) string {
	if s == "" {
		return "-"
	}
	return escape(s)
}
