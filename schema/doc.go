// Package schema holds cachetrail's JSON Schema (draft 2020-12) documents:
// one for the CloudTrail record envelope and, per ElastiCache operation,
// one for the requestParameters and responseElements of its records. They
// are generated from the Go types (go generate ./schema) and embedded
// here, so a program can validate records without the repository.
//
// Each document has two variants. The tolerant one accepts what
// cachetrail's tolerant decoding accepts: timestamps in every form
// wire.Time reads (numbers too), numbers and booleans written as strings,
// {} for an empty list, the HIDDEN_DUE_TO_SECURITY_REASONS placeholder for
// a structure or list, enum values the model does not list and members it
// does not know. The strict one accepts what AWS documents and the model
// knows: RFC 3339 timestamps, JSON numbers and booleans, arrays, listed
// enum values and no unknown members. Both accept null for any member.
//
// A trailing comma or a byte order mark makes a record invalid JSON, which
// no JSON Schema validator reads; parse records with event.Parse and
// validate json.Marshal of the event, which drops those two quirks and
// keeps every other value as written.
//
// An operation's document describes a whole record: it constrains
// eventName, requestParameters and responseElements and leaves the other
// members to the record document, so validate a record against both.
// Members carry annotations a validator ignores: x-cachetrail-timestamp,
// x-cachetrail-sensitive, x-cachetrail-since (the eventVersion that
// introduced an envelope member), x-cachetrail-max-bytes,
// x-cachetrail-empty-list-as-object, and per document
// x-cachetrail-variant, x-cachetrail-api-reference,
// x-cachetrail-read-only, x-cachetrail-unwrapped-member and
// x-cachetrail-flat-alternatives (the members whose structure the tolerant
// document also takes as responseElements itself).
package schema
