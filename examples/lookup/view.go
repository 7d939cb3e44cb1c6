package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// A small version of examples/cachetrail's view, so that this example
// builds alone in another module: the same table, and the same -json keys
// except that unmodeled lists only the payloads' members (the library's
// Action.Unmodeled), not the envelope's.

// flushEvery bounds the rows the table holds before aligning them.
const flushEvery = 100

var encodeOptions = []elasticache.Option{elasticache.Normalize(), elasticache.Redact()}

// record is the -json object of one event.
type record struct {
	Source       string          `json:"source"`
	Index        int             `json:"index"`
	EventID      string          `json:"eventID"`
	EventTime    string          `json:"eventTime"`
	EventName    string          `json:"eventName"`
	AWSRegion    string          `json:"awsRegion"`
	AccountID    string          `json:"accountId"`
	Actor        string          `json:"actor"`
	ErrorCode    *string         `json:"errorCode"`
	ErrorMessage *string         `json:"errorMessage"`
	Request      json.RawMessage `json:"request"`
	Response     json.RawMessage `json:"response"`
	Resources    []resource      `json:"resources"`
	Unmodeled    []string        `json:"unmodeled"`
}

type resource struct {
	Type string `json:"type"`
	ID   string `json:"id"`
	ARN  string `json:"arn"`
}

func newRecord(ev *event.Event, a elasticache.Action) record {
	r := record{
		Source: ev.Origin().Source, Index: ev.Origin().Index, EventID: ev.EventID,
		EventTime: ev.EventTime.String(), EventName: ev.EventName, AWSRegion: ev.AWSRegion,
		AccountID: account(ev), Actor: ev.UserIdentity.Actor(),
		Request:   elasticache.RequestJSON(a, encodeOptions...),
		Response:  elasticache.ResponseJSON(a, encodeOptions...),
		Resources: []resource{},
		Unmodeled: []string{},
	}
	if ev.Failed() {
		r.ErrorCode, r.ErrorMessage = &ev.ErrorCode, &ev.ErrorMessage
	}
	for _, res := range a.Resources() {
		r.Resources = append(r.Resources, resource{Type: string(res.Type), ID: res.ID, ARN: res.ARN})
	}
	for _, u := range a.Unmodeled() {
		r.Unmodeled = append(r.Unmodeled, u.Path)
	}
	return r
}

// account is the recipient account, else the caller's.
func account(ev *event.Event) string {
	if ev.RecipientAccountID != "" {
		return ev.RecipientAccountID
	}
	return ev.UserIdentity.AccountID
}

func newTable(w io.Writer) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "TIME\tREGION\tACCOUNT\tACTOR\tACTION\tRESOURCE\tOUTCOME")
	return tw
}

// addRow writes the table row of an event; empty cells show as "-".
func addRow(tw *tabwriter.Writer, ev *event.Event, a elasticache.Action) {
	resource, outcome := "", "ok"
	if rs := a.Resources(); len(rs) > 0 {
		resource = rs[0].ID
	}
	if ev.Failed() {
		outcome = ev.ErrorCode
	}
	cells := []any{ev.EventTime.String(), ev.AWSRegion, account(ev), ev.UserIdentity.Actor(), a.Operation(), resource, outcome}
	for i, c := range cells {
		if c == "" {
			cells[i] = "-"
		}
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", cells...)
}
