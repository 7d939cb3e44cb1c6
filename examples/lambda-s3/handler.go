package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Handler logs the ElastiCache changes in the CloudTrail log files a
// notification announces.
type Handler struct {
	S3  *s3.Client
	Log *slog.Logger
}

// Result is the function's response: what one invocation read.
type Result struct {
	Objects  int `json:"objects"`  // log files read
	Records  int `json:"records"`  // records in them, all services
	Changes  int `json:"changes"`  // ElastiCache changes logged
	ReadOnly int `json:"readOnly"` // ElastiCache Describe*/List* calls skipped
	Errors   int `json:"errors"`   // records that could not be read, each logged
}

// Handle reads each announced object as a stream, never whole, and writes
// one log line per ElastiCache call that changes something. Read-only
// Describe* and List* calls are skipped: they are most of the volume and
// change nothing.
//
// A record that cannot be read is logged and counted, and the rest of the
// file is read: retrying would not mend it. A log file that cannot be
// fetched, or whose stream breaks, fails the invocation so that Lambda
// retries it; lines logged before the failure may then appear twice
// (eventID tells them apart).
func (h *Handler) Handle(ctx context.Context, payload json.RawMessage) (Result, error) {
	var res Result
	objs, err := Objects(payload)
	if err != nil {
		return res, err
	}
	var failed []error
	for _, o := range objs {
		if err := h.read(ctx, o, &res); err != nil {
			h.Log.ErrorContext(ctx, "log file not read", "source", o.URL(), "error", err.Error())
			failed = append(failed, err)
			continue
		}
		res.Objects++
	}
	return res, errors.Join(failed...)
}

// read streams one log file through the reader.
func (h *Handler) read(ctx context.Context, o Object, res *Result) error {
	body, err := open(ctx, h.S3, o)
	if err != nil {
		return err
	}
	defer body.Close()
	r := event.NewReader(body, event.WithEventSources(elasticache.Source), event.WithSourceName(o.URL()), event.WithDecompressor(gunzip))
	var broken error
	for ev, err := range r.All() {
		if err != nil {
			if _, ok := errors.AsType[*event.ReadError](err); ok {
				broken = err
			}
			res.Errors++
			h.Log.WarnContext(ctx, "record not read", "source", o.URL(), "error", err.Error())
		}
		if ev == nil {
			continue
		}
		a, err := elasticache.Decode(ev)
		if err != nil {
			res.Errors++
			h.Log.WarnContext(ctx, "record payload not fully read", "source", o.URL(), "eventID", ev.EventID, "error", err.Error())
		}
		if a == nil {
			continue
		}
		if ReadOnly(a) {
			res.ReadOnly++
			continue
		}
		LogChange(ctx, h.Log, ev, a)
		res.Changes++
	}
	res.Records += r.Summary().Records
	if broken != nil {
		return fmt.Errorf("%s: %w", o.URL(), broken)
	}
	return nil
}
