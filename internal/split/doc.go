// Package split splits CloudTrail input into items for event.Reader: it
// reads the stream (gzip recognised by its magic bytes and inflated
// ahead in a goroutine, input.go, gzip.go, async.go), follows the
// containers records come in (a log file's Records, a top-level array,
// JSON Lines, frames.go), splits off one item at a time (item.go) and
// resynchronises after damage (resync.go). Items come out of
// Splitter.Next one at a time: a record candidate (a record of a Records
// array, or a top-level value to tell by its members), an error with its
// kind, or the end of the input.
//
// Package event turns the items into events, errors, skipped items and
// summary counts: it knows the delivery shapes (EventBridge, CloudWatch
// Logs, SNS), decodes records, takes record indices and owns the
// sentinel errors, which Kind stands for here. Package scan does the
// byte loops: where a value ends, its top-level members, early
// rejection, record starts.
package split
