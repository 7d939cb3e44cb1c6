package userid

import (
	"cmp"
	"strings"
	"time"
)

// Variant is a typed view of an Identity for its Type: one of *RootUser,
// *IAMUser, *AssumedRole, *Role, *FederatedUser, *DirectoryUser,
// *AWSAccount, *AWSService, *IdentityCenterUser, *SAMLUser,
// *WebIdentityUser, *UnknownIdentity or *Undocumented. Reach it with a
// type switch.
type Variant interface {
	// Kind returns the identity type the variant is for.
	Kind() Type
}

// Session describes temporary credentials, shared by the variants that
// have them.
type Session struct {
	// CreationDate is when the credentials were issued; zero if unknown.
	CreationDate time.Time
	// MFA reports whether multi-factor authentication was used.
	MFA bool
	// SourceIdentity is the source identity set when assuming the role.
	SourceIdentity string
}

// RootUser is the account's root user.
type RootUser struct {
	ARN, AccountID, AccessKeyID string
	Session
}

// IAMUser is an IAM user with long-term or session credentials.
type IAMUser struct {
	ARN, AccountID, UserName, AccessKeyID string
	Session
}

// AssumedRole is a session of an assumed IAM role. RoleARN and RoleName
// come from the session issuer when there is one (it keeps the role's
// path), else from the assumed-role ARN.
type AssumedRole struct {
	ARN         string // arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION
	RoleARN     string // arn:aws:iam::ACCOUNT:role/PATH/NAME
	RoleName    string
	SessionName string
	AccountID   string
	AccessKeyID string
	Session
}

// Role is a role acting without a session name, as some AWS services
// record.
type Role struct {
	ARN, AccountID, RoleName string
}

// FederatedUser is a session from sts:GetFederationToken; Issuer is the
// IAM user or root that requested it.
type FederatedUser struct {
	ARN, AccountID, Name, IssuerARN string
	Session
}

// DirectoryUser is an AWS Directory Service user.
type DirectoryUser struct {
	PrincipalID, AccountID, UserName string
}

// AWSAccount is another AWS account making the call.
type AWSAccount struct {
	AccountID, PrincipalID, InvokedBy string
}

// AWSService is an AWS service calling on its own behalf.
type AWSService struct {
	// InvokedBy names the service, such as "elasticache.amazonaws.com".
	InvokedBy string
	AccountID string
	InScopeOf *InScopeOf
}

// IdentityCenterUser is an IAM Identity Center user calling through
// credentials issued for them.
type IdentityCenterUser struct {
	UserID           string // OnBehalfOf.UserID
	IdentityStoreARN string // OnBehalfOf.IdentityStoreARN
	AccountID        string
	CredentialID     string
}

// SAMLUser is a user federated through SAML.
type SAMLUser struct {
	UserName, IdentityProvider, PrincipalID string
}

// WebIdentityUser is a user federated through a web identity provider.
type WebIdentityUser struct {
	UserName, IdentityProvider, PrincipalID string
}

// UnknownIdentity is the documented type "Unknown": CloudTrail could not
// tell who called.
type UnknownIdentity struct {
	PrincipalID, AccountID, UserName string
}

// Undocumented is any other identity type, kept as it is.
type Undocumented struct {
	Type                        Type
	PrincipalID, ARN, AccountID string
}

// Kind returns TypeRoot.
func (*RootUser) Kind() Type { return TypeRoot }

// Kind returns TypeIAMUser.
func (*IAMUser) Kind() Type { return TypeIAMUser }

// Kind returns TypeAssumedRole.
func (*AssumedRole) Kind() Type { return TypeAssumedRole }

// Kind returns TypeRole.
func (*Role) Kind() Type { return TypeRole }

// Kind returns TypeFederatedUser.
func (*FederatedUser) Kind() Type { return TypeFederatedUser }

// Kind returns TypeDirectory.
func (*DirectoryUser) Kind() Type { return TypeDirectory }

// Kind returns TypeAWSAccount.
func (*AWSAccount) Kind() Type { return TypeAWSAccount }

// Kind returns TypeAWSService.
func (*AWSService) Kind() Type { return TypeAWSService }

// Kind returns TypeIdentityCenterUser.
func (*IdentityCenterUser) Kind() Type { return TypeIdentityCenterUser }

// Kind returns TypeSAMLUser.
func (*SAMLUser) Kind() Type { return TypeSAMLUser }

// Kind returns TypeWebIdentityUser.
func (*WebIdentityUser) Kind() Type { return TypeWebIdentityUser }

// Kind returns TypeUnknown.
func (*UnknownIdentity) Kind() Type { return TypeUnknown }

// Kind returns u.Type.
func (u *Undocumented) Kind() Type { return u.Type }

