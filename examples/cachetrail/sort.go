package main

import (
	"fmt"
	"slices"
	"time"
)

// sortLimit bounds the events -sort holds: past it, the held events are
// written in time order and the rest follow in input order, with an
// error saying so. What is held is the printed form (a table row, a JSON
// line), a few hundred bytes to a few kB an event.
const sortLimit = 50_000

// sorter holds printed events to write them in time order at the end.
type sorter[T any] struct {
	held []timed[T]
	over bool
	emit func(T)
	fail func(error)
}

type timed[T any] struct {
	t time.Time
	v T
}

// add holds v, or writes it when the limit was passed.
func (s *sorter[T]) add(t time.Time, v T) {
	if s.over {
		s.emit(v)
		return
	}
	if len(s.held) == sortLimit {
		s.over = true
		s.flush()
		s.fail(fmt.Errorf("-sort: more than %d events; the events after them are in input order (narrow the run with -since, -until or -action)", sortLimit))
		s.emit(v)
		return
	}
	s.held = append(s.held, timed[T]{t, v})
}

// flush writes the held events in time order; those of one time keep
// their input order.
func (s *sorter[T]) flush() {
	slices.SortStableFunc(s.held, func(a, b timed[T]) int { return a.t.Compare(b.t) })
	for _, h := range s.held {
		s.emit(h.v)
	}
	s.held = nil
}
