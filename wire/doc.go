// Package wire holds value types that keep CloudTrail's original text while
// exposing typed values.
//
// CloudTrail is not consistent about how it writes scalars: a timestamp may
// be RFC 3339, a Java date such as "Dec 1, 2014 10:16:06 PM" or an epoch
// number, and a boolean may be the string "true". The types here read all of
// those, give the typed value, and write the original text back unchanged,
// so a record can be decoded and encoded again without loss.
//
// # Types
//
//   - [Time] is a timestamp in any accepted [Layout].
//   - [Bool] is a boolean written as a JSON string or a JSON literal.
//   - [Members] holds the members of an object that a typed model did not
//     capture.
//   - [Quirk] describes one forgiven departure from strict data.
//
// The zero value of each type means "absent" and encodes as JSON null.
// Parse failures are reported as [*ParseError].
package wire
