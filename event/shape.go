package event

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"io"
	"strings"

	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/internal/scan"
	"github.com/cachetrail/cachetrail/internal/split"
	"github.com/cachetrail/cachetrail/wire"
)

// shape recognises what a top-level item is, from its top-level member
// names, and handles it. nested is 1 inside an SNS envelope's message;
// hold is the splitter's, for the record the item is or holds.
func (r *Reader) shape(b []byte, off int64, ms []scan.Member, broken bool, nested int, hold bool) {
	if broken || len(b) == 0 || b[0] != '{' {
		r.record(b, off, off, ms, nil, broken, hold && nested == 0)
		return
	}
	var k keys
	k.find(ms)
	sns := ""
	if k[scan.KeySNSType] > 0 && k[scan.KeySNSMessage] > 0 && nested == 0 {
		sns = snsType(b, &ms[k[scan.KeySNSType]-1])
	}
	switch {
	case k[scan.KeyDetailType] > 0 && k[scan.KeyDetail] > 0:
		r.eventBridge(b, off, ms, &k, hold)
	case k[scan.KeyAWSLogs] > 0:
		r.awslogs(b, off, &ms[k[scan.KeyAWSLogs]-1])
	case k[scan.KeyMessageType] > 0 && k[scan.KeyLogEvents] > 0:
		r.logEvents(b, off)
	case k[scan.KeyDigest] > 0:
		r.skip(Skipped{Kind: SkippedDigest, Origin: r.nonRecord(off)})
	case k[scan.KeyS3Bucket] > 0 && k[scan.KeyS3ObjectKey] > 0:
		s := Skipped{Kind: SkippedSNS, Origin: r.nonRecord(off)}
		s.Bucket, s.Keys, _ = snsNotification(string(b), 0)
		r.skip(s)
	case sns != "":
		r.snsEnvelope(b, off, sns, &ms[k[scan.KeySNSMessage]-1], hold)
	case k[scan.KeyRecords] > 0 && ms[k[scan.KeyRecords]-1].Kind == '[':
		// A log file met whole, as in an SNS message; top-level ones
		// are streamed before they get here.
		r.recordsArray(b, off, &ms[k[scan.KeyRecords]-1])
	case k[scan.KeyRecords] > 0 && k[scan.KeyEventSource] == 0 && k[scan.KeyEventName] == 0:
		// A log file whose Records is not an array holds no record: an
		// error, not an empty event.
		m := &ms[k[scan.KeyRecords]-1]
		r.damage(r.errorf(-1, off+int64(m.Val.Start), ErrNotRecord, "Records is "+scan.ValueKind(b[m.Val.Start:m.Val.End])+", want an array of records"))
	default:
		r.record(b, off, off, ms, &k, false, hold && nested == 0)
	}
}

func (r *Reader) nonRecord(off int64) Origin {
	return Origin{Source: r.source, Index: -1, Offset: off}
}

// eventBridge handles an EventBridge event: its detail is the record when
// its detail-type ends in "via CloudTrail".
func (r *Reader) eventBridge(b []byte, off int64, ms []scan.Member, k *keys, hold bool) {
	dt, _ := scan.StringValue(b, &ms[k[scan.KeyDetailType]-1])
	if !strings.HasSuffix(dt, " via CloudTrail") {
		r.skip(Skipped{Kind: SkippedEventBridge, Origin: r.nonRecord(off)})
		return
	}
	d := ms[k[scan.KeyDetail]-1]
	text := b[d.Val.Start:d.Val.End]
	start, end, ok := r.sub.ScanValue(text)
	if ok && scan.EmptyObject(text[start:end]) {
		r.fail(r.errorf(r.nextIndex(), off+int64(d.Val.Start+start), ErrNotRecord, "EventBridge detail is an empty object, want a record"))
		return
	}
	r.record(text[start:end], off+int64(d.Val.Start+start), off, r.sub.Members, nil, !ok, hold)
}

// logEvents handles a decoded CloudWatch Logs payload: each log event's
// message is a record. base is the stream offset of payload, or that of
// the enclosing item when payload is not part of the stream.
func (r *Reader) logEvents(payload []byte, base int64) {
	d := jsonx.NewDecoder(string(payload), jsonx.Options{Base: base})
	var (
		m        jsonx.Member
		junk     wire.Members
		msgType  string
		messages []string
		found    bool
	)
	st := d.ObjectStart(&m)
	for st == jsonx.OK && d.NextMember(&m) {
		mst := jsonx.Unknown
		switch m.Key {
		case "messageType":
			mst = jsonx.Str(d, &msgType)
		case "logEvents":
			found = true
			mst = jsonx.List(d, &messages, logMessage)
			if mst == jsonx.Mismatch {
				found = false // not a list of log event objects
			}
		}
		d.EndMember(&m, mst, &junk)
		junk = junk[:0]
	}
	switch {
	case d.Fatal() != nil:
		f := d.Fatal()
		r.fail(&DecodeError{Source: r.source, Record: r.nextIndex(), Offset: f.Offset, Path: f.Path, Msg: f.Msg, Err: ErrSyntax})
		return
	case msgType == "CONTROL_MESSAGE":
		r.skip(Skipped{Kind: SkippedControl, Origin: r.nonRecord(base)})
		return
	case st != jsonx.OK || !found:
		r.fail(r.errorf(r.nextIndex(), base, ErrNotRecord, "not a CloudWatch Logs payload: want messageType and logEvents"))
		return
	}
	for _, msg := range messages {
		text := []byte(msg)
		start, end, ok := r.sub.ScanValue(text)
		ok = ok && scan.SkipSpace(text, end) == len(text)
		r.record(text[start:], base+int64(start), base, r.sub.Members, nil, !ok, false)
	}
}

