// Package event reads CloudTrail records: the record envelope ([Event]),
// a tolerant one-record [Parse], and readers for the places records are
// delivered.
//
// # Tolerance and strictness
//
// Real CloudTrail data departs from strict JSON and from the documented
// formats. Parse forgives, and records on the event as a [wire.Quirk]
// with its byte offset and path:
//
//   - a trailing comma before } or ] (the AWS ElastiCache documentation's
//     own sample has one);
//   - a UTF-8 byte order mark before the record;
//   - timestamps in forms other than RFC 3339, in the envelope too:
//     "Dec 1, 2014 10:16:06 PM", ISO-8601 basic, Java Date strings, epoch
//     numbers (see [wire.Time]);
//   - numbers and booleans written as strings;
//   - invalid UTF-8 in strings (each bad byte reads as U+FFFD);
//   - a sourceIPAddress with leading zeros, "192.0.2.01" ([Event.SourceAddr]
//     reads it as 192.0.2.1);
//   - duplicate member names (the last one wins).
//
// With the [Strict] option each forgiven quirk is also returned as an
// error. Values that break the model, such as "two" for a number, are kept
// raw and reported as errors; decoding goes on.
//
// # Nothing is lost
//
// Members the model does not know are kept raw, in order, in the Unknown
// field of the struct they belong to, and [Event.MarshalJSON] writes them
// back: encoding a parsed event gives the same JSON value as the input,
// less forgiven quirks. requestParameters, responseElements and the other
// service-defined members stay raw JSON on the event (nil when absent,
// "null" when null); package elasticache gives typed views of them.
//
// # Errors
//
// Errors are *[DecodeError] values naming the source, the record index,
// the byte offset and the JSON path; match their kind with errors.Is and
// the sentinels [ErrSyntax], [ErrType], [ErrNotRecord], [ErrQuirk] and
// [ErrLimit]. Input that ends inside a record or inside gzip data is an
// ErrSyntax that errors.Is also finds to be io.ErrUnexpectedEOF: the file
// may be incomplete, so a pipeline retries it rather than drops it. A
// failing io.Reader gives a *[ReadError]; [ParseSNSNotification] reports
// [ErrNotNotification] for other input.
package event

//go:generate go run ../internal/gen/cmd/codecgen
