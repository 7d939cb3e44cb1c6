package event

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/internal/jsonx"
)

// MarshalJSON encodes the event as a CloudTrail record: the members in
// CloudTrail's usual order, then the unknown ones. Timestamps and raw
// payloads are written as they were read, so encoding a parsed event gives
// the same JSON value as the input, less any forgiven quirks.
func (e *Event) MarshalJSON() ([]byte, error) {
	var enc jsonx.Encoder
	e.encode(&enc)
	return enc.Bytes(), nil
}

// UnmarshalJSON decodes a record as Parse does, tolerantly. It returns
// Parse's error, if any.
func (e *Event) UnmarshalJSON(data []byte) error {
	ev, err := Parse(data)
	if ev != nil {
		*e = *ev
	}
	return err
}

func (e *Event) strMember(enc *jsonx.Encoder, bit bits, name, v string) {
	if v != "" || e.present.has(bit) {
		enc.Key(name)
		enc.String(v)
	}
}

func rawMemberEncode(enc *jsonx.Encoder, name string, v json.RawMessage) {
	if v != nil {
		enc.Key(name)
		if enc.Redact {
			enc.RedactedRaw(name, v)
			return
		}
		enc.Raw(v)
	}
}

func boolMember(enc *jsonx.Encoder, name string, v *bool) {
	if v != nil {
		enc.Key(name)
		enc.Bool(*v)
	}
}

func (e *Event) encode(enc *jsonx.Encoder) {
	enc.ObjectStart()
	e.strMember(enc, hasEventVersion, "eventVersion", e.EventVersion)
	if e.present.has(hasUserIdentity) || !e.UserIdentity.IsZero() {
		enc.Key("userIdentity")
		e.UserIdentity.EncodeTo(enc)
	}
	if !e.EventTime.IsZero() {
		enc.Key("eventTime")
		enc.Time(e.EventTime)
	}
	e.strMember(enc, hasEventSource, "eventSource", e.EventSource)
	e.strMember(enc, hasEventName, "eventName", e.EventName)
	e.strMember(enc, hasAWSRegion, "awsRegion", e.AWSRegion)
	e.strMember(enc, hasSourceIPAddress, "sourceIPAddress", e.SourceIPAddress)
	e.strMember(enc, hasUserAgent, "userAgent", e.UserAgent)
	e.strMember(enc, hasErrorCode, "errorCode", e.ErrorCode)
	e.strMember(enc, hasErrorMessage, "errorMessage", e.ErrorMessage)
	rawMemberEncode(enc, "requestParameters", e.RequestParameters)
	rawMemberEncode(enc, "responseElements", e.ResponseElements)
	rawMemberEncode(enc, "additionalEventData", e.AdditionalEventData)
	e.strMember(enc, hasRequestID, "requestID", e.RequestID)
	e.strMember(enc, hasEventID, "eventID", e.EventID)
	e.strMember(enc, hasEventType, "eventType", e.EventType)
	e.strMember(enc, hasAPIVersion, "apiVersion", e.APIVersion)
	boolMember(enc, "readOnly", e.ReadOnly)
	if e.Resources != nil {
		enc.Key("resources")
		jsonx.EncodeList(enc, e.Resources, (*Resource).encode)
	}
	e.strMember(enc, hasRecipientAccountID, "recipientAccountId", e.RecipientAccountID)
	rawMemberEncode(enc, "serviceEventDetails", e.ServiceEventDetails)
	e.strMember(enc, hasSharedEventID, "sharedEventID", e.SharedEventID)
	e.strMember(enc, hasVPCEndpointID, "vpcEndpointId", e.VPCEndpointID)
	e.strMember(enc, hasVPCEndpointAccountID, "vpcEndpointAccountId", e.VPCEndpointAccountID)
	boolMember(enc, "managementEvent", e.ManagementEvent)
	e.strMember(enc, hasEventCategory, "eventCategory", e.EventCategory)
	if e.Addendum != nil {
		enc.Key("addendum")
		e.Addendum.encode(enc)
	}
	if !e.SessionCredentialFromConsole.IsZero() {
		enc.Key("sessionCredentialFromConsole")
		enc.WireBool(e.SessionCredentialFromConsole)
	}
	rawMemberEncode(enc, "edgeDeviceDetails", e.EdgeDeviceDetails)
	if e.TLSDetails != nil {
		enc.Key("tlsDetails")
		e.TLSDetails.encode(enc)
	}
	rawMemberEncode(enc, "insightDetails", e.InsightDetails)
	rawMemberEncode(enc, "eventContext", e.EventContext)
	enc.Members(e.Unknown)
	enc.ObjectEnd()
}

func strField(enc *jsonx.Encoder, present uint8, i uint, name, v string) {
	if v != "" || present&(1<<i) != 0 {
		enc.Key(name)
		enc.String(v)
	}
}

func (r *Resource) encode(enc *jsonx.Encoder) {
	enc.ObjectStart()
	strField(enc, r.present, 0, "ARN", r.ARN)
	strField(enc, r.present, 1, "accountId", r.AccountID)
	strField(enc, r.present, 2, "type", r.Type)
	enc.Members(r.Unknown)
	enc.ObjectEnd()
}

func (t *TLSDetails) encode(enc *jsonx.Encoder) {
	enc.ObjectStart()
	strField(enc, t.present, 0, "tlsVersion", t.TLSVersion)
	strField(enc, t.present, 1, "cipherSuite", t.CipherSuite)
	strField(enc, t.present, 2, "clientProvidedHostHeader", t.ClientProvidedHostHeader)
	strField(enc, t.present, 3, "keyExchange", t.KeyExchange)
	enc.Members(t.Unknown)
	enc.ObjectEnd()
}

func (a *Addendum) encode(enc *jsonx.Encoder) {
	enc.ObjectStart()
	strField(enc, a.present, 0, "reason", a.Reason)
	strField(enc, a.present, 1, "updatedFields", a.UpdatedFields)
	strField(enc, a.present, 2, "originalRequestID", a.OriginalRequestID)
	strField(enc, a.present, 3, "originalEventID", a.OriginalEventID)
	enc.Members(a.Unknown)
	enc.ObjectEnd()
}
