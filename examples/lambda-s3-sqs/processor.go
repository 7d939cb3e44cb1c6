package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/klauspost/compress/gzip"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Processor reads announced log files and hands their ElastiCache calls to
// a sink. HandleSQS and HandleS3 are its two entry points.
type Processor struct {
	S3   *s3.Client
	Sink Sink
	Log  *slog.Logger
	Seen *Seen // nil: no deduplication
}

// read streams one log file, never holding it whole, and hands each
// ElastiCache call in it to the sink once.
//
// It fails when the file cannot be read through, since a retry may mend
// that: the object is missing (not yet visible) or access is denied (a
// policy being fixed), or the stream breaks (a connection lost, a
// truncated gzip: after retries it reaches the dead-letter queue). A record
// that cannot be read inside a readable file is logged with its position
// and skipped: reading the same bytes again would not mend it.
func (p *Processor) read(ctx context.Context, o object) error {
	out, err := open(ctx, p.S3, o)
	if err != nil {
		return err
	}
	defer out.Body.Close()
	body, err := gunzip(out.Body)
	if err != nil {
		return fmt.Errorf("%s: %w", o.URL(), err)
	}
	for a, err := range elasticache.Actions(body, event.WithSourceName(o.URL())) {
		if err != nil {
			if re, ok := errors.AsType[*event.ReadError](err); ok {
				return re
			}
			p.logRecordError(ctx, o, err)
		}
		if a == nil {
			continue
		}
		if err := p.put(ctx, a); err != nil {
			return fmt.Errorf("%s: sink: %w", o.URL(), err)
		}
	}
	return nil
}

// put hands a call to the sink unless it was handed over before.
func (p *Processor) put(ctx context.Context, a elasticache.Action) error {
	ev := eventOf(a)
	if ev == nil {
		return nil
	}
	if p.Seen != nil && ev.EventID != "" && p.Seen.Has(ev.EventID) {
		return nil
	}
	if err := p.Sink.Put(ctx, newRecord(ev, a)); err != nil {
		return err
	}
	if p.Seen != nil && ev.EventID != "" {
		p.Seen.Add(ev.EventID)
	}
	return nil
}

// logRecordError logs a record-level error with the record's position.
// The library's errors never show a sensitive value.
func (p *Processor) logRecordError(ctx context.Context, o object, err error) {
	attrs := []any{"source", o.URL(), "error", err.Error()}
	if de, ok := errors.AsType[*event.DecodeError](err); ok {
		attrs = append(attrs, "record", de.Record, "offset", de.Offset)
	}
	p.Log.WarnContext(ctx, "record not read", attrs...)
}

// gunzip inflates a gzip stream here rather than in the reader, which
// would report a truncated one as a syntax error like any other: from
// here its end comes as a *event.ReadError, which fails the message. It
// uses github.com/klauspost/compress/gzip, as the other examples do
// through event.WithDecompressor: it inflates log files faster than
// compress/gzip.
func gunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return zr, nil
}

// eventOf returns the record an action was decoded from.
func eventOf(a elasticache.Action) *event.Event {
	switch a := a.(type) {
	case *elasticache.Unrecognized:
		return a.Event
	case interface{ GetEvent() *event.Event }:
		return a.GetEvent()
	}
	return nil
}
