package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// newS3Client configures S3 from the environment, as Lambda sets it. A
// custom endpoint (AWS_ENDPOINT_URL_S3, which the SDK reads itself) also
// selects path-style addressing, which local S3 servers need.
func newS3Client(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load AWS configuration: %w", err)
	}
	custom := os.Getenv("AWS_ENDPOINT_URL_S3") != ""
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		if custom {
			o.UsePathStyle = true
		}
	}), nil
}

// object is one log file to read.
type object struct {
	Bucket, Key string
}

// URL returns the object's s3:// address.
func (o object) URL() string { return "s3://" + o.Bucket + "/" + o.Key }

// open starts downloading an object; the caller closes the body.
func open(ctx context.Context, c *s3.Client, o object) (*s3.GetObjectOutput, error) {
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(o.Bucket), Key: aws.String(o.Key)})
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", o.URL(), err)
	}
	return out, nil
}
