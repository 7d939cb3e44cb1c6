// Package s3src lists and opens CloudTrail log files in S3 for the
// examples, with the SDK's default credential chain.
package s3src

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// EndpointEnv is the SDK's variable for a custom S3 endpoint; when it is
// set we also switch to path-style addressing, which local S3 servers need.
const EndpointEnv = "AWS_ENDPOINT_URL_S3"

// DefaultRegion is used when no region is configured, so that a listing
// works out of the box for buckets in it.
const DefaultRegion = "us-east-1"

// NewClient returns an S3 client configured from the environment. A non-empty
// endpoint overrides AWS_ENDPOINT_URL_S3; either one selects path-style
// addressing.
func NewClient(ctx context.Context, endpoint string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = DefaultRegion
	}
	if endpoint == "" {
		endpoint = os.Getenv(EndpointEnv)
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
			o.UsePathStyle = true
		}
	}), nil
}

// ParseURL splits "s3://bucket/prefix" into its bucket and prefix.
func ParseURL(u string) (bucket, prefix string, ok bool) {
	rest, ok := strings.CutPrefix(u, "s3://")
	if !ok {
		return "", "", false
	}
	bucket, prefix, _ = strings.Cut(rest, "/")
	return bucket, prefix, bucket != ""
}

// IsURL reports whether s names an S3 location.
func IsURL(s string) bool { return strings.HasPrefix(s, "s3://") }

// Object is one listed object.
type Object struct {
	Bucket, Key string
	Size        int64
}

// URL returns the object's s3:// address.
func (o Object) URL() string { return "s3://" + o.Bucket + "/" + o.Key }

// List returns the objects under prefix whose keys keep(key) accepts, in
// key order.
func List(ctx context.Context, c *s3.Client, bucket, prefix string, keep func(string) bool) ([]Object, error) {
	var out []Object
	p := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String(prefix)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list s3://%s/%s: %w", bucket, prefix, err)
		}
		for _, o := range page.Contents {
			k := aws.ToString(o.Key)
			if keep == nil || keep(k) {
				out = append(out, Object{Bucket: bucket, Key: k, Size: aws.ToInt64(o.Size)})
			}
		}
	}
	return out, nil
}

// Open starts downloading an object and returns its body as a stream; the
// caller closes it.
func Open(ctx context.Context, c *s3.Client, bucket, key string) (io.ReadCloser, error) {
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return nil, fmt.Errorf("get s3://%s/%s: %w", bucket, key, err)
	}
	return out.Body, nil
}
