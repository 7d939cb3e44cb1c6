// Listing and opening CloudTrail log files in S3, with the SDK's default
// credential chain.

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// s3EndpointEnv is the SDK's variable for a custom S3 endpoint; when it is
// set we also switch to path-style addressing, which local S3 servers need.
const s3EndpointEnv = "AWS_ENDPOINT_URL_S3"

// defaultS3Region is used when neither -region nor the AWS configuration
// (AWS_REGION, the profile's region) names one: the SDK needs a region to
// sign and to pick the endpoint, and us-east-1 is where S3 creates a bucket
// given no location.
const defaultS3Region = "us-east-1"

// credentialsTimeout bounds the credentials check before the first listing:
// without credentials the chain ends at the EC2 instance metadata service,
// which off EC2 answers nothing and would hold the run for seconds.
const credentialsTimeout = 1500 * time.Millisecond

// The listing's first request fails fast when the endpoint cannot be
// reached or does not answer: it is not retried then, and it has short
// connect and response-header timeouts, where the SDK would retry (3
// attempts, backoff up to 20 s, a 30 s connect timeout). S3's own errors,
// such as 503 SlowDown, keep the SDK's retries; so do later pages and
// downloads, since by then the endpoint has answered.
const (
	firstDialTimeout   = 2 * time.Second // connect, and the TLS handshake
	firstHeaderTimeout = 5 * time.Second // the response's headers; the body is not bounded
)

// noCredentialsHint follows "no AWS credentials" in the error.
const noCredentialsHint = "(set AWS_PROFILE, run 'aws sso login', or use -s3-endpoint for a local server)"

// newS3Client returns an S3 client configured from the environment, after
// checking that credentials can be had. A non-empty endpoint overrides
// AWS_ENDPOINT_URL_S3; either one selects path-style addressing, and
// without credentials the requests to it go unsigned (local test servers
// take them). A non-empty region overrides the configured one.
func newS3Client(ctx context.Context, endpoint, region string) (*s3.Client, error) {
	// The SDK's warnings (such as an instance metadata fallback) would
	// break the one-line errors below.
	opts := []func(*awsconfig.LoadOptions) error{awsconfig.WithLogger(logging.Nop{})}
	if region != "" {
		opts = append(opts, awsconfig.WithRegion(region))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		cfg.Region = defaultS3Region
	}
	if endpoint == "" {
		endpoint = os.Getenv(s3EndpointEnv)
	}
	if err := checkCredentials(ctx, cfg.Credentials); err != nil {
		if endpoint == "" || ctx.Err() != nil {
			return nil, err
		}
		cfg.Credentials = aws.AnonymousCredentials{}
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
			o.UsePathStyle = true
		}
	}), nil
}

