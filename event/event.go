package event

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/payload"
	"github.com/cachetrail/cachetrail/userid"
	"github.com/cachetrail/cachetrail/wire"
)

// Event is one CloudTrail record. Fields follow the record contents of
// eventVersion 1.11; the JSON names are in the struct tags. Members that
// are not modelled are kept in Unknown and written back by MarshalJSON.
//
// requestParameters, responseElements, additionalEventData,
// serviceEventDetails and the other service-defined members stay raw JSON:
// nil means absent and the text "null" means an explicit null. Package
// elasticache decodes the first two into typed values.
type Event struct {
	EventVersion string          `json:"eventVersion"`
	UserIdentity userid.Identity `json:"userIdentity"`
	EventTime    wire.Time       `json:"eventTime"`
	EventSource  string          `json:"eventSource"`
	EventName    string          `json:"eventName"`
	AWSRegion    string          `json:"awsRegion"`
	// SourceIPAddress is an IP address, an AWS service name such as
	// "elasticache.amazonaws.com", or "AWS Internal"; see SourceAddr.
	SourceIPAddress string `json:"sourceIPAddress"`
	UserAgent       string `json:"userAgent"`
	ErrorCode       string `json:"errorCode,omitempty"`
	ErrorMessage    string `json:"errorMessage,omitempty"`

	RequestParameters   json.RawMessage `json:"requestParameters,omitempty"`
	ResponseElements    json.RawMessage `json:"responseElements,omitempty"`
	AdditionalEventData json.RawMessage `json:"additionalEventData,omitempty"`

	RequestID string `json:"requestID,omitempty"`
	EventID   string `json:"eventID"`
	// EventType is "AwsApiCall", "AwsServiceEvent", "AwsConsoleAction",
	// "AwsConsoleSignIn", "AwsCloudTrailInsight" or "AwsVpceEvent".
	EventType       string     `json:"eventType,omitempty"`
	APIVersion      string     `json:"apiVersion,omitempty"`
	ManagementEvent *bool      `json:"managementEvent,omitempty"`
	ReadOnly        *bool      `json:"readOnly,omitempty"`
	Resources       []Resource `json:"resources,omitzero"`

	RecipientAccountID   string          `json:"recipientAccountId,omitempty"`
	ServiceEventDetails  json.RawMessage `json:"serviceEventDetails,omitempty"`
	SharedEventID        string          `json:"sharedEventID,omitempty"`
	VPCEndpointID        string          `json:"vpcEndpointId,omitempty"`
	VPCEndpointAccountID string          `json:"vpcEndpointAccountId,omitempty"`
	// EventCategory is "Management", "Data", "NetworkActivity" or "Insight".
	EventCategory string    `json:"eventCategory,omitempty"`
	Addendum      *Addendum `json:"addendum,omitempty"`
	// SessionCredentialFromConsole is the string "true" when the call used
	// a console session's credentials.
	SessionCredentialFromConsole wire.Bool       `json:"sessionCredentialFromConsole,omitzero"`
	EdgeDeviceDetails            json.RawMessage `json:"edgeDeviceDetails,omitempty"`
	TLSDetails                   *TLSDetails     `json:"tlsDetails,omitempty"`
	EventContext                 json.RawMessage `json:"eventContext,omitempty"`
	InsightDetails               json.RawMessage `json:"insightDetails,omitempty"`

	// Unknown holds the members this model does not know, kept raw.
	Unknown wire.Members `json:"-"`

	present  jsonx.Bits // string members present in the input, even if empty
	quirks   []wire.Quirk
	origin   Origin
	offsets  [numRaw]int64  // offset+1 of each raw payload; 0 when not read
	rawText  [numRaw]string // each raw payload as read, sharing the record's text
	rawBuf   []byte         // the record's bytes from rawFrom on, shared by raw members
	rawFrom  int
	maxDepth int  // the nesting limit it was parsed with
	strict   bool // parsed in strict mode: typed payload decoding is strict too
}

// Resource is one entry of the resources list.
type Resource struct {
	ARN       string       `json:"ARN,omitempty"`
	AccountID string       `json:"accountId,omitempty"`
	Type      string       `json:"type,omitempty"`
	Unknown   wire.Members `json:"-"`

	present jsonx.Bits // members present in the input, even if empty
}

// TLSDetails describes the TLS connection of the call (eventVersion 1.08).
type TLSDetails struct {
	TLSVersion               string       `json:"tlsVersion,omitempty"`
	CipherSuite              string       `json:"cipherSuite,omitempty"`
	ClientProvidedHostHeader string       `json:"clientProvidedHostHeader,omitempty"`
	KeyExchange              string       `json:"keyExchange,omitempty"`
	Unknown                  wire.Members `json:"-"`

	present jsonx.Bits // members present in the input, even if empty
}

// Addendum says why a record was delivered late or changed after delivery
// (eventVersion 1.08).
type Addendum struct {
	Reason            string       `json:"reason,omitempty"`
	UpdatedFields     string       `json:"updatedFields,omitempty"`
	OriginalRequestID string       `json:"originalRequestID,omitempty"`
	OriginalEventID   string       `json:"originalEventID,omitempty"`
	Unknown           wire.Members `json:"-"`

	present jsonx.Bits // members present in the input, even if empty
}

// Origin says where a record was read: the input's name (a file name or
// an S3 key), the record's index in it and the byte offset of its first
// byte. Offsets count the bytes the reader saw, after decompression.
type Origin struct {
	Source string
	Index  int
	Offset int64
}

// Origin returns where the event was read.
func (e *Event) Origin() Origin { return e.origin }

// Quirks returns the departures from strict JSON and from the model that
// were forgiven while reading the event, in input order.
func (e *Event) Quirks() []wire.Quirk { return e.quirks }

// Failed reports whether the call failed: the record has an errorCode.
func (e *Event) Failed() bool { return e.ErrorCode != "" }

// Payload describes a raw payload (requestParameters, responseElements,
// additionalEventData or serviceEventDetails) as read, for the packages of
// this module that decode payloads; its result type is internal. Strict in
// opts makes the result strict, as for an event read in strict mode; other
// options are ignored.
func (e *Event) Payload(member string, opts ...Option) payload.Source {
	i := -1
	var raw []byte
	switch member {
	case "requestParameters":
		i, raw = rawRequestParameters, e.RequestParameters
	case "responseElements":
		i, raw = rawResponseElements, e.ResponseElements
	case "additionalEventData":
		i, raw = rawAdditionalEventData, e.AdditionalEventData
	case "serviceEventDetails":
		i, raw = rawServiceEventDetails, e.ServiceEventDetails
	}
	src := payload.Source{Offset: -1, MaxDepth: e.maxDepth, Strict: e.strict}
	if len(opts) > 0 && !src.Strict {
		src.Strict = newConfig(opts).strict
	}
	if i < 0 {
		return src
	}
	if e.offsets[i] != 0 {
		src.Offset = e.offsets[i] - 1
	}
	// The text serves only while the payload is what was read.
	if s := e.rawText[i]; s != "" && len(s) == len(raw) && s == string(raw) {
		src.Text = s
	}
	return src
}
