package event

import (
	"errors"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// ErrNotNotification reports that the JSON value is not CloudTrail's SNS
// notification of a new log file.
var ErrNotNotification = errors.New("not a CloudTrail SNS notification")

// ParseSNSNotification reads the notification CloudTrail publishes to SNS
// when it delivers log files, {"s3Bucket":"...","s3ObjectKey":["..."]},
// bare or inside an SNS envelope {"Type":"Notification","Message":"..."}
// (as an SQS queue or an HTTP endpoint receives it), and returns the
// bucket and the keys of the log files to fetch. Errors are *DecodeError
// wrapping ErrSyntax or ErrNotNotification.
func ParseSNSNotification(data []byte) (bucket string, keys []string, err error) {
	b, k, e := snsNotification(string(data), 0)
	if e != nil {
		return "", nil, e
	}
	return b, k, nil
}

// snsNotification is ParseSNSNotification; nested is 1 inside an
// envelope's message.
func snsNotification(src string, nested int) (bucket string, keys []string, err *DecodeError) {
	d := jsonx.NewDecoder(src, jsonx.Options{})
	d.SkipBOM()
	var (
		m                  jsonx.Member
		junk               wire.Members
		typ, message       string
		hasBucket, hasKeys bool
		hasMessage         bool
	)
	if st := d.ObjectStart(&m); st != jsonx.OK {
		if f := d.Fatal(); f != nil {
			return "", nil, snsError(f.Offset, f.Path, f.Msg, ErrSyntax)
		}
		return "", nil, snsError(d.Offset(), "", "want an object", ErrNotNotification)
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		switch m.Key {
		case "s3Bucket":
			st = jsonx.Str(d, &bucket)
			hasBucket = st == jsonx.OK
		case "s3ObjectKey":
			st = jsonx.List(d, &keys, jsonx.StrElem[string])
			hasKeys = st == jsonx.OK
		case "Type":
			st = jsonx.Str(d, &typ)
		case "Message":
			st = jsonx.Str(d, &message)
			hasMessage = st == jsonx.OK
		}
		d.EndMember(&m, st, &junk)
		junk = junk[:0]
	}
	if f := d.Fatal(); f != nil {
		return "", nil, snsError(f.Offset, f.Path, f.Msg, ErrSyntax)
	}
	switch {
	case hasBucket && hasKeys:
		return bucket, keys, nil
	case typ == "Notification" && hasMessage && nested == 0:
		b, k, err := snsNotification(message, 1)
		if err != nil {
			// Offsets inside the message do not point into data.
			err.Offset = 0
			err.Path = "Message"
		}
		return b, k, err
	}
	msg := "want s3Bucket and s3ObjectKey"
	if nested == 0 {
		msg += ", or an SNS envelope holding them"
	}
	return "", nil, snsError(0, "", msg, ErrNotNotification)
}

func snsError(off int64, path, msg string, kind error) *DecodeError {
	return &DecodeError{Record: -1, Offset: off, Path: path, Msg: msg, Err: kind}
}