// checkCredentials retrieves credentials from p, within credentialsTimeout,
// and returns a one-line error without the SDK's chain when it cannot.
func checkCredentials(ctx context.Context, p aws.CredentialsProvider) error {
	if p == nil {
		return errors.New("no AWS credentials " + noCredentialsHint)
	}
	rctx, cancel := context.WithTimeout(ctx, credentialsTimeout)
	defer cancel()
	_, err := p.Retrieve(rctx)
	switch {
	case err == nil:
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	case rctx.Err() != nil:
		return &s3Error{msg: fmt.Sprintf("no AWS credentials within %v %s", credentialsTimeout, noCredentialsHint), err: err}
	}
	return &s3Error{msg: "no AWS credentials " + noCredentialsHint, err: err}
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
// key order. Its first request is bounded (firstAttempts and the timeouts
// above); errors are one line, naming the location.
func listS3(ctx context.Context, c *s3.Client, bucket, prefix string, keep func(string) bool) ([]s3Object, error) {
	var out []s3Object
	p := s3.NewListObjectsV2Paginator(c, &s3.ListObjectsV2Input{Bucket: aws.String(bucket), Prefix: aws.String(prefix)})
	first := boundFirstRequest
	for p.HasMorePages() {
		var optFns []func(*s3.Options)
		if first != nil {
			optFns, first = append(optFns, first), nil
		}
		page, err := p.NextPage(ctx, optFns...)
		if err != nil {
			return nil, fmt.Errorf("s3://%s/%s: %w", bucket, prefix, describeS3Error(ctx, c, "list", err))
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

// boundFirstRequest makes a request fail fast when S3 cannot be reached:
// no retry then, and, on the SDK's own HTTP client (the usual case, which
// keeps a configured CA bundle and proxy), short connect and
// response-header timeouts.
func boundFirstRequest(o *s3.Options) {
	if r, ok := o.Retryer.(aws.RetryerV2); ok { // the SDK's retryers are
		o.Retryer = noRetryUnreached{r}
	}
	if bc, ok := o.HTTPClient.(*awshttp.BuildableClient); ok {
		o.HTTPClient = bc.
			WithDialerOptions(func(d *net.Dialer) { d.Timeout = firstDialTimeout }).
			WithTransportOptions(func(t *http.Transport) {
				t.TLSHandshakeTimeout = firstDialTimeout
				t.ResponseHeaderTimeout = firstHeaderTimeout
			})
	}
}

// noRetryUnreached is a retryer that does not retry a request that got no
// response: a refused or timed-out connection, an unknown host, a server
// that does not answer.
type noRetryUnreached struct{ aws.RetryerV2 }

func (r noRetryUnreached) IsErrorRetryable(err error) bool {
	var send *smithyhttp.RequestSendError
	if errors.As(err, &send) {
		return false
	}
	return r.RetryerV2.IsErrorRetryable(err)
}

// openS3 starts downloading an object and returns its body as a stream; the
// caller closes it. Downloads keep the SDK's retries and timeouts.
func openS3(ctx context.Context, c *s3.Client, bucket, key string) (io.ReadCloser, error) {
	out, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		return nil, describeS3Error(ctx, c, "get", err) // the caller names the object
	}
	return out.Body, nil
}

// s3Error is an S3 failure told in one line, with a hint where there is
// one; it wraps the SDK's error.
type s3Error struct {
	msg string
	err error
}

func (e *s3Error) Error() string { return e.msg }
func (e *s3Error) Unwrap() error { return e.err }

// expectingRegion finds the bucket's region in the message of S3's
// AuthorizationHeaderMalformed error.
var expectingRegion = regexp.MustCompile(`expecting '([a-z0-9-]+)'`)

// describeS3Error turns an error of the operation op ("list", "get") of
// client c into one line: a bucket in another region, an endpoint that
// cannot be reached, or S3's error code and message.
func describeS3Error(ctx context.Context, c *s3.Client, op string, err error) error {
	if err := ctx.Err(); err != nil {
		return err // an interrupt, reported once for the run
	}
	o := c.Options()
	custom := o.BaseEndpoint != nil // the endpoint is not AWS's

	var resp *awshttp.ResponseError
	var api smithy.APIError
	hasAPI := errors.As(err, &api)
	if errors.As(err, &resp) && resp.Response != nil {
		region := resp.Response.Header.Get("X-Amz-Bucket-Region")
		if region == "" && hasAPI {
			if m := expectingRegion.FindStringSubmatch(api.ErrorMessage()); m != nil {
				region = m[1]
			}
		}
		if region != "" && region != o.Region {
			return &s3Error{msg: fmt.Sprintf("%s: the bucket is in %s, not %s (use -region %s)", op, region, o.Region, region), err: err}
		}
	}
	if hasAPI {
		msg := fmt.Sprintf("%s: %s", op, api.ErrorCode())
		if m := oneLine(api.ErrorMessage()); m != "" {
			msg += ": " + m
		}
		if api.ErrorCode() == "AccessDenied" {
			if _, anon := o.Credentials.(aws.AnonymousCredentials); anon {
				msg += " (no AWS credentials: the requests were unsigned)"
			} else if op == "list" {
				msg += " (needs s3:ListBucket on the bucket)"
			} else {
				msg += " (needs s3:GetObject on the key)"
			}
		}
		return &s3Error{msg: msg, err: err}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		at := ue.URL
		if u, perr := url.Parse(ue.URL); perr == nil {
			at = u.Scheme + "://" + u.Host
		}
		hint := "check -region and the network"
		if custom {
			hint = "check -s3-endpoint"
		}
		return &s3Error{msg: fmt.Sprintf("%s: no response from S3 at %s: %s (%s)", op, at, oneLine(ue.Err.Error()), hint), err: err}
	}
	return &s3Error{msg: op + ": " + oneLine(err.Error()), err: err}
}

// oneLine joins the lines of s.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