// logMessage reads one log event, keeping its message.
func logMessage(p *string, d *jsonx.Decoder) jsonx.Status {
	var m jsonx.Member
	var junk wire.Members
	if st := d.ObjectStart(&m); st != jsonx.OK {
		return st
	}
	for d.NextMember(&m) {
		st := jsonx.Unknown
		if m.Key == "message" {
			st = jsonx.Str(d, p)
		}
		d.EndMember(&m, st, &junk)
	}
	if d.Fatal() != nil {
		return jsonx.Fatal
	}
	return jsonx.OK
}

// awslogs handles the {"awslogs":{"data":"..."}} envelope a Lambda
// function receives: data is a base64 gzip-compressed payload.
func (r *Reader) awslogs(b []byte, off int64, m *scan.Member) {
	d := jsonx.NewDecoder(string(b[m.Val.Start:m.Val.End]), jsonx.Options{})
	var (
		om      jsonx.Member
		junk    wire.Members
		data    string
		dataOff = off + int64(m.Val.Start) // where the data value starts, for errors
	)
	if d.ObjectStart(&om) == jsonx.OK {
		for d.NextMember(&om) {
			st := jsonx.Unknown
			if om.Key == "data" {
				dataOff = off + int64(m.Val.Start) + d.Offset()
				st = jsonx.Str(d, &data)
			}
			d.EndMember(&om, st, &junk)
		}
	}
	payload, err := r.inflate(data)
	if err != nil {
		kind := ErrSyntax
		if err == errPayloadTooLong {
			kind = ErrLimit
		}
		e := r.errorf(r.nextIndex(), dataOff, kind, err.Error())
		e.Path = "awslogs.data"
		r.fail(e)
		return
	}
	r.logEvents(payload, off)
}

var errPayloadTooLong = errors.New("longer than the record limit once inflated")

// inflate decodes base64 gzip data, up to the record limit.
func (r *Reader) inflate(data string) ([]byte, error) {
	if data == "" {
		return nil, errors.New("missing")
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return nil, errors.New("bad base64: " + err.Error())
	}
	var zr io.Reader
	if r.cfg.decompress != nil {
		gz, err := split.NewGzipStream(bytes.NewReader(raw), r.cfg.decompress)
		if err != nil {
			return nil, errors.New("bad gzip: " + err.Error())
		}
		defer gz.Close()
		zr = gz
	} else {
		gz, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return nil, errors.New("bad gzip: " + err.Error())
		}
		zr = gz
	}
	out, err := io.ReadAll(io.LimitReader(zr, r.cfg.maxRecordBytes+1))
	if err != nil {
		return nil, errors.New("bad gzip: " + err.Error())
	}
	if int64(len(out)) > r.cfg.maxRecordBytes {
		return nil, errPayloadTooLong
	}
	return out, nil
}

// snsType returns the Type of an SNS message, or "" if m is not one.
func snsType(b []byte, m *scan.Member) string {
	v, _ := scan.StringBytes(b, m)
	switch string(v) {
	case "Notification":
		return "Notification"
	case "SubscriptionConfirmation", "UnsubscribeConfirmation":
		return "Confirmation"
	}
	return ""
}

// recordsArray reads the records of a Records array held in b, which is
// not part of the stream: each record's Origin has the offset off of the
// enclosing item.
func (r *Reader) recordsArray(b []byte, off int64, m *scan.Member) {
	arr := b[m.Val.Start:m.Val.End]
	base := off + int64(m.Val.Start)
	var sc scan.Scanner
	for el, ok := range sc.Elements(arr) {
		text := arr[el.Start:el.End]
		r.record(text, base+int64(el.Start), off, sc.Members, nil, !ok || len(text) == 0, false)
	}
}

// snsEnvelope handles an SNS message: a JSON object in a notification's
// Message is read as a top-level item (CloudTrail's notification, an
// EventBridge event, a record); anything else is skipped.
func (r *Reader) snsEnvelope(b []byte, off int64, typ string, m *scan.Member, hold bool) {
	msg, _ := scan.StringValue(b, m)
	text := []byte(msg)
	var sc scan.Scanner
	start, end, ok := sc.ScanValue(text)
	if typ != "Notification" || !ok || start >= len(text) || text[start] != '{' || scan.SkipSpace(text, end) != len(text) {
		r.skip(Skipped{Kind: SkippedSNS, Origin: r.nonRecord(off)})
		return
	}
	r.shape(text[start:end], off, sc.Members, false, 1, hold)
}
