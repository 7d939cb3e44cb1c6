package main

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/userid"
)

// Record is the -json shape of one ElastiCache event. Every key is always
// present; the README documents them.
type Record struct {
	Source       string          `json:"source"`
	Index        int             `json:"index"`
	EventID      string          `json:"eventID"`
	EventTime    string          `json:"eventTime"`
	EventName    string          `json:"eventName"`
	AWSRegion    string          `json:"awsRegion"`
	AccountID    string          `json:"accountId"`
	Actor        userid.Person   `json:"actor"` // who called; see Person
	ErrorCode    *string         `json:"errorCode"`
	ErrorMessage *string         `json:"errorMessage"`
	Request      json.RawMessage `json:"request"`
	Response     json.RawMessage `json:"response"`
	Resources    []Resource      `json:"resources"`
	Unmodeled    []string        `json:"unmodeled"`
}

// Resource is one entry of Record.Resources.
type Resource struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	ARN  string `json:"arn"`
}

// NewRecord builds the -json object of an event and its decoded action.
// request and response are the typed values re-encoded with CloudTrail's
// wire names and normalised values (RFC 3339 timestamps, [] for lists
// written as {}), null when absent.
func NewRecord(ev *event.Event, a elasticache.Action) Record {
	o := ev.Origin()
	r := Record{
		Source:    o.Source,
		Index:     o.Index,
		EventID:   ev.EventID,
		EventTime: ev.EventTime.String(),
		EventName: ev.EventName,
		AWSRegion: ev.AWSRegion,
		AccountID: Account(ev),
		Actor:     Person(ev),
		Request:   elasticache.RequestJSON(a, elasticache.Normalize(), elasticache.Redact()),
		Response:  elasticache.ResponseJSON(a, elasticache.Normalize(), elasticache.Redact()),
		Resources: []Resource{},
		Unmodeled: []string{},
	}
	if ev.Failed() {
		r.ErrorCode = &ev.ErrorCode
		r.ErrorMessage = &ev.ErrorMessage
	}
	for _, res := range a.Resources() {
		r.Resources = append(r.Resources, Resource{Type: string(res.Type), ID: res.ID, ARN: res.ARN})
	}
	for _, g := range Unmodeled(ev, a) {
		r.Unmodeled = append(r.Unmodeled, g.Path)
	}
	return r
}

// Person returns who made the call: the identity's Person, with
// ConsoleSession from the record's sessionCredentialFromConsole, which
// userIdentity does not hold.
func Person(ev *event.Event) userid.Person {
	p := ev.UserIdentity.Person()
	if v, ok := ev.SessionCredentialFromConsole.Value(); ok {
		p.ConsoleSession = &v
	}
	return p
}
