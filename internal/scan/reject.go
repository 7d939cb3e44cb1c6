package scan

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
// at the strings in the rest (suspicious): one that may be a second member
// of the rejecting name, or an "eventType" of "AwsCloudTrailInsight", or a
// string with a backslash at the top level (which could hide an escaped
// name) makes the reader scan the record again with every member listed.
// skipNested, which does not know the depth of each string, looks at the
// strings at every depth and leaves those with backslashes to the byte
// loop, which does. So the result is always the one the full scan gives
// (event's TestEarlyRejectChangesNothing, FuzzEarlyReject).

// Filter holds the filters the scanner may reject a record by: the
// eventSource and eventName values a record may have (none: any).
type Filter struct {
	Sources, Names []string
}

// maybeReject, called when the member just pushed is a string at the top
// level, starts skipping the rest of the record if that member decides
// that the filters reject it.
func (s *Scanner) maybeReject(b []byte, base int) {
	m := &s.cur
	var set []string
	switch m.ID {
	case KeyEventSource:
		set = s.Filter.Sources
	case KeyEventName:
		set = s.Filter.Names
	}
	if len(set) == 0 || m.ValEsc {
		return
	}
	v := b[base+m.Val.Start+1 : base+m.Val.End-1]
	if !utf8.Valid(v) || inSet(v, set) || s.insightSoFar(b, base) {
		return
	}
	s.rejectedBy = m.ID
	s.track = false
	s.floor = 1
}

// insightSoFar reports whether a member listed so far may make the record
// an Insights record (then the record is not rejected early).
func (s *Scanner) insightSoFar(b []byte, base int) bool {
	for i := range s.Members {
		if m := &s.Members[i]; m.ID == KeyEventType && m.Kind == '"' {
			if m.ValEsc || string(b[base+m.Val.Start:base+m.Val.End]) == `"`+InsightType+`"` {
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
func (s *Scanner) suspicious(b []byte, i int) bool {
	rest := b[i:]
	if !startsOrCut(rest, `"event`) {
		return false
	}
	if len(rest) < len(`"event`) {
		return true
	}
	rest = rest[len(`"event`):]
	name := "Source\""
	if s.rejectedBy == KeyEventName {
		name = "Name\""
	}
	switch {
	case startsOrCut(rest, name):
		return afterName(rest[min(len(rest), len(name)):], len(rest) < len(name)) != nameNot
	case startsOrCut(rest, "Type\""):
		switch afterName(rest[min(len(rest), len("Type\"")):], len(rest) < len("Type\"")) {
		case nameNot:
			return false
		case nameMember:
			return insightValue(rest[len("Type\""):])
		}
		return true
	}
	return false
}

// What may follow a string that reads as a member name.
const (
	nameNot    = iota // ',' or '}': it is not a member's name
	nameMember        // ':' and nothing unusual before it
	nameUnsure        // anything else, or the end of b
)

// afterName says what follows the name whose text ends at b; cut says the
// name itself is cut short. It follows the scanner: before the ':', it
// ignores any byte but ',' and '}' (strings and nested values too), so
// anything but white space makes it unsure.
func afterName(b []byte, cut bool) int {
	if cut {
		return nameUnsure
	}
	if n := SkipSpace(b, 0); n < len(b) {
		switch b[n] {
		case ',', '}':
			return nameNot
		case ':':
			return nameMember
		}
	}
	return nameUnsure
}

// insightValue reports whether the value after the name ending at b, a
// ':' and white space, may be the string "AwsCloudTrailInsight". As the
// scanner does, it skips white space, ':' and a ']' that closes nothing
// before the value.
func insightValue(b []byte) bool {
	n := SkipSpace(b, 0) + 1 // after the ':'
	for n < len(b) && (b[n] == ' ' || b[n] == '\t' || b[n] == '\r' || b[n] == '\n' || b[n] == ':' || b[n] == ']') {
		n++
	}
	return startsOrCut(b[n:], `"`+InsightType+`"`)
}

// lookAtString, in the byte loop of a record rejected early, looks at the
// string that opens at i at depth: only a name of the top level matters.
func (s *Scanner) lookAtString(b []byte, i, depth int) {
	s.strEsc = false // for checkEscapes
	if depth == 1 && !s.suspect && s.suspicious(b, i) {
		s.suspect = true
	}
}

// checkEscapes, after a string at depth ends in a record rejected early,
// takes one with escapes at the top level as suspect: it may be an escaped
// name. Escapes deeper down (a policy document in requestParameters) are
// harmless.
func (s *Scanner) checkEscapes(depth int) {
	if s.floor == 1 && depth == 1 && s.strEsc {
		s.suspect = true
	}
}

// lookAt looks at the strings that open at the bits of o, in the step of
// skipNested at p, in a record rejected early.
func (s *Scanner) lookAt(b []byte, p int, o uint64) {
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

// RecordMembers returns the top-level members of record b that the
// filters need: the scanner's list, or, when an early rejection may not
// hold, the full list from a second scan, with again set.
func (s *Scanner) RecordMembers(b []byte) (ms []Member, again bool) {
	if s.rejectedBy < 0 || !s.suspect {
		return s.Members, false
	}
	s.Reset('{', false, NLSpace)
	s.Scan(b, 0, 0)
	return s.Members, true
}
