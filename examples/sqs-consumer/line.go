package main

import (
	"encoding/json"
	"io"
	"sync"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Line is the JSON line printed for one ElastiCache call.
type Line struct {
	MessageID string          `json:"messageId"` // the SQS message it came in
	EventID   string          `json:"eventID"`
	EventTime string          `json:"eventTime"` // RFC 3339, UTC
	EventName string          `json:"eventName"`
	AWSRegion string          `json:"awsRegion"`
	AccountID string          `json:"accountId"`
	Actor     string          `json:"actor"`
	Outcome   string          `json:"outcome"` // "ok" or the error code
	Resources []string        `json:"resources"`
	Request   json.RawMessage `json:"request"` // secrets redacted: output never shows one
}

func newLine(messageID string, ev *event.Event, a elasticache.Action) Line {
	l := Line{
		MessageID: messageID,
		EventID:   ev.EventID,
		EventTime: ev.EventTime.String(),
		EventName: ev.EventName,
		AWSRegion: ev.AWSRegion,
		AccountID: ev.RecipientAccountID,
		Actor:     ev.UserIdentity.Actor(),
		Outcome:   "ok",
		Resources: []string{},
		Request:   elasticache.RequestJSON(a, elasticache.Normalize(), elasticache.Redact()),
	}
	if ev.Failed() {
		l.Outcome = ev.ErrorCode
	}
	for _, r := range a.Resources() {
		if r.ARN != "" {
			l.Resources = append(l.Resources, r.ARN)
		} else {
			l.Resources = append(l.Resources, r.ID)
		}
	}
	return l
}

// lineWriter writes whole lines from many goroutines.
type lineWriter struct {
	mu  sync.Mutex
	enc *json.Encoder
}

func newLineWriter(w io.Writer) *lineWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &lineWriter{enc: enc}
}

func (w *lineWriter) write(l Line) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.enc.Encode(l)
}
