package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/stretchr/testify/require"
)

const trailBucket = "example-trail-bucket"

// The keys the tests use: a good log file, one cut short, one never written.
const (
	goodKey      = "AWSLogs/123456789012/CloudTrail/us-west-2/2014/12/01/123456789012_CloudTrail_us-west-2_20141201T2245Z_good.json.gz"
	truncatedKey = "AWSLogs/123456789012/CloudTrail/us-west-2/2014/12/02/123456789012_CloudTrail_us-west-2_20141202T0830Z_cut.json.gz"
	missingKey   = "AWSLogs/123456789012/CloudTrail/us-west-2/2014/12/02/123456789012_CloudTrail_us-west-2_20141202T0835Z_gone.json.gz"
)

// sample reads a file of the bundled sample trail.
func sample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "samples", name))
	require.NoError(t, err)
	return b
}

// goodLog is a gzipped log file with 14 ElastiCache calls.
func goodLog(t testing.TB) []byte { return sample(t, "cloudtrail-20141201.json.gz") }

// truncatedLog is a gzipped log file of other calls, cut short in its
// last record; lines are flushed one by one so that some come out whole.
func truncatedLog(t testing.TB) []byte {
	t.Helper()
	b := otherLog(t)
	return b[:len(b)-40]
}

// otherLog is a gzipped log file with 4 ElastiCache calls, none of them in
// goodLog.
func otherLog(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for line := range bytes.Lines(sample(t, "export-20141202.jsonl")) {
		_, err := zw.Write(line)
		require.NoError(t, err)
		require.NoError(t, zw.Flush())
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// s3Body is an S3 event notification for one new object, as S3 writes it
// (the key URL-encoded).
func s3Body(eventName, bucket, encodedKey string) string {
	return fmt.Sprintf(`{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-west-2",
"eventTime":"2014-12-01T22:45:31.123Z","eventName":%q,
"userIdentity":{"principalId":"AWS:AROAIDPPEZS35WEXAMPLE:regionalDeliverySession"},
"requestParameters":{"sourceIPAddress":"198.51.100.9"},
"responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
"s3":{"s3SchemaVersion":"1.0","configurationId":"cloudtrail-logs",
"bucket":{"name":%q,"ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::%s"},
"object":{"key":%q,"size":7332,"eTag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"0055AED6DCD90281E5"}}}]}`,
		eventName, bucket, bucket, encodedKey)
}

// snsEnvelope is an SNS message as a subscribed SQS queue receives it
// (raw delivery off).
func snsEnvelope(message string) string {
	return fmt.Sprintf(`{"Type":"Notification","MessageId":"95df01b4-ee98-5cb9-9903-4c221d41eb5e",
"TopicArn":"arn:aws:sns:us-west-2:123456789012:trail-logs","Message":%s,
"Timestamp":"2014-12-01T22:45:32.000Z","SignatureVersion":"1","Signature":"EXAMPLE",
"SigningCertURL":"https://sns.us-west-2.amazonaws.com/SimpleNotificationService-EXAMPLE.pem",
"UnsubscribeURL":"https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe"}`, quoteJSON(message))
}

// cloudTrailNotification is what CloudTrail publishes to its SNS topic.
func cloudTrailNotification(bucket string, keys ...string) string {
	b, _ := json.Marshal(map[string]any{"s3Bucket": bucket, "s3ObjectKey": keys})
	return string(b)
}

// sqsMessage is one message of the event SQS hands to Lambda.
func sqsMessage(id, body string) events.SQSMessage {
	return events.SQSMessage{
		MessageId:      id,
		ReceiptHandle:  "AQEB" + id,
		Body:           body,
		Attributes:     map[string]string{"ApproximateReceiveCount": "1"},
		EventSource:    "aws:sqs",
		EventSourceARN: "arn:aws:sqs:us-west-2:123456789012:trail-logs",
		AWSRegion:      "us-west-2",
	}
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
