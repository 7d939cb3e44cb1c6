package event

import (
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/internal/jsonx"
)

// Top-level member names the reader looks for, as indexes into keys.
const (
	kEventSource = iota
	kEventName
	kEventType
	kDetailType
	kDetail
	kAWSLogs
	kMessageType
	kLogEvents
	kDigest
	kS3Bucket
	kS3ObjectKey
	kSNSType
	kSNSMessage
	kRecords
	numKeys
)

// keys holds, for each name the reader looks for, 1 + the index of its
// last member in an item's member list, or 0.
type keys [numKeys]int

// keyID maps a member name to its index in keys, or -1.
func keyID(name []byte) int {
	switch string(name) {
	case "eventSource":
		return kEventSource
	case "eventName":
		return kEventName
	case "eventType":
		return kEventType
	case "detail-type":
		return kDetailType
	case "detail":
		return kDetail
	case "awslogs":
		return kAWSLogs
	case "messageType":
		return kMessageType
	case "logEvents":
		return kLogEvents
	case "digestStartTime", "digestEndTime", "digestS3Object", "digestPublicKeyFingerprint", "digestSignatureAlgorithm":
		return kDigest
	case "s3Bucket":
		return kS3Bucket
	case "s3ObjectKey":
		return kS3ObjectKey
	case "Type":
		return kSNSType
	case "Message":
		return kSNSMessage
	case "Records":
		return kRecords
	}
	return -1
}

// stringKeys are the names whose value counts only when it is a string:
// the decoder leaves a string field unchanged for any other value, so the
// last string wins.
const stringKeys = 1<<kEventSource | 1<<kEventName | 1<<kEventType | 1<<kDetailType | 1<<kMessageType | 1<<kSNSType | 1<<kSNSMessage

// find fills k from the members ms of an item.
func (k *keys) find(ms []member) {
	*k = keys{}
	for i := range ms {
		m := &ms[i]
		if id := int(m.id); id >= 0 && (stringKeys&(1<<id) == 0 || m.kind == '"') {
			k[id] = i + 1
		}
	}
}

// filtering reports whether WithEventSources or WithEventNames is set.
func (r *Reader) filtering() bool { return len(r.cfg.sources) > 0 || len(r.cfg.names) > 0 }

// keep reports whether record b passes the source and name filters.
func (r *Reader) keep(b []byte, ms []member, k *keys) bool {
	return matches(b, ms, k[kEventSource], r.cfg.sources) && matches(b, ms, k[kEventName], r.cfg.names)
}

// matches reports whether the string member at 1+i is one of set; an
// empty set matches anything and a missing member reads as "".
func matches(b []byte, ms []member, i int, set []string) bool {
	if len(set) == 0 {
		return true
	}
	var v []byte
	if i > 0 {
		var ok bool
		if v, ok = stringBytes(b, &ms[i-1]); !ok {
			return true // a broken string: let the decoder report it
		}
	}
	for _, s := range set {
		if string(v) == s {
			return true
		}
	}
	return false
}

// stringBytes returns the value of string member m as the decoder would
// read it: the raw bytes when they need no change, else unescaped, with
// each invalid UTF-8 byte read as U+FFFD.
func stringBytes(b []byte, m *member) ([]byte, bool) {
	q := b[m.val.start:m.val.end]
	if len(q) < 2 {
		return nil, false
	}
	raw := q[1 : len(q)-1]
	if !m.valEsc && utf8.Valid(raw) {
		return raw, true
	}
	u, ok := unquote(q)
	return []byte(u), ok
}

// stringValue is stringBytes as a string.
func stringValue(b []byte, m *member) (string, bool) {
	v, ok := stringBytes(b, m)
	return string(v), ok
}

// unquote decodes the JSON string q, quotes included, as the decoder does.
func unquote(q []byte) (string, bool) {
	d := jsonx.NewDecoder(string(q), jsonx.Options{})
	var s string
	if jsonx.Str(d, &s) != jsonx.OK {
		return "", false
	}
	return s, true
}
