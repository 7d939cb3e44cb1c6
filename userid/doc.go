// Package userid models the userIdentity element of CloudTrail records:
// who made a call.
//
// [Identity] holds every documented member, with Go names (ARN,
// AccountID, PrincipalID) and CloudTrail's JSON names; members it does not
// know are kept raw in Unknown and written back. Its typed [Variant], one
// Go type per identity type, is reached with a type switch on
// [Identity.Variant], and [Identity.Actor] returns the effective actor
// auditors ask about: the role behind an assumed-role session, the
// Identity Center user behind its credentials, the service behind a
// service call. [Identity.Person] tells who called the same way for
// every type: the principal, the most specific name the record gives (a
// source identity, a session name, a user name), and how they came.
//
// sessionContext.attributes.creationDate arrives as RFC 3339 and as
// ISO-8601 basic ("20131102T010628Z"); mfaAuthenticated and assumedRoot
// are the strings "true" and "false". They are [wire.Time] and
// [wire.Bool]: typed values that keep the original text.
package userid

//go:generate go run ../internal/gen/cmd/codecgen
