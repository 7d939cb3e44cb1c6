package event

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/userid"
	"github.com/cachetrail/cachetrail/wire"
)

// bits records which string members were present in the input, so that a
// member present with an empty value is written back.
type bits uint32

const (
	hasEventVersion bits = 1 << iota
	hasUserIdentity
	hasEventSource
	hasEventName
	hasAWSRegion
	hasSourceIPAddress
	hasUserAgent
	hasErrorCode
	hasErrorMessage
	hasRequestID
	hasEventID
	hasEventType
	hasAPIVersion
	hasRecipientAccountID
	hasSharedEventID
	hasVPCEndpointID
	hasVPCEndpointAccountID
	hasEventCategory
)

func (b bits) has(x bits) bool { return b&x != 0 }

// str decodes a string member and records its presence.
func (e *Event) str(d *jsonx.Decoder, bit bits, p *string) jsonx.Status {
	return jsonx.StrBit(d, p, &e.present, bit)
}

func (e *Event) raw(d *jsonx.Decoder, i int, p *json.RawMessage) jsonx.Status {
	off, start := d.Offset(), d.Pos()
	var s string
	st := jsonx.RawValue(d, &s)
	if st == jsonx.OK {
		*p = e.rawBytes(d.Source(), start, s)
		e.offsets[i] = off + 1
		e.rawText[i] = s
	}
	return st
}

// rawBytes returns s, read from src at start, as bytes. The first payload
// copies the rest of the record once and later ones share that copy: a
// record has several payloads and they come late in it. Each slice is
// capped at its own end, so appending to one cannot touch the next.
func (e *Event) rawBytes(src string, start int, s string) json.RawMessage {
	if start < len(src) && len(s) <= len(src)-start && src[start:start+len(s)] == s {
		if e.rawBuf == nil || start < e.rawFrom {
			e.rawBuf, e.rawFrom = []byte(src[start:]), start
		}
		i := start - e.rawFrom
		return e.rawBuf[i : i+len(s) : i+len(s)]
	}
	return json.RawMessage(s) // a forgiven trailing comma made s differ from src
}

func (e *Event) rawMember(d *jsonx.Decoder, p *json.RawMessage) jsonx.Status {
	start := d.Pos()
	var s string
	st := jsonx.RawValue(d, &s)
	if st == jsonx.OK {
		*p = e.rawBytes(d.Source(), start, s)
	}
	return st
}

