// Listing and opening CloudTrail log files in S3, with the SDK's default
// credential chain.

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// s3EndpointEnv is the SDK's variable for a custom S3 endpoint; when it is
// set we also switch to path-style addressing, which local S3 servers need.
const s3EndpointEnv = "AWS_ENDPOINT_URL_S3"

// defaultS3Region is used when no region is configured, so that a listing
// works out of the box for buckets in it.
const defaultS3Region = "us-east-1"

// newS3Client returns an S3 client configured from the environment. A non-empty
// endpoint overrides AWS_ENDPOINT_URL_S3; either one selects path-style
// addressing.
func newS3Client(ctx context.Context, endpoint string) (*s3.Client, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = defaultS3Region
	}
	if endpoint == "" {
		endpoint = os.Getenv(s3EndpointEnv)
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
			o.UsePathStyle = true
		}
	}), nil
}

// parseS3URL splits "s3://bucket/prefix" into its bucket and prefix.
func parseS3URL(u string) (bucket, prefix string, ok bool) {
	rest, ok := strings.CutPrefix(u, "s3://")
	if !ok {
		return "", "", false
	}
	bucket, prefix, _ = strings.Cut(rest, "/")
	return bucket, prefix, bucket != ""
}

// isS3URL reports whether s names an S3 location.
func isS3URL(s string) bool { return strings.HasPrefix(s, "s3://") }

// s3Object is one listed object.
type s3Object struct {
	Bucket, Key string
	Size        int64
}

// URL returns the object's s3:// address.
func (o s3Object) URL() string { return "s3://" + o.Bucket + "/" + o.Key }

// listS3 returns the objects under prefix whose keys keep(key) accepts, in
// key order.
func listS3(ctx context.Context, c *s3.Client, bucket, prefix string, keep func(string) bool) ([]s3Object, error) {
	var out []s3Object
	p := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String(prefix)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list s3://%s/%s: %w", bucket, prefix, err)
		}
		for _, o := range page.Contents {
			k := aws.ToString(o.Key)
			if keep == nil || keep(k) {
				out = append(out, s3Object{Bucket: bucket, Key: k, Size: aws.ToInt64(o.Size)})
			}
		}
	}
	return out, nil
}

// openS3 starts downloading an object and returns its body as a stream; the
// caller closes it.
func openS3(ctx context.Context, c *s3.Client, bucket, key string) (io.ReadCloser, error) {
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return nil, fmt.Errorf("get s3://%s/%s: %w", bucket, key, err)
	}
	return out.Body, nil
}
