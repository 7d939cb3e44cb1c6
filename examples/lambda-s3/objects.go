package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cachetrail/cachetrail/event"
)

// maxNesting bounds how deep notifications may wrap each other
// (S3 in SNS in SQS is two levels).
const maxNesting = 4

// errUnrecognised is returned for a payload that is none of the
// notifications the function handles.
var errUnrecognised = errors.New("not an S3, SNS or SQS notification of a CloudTrail log file")

// Objects returns the S3 objects a notification announces. It accepts:
//   - an S3 event notification (ObjectCreated:*), directly or as the message
//     of an SNS notification or the body of an SQS message, or both;
//   - CloudTrail's own SNS notification, {"s3Bucket":...,"s3ObjectKey":[...]},
//     delivered through SNS, or through SNS and SQS;
//   - the s3:TestEvent S3 sends when notifications are set up (no objects).
//
// CloudTrail digest files hold no records and are left out.
func Objects(payload []byte) ([]Object, error) {
	var out []Object
	if err := collect(payload, 0, &out); err != nil {
		return nil, err
	}
	kept := out[:0]
	for _, o := range out {
		if !strings.Contains(o.Key, "/CloudTrail-Digest/") {
			kept = append(kept, o)
		}
	}
	return kept, nil
}

// message is the union of the shapes collect looks at.
type message struct {
	Records []json.RawMessage `json:"Records"`
	Type    string            `json:"Type"`    // "Notification" for an SNS envelope
	Message *string           `json:"Message"` // its message
	Event   string            `json:"Event"`   // "s3:TestEvent"
}

func collect(payload []byte, depth int, out *[]Object) error {
	if depth > maxNesting {
		return fmt.Errorf("notifications nested more than %d deep", maxNesting)
	}
	var m message
	if err := json.Unmarshal(payload, &m); err != nil {
		return fmt.Errorf("%w: %v", errUnrecognised, err)
	}
	switch {
	case m.Event == "s3:TestEvent":
		return nil
	case m.Records != nil:
		for i, raw := range m.Records {
			if err := collectRecord(raw, depth, out); err != nil {
				return fmt.Errorf("notification Records[%d]: %w", i, err)
			}
		}
		return nil
	}
	// CloudTrail's own notification, bare or in an SNS envelope.
	if bucket, keys, err := event.ParseSNSNotification(payload); err == nil {
		for _, k := range keys {
			*out = append(*out, Object{Bucket: bucket, Key: k})
		}
		return nil
	}
	if m.Type == "Notification" && m.Message != nil {
		return collect([]byte(*m.Message), depth+1, out)
	}
	return errUnrecognised
}

// collectRecord reads one entry of a Records list: an S3 event record, an
// SNS record or an SQS message.
func collectRecord(raw json.RawMessage, depth int, out *[]Object) error {
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(raw, &keys); err != nil {
		return fmt.Errorf("%w: %v", errUnrecognised, err)
	}
	switch {
	case keys["s3"] != nil:
		var r events.S3EventRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		if strings.HasPrefix(r.EventName, "ObjectCreated:") {
			*out = append(*out, Object{Bucket: r.S3.Bucket.Name, Key: r.S3.Object.URLDecodedKey, Size: r.S3.Object.Size})
		}
		return nil
	case keys["Sns"] != nil:
		var r events.SNSEventRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		return collect([]byte(r.SNS.Message), depth+1, out)
	case keys["body"] != nil:
		var r events.SQSMessage
		if err := json.Unmarshal(raw, &r); err != nil {
			return err
		}
		return collect([]byte(r.Body), depth+1, out)
	}
	return errUnrecognised
}
