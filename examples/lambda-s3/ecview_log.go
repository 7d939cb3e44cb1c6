// The same file is in examples/lambda-eventbridge, repeated so that each
// example builds alone in another module: keep the copies in step.

package main

import (
	"context"
	"log/slog"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// ChangeMessage is the message of every log line LogChange writes, so
// a log query can select them.
const ChangeMessage = "elasticache change"

// LogChange writes one structured line describing an ElastiCache call:
// who did what to which resource, when, with what outcome, and the typed
// request re-encoded with normalised values.
func LogChange(ctx context.Context, log *slog.Logger, ev *event.Event, a elasticache.Action) {
	o := ev.Origin()
	var arns []string
	for _, r := range a.Resources() {
		if r.ARN != "" {
			arns = append(arns, r.ARN)
		} else {
			arns = append(arns, r.ID)
		}
	}
	attrs := []slog.Attr{
		slog.String("eventTime", ev.EventTime.String()),
		slog.String("eventName", ev.EventName),
		slog.String("awsRegion", ev.AWSRegion),
		slog.String("accountId", Account(ev)),
		slog.String("actor", ev.UserIdentity.Actor()),
		slog.String("resource", MainResource(a)),
		slog.Any("resources", arns),
		slog.String("outcome", Outcome(ev)),
		slog.String("eventID", ev.EventID),
		slog.String("source", o.Source),
		slog.Int("index", o.Index),
		slog.Any("request", elasticache.RequestJSON(a, elasticache.Normalize(), elasticache.Redact())),
	}
	if ev.Failed() {
		attrs = append(attrs, slog.String("errorMessage", ev.ErrorMessage))
	}
	if gaps := Unmodeled(ev, a); len(gaps) > 0 {
		paths := make([]string, len(gaps))
		for i, g := range gaps {
			paths[i] = g.Path
		}
		attrs = append(attrs, slog.Any("unmodeled", paths))
	}
	log.LogAttrs(ctx, slog.LevelInfo, ChangeMessage, attrs...)
}
