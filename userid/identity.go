package userid

import (
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Type is the kind of identity that made a call: the userIdentity type.
// Values other than the documented constants are kept as they are.
type Type string

// The documented identity types.
const (
	TypeRoot               Type = "Root"
	TypeIAMUser            Type = "IAMUser"
	TypeAssumedRole        Type = "AssumedRole"
	TypeRole               Type = "Role"
	TypeFederatedUser      Type = "FederatedUser"
	TypeDirectory          Type = "Directory"
	TypeAWSAccount         Type = "AWSAccount"
	TypeAWSService         Type = "AWSService"
	TypeIdentityCenterUser Type = "IdentityCenterUser"
	TypeSAMLUser           Type = "SAMLUser"
	TypeWebIdentityUser    Type = "WebIdentityUser"
	TypeUnknown            Type = "Unknown"
)

// Types returns the documented identity types.
func Types() []Type {
	return []Type{TypeRoot, TypeIAMUser, TypeAssumedRole, TypeRole, TypeFederatedUser, TypeDirectory,
		TypeAWSAccount, TypeAWSService, TypeIdentityCenterUser, TypeSAMLUser, TypeWebIdentityUser, TypeUnknown}
}

// Identity is the userIdentity element of a CloudTrail record: who made
// the call. Which fields are set depends on Type; [Identity.Variant] gives
// a typed view per kind and [Identity.Actor] the effective actor.
//
// Strings are empty when absent; a member present with an empty value is
// remembered and written back, here and in the nested objects. Members not
// modelled are kept in Unknown.
type Identity struct {
	Type        Type   `json:"type,omitempty"`
	PrincipalID string `json:"principalId,omitempty"`
	ARN         string `json:"arn,omitempty"`
	AccountID   string `json:"accountId,omitempty"`
	AccessKeyID string `json:"accessKeyId,omitempty"`
	UserName    string `json:"userName,omitempty"`
	// InvokedBy names the AWS service that made the call for the identity,
	// such as "elasticache.amazonaws.com" or "AWS Internal".
	InvokedBy string `json:"invokedBy,omitempty"`
	// IdentityProvider is the provider of a SAML or web identity user.
	IdentityProvider string `json:"identityProvider,omitempty"`
	// CredentialID identifies the credential of an Identity Center or
	// bearer-token call.
	CredentialID   string          `json:"credentialId,omitempty"`
	SessionContext *SessionContext `json:"sessionContext,omitempty"`
	// OnBehalfOf is the Identity Center user a call was made for.
	OnBehalfOf *OnBehalfOf `json:"onBehalfOf,omitempty"`
	// InScopeOf describes the resource an AWS service credential was
	// issued for.
	InScopeOf *InScopeOf `json:"inScopeOf,omitempty"`
	// InvokedByDelegate names the account a call was delegated to.
	InvokedByDelegate *InvokedByDelegate `json:"invokedByDelegate,omitempty"`

	// Unknown holds the members this model does not know, kept raw.
	Unknown wire.Members `json:"-"`

	present jsonx.Bits
}

// SessionContext describes the temporary credentials of a call.
type SessionContext struct {
	Attributes          *SessionAttributes   `json:"attributes,omitempty"`
	SessionIssuer       *SessionIssuer       `json:"sessionIssuer,omitempty"`
	WebIDFederationData *WebIDFederationData `json:"webIdFederationData,omitempty"`
	// SourceIdentity is the source identity set when the role was assumed.
	SourceIdentity string `json:"sourceIdentity,omitempty"`
	// EC2RoleDelivery is "1.0" or "2.0" for EC2 instance-profile
	// credentials delivered through IMDSv1 or IMDSv2.
	EC2RoleDelivery string `json:"ec2RoleDelivery,omitempty"`
	// AssumedRoot is "true" when the session was a centralised root
	// session (sts:AssumeRoot).
	AssumedRoot      wire.Bool    `json:"assumedRoot,omitzero"`
	SignInSessionARN string       `json:"signInSessionArn,omitempty"`
	Unknown          wire.Members `json:"-"`

	present jsonx.Bits
}

// SessionAttributes tell when the temporary credentials were issued and
// whether multi-factor authentication was used.
type SessionAttributes struct {
	// CreationDate arrives as RFC 3339 or as ISO-8601 basic
	// ("20131102T010628Z"); wire.Time reads both and keeps the text.
	CreationDate wire.Time `json:"creationDate,omitzero"`
	// MFAAuthenticated is the string "true" or "false".
	MFAAuthenticated wire.Bool    `json:"mfaAuthenticated,omitzero"`
	Unknown          wire.Members `json:"-"`
}

// SessionIssuer is the identity that issued the session: a role for
// assumed roles, an IAM user or root for federated users.
type SessionIssuer struct {
	Type        string       `json:"type,omitempty"`
	PrincipalID string       `json:"principalId,omitempty"`
	ARN         string       `json:"arn,omitempty"`
	AccountID   string       `json:"accountId,omitempty"`
	UserName    string       `json:"userName,omitempty"`
	Unknown     wire.Members `json:"-"`

	present jsonx.Bits
}

// WebIDFederationData describes a web identity federation (OIDC) session.
type WebIDFederationData struct {
	FederatedProvider string `json:"federatedProvider,omitempty"`
	// Attributes are the provider's claims, kept raw in input order.
	Attributes wire.Members `json:"attributes,omitempty"`
	Unknown    wire.Members `json:"-"`

	present jsonx.Bits
}

// OnBehalfOf is the IAM Identity Center user a call was made for.
type OnBehalfOf struct {
	UserID           string       `json:"userId,omitempty"`
	IdentityStoreARN string       `json:"identityStoreArn,omitempty"`
	Unknown          wire.Members `json:"-"`

	present jsonx.Bits
}

// InScopeOf describes what an AWS service's credentials were issued for.
type InScopeOf struct {
	SourceARN           string       `json:"sourceArn,omitempty"`
	SourceAccount       string       `json:"sourceAccount,omitempty"`
	IssuerType          string       `json:"issuerType,omitempty"`
	CredentialsIssuedTo string       `json:"credentialsIssuedTo,omitempty"`
	Unknown             wire.Members `json:"-"`

	present jsonx.Bits
}

// InvokedByDelegate names the account a call was delegated to.
type InvokedByDelegate struct {
	AccountID string       `json:"accountId,omitempty"`
	Unknown   wire.Members `json:"-"`

	present jsonx.Bits
}

// IsZero reports whether id holds nothing, as when userIdentity is absent.
func (id *Identity) IsZero() bool {
	return id == nil || id.present == 0 && id.Type == "" && id.PrincipalID == "" && id.ARN == "" &&
		id.AccountID == "" && id.AccessKeyID == "" && id.UserName == "" && id.InvokedBy == "" &&
		id.IdentityProvider == "" && id.CredentialID == "" && id.SessionContext == nil &&
		id.OnBehalfOf == nil && id.InScopeOf == nil && id.InvokedByDelegate == nil && len(id.Unknown) == 0
}
