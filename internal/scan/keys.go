package scan

// Top-level member names the reader looks for: the scanner lists members
// with these names only, and acts on a few of them (Records, and the
// filtered eventSource and eventName).
const (
	KeyEventSource = iota
	KeyEventName
	KeyEventType
	KeyDetailType
	KeyDetail
	KeyAWSLogs
	KeyMessageType
	KeyLogEvents
	KeyDigest
	KeyS3Bucket
	KeyS3ObjectKey
	KeySNSType
	KeySNSMessage
	KeyRecords
	NumKeys
)

// InsightType is the eventType of CloudTrail Insights records, which
// filters never reject.
const InsightType = "AwsCloudTrailInsight"

// keyID maps a member name to its Key constant, or -1.
func keyID(name []byte) int {
	switch string(name) {
	case "eventSource":
		return KeyEventSource
	case "eventName":
		return KeyEventName
	case "eventType":
		return KeyEventType
	case "detail-type":
		return KeyDetailType
	case "detail":
		return KeyDetail
	case "awslogs":
		return KeyAWSLogs
	case "messageType":
		return KeyMessageType
	case "logEvents":
		return KeyLogEvents
	case "digestStartTime", "digestEndTime", "digestS3Object", "digestPublicKeyFingerprint", "digestSignatureAlgorithm":
		return KeyDigest
	case "s3Bucket":
		return KeyS3Bucket
	case "s3ObjectKey":
		return KeyS3ObjectKey
	case "Type":
		return KeySNSType
	case "Message":
		return KeySNSMessage
	case "Records":
		return KeyRecords
	}
	return -1
}
