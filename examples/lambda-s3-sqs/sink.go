package main

import (
	"context"
	"encoding/json"
	"io"
	"sync"
	"time"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Sink receives every ElastiCache call read. Put returning an error fails
// the message the call came from, so that SQS delivers it again.
type Sink interface {
	Put(ctx context.Context, r Record) error
}

// Record is what the function hands a sink for one call. Request holds
// the typed request re-encoded, with sensitive values (passwords, auth
// tokens) redacted: a sink is output, and output never shows a secret.
type Record struct {
	EventID   string          `json:"eventID"`
	EventTime string          `json:"eventTime"`
	EventName string          `json:"eventName"`
	AWSRegion string          `json:"awsRegion"`
	AccountID string          `json:"accountId"`
	Actor     string          `json:"actor"`
	Outcome   string          `json:"outcome"` // "ok" or the error code
	ReadOnly  bool            `json:"readOnly"`
	Resources []string        `json:"resources"` // ARNs, else IDs
	Request   json.RawMessage `json:"request"`
	Source    string          `json:"source"` // s3://bucket/key
	Index     int             `json:"index"`  // the record's position in it
}

// newRecord describes an action and the record it was decoded from.
func newRecord(ev *event.Event, a elasticache.Action) Record {
	r := Record{
		EventID:   ev.EventID,
		EventName: ev.EventName,
		AWSRegion: ev.AWSRegion,
		AccountID: ev.RecipientAccountID,
		Actor:     ev.UserIdentity.Actor(),
		Outcome:   "ok",
		ReadOnly:  readOnly(a),
		Resources: []string{},
		Request:   json.RawMessage("null"),
		Source:    ev.Origin().Source,
		Index:     ev.Origin().Index,
	}
	if !ev.EventTime.IsZero() {
		r.EventTime = ev.EventTime.Time().UTC().Format(time.RFC3339)
	}
	if r.AccountID == "" {
		r.AccountID = ev.UserIdentity.AccountID
	}
	if ev.Failed() {
		r.Outcome = ev.ErrorCode
	}
	for _, res := range a.Resources() {
		if res.ARN != "" {
			r.Resources = append(r.Resources, res.ARN)
		} else {
			r.Resources = append(r.Resources, res.ID)
		}
	}
	r.Request = elasticache.RequestJSON(a, elasticache.Normalize(), elasticache.Redact())
	return r
}

// readOnly reports whether the call only reads (Describe*, List*).
func readOnly(a elasticache.Action) bool {
	info, ok := elasticache.LookupOperation(a.Operation())
	return ok && info.ReadOnly
}

// JSONLines is the default sink: one JSON object a line.
type JSONLines struct {
	mu  sync.Mutex
	enc *json.Encoder
}

// NewJSONLines returns a sink writing to w.
func NewJSONLines(w io.Writer) *JSONLines { return &JSONLines{enc: json.NewEncoder(w)} }

// Put writes r as one line.
func (s *JSONLines) Put(_ context.Context, r Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enc.Encode(r)
}
