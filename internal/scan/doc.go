// Package scan owns the byte-level framing of CloudTrail input: it finds
// where each record or envelope ends without decoding it, lists the
// top-level members the reader routes by (Records, eventSource, detail,
// awslogs, ...), rejects filtered records early, and finds record starts
// after damage. Package split keeps the reader's state machine (frames,
// resynchronization decisions) and calls in here for every byte loop;
// package event keeps the delivery shapes and the errors.
//
// It is apart from internal/jsonx, the decoder, because it answers a
// different question (where is the end, not what is the value) at a
// different cost (a few instructions a byte, most bytes skipped 64 at a
// time with vector masks where the CPU has them, vector.go and kernel.go); it uses jsonx
// only to read an escaped name or value exactly as the decoder will. The
// word-at-a-time tricks both use are in internal/swar.
package scan
