package userid

import (
	"cmp"
	"strings"
)

// Person tells who made a call, the same way for every identity type:
// the principal behind it, the most specific name the record gives, and
// how the caller came (a role session, MFA, a service). [Identity.Person]
// builds it.
//
// A string is empty and a *bool nil when the record does not say; each
// JSON member is present only when the record says so.
type Person struct {
	// Type is the identity type.
	Type Type `json:"type,omitempty"`
	// Name is the most specific human-meaningful name, the first the
	// record gives of: the session's source identity, the Identity Center
	// user's id (onBehalfOf), a SAML or web identity user's name, an
	// assumed role's session name, the user name (IAM, federated,
	// directory, ...), "root" for the root user, the service of an
	// AWSService call. It is empty for an identity that names no one,
	// such as an AWSAccount call; [Person.String] is never empty.
	Name string `json:"name,omitempty"`
	// Principal is the principal's ARN: the role's for an assumed role
	// (from the session issuer, else derived from the assumed-role ARN),
	// the user's, the root user's, the federated user's; the service's
	// name for AWSService.
	Principal   string `json:"principal,omitempty"`
	PrincipalID string `json:"principalId,omitempty"`
	AccountID   string `json:"accountId,omitempty"`
	AccessKeyID string `json:"accessKeyId,omitempty"`
	// UserName is the user's name: userName, else the last part of an
	// IAM user's or a federated user's ARN.
	UserName string `json:"userName,omitempty"`
	// Role is the role's name, for an assumed role or a Role identity.
	Role string `json:"role,omitempty"`
	// SessionName is an assumed role's session name.
	SessionName string `json:"sessionName,omitempty"`
	// SourceIdentity is the source identity set when the role was assumed.
	SourceIdentity string `json:"sourceIdentity,omitempty"`
	// IdentityCenterUserID and IdentityStoreARN name the IAM Identity
	// Center user a call was made for (onBehalfOf).
	IdentityCenterUserID string `json:"identityCenterUserId,omitempty"`
	IdentityStoreARN     string `json:"identityStoreArn,omitempty"`
	// IdentityProvider is a SAML or web identity user's provider, or the
	// federated provider of a web identity role session.
	IdentityProvider string `json:"identityProvider,omitempty"`
	// InvokedBy is the AWS service that made the call.
	InvokedBy string `json:"invokedBy,omitempty"`
	// MFA tells whether the session's credentials were issued after
	// multi-factor authentication (sessionContext.attributes).
	MFA *bool `json:"mfa,omitempty"`
	// ConsoleSession tells whether the call used a console session's
	// credentials. userIdentity does not say; the record's
	// sessionCredentialFromConsole does, so [Identity.Person] leaves it nil
	// for the caller holding the record to fill.
	ConsoleSession *bool `json:"consoleSession,omitempty"`
	// AssumedRoot tells whether the session is a centralised root session
	// (sts:AssumeRoot).
	AssumedRoot *bool `json:"assumedRoot,omitempty"`
	// EC2RoleDelivery is "1.0" or "2.0" for EC2 instance-profile
	// credentials delivered through IMDSv1 or IMDSv2.
	EC2RoleDelivery string `json:"ec2RoleDelivery,omitempty"`
}

