package main

import (
	"path"
	"strings"
	"time"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// filter selects events; the zero filter keeps them all.
type filter struct {
	since, until time.Time // since inclusive, until exclusive
	actions      []string  // globs over the operation name
	resource     string    // glob over resource IDs and ARNs
	actor        string    // matches the caller: userid.Person.Match
	failed       bool
	risky        bool // only calls with a security-relevant change
}

func (f *filter) match(ev *event.Event, a elasticache.Action) bool {
	if !f.since.IsZero() || !f.until.IsZero() {
		t := ev.EventTime.Time()
		if ev.EventTime.IsZero() ||
			(!f.since.IsZero() && t.Before(f.since)) ||
			(!f.until.IsZero() && !t.Before(f.until)) {
			return false
		}
	}
	if f.failed && !ev.Failed() {
		return false
	}
	if len(f.actions) > 0 && !matchActions(f.actions, a.Operation()) {
		return false
	}
	if f.actor != "" && !ev.UserIdentity.Person().Match(f.actor) {
		return false
	}
	if f.resource != "" && !f.matchResource(a) {
		return false
	}
	if f.risky && !anyRisky(elasticache.Changes(a)) {
		return false
	}
	return true
}

func (f *filter) matchResource(a elasticache.Action) bool {
	for _, r := range a.Resources() {
		if f.keepResource(r) {
			return true
		}
	}
	return false
}

// keepResource reports whether -resource, if given, matches r's ID or
// ARN. history and changes apply it to each change as well as to the
// event, so a call naming two resources shows only the matching one.
func (f *filter) keepResource(r elasticache.Resource) bool {
	return f.resource == "" || glob(f.resource, r.ID) || (r.ARN != "" && glob(f.resource, r.ARN))
}

func anyRisky(cs []elasticache.Change) bool {
	for _, c := range cs {
		if c.Security != "" {
			return true
		}
	}
	return false
}

func matchActions(patterns []string, op string) bool {
	for _, p := range patterns {
		if ok, _ := globFold(p, op); ok {
			return true
		}
	}
	return false
}

// glob matches s against a path.Match pattern; patterns are checked when
// the flags are parsed.
func glob(pattern, s string) bool {
	ok, _ := path.Match(pattern, s)
	return ok
}

// globFold is path.Match ignoring case, for action names.
func globFold(pattern, s string) (bool, error) {
	return path.Match(strings.ToLower(pattern), strings.ToLower(s))
}
