package event

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Sentinel errors, matched with errors.Is through a *DecodeError.
var (
	// ErrSyntax: the input is not well-formed JSON, even tolerantly.
	ErrSyntax = errors.New("syntax error")
	// ErrType: a value has a JSON type or range the model cannot hold; the
	// value is kept raw and the rest of the record is decoded.
	ErrType = errors.New("type mismatch")
	// ErrNotRecord: the JSON value is not a CloudTrail record object.
	ErrNotRecord = errors.New("not a record")
	// ErrQuirk: a forgiven quirk, reported in strict mode.
	ErrQuirk = errors.New("quirk")
	// ErrLimit: a configured limit was exceeded.
	ErrLimit = errors.New("limit exceeded")
)

// errTruncated is the Err of an input that ends inside a record or inside
// compressed data: an ErrSyntax that errors.Is also finds to be
// io.ErrUnexpectedEOF, so that a pipeline can retry a file that may be
// incomplete (still being written, cut in transfer) rather than drop it.
var errTruncated error = truncatedError{}

type truncatedError struct{}

func (truncatedError) Error() string   { return ErrSyntax.Error() }
func (truncatedError) Unwrap() []error { return []error{ErrSyntax, io.ErrUnexpectedEOF} }

// DecodeError locates a problem in the input: the source (file name or S3
// key, if known), the record's index in it (-1 if unknown), the byte
// offset in the original input and the dotted JSON path of the value.
type DecodeError struct {
	Source string
	Record int
	Offset int64
	Path   string
	Msg    string
	Quirk  wire.QuirkKind // set for ErrQuirk errors
	Err    error          // one of the sentinel errors
}

// Error formats e like
// `event: file.json: record 3: requestParameters.numCacheNodes: want number, got string "two" at offset 512`.
func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("event: ")
	if e.Source != "" {
		b.WriteString(e.Source)
		b.WriteString(": ")
	}
	if e.Record >= 0 {
		b.WriteString("record ")
		b.WriteString(strconv.Itoa(e.Record))
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	b.WriteString(" at offset ")
	b.WriteString(strconv.FormatInt(e.Offset, 10))
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *DecodeError) Unwrap() error { return e.Err }

// ReadError is an error from the underlying reader: the input ended at
// Offset (counted after decompression) because reading failed.
type ReadError struct {
	Source string
	Offset int64
	Err    error
}

// Error formats e like "event: file.json: read error at offset 512: ...".
func (e *ReadError) Error() string {
	s := "event: "
	if e.Source != "" {
		s += e.Source + ": "
	}
	return s + "read error at offset " + strconv.FormatInt(e.Offset, 10) + ": " + e.Err.Error()
}

// Unwrap returns the underlying reader's error.
func (e *ReadError) Unwrap() error { return e.Err }

func (c *config) errorf(off int64, path string, kind error, msg string) *DecodeError {
	return &DecodeError{Source: c.origin.Source, Record: c.origin.Index, Offset: off, Path: path, Msg: msg, Err: kind}
}

func (c *config) wrap(e *jsonx.Error, kind error) *DecodeError {
	return c.errorf(e.Offset, e.Path, kind, e.Msg)
}

func (c *config) quirkError(q wire.Quirk) *DecodeError {
	msg := "forgiven " + string(q.Kind)
	if q.Detail != "" {
		msg += " (" + q.Detail + ")"
	}
	if q.Repeats > 0 {
		msg += " and " + strconv.Itoa(q.Repeats) + " more"
	}
	err := c.errorf(q.Offset, q.Path, ErrQuirk, msg)
	err.Quirk = q.Kind
	return err
}
