package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Handler logs the ElastiCache changes EventBridge delivers as
// "AWS API Call via CloudTrail" events.
type Handler struct {
	Log *slog.Logger
}

// Result is the function's response.
type Result struct {
	Changes  int `json:"changes"`  // ElastiCache changes logged
	ReadOnly int `json:"readOnly"` // Describe*/List* calls skipped
	Skipped  int `json:"skipped"`  // events that are not CloudTrail records of ElastiCache
}

// Handle logs the event's record when it is an ElastiCache call that
// changes something; read-only Describe* and List* calls are skipped. The
// payload may also be a list of events, as a test harness may send.
//
// An event whose record cannot be read fails the invocation, so that it
// reaches the function's dead-letter queue or on-failure destination for
// inspection; problems inside a readable record are only logged.
func (h *Handler) Handle(ctx context.Context, payload json.RawMessage) (Result, error) {
	var res Result
	name := "eventbridge"
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		name = "eventbridge:" + lc.AwsRequestID
	}
	r := event.NewReader(bytes.NewReader(payload), event.WithEventSources(elasticache.Source), event.WithSourceName(name), event.WithDecompressor(gunzip))
	var failed []error
	for ev, err := range r.All() {
		if err != nil {
			h.Log.ErrorContext(ctx, "record not read", "source", name, "error", err.Error())
			if ev == nil {
				failed = append(failed, err)
				continue
			}
		}
		a, err := elasticache.Decode(ev)
		if err != nil {
			h.Log.WarnContext(ctx, "record payload not fully read", "source", name, "eventID", ev.EventID, "error", err.Error())
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
	sum := r.Summary()
	res.Skipped = sum.Filtered
	for _, n := range sum.NonRecords {
		res.Skipped += n
	}
	return res, errors.Join(failed...)
}
