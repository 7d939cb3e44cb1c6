// Package s3test runs an in-process S3 server (gofakes3 with its memory
// backend) for the examples' tests, so they need no AWS account and no
// network beyond loopback.
package s3test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// Region, AccessKeyID and SecretAccessKey are the fixed settings tests
// give the SDK; the server accepts any credentials.
const (
	Region          = "us-west-2"
	AccessKeyID     = "AKIAIOSFODNN7EXAMPLE"
	SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

// Server is a running in-process S3 server.
type Server struct {
	URL     string
	backend *s3mem.Backend
}

// Start starts a server that stops when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	b := s3mem.New()
	ts := httptest.NewServer(gofakes3.New(b, gofakes3.WithAutoBucket(false)).Server())
	t.Cleanup(ts.Close)
	return &Server{URL: ts.URL, backend: b}
}

// Put stores an object, creating its bucket if needed.
func (s *Server) Put(t testing.TB, bucket, key string, data []byte) {
	t.Helper()
	if ok, err := s.backend.BucketExists(bucket); err != nil {
		t.Fatal(err)
	} else if !ok {
		if err := s.backend.CreateBucket(bucket); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.backend.PutObject(bucket, key, map[string]string{}, bytes.NewReader(data), int64(len(data)), nil); err != nil {
		t.Fatal(err)
	}
}

// Env returns the environment that points the SDK's default chain at the
// server: static credentials, a region, the S3 endpoint, and no shared
// config files or instance metadata lookups.
func (s *Server) Env(dir string) []string {
	return []string{
		"AWS_ACCESS_KEY_ID=" + AccessKeyID,
		"AWS_SECRET_ACCESS_KEY=" + SecretAccessKey,
		"AWS_REGION=" + Region,
		"AWS_ENDPOINT_URL_S3=" + s.URL,
		"AWS_CONFIG_FILE=" + dir + "/aws-config-absent",
		"AWS_SHARED_CREDENTIALS_FILE=" + dir + "/aws-credentials-absent",
		"AWS_EC2_METADATA_DISABLED=true",
	}
}

// Client returns an S3 client for the server with static credentials and
// path-style addressing.
func (s *Server) Client() *s3.Client {
	return s3.New(s3.Options{
		Region:       Region,
		BaseEndpoint: aws.String(s.URL),
		UsePathStyle: true,
		Credentials:  credentials.NewStaticCredentialsProvider(AccessKeyID, SecretAccessKey, ""),
	})
}

// Get reads an object back through the real client, a sanity check that
// the server speaks S3.
func (s *Server) Get(ctx context.Context, bucket, key string) ([]byte, error) {
	out, err := s.Client().GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	var buf bytes.Buffer
	_, err = buf.ReadFrom(out.Body)
	return buf.Bytes(), err
}
