package event

import (
	"encoding/binary"
	mbits "math/bits"
	"unicode/utf8"
)

// Early rejection. Most records of a trail fail the source filter, and
// CloudTrail writes eventSource early in a record, before most of its
// top-level members. Once the scanner has read a filtered member whose
// value fails the filter, it stops listing members and skips the rest of
// the record word at a time, as it does nested values.
//
// The verdict can only change if a later top-level member overrides it
// (a duplicate name: the last string wins) or makes the record an
// Insights record. Rather than list the rest's members, the scanner looks
// at every string in the rest (suspicious): one that may be a second
// member of the rejecting name, or an "eventType" of
// "AwsCloudTrailInsight", or any string with a backslash (which could hide
// an escaped name) makes the reader scan the record again with every
// member listed. So the result is always the one the full scan gives
// (TestEarlyRejectChangesNothing, FuzzEarlyReject).

// earlyReject lets tests compare the reader with and without early
// rejection.
var earlyReject = true

// filterSets are the filters the scanner may reject a record by.
type filterSets struct {
	sources, names []string
}

// maybeReject, called when the member just pushed is a string at the top
// level, starts skipping the rest of the record if that member decides
// that the filters reject it.
func (s *scanner) maybeReject(b []byte, base int) {
	m := &s.cur
	var set []string
	switch m.id {
	case kEventSource:
		set = s.filter.sources
	case kEventName:
		set = s.filter.names
	}
	if len(set) == 0 || m.valEsc {
		return
	}
	v := b[base+m.val.start+1 : base+m.val.end-1]
	if !utf8.Valid(v) || inSet(v, set) || s.insightSoFar(b, base) {
		return
	}
	s.rejectedBy = m.id
	s.track = false
	s.floor = 1
}

// insightSoFar reports whether a member listed so far may make the record
// an Insights record (then the record is not rejected early).
func (s *scanner) insightSoFar(b []byte, base int) bool {
	for i := range s.members {
		if m := &s.members[i]; m.id == kEventType && m.kind == '"' {
			if m.valEsc || string(b[base+m.val.start:base+m.val.end]) == `"`+insightType+`"` {
				return true
			}
		}
	}
	return false
}

func inSet(v []byte, set []string) bool {
	for _, s := range set {
		if string(v) == s {
			return true
		}
	}
	return false
}

// The prefix `"event` of the names that may change an early verdict, as
// the first six bytes of a little-endian word.
const (
	eventPrefix     = uint64('"') | 'e'<<8 | 'v'<<16 | 'e'<<24 | 'n'<<32 | 't'<<40
	eventPrefixMask = 1<<48 - 1
)

// suspicious reports whether the string whose opening quote is at i, in
// the rest of a record rejected early, may be a member that changes the
// verdict: a second member of the rejecting name, or an "eventType" of
// "AwsCloudTrailInsight". Where b ends too soon to tell, it says yes.
func (s *scanner) suspicious(b []byte, i int) bool {
	rest := b[i:]
	if !startsOrCut(rest, `"event`) {
		return false
	}
	if len(rest) < len(`"event`) {
		return true
	}
	rest = rest[len(`"event`):]
	name := "Source\""
	if s.rejectedBy == kEventName {
		name = "Name\""
	}
	switch {
	case startsOrCut(rest, name):
		v, cut := memberValue(rest, len(name))
		return cut || v != nil
	case startsOrCut(rest, "Type\""):
		v, cut := memberValue(rest, len("Type\""))
		return cut || v != nil && startsOrCut(v, `"`+insightType+`"`)
	}
	return false
}

// memberValue returns what follows the name that ends at n in b, if the
// name is a member's (a ':' follows it): its value, or nil for a string
// that is not a name. cut says that b ends too soon to tell.
func memberValue(b []byte, n int) (v []byte, cut bool) {
	if len(b) < n {
		return nil, true
	}
	if n = skipSpace(b, n); n == len(b) {
		return nil, true
	}
	if b[n] != ':' {
		return nil, false
	}
	v = b[skipSpace(b, n+1):]
	return v, len(v) == 0
}

// lookAt looks at the strings that open at the bits of o, in the step of
// skipNested at p, in a record rejected early.
func (s *scanner) lookAt(b []byte, p int, o uint64) {
	for ; o != 0; o &= o - 1 {
		j := p + mbits.TrailingZeros64(o)
		// Most strings do not start with "event: that test is inlined.
		if j+8 > len(b) || binary.LittleEndian.Uint64(b[j:])&eventPrefixMask == eventPrefix {
			if s.suspicious(b, j) {
				s.suspect = true
				return
			}
		}
	}
}

// startsOrCut reports whether b starts with s, or ends while it still may.
func startsOrCut(b []byte, s string) bool {
	if len(b) < len(s) {
		return string(b) == s[:len(b)]
	}
	return string(b[:len(s)]) == s
}

// recordMembers returns the top-level members of record b that the filters
// need: the scanner's list, or, when an early rejection may not hold, the
// full list from a second scan.
func (r *Reader) recordMembers(b []byte) []member {
	s := &r.sc
	if s.rejectedBy < 0 || !s.suspect && !s.strEsc {
		return s.members
	}
	r.rescans++
	s.reset('{', false, nlSpace)
	s.scan(b, 0, 0)
	return s.members
}
