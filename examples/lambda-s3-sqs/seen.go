package main

import "sync"

// Seen remembers the eventIDs of the calls already handed to the sink, so
// that a call read again is not output again.
//
// Reading again is normal: SQS delivers at least once, a message whose log
// file broke halfway is retried from the start, and a batch's failed
// messages come back while the same warm instance still runs. CloudTrail
// gives every event a unique eventID, so it is the key. The memory lives in
// one function instance and is bounded (oldest forgotten first); a sink
// that must never see a duplicate, across instances too, writes
// conditionally on eventID (a DynamoDB condition, a primary key).
type Seen struct {
	mu    sync.Mutex
	max   int
	ids   map[string]struct{}
	order []string // ring of ids, oldest at next
	next  int
}

// NewSeen returns a memory of at most max eventIDs.
func NewSeen(max int) *Seen {
	return &Seen{max: max, ids: make(map[string]struct{}, max)}
}

// Has reports whether id was added and not yet forgotten.
func (s *Seen) Has(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.ids[id]
	return ok
}

// Add remembers id, forgetting the oldest one when full.
func (s *Seen) Add(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.ids[id]; ok || s.max <= 0 {
		return
	}
	if len(s.order) < s.max {
		s.order = append(s.order, id)
	} else {
		delete(s.ids, s.order[s.next])
		s.order[s.next] = id
		s.next = (s.next + 1) % s.max
	}
	s.ids[id] = struct{}{}
}
