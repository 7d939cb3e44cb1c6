package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	bucket = "example-trail-bucket"
	key    = "AWSLogs/123456789012/CloudTrail/us-west-2/2014/12/01/123456789012_CloudTrail_us-west-2_20141201T2245Z_a1b2c3d4e5f6.json.gz"
)

func TestObjects(t *testing.T) {
	want := []Object{{Bucket: bucket, Key: key}}
	direct := s3Event("ObjectCreated:Put", bucket, key)
	notification := cloudTrailNotification(bucket, key)
	tests := []struct {
		name    string
		payload string
		want    []Object
		wantErr string
	}{
		{name: "S3", payload: direct, want: []Object{{Bucket: bucket, Key: key, Size: 7332}}},
		{name: "S3 in SNS", payload: snsRecord(direct), want: []Object{{Bucket: bucket, Key: key, Size: 7332}}},
		{name: "S3 in SQS", payload: sqsRecord(direct), want: []Object{{Bucket: bucket, Key: key, Size: 7332}}},
		{name: "S3 in SNS in SQS", payload: sqsRecord(snsEnvelope(direct)), want: []Object{{Bucket: bucket, Key: key, Size: 7332}}},
		{name: "CloudTrail notification in SNS", payload: snsRecord(notification), want: want},
		{name: "CloudTrail notification in SNS in SQS", payload: sqsRecord(snsEnvelope(notification)), want: want},
		{name: "CloudTrail notification, raw delivery to SQS", payload: sqsRecord(notification), want: want},
		{
			name:    "URL-encoded key",
			payload: s3Event("ObjectCreated:CompleteMultipartUpload", bucket, "AWSLogs/o-exampleorg/123456789012/CloudTrail/us-west-2/2014/12/01/a+b%3Dc.json.gz"),
			want:    []Object{{Bucket: bucket, Key: "AWSLogs/o-exampleorg/123456789012/CloudTrail/us-west-2/2014/12/01/a b=c.json.gz", Size: 7332}},
		},
		{name: "removal ignored", payload: s3Event("ObjectRemoved:Delete", bucket, key), want: nil},
		{name: "digest left out", payload: s3Event("ObjectCreated:Put", bucket, "AWSLogs/123456789012/CloudTrail-Digest/us-west-2/2014/12/01/d.json.gz"), want: nil},
		{name: "S3 test event", payload: `{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2014-12-01T22:00:00.000Z","Bucket":"example-trail-bucket","RequestId":"5582815E1AEA5ADF","HostId":"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE"}`, want: nil},
		{name: "unrelated", payload: `{"detail-type":"Scheduled Event"}`, wantErr: "not an S3, SNS or SQS notification"},
		{name: "not JSON", payload: `nope`, wantErr: "not an S3, SNS or SQS notification"},
		{name: "bad record", payload: `{"Records":[{"eventSource":"aws:kinesis"}]}`, wantErr: "Records[0]: not an S3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Objects([]byte(tt.payload))
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			if tt.want == nil {
				assert.Empty(t, got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
