package event

import (
	"io"
	"iter"
	"maps"

	"github.com/cachetrail/cachetrail/internal/scan"
	"github.com/cachetrail/cachetrail/internal/split"
)

// Reader reads CloudTrail records from a stream, one at a time, in any of
// the shapes CloudTrail delivers them in:
//
//   - a log file as delivered to S3, {"Records":[...]}, gzip-compressed or
//     not ("Records" need not be the first member);
//   - JSON Lines or concatenated records (CloudTrail Lake and Athena
//     exports, jq -c output), or a JSON array of records;
//   - a single record;
//   - EventBridge events whose detail-type ends in "via CloudTrail" (the
//     record is their detail), one or many, as lines or in an array;
//   - CloudWatch Logs subscription payloads, either the
//     {"awslogs":{"data":"..."}} envelope (base64 of gzip) or its decoded
//     {"messageType":"DATA_MESSAGE",...,"logEvents":[...]} form; each
//     log event's message is a record;
//   - any of these as the Message of an SNS notification envelope.
//
// Gzip is recognised by its magic bytes, not by a file name. Memory stays
// flat however long the input is: records are split off one at a time
// into a reused buffer, and only the ones kept are decoded. A Reader is
// not safe for concurrent use.
//
// # Not records
//
// Items that are not records are skipped, counted by kind in the
// Summary, and handed to the function given with WithSkipped: CloudTrail
// digest files, the CloudTrail SNS notification of a new log file (with
// its bucket and keys), CloudWatch Logs CONTROL_MESSAGE payloads and
// EventBridge events that do not come from CloudTrail. Insights records
// are events, not API calls: they are returned like any record unless
// WithEventSources or WithEventNames is given, in which case they are
// skipped as SkippedInsight.
//
// # Errors
//
// A malformed record yields a *DecodeError for that record, with the
// source name, the record's index, its byte offset in the decompressed
// input and a JSON path, and reading goes on with the next record. A
// broken record costs only itself: a closer that does not match its
// opener ends it there, with the error at that byte; a byte between
// records that is not a ',' (a stray '}', ",,") is an error at that byte
// with a Record of -1; after either the reader resumes at the next record
// start (a '{' and a name such as "eventVersion", which no JSON string can
// hold). A record cut short that swallows the records after it is cut
// where the first of them starts, and the records it swallowed come back
// (internal/split's resync.go says how, and what cannot be recovered). A
// log file whose Records is not an array, and an EventBridge event whose
// detail is {}, are errors wrapping ErrNotRecord, not empty events. A log
// file with a second Records member yields the records of both.
//
// Only the end of the input or of the container ends the stream early (a
// truncated gzip stream, bytes after the last gzip member, an
// unterminated array, input past WithMaxInputBytes): Next returns that
// error after every complete record before it, then io.EOF. A failing
// io.Reader ends it with a *ReadError. A record that decodes with type
// errors is returned together with its error, as Parse does.
//
// The input is taken for JSON Lines when its first record is on one line:
// then a raw newline inside a record ends it, so that a bad line is one
// error and the next line is read. It is taken for JSON Lines too when its
// first line is broken: when that line ends inside a string, or where a
// next line starting with '{' or '[' cannot go on with the record (after
// '{', a name, a member or an object's ','), and the next line starts so.
// Then the first line is one error and the rest is read line by line.
// Records written over several lines (jq without -c) are read too.
//
// # Provenance
//
// Each event's Origin gives the source name (WithSourceName), the
// record's index among the records of the input (filtered and failed
// ones included, non-records not) and the byte offset of its first byte.
// For EventBridge events and CloudWatch Logs payloads the offset is that
// of the enclosing item; errors inside an EventBridge detail point at the
// exact byte, and errors inside a CloudWatch Logs message count from the
// enclosing item's offset, as if the message text started there.
type Reader struct {
	cfg    config
	source string
	onSkip func(Skipped)

	sp    split.Splitter // the input, split into items
	sub   scan.Scanner   // for values inside an item: details, messages
	index int            // the next record's index
	done  bool

	queue []result
	head  int
	sum   Summary
}

type result struct {
	ev  *Event
	err error
}

// NewReader returns a Reader of the records in r. Options such as
// WithEventSources, WithMaxRecordBytes and WithSourceName configure it.
func NewReader(r io.Reader, opts ...Option) *Reader {
	rd := &Reader{}
	rd.cfg = newConfig(opts)
	rd.onSkip = rd.cfg.skipped
	rd.source = rd.cfg.origin.Source
	rd.sp.Init(r, split.Config{
		MaxRecordBytes: rd.cfg.maxRecordBytes,
		MaxInputBytes:  rd.cfg.maxInputBytes,
		Sources:        rd.cfg.sources,
		Names:          rd.cfg.names,
		Decompress:     rd.cfg.decompress,
	})
	return rd
}

// Next returns the next event. It returns a nil event and io.EOF at the
// end of the input; after other errors reading can go on, except that an
// error ending the stream is followed by io.EOF.
func (r *Reader) Next() (*Event, error) {
	for r.head == len(r.queue) {
		r.queue, r.head = r.queue[:0], 0
		if r.done {
			return nil, io.EOF
		}
		r.step()
	}
	res := r.queue[r.head]
	r.queue[r.head] = result{}
	r.head++
	return res.ev, res.err
}

