// Copied from examples/internal/ecview/view.go so that this example builds
// alone in another module; keep the copies in step.

package main

import (
	"strings"
	"time"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Account returns the account the event belongs to: the recipient
// account, else the caller's.
func Account(ev *event.Event) string {
	if ev.RecipientAccountID != "" {
		return ev.RecipientAccountID
	}
	return ev.UserIdentity.AccountID
}

// Outcome returns "ok" for a successful call and the error code otherwise.
func Outcome(ev *event.Event) string {
	if ev.Failed() {
		return ev.ErrorCode
	}
	return "ok"
}

// MainResource returns the ID of the first resource the action names, or ""
// when it names none (most Describe calls).
func MainResource(a elasticache.Action) string {
	if rs := a.Resources(); len(rs) > 0 {
		return rs[0].ID
	}
	return ""
}

// EventTime returns the event time as RFC 3339 in UTC, or "" when absent.
func EventTime(ev *event.Event) string {
	if ev.EventTime.IsZero() {
		return ""
	}
	return ev.EventTime.Time().UTC().Format(time.RFC3339)
}

// ReadOnly reports whether the action only reads: a Describe* or List*
// call. Operations this version does not know are judged by their name.
func ReadOnly(a elasticache.Action) bool {
	op := a.Operation()
	if info, ok := elasticache.LookupOperation(op); ok {
		return info.ReadOnly
	}
	return strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "List")
}