// Person returns who made the call, from what id records. It returns the
// zero Person for a nil id.
func (id *Identity) Person() Person {
	if id == nil {
		return Person{}
	}
	p := Person{
		Type:             id.Type,
		Principal:        id.ARN,
		PrincipalID:      id.PrincipalID,
		AccountID:        id.AccountID,
		AccessKeyID:      id.AccessKeyID,
		UserName:         id.UserName,
		IdentityProvider: id.IdentityProvider,
		InvokedBy:        id.InvokedBy,
	}
	if c := id.SessionContext; c != nil {
		p.SourceIdentity = c.SourceIdentity
		p.EC2RoleDelivery = c.EC2RoleDelivery
		p.AssumedRoot = boolPtr(c.AssumedRoot.Value())
		if a := c.Attributes; a != nil {
			p.MFA = boolPtr(a.MFAAuthenticated.Value())
		}
		if w := c.WebIDFederationData; w != nil && p.IdentityProvider == "" {
			p.IdentityProvider = w.FederatedProvider
		}
	}
	if o := id.OnBehalfOf; o != nil {
		p.IdentityCenterUserID, p.IdentityStoreARN = o.UserID, o.IdentityStoreARN
	}
	switch id.Type {
	case TypeAssumedRole:
		roleARN, role, session := id.role()
		if roleARN != "" {
			p.Principal = roleARN
		}
		p.Role, p.SessionName = role, session
	case TypeRole:
		if a, ok := ParseARN(id.ARN); ok {
			p.Role = lastSegment(a.Resource)
		}
	case TypeIAMUser:
		if a, ok := ParseARN(id.ARN); ok && p.UserName == "" && strings.HasPrefix(a.Resource, "user/") {
			p.UserName = lastSegment(a.Resource)
		}
	case TypeFederatedUser:
		if a, ok := ParseARN(id.ARN); ok && p.UserName == "" && strings.HasPrefix(a.Resource, "federated-user/") {
			p.UserName = strings.TrimPrefix(a.Resource, "federated-user/")
		}
	case TypeAWSService:
		if id.InvokedBy != "" {
			p.Principal = id.InvokedBy
		}
	}
	p.Name = p.name()
	return p
}

// name picks the most specific name, in the order Person.Name documents.
func (p *Person) name() string {
	switch {
	case p.SourceIdentity != "":
		return p.SourceIdentity
	case p.IdentityCenterUserID != "":
		return p.IdentityCenterUserID
	case (p.Type == TypeSAMLUser || p.Type == TypeWebIdentityUser) && p.UserName != "":
		return p.UserName
	case p.SessionName != "":
		return p.SessionName
	case p.UserName != "":
		return p.UserName
	case p.Type == TypeRoot:
		return "root"
	case p.Type == TypeAWSService:
		return p.InvokedBy
	}
	return ""
}

func boolPtr(v, ok bool) *bool {
	if !ok {
		return nil
	}
	return &v
}

// String returns the label of a table: Name, then the principal's short
// name in parentheses when it differs, such as "alice@example.com
// (CacheAdmin)" for a session of role CacheAdmin, "bob" for IAM user bob,
// "root", "elasticache.amazonaws.com". Without a name it is what
// [Identity.Actor] returns: Principal, else PrincipalID, InvokedBy or
// AccountID. It is "" only for a Person holding none of these.
func (p Person) String() string {
	if p.Name == "" {
		return cmp.Or(p.Principal, p.PrincipalID, p.InvokedBy, p.AccountID)
	}
	short := p.shortPrincipal()
	if short == "" || strings.EqualFold(short, p.Name) {
		return p.Name
	}
	return p.Name + " (" + short + ")"
}

// shortPrincipal is the last part of Principal's ARN: the role's or the
// user's name, "root"; Principal itself when it is not an ARN.
func (p Person) shortPrincipal() string {
	if p.Role != "" {
		return p.Role
	}
	a, ok := ParseARN(p.Principal)
	if !ok {
		return p.Principal
	}
	if a.Resource == "root" {
		return "root"
	}
	return lastSegment(a.Resource)
}

// Match reports whether s names the person: whether it is, ignoring
// letter case, a substring of Principal, PrincipalID, AccessKeyID, Name,
// UserName, SessionName, SourceIdentity or IdentityCenterUserID, or of an
// assumed role's session ARN (arn:PARTITION:sts::ACCOUNT:assumed-role/
// ROLE/SESSION, as the record's arn has it). Substrings let a role name
// pick all its sessions, and an email domain all its people. The empty
// string matches every Person.
func (p Person) Match(s string) bool {
	s = strings.ToLower(s)
	for _, f := range []string{p.Principal, p.PrincipalID, p.AccessKeyID, p.Name, p.UserName,
		p.SessionName, p.SourceIdentity, p.IdentityCenterUserID, p.sessionARN()} {
		if strings.Contains(strings.ToLower(f), s) {
			return true
		}
	}
	return false
}

// sessionARN derives an assumed role's session ARN from its role ARN.
func (p Person) sessionARN() string {
	if p.Type != TypeAssumedRole || p.Role == "" || p.SessionName == "" {
		return ""
	}
	a, ok := ParseARN(p.Principal)
	if !ok {
		return ""
	}
	return "arn:" + a.Partition + ":sts::" + a.AccountID + ":assumed-role/" + p.Role + "/" + p.SessionName
}