// decode reads the record object.
func (e *Event) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "eventVersion":
			st = e.str(d, hasEventVersion, &e.EventVersion)
		case "userIdentity":
			if d.Dup() {
				// The last value wins: it must not merge into the earlier.
				e.UserIdentity = userid.Identity{}
				e.present &^= hasUserIdentity
			}
			st = e.UserIdentity.DecodeFrom(d)
			if st == jsonx.OK {
				e.present |= hasUserIdentity
			}
		case "eventTime":
			st = jsonx.TimeValue(d, &e.EventTime)
		case "eventSource":
			st = e.str(d, hasEventSource, &e.EventSource)
		case "eventName":
			st = e.str(d, hasEventName, &e.EventName)
		case "awsRegion":
			st = e.str(d, hasAWSRegion, &e.AWSRegion)
		case "sourceIPAddress":
			off := d.Offset()
			st = e.str(d, hasSourceIPAddress, &e.SourceIPAddress)
			if st == jsonx.OK {
				e.checkSourceIP(d, off)
			}
		case "userAgent":
			st = e.str(d, hasUserAgent, &e.UserAgent)
		case "errorCode":
			st = e.str(d, hasErrorCode, &e.ErrorCode)
		case "errorMessage":
			st = e.str(d, hasErrorMessage, &e.ErrorMessage)
		case "requestParameters":
			st = e.raw(d, rawRequestParameters, &e.RequestParameters)
		case "responseElements":
			st = e.raw(d, rawResponseElements, &e.ResponseElements)
		case "additionalEventData":
			st = e.raw(d, rawAdditionalEventData, &e.AdditionalEventData)
		case "requestID":
			st = e.str(d, hasRequestID, &e.RequestID)
		case "eventID":
			st = e.str(d, hasEventID, &e.EventID)
		case "eventType":
			st = e.str(d, hasEventType, &e.EventType)
		case "apiVersion":
			st = e.str(d, hasAPIVersion, &e.APIVersion)
		case "managementEvent":
			st = jsonx.Bool(d, &e.ManagementEvent)
		case "readOnly":
			st = jsonx.Bool(d, &e.ReadOnly)
		case "resources":
			st = jsonx.List(d, &e.Resources, (*Resource).decode)
		case "recipientAccountId":
			st = e.str(d, hasRecipientAccountID, &e.RecipientAccountID)
		case "serviceEventDetails":
			st = e.raw(d, rawServiceEventDetails, &e.ServiceEventDetails)
		case "sharedEventID":
			st = e.str(d, hasSharedEventID, &e.SharedEventID)
		case "vpcEndpointId":
			st = e.str(d, hasVPCEndpointID, &e.VPCEndpointID)
		case "vpcEndpointAccountId":
			st = e.str(d, hasVPCEndpointAccountID, &e.VPCEndpointAccountID)
		case "eventCategory":
			st = e.str(d, hasEventCategory, &e.EventCategory)
		case "addendum":
			st = jsonx.StructPtr(d, &e.Addendum, (*Addendum).decode)
		case "sessionCredentialFromConsole":
			st = jsonx.WireBool(d, &e.SessionCredentialFromConsole)
		case "edgeDeviceDetails":
			st = e.rawMember(d, &e.EdgeDeviceDetails)
		case "tlsDetails":
			st = jsonx.StructPtr(d, &e.TLSDetails, (*TLSDetails).decode)
		case "eventContext":
			st = e.rawMember(d, &e.EventContext)
		case "insightDetails":
			st = e.rawMember(d, &e.InsightDetails)
		}
		d.EndMember(&m, st, &e.Unknown)
	}
	if d.Fatal() != nil {
		return jsonx.Fatal
	}
	return jsonx.OK
}

// checkSourceIP records a quirk for an address that only parses leniently,
// through d so that its count stays bounded.
func (e *Event) checkSourceIP(d *jsonx.Decoder, off int64) {
	if _, canonical, ok := parseAddr(e.SourceIPAddress); ok && !canonical {
		d.AddQuirk(wire.QuirkNonCanonicalIP, off, func() string { return `"` + e.SourceIPAddress + `"` })
	}
}

// field decodes a string member of a small struct, recording its presence
// in bit i of present.
func field(d *jsonx.Decoder, p *string, present *uint8, i uint) jsonx.Status {
	st := jsonx.Str(d, p)
	if st == jsonx.OK {
		*present |= 1 << i
	} else if d.Dup() {
		*present &^= 1 << i // the last value wins
	}
	return st
}

func (r *Resource) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "ARN":
			st = field(d, &r.ARN, &r.present, 0)
		case "accountId":
			st = field(d, &r.AccountID, &r.present, 1)
		case "type":
			st = field(d, &r.Type, &r.present, 2)
		}
		d.EndMember(&m, st, &r.Unknown)
	}
	return endStatus(d)
}

func (t *TLSDetails) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "tlsVersion":
			st = field(d, &t.TLSVersion, &t.present, 0)
		case "cipherSuite":
			st = field(d, &t.CipherSuite, &t.present, 1)
		case "clientProvidedHostHeader":
			st = field(d, &t.ClientProvidedHostHeader, &t.present, 2)
		case "keyExchange":
			st = field(d, &t.KeyExchange, &t.present, 3)
		}
		d.EndMember(&m, st, &t.Unknown)
	}
	return endStatus(d)
}

func (a *Addendum) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "reason":
			st = field(d, &a.Reason, &a.present, 0)
		case "updatedFields":
			st = field(d, &a.UpdatedFields, &a.present, 1)
		case "originalRequestID":
			st = field(d, &a.OriginalRequestID, &a.present, 2)
		case "originalEventID":
			st = field(d, &a.OriginalEventID, &a.present, 3)
		}
		d.EndMember(&m, st, &a.Unknown)
	}
	return endStatus(d)
}

func endStatus(d *jsonx.Decoder) jsonx.Status {
	if d.Fatal() != nil {
		return jsonx.Fatal
	}
	return jsonx.OK
}
