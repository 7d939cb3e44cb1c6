package wire

import "strconv"

// QuirkKind names one kind of departure from strict JSON or from the API
// model that real CloudTrail data shows and that decoding forgives.
type QuirkKind string

// The quirks decoding forgives. Strict decoding reports each one found.
const (
	// QuirkTrailingComma is a comma before a closing } or ], as in the
	// requestParameters of the AWS documentation's CreateCacheCluster sample.
	QuirkTrailingComma QuirkKind = "trailing-comma"
	// QuirkByteOrderMark is a UTF-8 byte order mark before the JSON text.
	QuirkByteOrderMark QuirkKind = "byte-order-mark"
	// QuirkEmptyObjectAsList is {} where the model has a list; it decodes as
	// an empty list ("cacheNodeIdsToReboot":{ } in the AWS samples).
	QuirkEmptyObjectAsList QuirkKind = "empty-object-as-list"
	// QuirkStringAsNumber is a number written as a JSON string, such as "2".
	QuirkStringAsNumber QuirkKind = "string-as-number"
	// QuirkStringAsBool is a boolean written as the JSON string "true" or "false".
	QuirkStringAsBool QuirkKind = "string-as-bool"
	// QuirkEmptyStringAsAbsent is "" where the model has a number, a
	// boolean or a timestamp, as CloudTrail writes for a value it does not
	// have ("mfaAuthenticated": "", an empty creationDate). The typed field
	// stays unset, as for null, and the "" is kept for re-encoding.
	QuirkEmptyStringAsAbsent QuirkKind = "empty-string-as-absent"
	// QuirkNonRFC3339Time is a timestamp in another accepted form, such as
	// "Dec 1, 2014 10:16:06 PM".
	QuirkNonRFC3339Time QuirkKind = "non-rfc3339-time"
	// QuirkNumberAsTime is a timestamp written as epoch seconds or milliseconds.
	QuirkNumberAsTime QuirkKind = "number-as-time"
	// QuirkKeptRaw is a value whose JSON type does not fit the model where
	// the model expects an object or a list, such as
	// "HIDDEN_DUE_TO_SECURITY_REASONS"; it is kept raw in the parent's
	// Unknown members and the typed field stays unset.
	QuirkKeptRaw QuirkKind = "kept-raw"
	// QuirkKeptRawTooDense is a list or object whose typed form would take
	// far more memory than its text, such as thousands of {} decoding into
	// large structs: it is kept raw in the parent's Unknown members, like
	// QuirkKeptRaw, and the typed field stays unset. Real CloudTrail data
	// never comes near it; it bounds what a hostile record costs.
	QuirkKeptRawTooDense QuirkKind = "kept-raw-dense"
	// QuirkDuplicateName is an object member name seen twice in one object.
	// The last value wins for typed fields.
	QuirkDuplicateName QuirkKind = "duplicate-name"
	// QuirkInvalidUTF8 is a string with bytes that are not UTF-8; each bad
	// byte decodes as U+FFFD. It is one quirk per string, located at the
	// first bad byte; its detail counts the bad bytes.
	QuirkInvalidUTF8 QuirkKind = "invalid-utf8"
	// QuirkNonCanonicalIP is a sourceIPAddress that is an IP address only
	// when read leniently, such as "192.0.2.01" with its leading zero.
	QuirkNonCanonicalIP QuirkKind = "non-canonical-ip"
	// QuirkFlatOutput is a responseElements that is one of an output's
	// alternative structures itself, where the model wraps it: CloudTrail
	// records the single structure StartMigration and CompleteMigration
	// return (a ReplicationGroup or a ServerlessCache) as it does for every
	// other single-structure output. Its member names tell which one it is;
	// re-encoding writes it flat again.
	QuirkFlatOutput QuirkKind = "flat-output"
)

// Quirk is one forgiven departure, located in the original input.
//
// Quirks are bounded, so that a hostile record cannot make decoding keep
// one per byte: each decoder (a record's envelope, each of its payloads)
// locates its first 100 quirks, then only counts the rest per kind. For
// each kind counted so, the list ends with the first quirk of that kind
// past the cap, with Repeats saying how many more of it followed. So every
// kind found keeps its first position, and 1+Repeats summed over the list
// is the number of quirks forgiven.
type Quirk struct {
	Kind   QuirkKind
	Offset int64  // byte offset in the original input
	Path   string // dotted JSON path, like "requestParameters.numCacheNodes"
	Detail string // what was found, for people
	// Repeats counts further quirks of the same kind that followed this
	// one past the cap and were counted, not located; 0 for most quirks.
	Repeats int
}

// String formats q as "path: kind (detail) at offset N", followed by
// " and R more" when Repeats is R > 0.
func (q Quirk) String() string {
	s := q.Path
	if s == "" {
		s = "(record)"
	}
	s += ": " + string(q.Kind)
	if q.Detail != "" {
		s += " (" + q.Detail + ")"
	}
	s += " at offset " + strconv.FormatInt(q.Offset, 10)
	if q.Repeats > 0 {
		s += " and " + strconv.Itoa(q.Repeats) + " more"
	}
	return s
}