// Variant returns the typed view of id for its Type. It never returns nil
// for a non-nil id.
func (id *Identity) Variant() Variant {
	if id == nil {
		return nil
	}
	switch id.Type {
	case TypeRoot:
		return &RootUser{ARN: id.ARN, AccountID: id.AccountID, AccessKeyID: id.AccessKeyID, Session: id.session()}
	case TypeIAMUser:
		return &IAMUser{ARN: id.ARN, AccountID: id.AccountID, UserName: id.UserName, AccessKeyID: id.AccessKeyID, Session: id.session()}
	case TypeAssumedRole:
		a := &AssumedRole{ARN: id.ARN, AccountID: id.AccountID, AccessKeyID: id.AccessKeyID, Session: id.session()}
		a.RoleARN, a.RoleName, a.SessionName = id.role()
		return a
	case TypeRole:
		r := &Role{ARN: id.ARN, AccountID: id.AccountID}
		if p, ok := ParseARN(id.ARN); ok {
			r.RoleName = lastSegment(p.Resource)
		}
		return r
	case TypeFederatedUser:
		f := &FederatedUser{ARN: id.ARN, AccountID: id.AccountID, Session: id.session()}
		if p, ok := ParseARN(id.ARN); ok {
			f.Name = strings.TrimPrefix(p.Resource, "federated-user/")
		}
		if s := id.SessionContext; s != nil && s.SessionIssuer != nil {
			f.IssuerARN = s.SessionIssuer.ARN
		}
		return f
	case TypeDirectory:
		return &DirectoryUser{PrincipalID: id.PrincipalID, AccountID: id.AccountID, UserName: id.UserName}
	case TypeAWSAccount:
		return &AWSAccount{AccountID: id.AccountID, PrincipalID: id.PrincipalID, InvokedBy: id.InvokedBy}
	case TypeAWSService:
		return &AWSService{InvokedBy: id.InvokedBy, AccountID: id.AccountID, InScopeOf: id.InScopeOf}
	case TypeIdentityCenterUser:
		u := &IdentityCenterUser{AccountID: id.AccountID, CredentialID: id.CredentialID}
		if o := id.OnBehalfOf; o != nil {
			u.UserID, u.IdentityStoreARN = o.UserID, o.IdentityStoreARN
		}
		return u
	case TypeSAMLUser:
		return &SAMLUser{UserName: id.UserName, IdentityProvider: id.IdentityProvider, PrincipalID: id.PrincipalID}
	case TypeWebIdentityUser:
		return &WebIdentityUser{UserName: id.UserName, IdentityProvider: id.IdentityProvider, PrincipalID: id.PrincipalID}
	case TypeUnknown:
		return &UnknownIdentity{PrincipalID: id.PrincipalID, AccountID: id.AccountID, UserName: id.UserName}
	}
	return &Undocumented{Type: id.Type, PrincipalID: id.PrincipalID, ARN: id.ARN, AccountID: id.AccountID}
}

func (id *Identity) session() Session {
	var s Session
	c := id.SessionContext
	if c == nil {
		return s
	}
	s.SourceIdentity = c.SourceIdentity
	if a := c.Attributes; a != nil {
		s.CreationDate = a.CreationDate.Time()
		s.MFA = a.MFAAuthenticated.True()
	}
	return s
}

// role derives an assumed role's ARN, name and session name.
func (id *Identity) role() (roleARN, roleName, session string) {
	if p, ok := ParseARN(id.ARN); ok && p.Service == "sts" && strings.HasPrefix(p.Resource, "assumed-role/") {
		if name, rest, ok := strings.Cut(strings.TrimPrefix(p.Resource, "assumed-role/"), "/"); ok {
			roleName, session = name, lastSegment(rest)
			roleARN = "arn:" + p.Partition + ":iam::" + p.AccountID + ":role/" + roleName
		}
	}
	if s := id.SessionContext; s != nil && s.SessionIssuer != nil && s.SessionIssuer.ARN != "" {
		if p, ok := ParseARN(s.SessionIssuer.ARN); ok && strings.HasPrefix(p.Resource, "role/") {
			roleARN = s.SessionIssuer.ARN
			roleName = lastSegment(p.Resource)
		}
	}
	if session == "" {
		// principalId is "ROLEID:SESSION" for assumed roles.
		if _, after, ok := strings.Cut(id.PrincipalID, ":"); ok {
			session = after
		}
	}
	return roleARN, roleName, session
}

func lastSegment(s string) string {
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// Actor returns the effective actor, the identity auditors ask about:
//
//   - AssumedRole: the role's ARN (session issuer, else derived from the
//     assumed-role ARN), not the per-session ARN;
//   - IdentityCenterUser: "IDENTITYSTORE_ARN/user/USER_ID" from onBehalfOf;
//   - AWSService: the invokedBy service;
//   - others: the ARN, else the principal id, else the account id.
//
// It returns "" for a nil or empty Identity.
func (id *Identity) Actor() string {
	if id == nil {
		return ""
	}
	switch id.Type {
	case TypeAssumedRole:
		if arn, _, _ := id.role(); arn != "" {
			return arn
		}
	case TypeIdentityCenterUser:
		if o := id.OnBehalfOf; o != nil && o.UserID != "" {
			if o.IdentityStoreARN != "" {
				return o.IdentityStoreARN + "/user/" + o.UserID
			}
			return o.UserID
		}
	case TypeAWSService:
		if id.InvokedBy != "" {
			return id.InvokedBy
		}
	case TypeSAMLUser, TypeWebIdentityUser:
		if id.UserName != "" && id.IdentityProvider != "" {
			return id.IdentityProvider + "/" + id.UserName
		}
	}
	return cmp.Or(id.ARN, id.PrincipalID, id.InvokedBy, id.AccountID)
}
