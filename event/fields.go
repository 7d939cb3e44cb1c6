package event

import "strconv"

// Field describes one member of the record envelope: which eventVersion
// first carried it and how CloudTrail limits its size. Schemas and
// documentation are generated from this table, so a field's history is
// written down once.
type Field struct {
	Name string // JSON member name, such as "tlsDetails"
	// Since is the first eventVersion documented to carry the member.
	// It is the zero Version when no version is documented.
	Since Version
	// MaxBytes is the documented maximum size of the member's value, or 0
	// when none is documented. Above it CloudTrail truncates the content.
	MaxBytes int
	// Doc says in a sentence what the member holds.
	Doc string
}

// SizeLimit returns how CloudTrail treats the member's size, or "" when no
// limit is documented.
func (f Field) SizeLimit() string {
	if f.MaxBytes == 0 {
		return ""
	}
	return "at most " + byteSize(f.MaxBytes) + "; CloudTrail truncates larger content"
}

func byteSize(n int) string {
	if n%kb == 0 {
		return strconv.Itoa(n/kb) + " KB"
	}
	return strconv.Itoa(n) + " bytes"
}

// kb is a kilobyte as CloudTrail counts it.
const kb = 1024

// fields lists the envelope members in the order of the Event struct.
//
// Versions and limits follow the CloudTrail user guide's "record contents"
// page as of eventVersion 1.08 (awsdocs/aws-cloudtrail-user-guide,
// doc_source/cloudtrail-event-reference-record-contents.md), which gives
// apiVersion as 1.01 where an older revision said 1.02; we keep 1.01. That
// revision says content above a limit "is truncated"; the current page adds
// that a truncated field is flagged with "omitted": true, which we have not
// seen in a record. vpcEndpointAccountId (1.09) and eventContext (1.11)
// postdate it: their versions are the ones issue 8 quotes from the current
// page, not checked against its text here. insightDetails belongs to
// Insights events (1.07).
var fields = []Field{
	{"eventVersion", Version{1, 0}, 0, "The record format version, major.minor."},
	{"userIdentity", Version{1, 0}, 0, "Who made the call."},
	{"eventTime", Version{1, 0}, 0, "When the request completed, in UTC."},
	{"eventSource", Version{1, 0}, 0, "The service called, such as elasticache.amazonaws.com."},
	{"eventName", Version{1, 0}, 0, "The API action called."},
	{"awsRegion", Version{1, 0}, 0, "The Region the request went to."},
	{"sourceIPAddress", Version{1, 0}, 0, "The caller's IP address, an AWS service name or \"AWS Internal\"."},
	{"userAgent", Version{1, 0}, 1 * kb, "The client that made the call."},
	{"errorCode", Version{1, 0}, 1 * kb, "The service error, when the call failed."},
	{"errorMessage", Version{1, 0}, 1 * kb, "The error's description, when the call failed."},
	{"requestParameters", Version{1, 0}, 100 * kb, "The call's parameters; null when it had none."},
	{"responseElements", Version{1, 0}, 100 * kb, "The call's result, for calls that change state; often null for reads."},
	{"additionalEventData", Version{1, 0}, 28 * kb, "Service data that is neither request nor response."},
	{"requestID", Version{1, 1}, 1 * kb, "The request ID the service assigned."},
	{"eventID", Version{1, 1}, 0, "The GUID CloudTrail gave the record."},
	{"eventType", Version{1, 2}, 0, "The kind of record, such as AwsApiCall."},
	{"apiVersion", Version{1, 1}, 0, "The API version of an AwsApiCall."},
	{"managementEvent", Version{1, 6}, 0, "Whether the record is a management event."},
	{"readOnly", Version{1, 1}, 0, "Whether the call only reads."},
	{"resources", Version{1, 1}, 0, "Resources the call touched."},
	{"recipientAccountId", Version{1, 2}, 0, "The account that received the record."},
	{"serviceEventDetails", Version{1, 5}, 100 * kb, "What triggered a service event and its result."},
	{"sharedEventID", Version{1, 3}, 0, "A GUID shared by the records of one action delivered to several accounts."},
	{"vpcEndpointId", Version{1, 4}, 0, "The VPC endpoint the call came through."},
	{"vpcEndpointAccountId", Version{1, 9}, 0, "The account that owns the VPC endpoint."},
	{"eventCategory", Version{1, 7}, 0, "Management, Data, NetworkActivity or Insight."},
	{"addendum", Version{1, 8}, 0, "Why the record was delivered late or amended."},
	{"sessionCredentialFromConsole", Version{1, 8}, 0, "\"true\" when the call used console session credentials."},
	{"edgeDeviceDetails", Version{1, 8}, 28 * kb, "The edge device a request targeted."},
	{"tlsDetails", Version{1, 8}, 0, "The TLS version, cipher suite and host header of the call."},
	{"eventContext", Version{1, 11}, 0, "Context added to enriched events."},
	{"insightDetails", Version{1, 7}, 0, "What triggered an Insights event."},
}

// Fields returns the envelope members this package models, in the order of
// the Event struct.
func Fields() []Field { return append([]Field(nil), fields...) }

// LookupField returns the description of the envelope member called name.
func LookupField(name string) (Field, bool) {
	for _, f := range fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// FieldSince returns the eventVersion that introduced the envelope member
// called name; ok is false for members this package does not model.
func FieldSince(name string) (v Version, ok bool) {
	f, ok := LookupField(name)
	return f.Since, ok
}

// Supports reports whether records of version v can carry the envelope
// member called name: v is of the same major version and at least the
// member's Since. It is false for members this package does not model.
func (v Version) Supports(name string) bool {
	since, ok := FieldSince(name)
	return ok && v.AtLeast(since)
}

// Supports reports whether the record's eventVersion is new enough for the
// envelope member called name. It is false when the eventVersion is
// missing or malformed.
func (e *Event) Supports(name string) bool {
	v, ok := e.Version()
	return ok && v.Supports(name)
}
