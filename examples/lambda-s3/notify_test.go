package main

import (
	"encoding/json"
	"fmt"
)

// The notifications AWS delivers, in their recorded shapes, for the tests.

// s3Event is an S3 event notification for one new object; key is given
// URL-encoded, as S3 sends it.
func s3Event(eventName, bucket, encodedKey string) string {
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

// snsRecord wraps a message in the event SNS hands to Lambda.
func snsRecord(message string) string {
	return fmt.Sprintf(`{"Records":[{"EventVersion":"1.0","EventSource":"aws:sns",
"EventSubscriptionArn":"arn:aws:sns:us-west-2:123456789012:trail-logs:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55",
"Sns":{"Type":"Notification","MessageId":"95df01b4-ee98-5cb9-9903-4c221d41eb5e",
"TopicArn":"arn:aws:sns:us-west-2:123456789012:trail-logs","Subject":null,"Message":%s,
"Timestamp":"2014-12-01T22:45:32.000Z","SignatureVersion":"1","Signature":"EXAMPLE",
"SigningCertUrl":"https://sns.us-west-2.amazonaws.com/SimpleNotificationService-EXAMPLE.pem",
"UnsubscribeUrl":"https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe","MessageAttributes":{}}}]}`, quoteJSON(message))
}

// snsEnvelope is an SNS message as an SQS queue subscribed to the topic
// receives it (raw delivery off).
func snsEnvelope(message string) string {
	return fmt.Sprintf(`{"Type":"Notification","MessageId":"95df01b4-ee98-5cb9-9903-4c221d41eb5e",
"TopicArn":"arn:aws:sns:us-west-2:123456789012:trail-logs","Message":%s,
"Timestamp":"2014-12-01T22:45:32.000Z","SignatureVersion":"1","Signature":"EXAMPLE",
"SigningCertURL":"https://sns.us-west-2.amazonaws.com/SimpleNotificationService-EXAMPLE.pem",
"UnsubscribeURL":"https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe"}`, quoteJSON(message))
}

// sqsRecord wraps a message body in the event SQS hands to Lambda.
func sqsRecord(body string) string {
	return fmt.Sprintf(`{"Records":[{"messageId":"059f36b4-87a3-44ab-83d2-661975830a7d",
"receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a","body":%s,
"attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1417474000000",
"SenderId":"AIDAIENQZJOLO23YVJ4VO","ApproximateFirstReceiveTimestamp":"1417474000001"},
"messageAttributes":{},"md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","eventSource":"aws:sqs",
"eventSourceARN":"arn:aws:sqs:us-west-2:123456789012:trail-logs","awsRegion":"us-west-2"}]}`, quoteJSON(body))
}

// cloudTrailNotification is what CloudTrail publishes to its SNS topic.
func cloudTrailNotification(bucket string, keys ...string) string {
	b, _ := json.Marshal(map[string]any{"s3Bucket": bucket, "s3ObjectKey": keys})
	return string(b)
}

func quoteJSON(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
