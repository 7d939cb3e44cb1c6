package scan

import (
	"encoding/binary"
	mbits "math/bits"
	"strings"
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
// skipNested, which follows the depth from bracket to bracket, looks at
// the strings that open at the top level, and leaves those with
// backslashes to the byte loop; its 64-byte steps pass over a string
// that follows a string and a ':' at once ("name":"value"), which the
// full scan never takes for a name (values in nested.go). So the result
// is always the one the full scan gives (event's
// TestEarlyRejectChangesNothing, TestEarlyRejectValueStrings,
// FuzzEarlyReject).

// Filter holds the filters the scanner may reject a record by: the
// eventSource and eventName values a record may have (none: any).
//
// Items says the records are top-level items (JSON Lines), which a member
// of another name the reader looks for (keys.go) may make an envelope or
// a log file: a record is then rejected early only when no such member
// comes before the rejecting one, and any string in the rest that may be
// one is suspicious too. As the reader acts on such a member (Records)
// before the item ends, it scans the item again from its start as soon
// as Suspect says so, rather than list its members afterwards.
type Filter struct {
	Sources, Names []string
	Items          bool
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
	if !validText(v) || inSet(v, set) || s.insightSoFar(b, base) || s.Filter.Items && s.othersSoFar() {
		return
	}
	s.rejectedBy = m.ID
	s.rejWord = eventSoWord
	if m.ID == KeyEventName {
		s.rejWord = eventNaWord
	}
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

// othersSoFar reports whether a member listed so far has a name the
// reader looks for other than eventSource, eventName and eventType: one
// that may make a top-level item other than a record.
func (s *Scanner) othersSoFar() bool {
	for i := range s.Members {
		if !recordKey(int(s.Members[i].ID)) {
			return true
		}
	}
	return false
}

// recordKey reports whether id is a name whose member early rejection
// accounts for: one of the filtered names or eventType.
func recordKey(id int) bool {
	return id == KeyEventSource || id == KeyEventName || id == KeyEventType
}

// Suspect reports whether the scanner rejected the item early and then
// met a string that may change the verdict.
func (s *Scanner) Suspect() bool { return s.rejectedBy >= 0 && s.suspect }

func inSet(v []byte, set []string) bool {
	for _, s := range set {
		if string(v) == s {
			return true
		}
	}
	return false
}

// The first eight bytes of the names that may change an early verdict,
// quote included, as little-endian words: "eventSource, "eventName and
// "eventType; and the mask of a word's first six bytes.
const (
	eventSoWord     = uint64('"') | 'e'<<8 | 'v'<<16 | 'e'<<24 | 'n'<<32 | 't'<<40 | 'S'<<48 | 'o'<<56
	eventNaWord     = uint64('"') | 'e'<<8 | 'v'<<16 | 'e'<<24 | 'n'<<32 | 't'<<40 | 'N'<<48 | 'a'<<56
	eventTyWord     = uint64('"') | 'e'<<8 | 'v'<<16 | 'e'<<24 | 'n'<<32 | 't'<<40 | 'T'<<48 | 'y'<<56
	eventPrefixMask = 1<<48 - 1
)

// suspicious reports whether the string whose opening quote is at i, in
// the rest of a record rejected early, may be a member that changes the
// verdict: a second member of the rejecting name, or an "eventType" of
// "AwsCloudTrailInsight". Where b ends too soon to tell, it says yes.
func (s *Scanner) suspicious(b []byte, i int) bool {
	rest := b[i:]
	if s.Filter.Items && otherName(rest) {
		return true
	}
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

// maxKeyLen is the length of the longest name keyID knows.
const maxKeyLen = len("digestPublicKeyFingerprint")

// otherNames are the names keyID knows but recordKey does not.
var otherNames = [...]string{
	"detail-type", "detail", "awslogs", "messageType", "logEvents", "digestStartTime", "digestEndTime",
	"digestS3Object", "digestPublicKeyFingerprint", "digestSignatureAlgorithm", "s3Bucket", "s3ObjectKey",
	"Type", "Message", "Records",
}

// otherName reports whether the string that opens b may be a member name
// keyID knows other than the ones recordKey accounts for: for a
// top-level item, one that may make it an envelope or a log file. Where b
// ends too soon to tell, it says yes. A name with escapes counts only at
// the top level, where checkEscapes takes it as suspect anyway.
func otherName(b []byte) bool {
	n := min(len(b), 1+maxKeyLen+1)
	q := 1
	for q < n && b[q] != '"' && b[q] != '\\' {
		q++
	}
	switch {
	case q == n && n < len(b):
		return false // longer than any name
	case q == n:
		for _, name := range otherNames {
			if strings.HasPrefix(name, string(b[1:])) {
				return true // cut short where it may be one
			}
		}
		return false
	case b[q] == '\\':
		return false
	}
	if id := keyID(b[1:q]); id < 0 || recordKey(id) {
		return false
	}
	return afterName(b[q+1:], false) != nameNot
}

// The first six bytes of the names otherName looks for, quote included,
// as little-endian words, for lookAt to tell most strings from them at
// one load.
const (
	preDetail      = uint64('"') | 'd'<<8 | 'e'<<16 | 't'<<24 | 'a'<<32 | 'i'<<40 // "detai
	preAwslogs     = uint64('"') | 'a'<<8 | 'w'<<16 | 's'<<24 | 'l'<<32 | 'o'<<40 // "awslo
	preMessageType = uint64('"') | 'm'<<8 | 'e'<<16 | 's'<<24 | 's'<<32 | 'a'<<40 // "messa
	preLogEvents   = uint64('"') | 'l'<<8 | 'o'<<16 | 'g'<<24 | 'E'<<32 | 'v'<<40 // "logEv
	preDigest      = uint64('"') | 'd'<<8 | 'i'<<16 | 'g'<<24 | 'e'<<32 | 's'<<40 // "diges
	preS3Bucket    = uint64('"') | 's'<<8 | '3'<<16 | 'B'<<24 | 'u'<<32 | 'c'<<40 // "s3Buc
	preS3ObjectKey = uint64('"') | 's'<<8 | '3'<<16 | 'O'<<24 | 'b'<<32 | 'j'<<40 // "s3Obj
	preType        = uint64('"') | 'T'<<8 | 'y'<<16 | 'p'<<24 | 'e'<<32 | '"'<<40 // "Type"
	preMessage     = uint64('"') | 'M'<<8 | 'e'<<16 | 's'<<24 | 's'<<32 | 'a'<<40 // "Messa
	preRecords     = uint64('"') | 'R'<<8 | 'e'<<16 | 'c'<<24 | 'o'<<32 | 'r'<<40 // "Recor
)

// otherHash maps each of the prefixes above to a slot of its own of
// otherSlots (a multiplier found by trying; TestOtherNames checks it).
const otherHash = 0x78e510617311d8a3

// otherSlots holds the prefixes above at their slots, and 0 (no prefix)
// elsewhere.
var otherSlots = func() (t [32]uint64) {
	for _, w := range [...]uint64{preDetail, preAwslogs, preMessageType, preLogEvents, preDigest,
		preS3Bucket, preS3ObjectKey, preType, preMessage, preRecords} {
		t[w*otherHash>>59] = w
	}
	return t
}()

// mayBeOther reports whether the word w, read at a string's opening
// quote, may start a name otherName says yes to: one multiplication and
// one load, with no branch that depends on the bytes.
func mayBeOther(w uint64) bool {
	w &= eventPrefixMask
	return otherSlots[w*otherHash>>59] == w
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
		if j+8 > len(b) {
			if s.suspicious(b, j) {
				s.suspect = true
				return
			}
			continue
		}
		// Most strings start with none of the names suspicious looks
		// for: those tests are inlined.
		w := binary.LittleEndian.Uint64(b[j:])
		if w == s.rejWord || w == eventTyWord || s.Filter.Items && mayBeOther(w) {
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
