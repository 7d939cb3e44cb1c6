package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseURL(t *testing.T) {
	for _, tt := range []struct {
		in             string
		bucket, prefix string
		ok             bool
	}{
		{"s3://trail/AWSLogs/123/", "trail", "AWSLogs/123/", true},
		{"s3://trail", "trail", "", true},
		{"s3://trail/", "trail", "", true},
		{"s3:///AWSLogs", "", "AWSLogs", false},
		{"/tmp/x.json", "", "", false},
	} {
		bucket, prefix, ok := parseS3URL(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if ok {
			assert.Equal(t, tt.bucket, bucket, tt.in)
			assert.Equal(t, tt.prefix, prefix, tt.in)
		}
	}
	assert.Equal(t, "s3://b/k.json.gz", s3Object{Bucket: "b", Key: "k.json.gz"}.URL())
}
