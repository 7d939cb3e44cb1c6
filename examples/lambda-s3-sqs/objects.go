package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cachetrail/cachetrail/event"
)

// errUnrecognized is returned for a message body that is none of the
// notifications the function reads. Such a message fails, so that it ends
// in the dead-letter queue for a look rather than being dropped.
var errUnrecognized = errors.New("not an S3 or CloudTrail notification")

// body is the union of the shapes objectsIn looks at.
type body struct {
	Records []events.S3EventRecord `json:"Records"`
	Type    string                 `json:"Type"`    // "Notification" for an SNS envelope
	Message *string                `json:"Message"` // its message
	Event   string                 `json:"Event"`   // "s3:TestEvent"
}

// objectsIn returns the log files an SQS message body announces: an S3
// event notification, bare or as the message of an SNS envelope (raw
// delivery off), or CloudTrail's own SNS notification, bare or enveloped.
// S3's s3:TestEvent, removals and CloudTrail digest files yield nothing.
func objectsIn(s string) ([]object, error) {
	var b body
	if err := json.Unmarshal([]byte(s), &b); err != nil {
		return nil, fmt.Errorf("%w: %v", errUnrecognized, err)
	}
	if b.Type == "Notification" && b.Message != nil {
		if err := json.Unmarshal([]byte(*b.Message), &b); err != nil {
			// CloudTrail's notification is handled below, from the envelope.
			b = body{}
		}
	}
	switch {
	case b.Event == "s3:TestEvent":
		return nil, nil
	case b.Records != nil:
		return s3Objects(b.Records), nil
	}
	bucket, keys, err := event.ParseSNSNotification([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUnrecognized, err)
	}
	var out []object
	for _, k := range keys {
		out = append(out, object{Bucket: bucket, Key: k})
	}
	return logFiles(out), nil
}

// s3Objects returns the objects created in S3 event records. Keys come
// URL-encoded; the SDK's events package decodes them.
func s3Objects(records []events.S3EventRecord) []object {
	var out []object
	for _, r := range records {
		if strings.HasPrefix(r.EventName, "ObjectCreated:") {
			out = append(out, object{Bucket: r.S3.Bucket.Name, Key: r.S3.Object.URLDecodedKey})
		}
	}
	return logFiles(out)
}

// logFiles leaves out CloudTrail digest files, which hold no records.
func logFiles(objs []object) []object {
	kept := objs[:0]
	for _, o := range objs {
		if !strings.Contains(o.Key, "/CloudTrail-Digest/") {
			kept = append(kept, o)
		}
	}
	return kept
}
