// How every example shows an ElastiCache event; the Lambda examples hold
// copies of this file and unmodeled.go (ecview_*.go): keep them in step.

package main

import (
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
