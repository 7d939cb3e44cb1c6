package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// source is one input to read: a file, standard input or an S3 object.
type source struct {
	name string // shown in output and errors
	size int64  // bytes, or -1 when unknown
	open func(ctx context.Context) (io.ReadCloser, error)
}

// logSuffixes are the file names a directory walk or an S3 listing reads.
var logSuffixes = []string{".json", ".json.gz", ".jsonl", ".jsonl.gz"}

// isLogName reports whether a file name ends in one of logSuffixes, in
// any case: copies made on other systems may be named COPY.JSON.GZ.
func isLogName(name string) bool {
	name = strings.ToLower(name)
	for _, s := range logSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// isLogKey is isLogName for S3 keys, leaving out CloudTrail's digest files,
// which hold no records.
func isLogKey(key string) bool {
	return isLogName(key) && !strings.Contains(key, "/CloudTrail-Digest/")
}

// expand turns the command-line inputs into sources, in order. A failing
// input is reported through report and skipped; the others go on.
func (a *app) expand(ctx context.Context, inputs []string, report func(error)) []source {
	var out []source
	for _, in := range inputs {
		switch {
		case in == "-":
			out = append(out, source{name: "-", size: -1, open: func(context.Context) (io.ReadCloser, error) {
				return io.NopCloser(a.env.stdin), nil
			}})
		case isS3URL(in):
			srcs, err := a.expandS3(ctx, in)
			if err != nil {
				report(err)
				continue
			}
			if len(srcs) == 0 {
				a.warnf("%s: no log files", in)
			}
			out = append(out, srcs...)
		default:
			srcs, err := expandPath(in)
			if err != nil {
				report(err)
				continue
			}
			if len(srcs) == 0 {
				a.warnf("%s: no log files (%s)", in, strings.Join(logSuffixes, ", "))
			}
			out = append(out, srcs...)
		}
	}
	return out
}

// expandPath returns a file, or the log files under a directory in
// lexical order.
func expandPath(p string) ([]source, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []source{fileSource(p, fi.Size())}, nil
	}
	var out []source
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !isLogName(d.Name()) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().IsRegular() {
			out = append(out, fileSource(path, info.Size()))
		}
		return nil
	})
	return out, err
}

func fileSource(p string, size int64) source {
	return source{name: p, size: size, open: func(context.Context) (io.ReadCloser, error) {
		return os.Open(p)
	}}
}

// expandS3 lists the log files under an s3:// prefix.
func (a *app) expandS3(ctx context.Context, u string) ([]source, error) {
	bucket, prefix, ok := parseS3URL(u)
	if !ok {
		return nil, fmt.Errorf("%s: want s3://bucket/prefix", u)
	}
	c, err := a.s3Client(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	objs, err := listS3(ctx, c, bucket, prefix, isLogKey)
	if err != nil {
		return nil, err
	}
	out := make([]source, len(objs))
	for i, o := range objs {
		out[i] = source{name: o.URL(), size: o.Size, open: func(ctx context.Context) (io.ReadCloser, error) {
			return openS3(ctx, c, o.Bucket, o.Key)
		}}
	}
	return out, nil
}

// s3Client creates the S3 client on first use, so runs without s3:// inputs
// need no AWS configuration; a failure is kept for the next s3:// input.
func (a *app) s3Client(ctx context.Context) (*s3.Client, error) {
	if a.s3 == nil && a.s3err == nil {
		a.s3, a.s3err = newS3Client(ctx, a.cfg.s3Endpoint, a.cfg.region)
	}
	return a.s3, a.s3err
}
