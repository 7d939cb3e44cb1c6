// Package elasticache holds typed models of the requestParameters and
// responseElements that CloudTrail records for Amazon ElastiCache API
// calls, one action type per operation.
//
// [Decode] turns an *event.Event from elasticache.amazonaws.com into an
// [Action]: a pointer to the type named after the operation, such as
// *CreateCacheCluster, with the typed requestParameters in Request and the
// typed responseElements in Response. Use a type switch to reach them.
//
// The types are generated from the AWS SDK for Go v2 ElastiCache model by
// internal/gen; files named zz_generated*.go must not be edited.
//
// # Fields
//
// Every scalar member is a pointer and every structure member a pointer to
// a struct, so an absent member (nil) stays distinct from a zero value; the
// Get methods return the zero value for nil. Lists are slices, kept nil when
// absent and empty when CloudTrail wrote []. Timestamps are [wire.Time],
// which keeps the text CloudTrail wrote. Enum types are open: a value this
// package does not list is kept as it is.
//
// # Unknown members
//
// Every struct ends with a field Unknown of type [wire.Members]. It holds,
// in input order, the members of the JSON object the typed fields did not
// capture: names the model does not know (members AWS added later), known
// names whose value has another JSON type than the model's, and explicit
// nulls. Encoding writes them back, so decoding and encoding loses nothing.
//
// # Responses
//
// When the API output has exactly one member and it is a structure,
// CloudTrail records that structure itself as responseElements, so the
// action's Response field has that structure's type (CreateCacheCluster's
// is *CacheCluster). [OperationInfo] says which operations do this.
//
// # Sensitive members
//
// Passwords and auth tokens are strings as CloudTrail records them,
// usually "HIDDEN_DUE_TO_SECURITY_REASONS"; [wire.SensitiveName] knows them.
// Printing never shows their values, whatever their shape: String,
// GoString and Format (every fmt verb, of a value, a pointer or a field)
// show any other value as its JSON kind, such as "[redacted string]", and
// so do errors and the Unknown members, for any member whose name matches
// one of theirs ignoring case, at any depth (see [wire.SensitiveName]).
// MarshalJSON, RequestJSON and ResponseJSON write the values as decoded.
package elasticache

//go:generate go run ../internal/gen/cmd/ecgen