// Close stops reading: the io.Reader given to NewReader is not read after
// Close returns (a Read in progress in the goroutine inflating gzip input
// is waited for), and that goroutine has ended. It does not close the
// io.Reader. After Close, Next returns io.EOF, as at the end of the input;
// Summary keeps the counts so far. Close is idempotent and returns nil.
//
// A Reader read to io.EOF, or through All, needs no Close; one abandoned
// early after Next should be closed (else the goroutine ends only when
// the collector finds the Reader unreachable).
func (r *Reader) Close() error {
	r.sp.Close()
	r.queue, r.head = nil, 0
	r.done = true
	return nil
}

// All returns an iterator over the remaining events and errors, as
// returned by Next, stopping at io.EOF. When the loop ends early (break,
// return, panic), the input is not read again, and no goroutine is left
// reading it, until Next or All is called again to read on.
func (r *Reader) All() iter.Seq2[*Event, error] {
	return func(yield func(*Event, error) bool) {
		defer r.sp.Pause()
		for {
			ev, err := r.Next()
			if err == io.EOF {
				return
			}
			if !yield(ev, err) {
				return
			}
		}
	}
}

// Summary counts what a Reader has read so far. Records is the sum of
// Returned, Filtered, Failed and NonRecords[SkippedInsight]; Damage
// counts the other errors before the end of the stream.
type Summary struct {
	Bytes      int64            // input bytes read, after decompression
	Records    int              // records read
	Returned   int              // events returned, some with an error
	Filtered   int              // records dropped by WithEventSources or WithEventNames
	Failed     int              // records reported as an error without an event
	Damage     int              // errors about no record (Record -1): stray bytes between records, a Records that is not an array, a log file's own damage
	NonRecords map[SkipKind]int // items that are not records, by kind
}

// Summary returns the counts so far; after io.EOF they are final.
func (r *Reader) Summary() Summary {
	s := r.sum
	s.Bytes = r.sp.Bytes()
	s.NonRecords = maps.Clone(r.sum.NonRecords)
	return s
}

// SkipKind names a kind of item that is not a record.
type SkipKind string

// The kinds of items a Reader skips.
const (
	// SkippedDigest is a CloudTrail digest file (digestStartTime, ...).
	SkippedDigest SkipKind = "digest"
	// SkippedInsight is an Insights record, skipped when a filter is set.
	SkippedInsight SkipKind = "insight"
	// SkippedSNS is CloudTrail's SNS notification of a delivered log
	// file, bare or in an SNS envelope, or another SNS message.
	SkippedSNS SkipKind = "sns"
	// SkippedControl is a CloudWatch Logs CONTROL_MESSAGE payload.
	SkippedControl SkipKind = "cwl-control"
	// SkippedEventBridge is an EventBridge event not sent by CloudTrail.
	SkippedEventBridge SkipKind = "eventbridge"
)

// Skipped describes an item a Reader skipped because it is not a record.
// Origin.Index is the record index for SkippedInsight and -1 otherwise.
// For SkippedSNS, Bucket and Keys name the log files to fetch when the
// notification is CloudTrail's.
type Skipped struct {
	Kind   SkipKind
	Origin Origin
	Bucket string
	Keys   []string
}

func (r *Reader) skip(s Skipped) {
	if r.sum.NonRecords == nil {
		r.sum.NonRecords = map[SkipKind]int{}
	}
	r.sum.NonRecords[s.Kind]++
	if r.onSkip != nil {
		r.onSkip(s)
	}
}

func (r *Reader) emit(ev *Event, err error) {
	r.queue = append(r.queue, result{ev, err})
}

// fail reports a record that yields no event.
func (r *Reader) fail(err error) {
	r.sum.Failed++
	r.emit(nil, err)
}

// nextIndex takes a record index.
func (r *Reader) nextIndex() int {
	i := r.index
	r.index++
	r.sum.Records++
	return i
}

func (r *Reader) errorf(index int, off int64, kind error, msg string) *DecodeError {
	return &DecodeError{Source: r.source, Record: index, Offset: off, Msg: msg, Err: kind}
}

// damage reports an error that belongs to no record.
func (r *Reader) damage(err error) {
	r.sum.Damage++
	r.emit(nil, err)
}

// step handles the splitter's next item.
func (r *Reader) step() {
	it := r.sp.Next()
	switch it.Type {
	case split.Record:
		r.record(it.Text, it.Offset, it.Offset, it.Members, nil, it.Broken, it.Hold)
	case split.Value:
		r.shape(it.Text, it.Offset, it.Members, it.Broken, 0, it.Hold)
	case split.Error:
		if it.OfRecord {
			r.fail(r.splitError(r.nextIndex(), it))
		} else {
			r.damage(r.splitError(-1, it))
		}
	case split.End:
		// The end of the input, or of the container, which ends the
		// stream early: the splitter has stopped reading ahead.
		idx := -1
		if it.OfRecord {
			idx = r.nextIndex()
			r.sum.Failed++
		}
		if it.Kind != split.NoError {
			r.emit(nil, r.splitError(idx, it))
		}
		r.done = true
	}
}

// splitError turns an error of the splitter into the reader's.
func (r *Reader) splitError(index int, it *split.Item) error {
	var kind error
	switch it.Kind {
	case split.ReadFailed:
		return &ReadError{Source: r.source, Offset: it.Offset, Err: it.Cause}
	case split.Truncated:
		kind = errTruncated
	case split.Limit:
		kind = ErrLimit
	case split.NotRecord:
		kind = ErrNotRecord
	default:
		kind = ErrSyntax
	}
	return r.errorf(index, it.Offset, kind, it.Msg)
}
