package main

import (
	"context"
	"fmt"
	"io"
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

// Object is one announced log file.
type Object struct {
	Bucket, Key string
	Size        int64
}

// URL returns the object's s3:// address.
func (o Object) URL() string { return "s3://" + o.Bucket + "/" + o.Key }

// open starts downloading an object and returns its body as a stream; the
// caller closes it.
func open(ctx context.Context, c *s3.Client, o Object) (io.ReadCloser, error) {
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(o.Bucket), Key: aws.String(o.Key)})
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", o.URL(), err)
	}
	return out.Body, nil
}
