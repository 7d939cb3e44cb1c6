package elasticache

import (
	"strings"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/userid"
)

// Person returns the most specific human name the record's identity
// gives: the source identity an identity provider set, else the session
// name of an assumed role ("alice" of assumed-role/Admin/alice), the IAM,
// federated, SAML or web identity user's name, "root", the Identity
// Center user's id, or the calling service; else the identity's Actor.
func Person(ev *event.Event) string {
	if ev == nil {
		return ""
	}
	id := &ev.UserIdentity
	if c := id.SessionContext; c != nil && c.SourceIdentity != "" {
		return c.SourceIdentity
	}
	switch v := id.Variant().(type) {
	case *userid.AssumedRole:
		if v.SessionName != "" {
			return v.SessionName
		}
		return v.RoleName
	case *userid.IAMUser:
		if v.UserName != "" {
			return v.UserName
		}
	case *userid.RootUser:
		return "root"
	case *userid.FederatedUser:
		if v.Name != "" {
			return v.Name
		}
	case *userid.IdentityCenterUser:
		if v.UserID != "" {
			return v.UserID
		}
	case *userid.SAMLUser:
		if v.UserName != "" {
			return v.UserName
		}
	case *userid.WebIdentityUser:
		if v.UserName != "" {
			return v.UserName
		}
	case *userid.AWSService:
		if v.InvokedBy != "" {
			return v.InvokedBy
		}
	}
	return strings.TrimSpace(id.Actor())
}
