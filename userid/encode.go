package userid

import (
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// MarshalJSON encodes id as CloudTrail writes it, unknown members included.
func (id *Identity) MarshalJSON() ([]byte, error) {
	var e jsonx.Encoder
	id.encode(&e)
	return e.Bytes(), nil
}

// UnmarshalJSON decodes a userIdentity element tolerantly, keeping what it
// does not model. It returns the first problem found, with its JSON path
// and byte offset.
func (id *Identity) UnmarshalJSON(data []byte) error {
	d := jsonx.NewDecoder(string(data), jsonx.Options{Path: "userIdentity"})
	var v Identity
	if st := v.decode(d); st == jsonx.OK {
		d.Finish()
	} else if st != jsonx.Fatal {
		return &jsonx.Error{Offset: d.Offset(), Path: "userIdentity", Msg: "want an object, got " + firstWord(data)}
	}
	if d.Fatal() == nil {
		*id = v
	}
	return d.Err()
}

func firstWord(data []byte) string {
	for i, c := range data {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			continue
		}
		end := min(i+20, len(data))
		return string(data[i:end])
	}
	return "nothing"
}

// strp writes a string member unless it is empty and was not present.
func strp(e *jsonx.Encoder, present, bit bits, name, v string) {
	if v != "" || present&bit != 0 {
		e.Key(name)
		e.String(v)
	}
}

func (id *Identity) strp(e *jsonx.Encoder, bit bits, name, v string) {
	strp(e, id.present, bit, name, v)
}

func (id *Identity) encode(e *jsonx.Encoder) {
	e.ObjectStart()
	id.strp(e, hasType, "type", string(id.Type))
	id.strp(e, hasPrincipalID, "principalId", id.PrincipalID)
	id.strp(e, hasARN, "arn", id.ARN)
	id.strp(e, hasAccountID, "accountId", id.AccountID)
	id.strp(e, hasAccessKeyID, "accessKeyId", id.AccessKeyID)
	id.strp(e, hasUserName, "userName", id.UserName)
	if s := id.SessionContext; s != nil {
		e.Key("sessionContext")
		s.encode(e)
	}
	id.strp(e, hasInvokedBy, "invokedBy", id.InvokedBy)
	id.strp(e, hasIdentityProvider, "identityProvider", id.IdentityProvider)
	id.strp(e, hasCredentialID, "credentialId", id.CredentialID)
	if o := id.OnBehalfOf; o != nil {
		e.Key("onBehalfOf")
		e.ObjectStart()
		strp(e, o.present, hasUserID, "userId", o.UserID)
		strp(e, o.present, hasIdentityStoreARN, "identityStoreArn", o.IdentityStoreARN)
		e.Members(o.Unknown)
		e.ObjectEnd()
	}
	if s := id.InScopeOf; s != nil {
		e.Key("inScopeOf")
		e.ObjectStart()
		strp(e, s.present, hasSourceARN, "sourceArn", s.SourceARN)
		strp(e, s.present, hasSourceAccount, "sourceAccount", s.SourceAccount)
		strp(e, s.present, hasIssuerType, "issuerType", s.IssuerType)
		strp(e, s.present, hasCredentialsIssuedTo, "credentialsIssuedTo", s.CredentialsIssuedTo)
		e.Members(s.Unknown)
		e.ObjectEnd()
	}
	if s := id.InvokedByDelegate; s != nil {
		e.Key("invokedByDelegate")
		e.ObjectStart()
		strp(e, s.present, hasAccountID, "accountId", s.AccountID)
		e.Members(s.Unknown)
		e.ObjectEnd()
	}
	e.Members(id.Unknown)
	e.ObjectEnd()
}

func (s *SessionContext) encode(e *jsonx.Encoder) {
	e.ObjectStart()
	if a := s.SessionIssuer; a != nil {
		e.Key("sessionIssuer")
		e.ObjectStart()
		strp(e, a.present, hasType, "type", a.Type)
		strp(e, a.present, hasPrincipalID, "principalId", a.PrincipalID)
		strp(e, a.present, hasARN, "arn", a.ARN)
		strp(e, a.present, hasAccountID, "accountId", a.AccountID)
		strp(e, a.present, hasUserName, "userName", a.UserName)
		e.Members(a.Unknown)
		e.ObjectEnd()
	}
	if w := s.WebIDFederationData; w != nil {
		e.Key("webIdFederationData")
		e.ObjectStart()
		strp(e, w.present, hasFederatedProvider, "federatedProvider", w.FederatedProvider)
		if w.hasAttributes || len(w.Attributes) > 0 {
			e.Key("attributes")
			e.ObjectStart()
			e.Members(w.Attributes)
			e.ObjectEnd()
		}
		e.Members(w.Unknown)
		e.ObjectEnd()
	}
	if a := s.Attributes; a != nil {
		e.Key("attributes")
		e.ObjectStart()
		if !a.CreationDate.IsZero() {
			e.Key("creationDate")
			e.Time(a.CreationDate)
		}
		wireBool(e, "mfaAuthenticated", a.MFAAuthenticated)
		e.Members(a.Unknown)
		e.ObjectEnd()
	}
	strp(e, s.present, hasSourceIdentity, "sourceIdentity", s.SourceIdentity)
	strp(e, s.present, hasEC2RoleDelivery, "ec2RoleDelivery", s.EC2RoleDelivery)
	wireBool(e, "assumedRoot", s.AssumedRoot)
	strp(e, s.present, hasSignInSessionARN, "signInSessionArn", s.SignInSessionARN)
	e.Members(s.Unknown)
	e.ObjectEnd()
}

func wireBool(e *jsonx.Encoder, name string, b wire.Bool) {
	if !b.IsZero() {
		e.Key(name)
		e.WireBool(b)
	}
}
