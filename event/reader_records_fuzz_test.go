package event_test

import (
	"bytes"
	"encoding/base64"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/event"
)

// deliveredRecords builds the delivery shapes of records a and b that can
// hold them unchanged: a log file's Records array (plain and gzipped), an
// array of records, JSON Lines and EventBridge events (when neither has
// a line break), and a CloudWatch Logs payload, decoded and as awslogs
// data (when both are UTF-8, which quoting them as messages keeps).
func deliveredRecords(t testing.TB, a, b []byte) map[string][]byte {
	shapes := map[string][]byte{
		"log":      []byte(`{"Records":[` + string(a) + `,` + string(b) + `]}`),
		"array":    []byte(`[` + string(a) + `,` + string(b) + `]`),
		"log-gzip": gzipBytes(t, []byte(`{"Records":[`+string(a)+`,`+string(b)+`]}`)),
	}
	if !bytes.ContainsAny(a, "\r\n") && !bytes.ContainsAny(b, "\r\n") {
		shapes["lines"] = []byte(string(a) + "\n" + string(b) + "\n")
		shapes["eventbridge-lines"] = []byte(eventBridge(string(a)) + "\n" + eventBridge(string(b)) + "\n")
	}
	if utf8.Valid(a) && utf8.Valid(b) {
		payload := cwlPayload(t, []string{string(a), string(b)})
		shapes["cwl-decoded"] = []byte(payload)
		shapes["cwl-awslogs"] = []byte(`{"awslogs":{"data":"` + base64.StdEncoding.EncodeToString(gzipBytes(t, []byte(payload))) + `"}}`)
	}
	return shapes
}

// recordStartRE matches a record start the reader resumes at after damage
// (recordStartNames in internal/scan/resync.go).
var recordStartRE = regexp.MustCompile(`^\{[ \t\r\n]*"(eventVersion|userIdentity|eventTime|eventSource|eventName|eventID|additionalEventData|apiVersion|awsRegion|version|detail-type|messageType|awslogs)"[ \t\r\n]*:`)

// parsedAlone is what Parse gives for one record on its own, re-encoded.
type parsedAlone struct {
	json   string
	hasErr bool
}

// parseAlone parses rec alone; ok is false when Parse rejects it, when it
// starts with a byte order mark (allowed only at the start of an input)
// when it is an empty object, or when it has a top-level name that makes the reader read it as
// something other than a record.
func parseAlone(t *testing.T, rec []byte) (parsedAlone, bool) {
	if bytes.HasPrefix(bytes.TrimLeft(rec, " \t\r\n"), []byte("\xef\xbb\xbf")) {
		return parsedAlone{}, false
	}
	if string(bytes.Join(bytes.Fields(rec), nil)) == "{}" {
		return parsedAlone{}, false // not a record: an EventBridge detail of {} is an error
	}
	ev, err := event.Parse(rec)
	if ev == nil {
		return parsedAlone{}, false
	}
	for _, name := range ev.Unknown.Names() {
		if shapeNames[name] {
			return parsedAlone{}, false
		}
	}
	return parsedAlone{marshal(t, ev), err != nil}, true
}

// FuzzReaderRecords checks that the reader returns every record Parse
// accepts alone: two fuzzed records that Parse accepts, delivered in each
// shape that can hold them, come back as the same two events (the same
// re-encoding), in order, each with an error exactly when Parse reported
// one, and nothing else.
func FuzzReaderRecords(f *testing.F) {
	lines := seedLines(f)
	for i := range lines {
		f.Add([]byte(lines[i]), []byte(lines[(i+1)%len(lines)]))
	}
	for i := 0; i+1 < len(trickyRecords); i += 2 {
		f.Add([]byte(trickyRecords[i]), []byte(trickyRecords[i+1]))
	}
	f.Add([]byte(rec("A")), []byte(`{"eventName":"a,]}\n","requestParameters":{"x":[1,],},}`))
	f.Add([]byte(`{}`), []byte(`{"eventTime":1417471566000,"readOnly":"true"}`))
	f.Add([]byte(`{"eventVersion":1.08}`), []byte("{\"userAgent\":\"\xff\"}"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		if len(a)+len(b) > 1<<14 {
			return
		}
		wantA, okA := parseAlone(t, a)
		wantB, okB := parseAlone(t, b)
		if !okA || !okB {
			return
		}
		want := []parsedAlone{wantA, wantB}
		shapes := deliveredRecords(t, a, b)
		if recordStartRE.Match(b) {
			// Isolation: a broken record between them costs neither (the
			// reader resumes at b, which starts like a record).
			shapes["log-broken-between"] = []byte(`{"Records":[` + string(a) + `,` + mismatchedArray + `,` + string(b) + `]}`)
			shapes["array-broken-between"] = []byte(`[` + string(a) + `,}` + string(b) + `]`)
		}
		for shape, data := range shapes {
			r := event.NewReader(bytes.NewReader(data))
			var got []parsedAlone
			for ev, err := range r.All() {
				if ev == nil && strings.HasSuffix(shape, "-broken-between") && len(got) == 1 {
					continue // the broken record's own error
				}
				if ev == nil {
					t.Fatalf("%s: error without a record: %v\n%q", shape, err, data)
				}
				got = append(got, parsedAlone{marshal(t, ev), err != nil})
				if len(got) > len(want) {
					break
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%s: reader returned %d records, want %d\n%q", shape, len(got), len(want), data)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("%s: record %d:\nreader: %+v\nparse:  %+v", shape, i, got[i], want[i])
				}
			}
		}
	})
}
