package userid

import (
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// DecodeFrom decodes the userIdentity value at d into id. It is for
// package event, which decodes records; its types are internal to this
// module.
func (id *Identity) DecodeFrom(d *jsonx.Decoder) jsonx.Status { return id.decode(d) }

// EncodeTo writes id to e as CloudTrail writes it. It is for package
// event, which encodes records; its types are internal to this module.
func (id *Identity) EncodeTo(e *jsonx.Encoder) { id.encode(e) }

// bits records which string members of an Identity, or of an object
// nested in it, were present, so that a member present with an empty value
// is written back. A bit is named after the member's wire name; objects
// with a member of the same name share its bit.
type bits uint32

const (
	hasType bits = 1 << iota
	hasPrincipalID
	hasARN
	hasAccountID
	hasAccessKeyID
	hasUserName
	hasInvokedBy
	hasIdentityProvider
	hasCredentialID
	hasSourceIdentity
	hasEC2RoleDelivery
	hasSignInSessionARN
	hasFederatedProvider
	hasUserID
	hasIdentityStoreARN
	hasSourceARN
	hasSourceAccount
	hasIssuerType
	hasCredentialsIssuedTo
)

// str decodes a string member, recording its presence in present.
func str(d *jsonx.Decoder, present *bits, bit bits, p *string) jsonx.Status {
	return jsonx.StrBit(d, p, present, bit)
}

func (id *Identity) str(d *jsonx.Decoder, bit bits, p *string) jsonx.Status {
	return str(d, &id.present, bit, p)
}

func endStatus(d *jsonx.Decoder) jsonx.Status {
	if d.Fatal() != nil {
		return jsonx.Fatal
	}
	return jsonx.OK
}

func (id *Identity) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "type":
			st = jsonx.Str(d, &id.Type)
			if st == jsonx.OK {
				id.present |= hasType
			} else if d.Dup() {
				id.present &^= hasType
			}
		case "principalId":
			st = id.str(d, hasPrincipalID, &id.PrincipalID)
		case "arn":
			st = id.str(d, hasARN, &id.ARN)
		case "accountId":
			st = id.str(d, hasAccountID, &id.AccountID)
		case "accessKeyId":
			st = id.str(d, hasAccessKeyID, &id.AccessKeyID)
		case "userName":
			st = id.str(d, hasUserName, &id.UserName)
		case "invokedBy":
			st = id.str(d, hasInvokedBy, &id.InvokedBy)
		case "identityProvider":
			st = id.str(d, hasIdentityProvider, &id.IdentityProvider)
		case "credentialId":
			st = id.str(d, hasCredentialID, &id.CredentialID)
		case "sessionContext":
			st = jsonx.StructPtr(d, &id.SessionContext, (*SessionContext).decode)
		case "onBehalfOf":
			st = jsonx.StructPtr(d, &id.OnBehalfOf, (*OnBehalfOf).decode)
		case "inScopeOf":
			st = jsonx.StructPtr(d, &id.InScopeOf, (*InScopeOf).decode)
		case "invokedByDelegate":
			st = jsonx.StructPtr(d, &id.InvokedByDelegate, (*InvokedByDelegate).decode)
		}
		d.EndMember(&m, st, &id.Unknown)
	}
	return endStatus(d)
}

func (s *SessionContext) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "attributes":
			st = jsonx.StructPtr(d, &s.Attributes, (*SessionAttributes).decode)
		case "sessionIssuer":
			st = jsonx.StructPtr(d, &s.SessionIssuer, (*SessionIssuer).decode)
		case "webIdFederationData":
			st = jsonx.StructPtr(d, &s.WebIDFederationData, (*WebIDFederationData).decode)
		case "sourceIdentity":
			st = str(d, &s.present, hasSourceIdentity, &s.SourceIdentity)
		case "ec2RoleDelivery":
			st = str(d, &s.present, hasEC2RoleDelivery, &s.EC2RoleDelivery)
		case "assumedRoot":
			st = jsonx.WireBool(d, &s.AssumedRoot)
		case "signInSessionArn":
			st = str(d, &s.present, hasSignInSessionARN, &s.SignInSessionARN)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	return endStatus(d)
}

func (s *SessionAttributes) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "creationDate":
			st = jsonx.TimeValue(d, &s.CreationDate)
		case "mfaAuthenticated":
			st = jsonx.WireBool(d, &s.MFAAuthenticated)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	return endStatus(d)
}

func (s *SessionIssuer) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "type":
			st = str(d, &s.present, hasType, &s.Type)
		case "principalId":
			st = str(d, &s.present, hasPrincipalID, &s.PrincipalID)
		case "arn":
			st = str(d, &s.present, hasARN, &s.ARN)
		case "accountId":
			st = str(d, &s.present, hasAccountID, &s.AccountID)
		case "userName":
			st = str(d, &s.present, hasUserName, &s.UserName)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	return endStatus(d)
}

func (s *WebIDFederationData) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "federatedProvider":
			st = str(d, &s.present, hasFederatedProvider, &s.FederatedProvider)
		case "attributes":
			st = decodeAttributes(d, &s.Attributes)
			if st == jsonx.OK {
				s.hasAttributes = true
			}
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	return endStatus(d)
}

// decodeAttributes keeps every claim raw; none is unmodelled.
func decodeAttributes(d *jsonx.Decoder, p *wire.Members) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		off := d.Offset()
		raw, ok := d.Raw()
		if ok {
			*p = append(*p, wire.Member{Name: m.Key, Value: []byte(raw), Offset: off})
		}
		st := jsonx.OK
		if !ok {
			st = jsonx.Fatal
		}
		d.EndMember(&m, st, p)
	}
	return endStatus(d)
}

func (s *OnBehalfOf) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "userId":
			st = str(d, &s.present, hasUserID, &s.UserID)
		case "identityStoreArn":
			st = str(d, &s.present, hasIdentityStoreARN, &s.IdentityStoreARN)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	return endStatus(d)
}

func (s *InScopeOf) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "sourceArn":
			st = str(d, &s.present, hasSourceARN, &s.SourceARN)
		case "sourceAccount":
			st = str(d, &s.present, hasSourceAccount, &s.SourceAccount)
		case "issuerType":
			st = str(d, &s.present, hasIssuerType, &s.IssuerType)
		case "credentialsIssuedTo":
			st = str(d, &s.present, hasCredentialsIssuedTo, &s.CredentialsIssuedTo)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	return endStatus(d)
}

func (s *InvokedByDelegate) decode(d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		if m.Key == "accountId" {
			st = str(d, &s.present, hasAccountID, &s.AccountID)
		}
		d.EndMember(&m, st, &s.Unknown)
	}
	return endStatus(d)
}
