package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestObjectsIn(t *testing.T) {
	want := []object{{Bucket: trailBucket, Key: goodKey}}
	direct := s3Body("ObjectCreated:Put", trailBucket, goodKey)
	notification := cloudTrailNotification(trailBucket, goodKey)
	tests := []struct {
		name, body string
		want       []object
		wantErr    string
	}{
		{name: "S3", body: direct, want: want},
		{name: "S3 in SNS", body: snsEnvelope(direct), want: want},
		{name: "CloudTrail notification in SNS", body: snsEnvelope(notification), want: want},
		{name: "CloudTrail notification, raw delivery", body: notification, want: want},
		{
			name: "URL-encoded key",
			body: s3Body("ObjectCreated:CompleteMultipartUpload", trailBucket, "AWSLogs/a+b%3Dc.json.gz"),
			want: []object{{Bucket: trailBucket, Key: "AWSLogs/a b=c.json.gz"}},
		},
		{name: "removal", body: s3Body("ObjectRemoved:Delete", trailBucket, goodKey)},
		{name: "digest", body: s3Body("ObjectCreated:Put", trailBucket, "AWSLogs/123456789012/CloudTrail-Digest/us-west-2/d.json.gz")},
		{name: "S3 test event", body: `{"Service":"Amazon S3","Event":"s3:TestEvent","Bucket":"example-trail-bucket"}`},
		{name: "unrelated", body: `{"detail-type":"Scheduled Event"}`, wantErr: "not an S3 or CloudTrail notification"},
		{name: "not JSON", body: `nope`, wantErr: "not an S3 or CloudTrail notification"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := objectsIn(tt.body)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, errUnrecognized)
				assert.ErrorContains(t, err, tt.wantErr)
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

func TestSeen(t *testing.T) {
	s := NewSeen(2)
	s.Add("a")
	s.Add("b")
	s.Add("a") // already there: does not push b out
	assert.True(t, s.Has("a"))
	assert.True(t, s.Has("b"))
	s.Add("c")
	assert.False(t, s.Has("a"), "the oldest is forgotten")
	assert.True(t, s.Has("b"))
	assert.True(t, s.Has("c"))
	s.Add("d")
	assert.False(t, s.Has("b"))
	assert.True(t, s.Has("c"))
	assert.True(t, s.Has("d"))
}
