package scan

import "bytes"

// Record starts. After damage the reader skips to the next record start:
// a '{' followed by a member name that begins records or the envelopes
// that hold them (recordStartNames), as in {"eventVersion":. That byte
// sequence cannot occur inside a JSON string, so the rule holds whatever
// the quotes of the damaged bytes say. The reader's policy (fences,
// going back) is internal/split's resync.go; the bytes are looked at here.

// recordStartNames are the first member names the reader resumes at:
// CloudTrail's eventVersion, the identifying members, the first ones of a
// record with sorted keys, and the first of an EventBridge event and of
// CloudWatch Logs payloads.
var recordStartNames = [...]string{
	"eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "eventID",
	"additionalEventData", "apiVersion", "awsRegion",
	"version", "detail-type", "messageType", "awslogs",
}

// maxStartSpace bounds the white space looked at inside a record start.
const maxStartSpace = 64

// recordStart reports whether b[i] (a '{') starts a record start:
// '{', white space, a name of recordStartNames in quotes, white space,
// ':'. more says b ends before that can be told.
func recordStart(b []byte, i int) (yes, more bool) {
	p, end := i+1, min(len(b), i+1+maxStartSpace)
	for p < end && isSpace(b[p]) {
		p++
	}
	if p >= len(b) {
		return false, true
	}
	if b[p] != '"' {
		return false, false
	}
	p++
	q := bytes.IndexByte(b[p:min(len(b), p+24)], '"')
	if q < 0 {
		return false, len(b)-p < 24
	}
	if !startName(b[p : p+q]) {
		return false, false
	}
	p += q + 1
	for end = min(len(b), p+maxStartSpace); p < end && isSpace(b[p]); p++ {
	}
	if p >= len(b) {
		return false, true
	}
	return b[p] == ':', false
}

func startName(name []byte) bool {
	for _, n := range recordStartNames {
		if string(name) == n {
			return true
		}
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// FindStart returns the index of the first record start in b at or after
// p whose '{' is before lim, or -1; more says b ends inside what may be
// one, at the index.
func FindStart(b []byte, p, lim int) (int, bool) {
	for p < lim {
		i := bytes.IndexByte(b[p:lim], '{')
		if i < 0 {
			return -1, false
		}
		p += i
		if yes, more := recordStart(b, p); yes || more {
			return p, more
		}
		p++
	}
	return -1, false
}

// ValueMayStart reports whether a value may start at b[p], outside
// strings at depth, looking back over white space to base: after ':',
// '[' or an array's ','.
func (s *Scanner) ValueMayStart(b []byte, p, base, depth int) bool {
	for q := p - 1; q >= base; q-- {
		switch b[q] {
		case ' ', '\t', '\r', '\n':
		case ':', '[':
			return true
		case ',':
			return depth >= 1 && depth <= maxKinds && s.arrays[(depth-1)/64]&(uint64(1)<<((depth-1)%64)) != 0
		default:
			return false
		}
	}
	return false
}

// MemberNameAt reports whether b[q], a '"', starts a member name: a string
// followed by white space and ':'. more says b ends before that can be
// told.
func MemberNameAt(b []byte, q int) (ok, more bool) {
	for p := q + 1; p < len(b); p++ {
		switch b[p] {
		case '\\':
			p++
		case '"':
			p = SkipSpace(b, p+1)
			if p >= len(b) {
				return false, true
			}
			return b[p] == ':', false
		}
	}
	return false, true
}

// SkipComma returns the index of the first byte of b at or after p that
// is neither white space nor a ',' (the first only, unless comma says one
// was passed already), and whether one was.
func SkipComma(b []byte, p int, comma bool) (int, bool) {
	for p < len(b) && (isSpace(b[p]) || (!comma && b[p] == ',')) {
		comma = comma || b[p] == ','
		p++
	}
	return p, comma
}

// envelopeNames are the record start names that begin an envelope (an
// EventBridge event, a CloudWatch Logs payload), never a CloudTrail record.
var envelopeNames = [...]string{"version", "detail-type", "messageType", "awslogs"}

// EnvelopeAt reports whether b[i] starts a record start whose name begins
// an envelope rather than a record, as in {"version":. It is false when b
// ends before that can be told.
func EnvelopeAt(b []byte, i int) bool {
	if i >= len(b) || b[i] != '{' {
		return false
	}
	if yes, _ := recordStart(b, i); !yes {
		return false
	}
	p := SkipSpace(b, i+1) + 1
	q := bytes.IndexByte(b[p:], '"')
	for _, n := range envelopeNames {
		if string(b[p:p+q]) == n {
			return true
		}
	}
	return false
}
