package main

import (
	"context"
	"errors"

	"github.com/aws/aws-lambda-go/events"
)

// HandleS3 reads the log files of a direct S3 invocation. S3 invokes
// asynchronously: an error makes Lambda retry the whole event (twice by
// default) and then hand it to the on-failure destination, so every file
// is read even when one fails, and Seen keeps a retry from outputting the
// calls of the files that were read.
func (p *Processor) HandleS3(ctx context.Context, ev events.S3Event) error {
	var failed []error
	for _, o := range s3Objects(ev.Records) {
		if err := p.read(ctx, o); err != nil {
			p.Log.ErrorContext(ctx, "log file not read", "source", o.URL(), "error", err.Error())
			failed = append(failed, err)
		}
	}
	return errors.Join(failed...)
}
