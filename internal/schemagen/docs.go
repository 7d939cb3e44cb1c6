package schemagen

// typeDocs describes the structs the record envelope holds, by Go name.
var typeDocs = map[string]string{
	"Identity":            "The userIdentity element: who made the call. Which members appear depends on type.",
	"SessionContext":      "The temporary credentials the call was made with.",
	"SessionAttributes":   "When the temporary credentials were issued and whether MFA was used.",
	"SessionIssuer":       "The identity that issued the session: a role, an IAM user or root.",
	"WebIDFederationData": "A web identity (OIDC) federation session.",
	"OnBehalfOf":          "The IAM Identity Center user a call was made for.",
	"InScopeOf":           "What an AWS service's credentials were issued for.",
	"InvokedByDelegate":   "The account a call was delegated to.",
	"Resource":            "One resource the call touched.",
	"TLSDetails":          "The TLS connection of the call.",
	"Addendum":            "Why the record was delivered late or changed after delivery.",
}

// memberDocs describes the members of those structs, by "Type.member".
var memberDocs = map[string]string{
	"Identity.type":              "The kind of identity; values other than those listed are kept.",
	"Identity.principalId":       "A unique identifier of the caller.",
	"Identity.arn":               "The caller's ARN.",
	"Identity.accountId":         "The account that owns the caller's credentials.",
	"Identity.accessKeyId":       "The access key that signed the request.",
	"Identity.userName":          "The caller's user name.",
	"Identity.invokedBy":         "The AWS service that made the call for the identity.",
	"Identity.identityProvider":  "The provider of a SAML or web identity user.",
	"Identity.credentialId":      "The credential of an Identity Center or bearer-token call.",
	"Identity.sessionContext":    "The temporary credentials, for calls made with them.",
	"Identity.onBehalfOf":        "The Identity Center user a call was made for.",
	"Identity.inScopeOf":         "What an AWS service credential was issued for.",
	"Identity.invokedByDelegate": "The account a call was delegated to.",

	"SessionContext.attributes":          "When the credentials were issued, and MFA.",
	"SessionContext.sessionIssuer":       "Who issued the session.",
	"SessionContext.webIdFederationData": "The web identity federation, if any.",
	"SessionContext.sourceIdentity":      "The source identity set when the role was assumed.",
	"SessionContext.ec2RoleDelivery":     "\"1.0\" or \"2.0\": instance-profile credentials delivered through IMDSv1 or IMDSv2.",
	"SessionContext.assumedRoot":         "\"true\" for a centralised root session.",
	"SessionContext.signInSessionArn":    "The sign-in session's ARN.",

	"SessionAttributes.creationDate":     "When the credentials were issued; RFC 3339 or ISO 8601 basic.",
	"SessionAttributes.mfaAuthenticated": "\"true\" when the credentials were issued after MFA.",

	"SessionIssuer.type":        "Role, IAMUser or Root.",
	"SessionIssuer.principalId": "The issuer's unique identifier.",
	"SessionIssuer.arn":         "The issuer's ARN.",
	"SessionIssuer.accountId":   "The issuer's account.",
	"SessionIssuer.userName":    "The issuer's name.",

	"WebIDFederationData.federatedProvider": "The identity provider.",
	"WebIDFederationData.attributes":        "The provider's claims, as it sent them.",

	"OnBehalfOf.userId":           "The Identity Center user ID.",
	"OnBehalfOf.identityStoreArn": "The identity store's ARN.",

	"InScopeOf.sourceArn":           "The resource the credentials were issued for.",
	"InScopeOf.sourceAccount":       "The account owning that resource.",
	"InScopeOf.issuerType":          "The kind of resource that obtained the credentials.",
	"InScopeOf.credentialsIssuedTo": "The resource the credentials were issued to.",

	"InvokedByDelegate.accountId": "The delegate account.",

	"Resource.ARN":       "The resource's ARN.",
	"Resource.accountId": "The account that owns the resource.",
	"Resource.type":      "The resource type, such as AWS::ElastiCache::CacheCluster.",

	"TLSDetails.tlsVersion":               "The TLS version, such as TLSv1.3.",
	"TLSDetails.cipherSuite":              "The cipher suite.",
	"TLSDetails.clientProvidedHostHeader": "The host name the client asked for, usually the service endpoint.",
	"TLSDetails.keyExchange":              "The key exchange algorithm.",

	"Addendum.reason":            "DELIVERY_DELAY, UPDATED_DATA or SERVICE_OUTAGE.",
	"Addendum.updatedFields":     "The record fields the addendum updates.",
	"Addendum.originalRequestID": "The request ID of the original record.",
	"Addendum.originalEventID":   "The event ID of the original record.",
}
