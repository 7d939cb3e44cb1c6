package split

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kindNames = [...]string{NoError: "", Syntax: "syntax", Truncated: "truncated", Limit: "limit", NotRecord: "not-record", ReadFailed: "read"}

// items splits r with cfg and describes each item. A record candidate
// with Hold that is not valid JSON (what the decoder would reject) is
// given to Resplit, as package event does.
func items(t *testing.T, r io.Reader, cfg Config) []string {
	t.Helper()
	if cfg.MaxRecordBytes == 0 {
		cfg.MaxRecordBytes = 1 << 20
	}
	if cfg.MaxInputBytes == 0 {
		cfg.MaxInputBytes = 1 << 30
	}
	var s Splitter
	s.Init(r, cfg)
	defer s.Close()
	var out []string
	for range 1000 {
		it := s.Next()
		off := strconv.FormatInt(it.Offset, 10)
		switch it.Type {
		case Record, Value:
			line := map[Type]string{Record: "record ", Value: "value "}[it.Type] + off + " " + string(it.Text)
			if it.Broken {
				line += " (broken)"
			}
			if it.Hold && !json.Valid(it.Text) && s.Resplit() {
				line += " (resplit)"
			}
			out = append(out, line)
		case Error:
			who := "damage "
			if it.OfRecord {
				who = "record error "
			}
			out = append(out, who+kindNames[it.Kind]+" "+off+": "+it.Msg)
		case End:
			line := "end"
			if it.Kind != NoError {
				line += " " + kindNames[it.Kind] + " " + off
			}
			if it.Msg != "" {
				line += ": " + it.Msg
			}
			if it.OfRecord {
				line += " (a record's)"
			}
			if it.Cause != nil {
				line += " cause: " + it.Cause.Error()
			}
			out = append(out, line)
			assert.Equal(t, End, s.Next().Type, "after End")
			return out
		}
	}
	t.Fatal("no End")
	return nil
}

// TestSplitterItems splits the containers records come in, broken ones
// too, in one read and one byte at a time.
func TestSplitterItems(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"log file", `{"Records":[{"eventName":"A"}, {"eventName":"B"}]}`, []string{
			`record 12 {"eventName":"A"}`,
			`record 31 {"eventName":"B"}`,
			"end",
		}},
		{"JSON Lines", "{\"eventName\":\"A\"}\n[{\"eventName\":\"B\"}, 5]\n\"x\"\n", []string{
			`value 0 {"eventName":"A"}`,
			`value 19 {"eventName":"B"}`,
			"record error not-record 38: got a number, want a record object",
			"record error not-record 41: got a string, want a record object",
			"end",
		}},
		{"array", `[{"detail":{}}, 5, true]`, []string{
			`value 1 {"detail":{}}`,
			"record error not-record 16: got a number, want a record object",
			"record error not-record 19: got a boolean, want a record object",
			"end",
		}},
		{"stray bytes", `{"Records":[{"eventName":"A"},,{"eventName":"B"}]}`, []string{
			`record 12 {"eventName":"A"}`,
			"damage syntax 30: unexpected ',', want an array element",
			`record 31 {"eventName":"B"}`,
			"end",
		}},
		{"mismatched closer", `{"Records":[{"eventName":"A"],{"eventVersion":"1"}]}`, []string{
			`record 12 {"eventName":"A"] (broken)`,
			`record 30 {"eventVersion":"1"}`,
			"end",
		}},
		{"misled by a broken string", `{"Records":[{"a":"x{"eventVersion":1}"}]}`, []string{
			`record 12 {"a":"x{"eventVersion":1}"} (resplit)`,
			"record error syntax 19: record not finished where another starts",
			`record 19 {"eventVersion":1}`,
			"damage syntax 37: unexpected '\"', want ',' or ']' after an array element",
			"end",
		}},
		{"swallowed to the end", `{"Records":[{"a":"x},{"eventVersion":"1","b":2}]}`, []string{
			"record error syntax 21: record not finished where another starts",
			`record 21 {"eventVersion":"1","b":2}`,
			"end",
		}},
		{"unterminated array", `{"Records":[{"eventName":"A"},{"eventName":`, []string{
			`record 12 {"eventName":"A"}`,
			"end truncated 30: unexpected end of input in record; the array is not terminated (a record's)",
		}},
		{"record limit", `{"Records":[{"eventName":"A","pad":"` + string(bytes.Repeat([]byte("p"), 100)) + `"},{"eventName":"B"}]}`, []string{
			"record error limit 12: record longer than 64 bytes",
			`record 139 {"eventName":"B"}`,
			"end",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{MaxRecordBytes: 64}
			assert.Equal(t, tc.want, items(t, bytes.NewReader([]byte(tc.in)), cfg))
			assert.Equal(t, tc.want, items(t, iotest.OneByteReader(bytes.NewReader([]byte(tc.in))), cfg), "one byte at a time")
		})
	}
}

// TestSplitterInputEnds ends the input early in each way: the input
// limit, a failing io.Reader, truncated gzip data and bytes after it.
func TestSplitterInputEnds(t *testing.T) {
	log := []byte(`{"Records":[{"eventName":"A"},{"eventName":"B"}]}`)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(log)
	require.NoError(t, err)
	require.NoError(t, zw.Close())

	assert.Equal(t, []string{
		`record 12 {"eventName":"A"}`,
		"end limit 40: input longer than 40 bytes (after decompression) (a record's)",
	}, items(t, bytes.NewReader(log), Config{MaxInputBytes: 40}))

	boom := errors.New("boom")
	assert.Equal(t, []string{
		`record 12 {"eventName":"A"}`,
		"end read 40 (a record's) cause: boom",
	}, items(t, io.MultiReader(bytes.NewReader(log[:40]), iotest.ErrReader(boom)), Config{}))

	assert.Equal(t, []string{
		`record 12 {"eventName":"A"}`,
		`record 30 {"eventName":"B"}`,
		"end",
	}, items(t, bytes.NewReader(gz.Bytes()), Config{}), "gzip")

	got := items(t, bytes.NewReader(gz.Bytes()[:gz.Len()-4]), Config{})
	assert.Equal(t, "end truncated 49: gzip: unexpected end of gzip data", got[len(got)-1], "gzip cut short")

	got = items(t, bytes.NewReader(append(gz.Bytes(), "junk"...)), Config{})
	assert.Equal(t, "end syntax 49: trailing garbage after the gzip data", got[len(got)-1], "bytes after gzip")
}

// TestSplitterFilters rejects records early by source, and counts the
// records scanned again.
func TestSplitterFilters(t *testing.T) {
	in := `{"Records":[{"eventSource":"s3.amazonaws.com","eventSource":"ec2.amazonaws.com"},{"eventSource":"sts.amazonaws.com"}]}`
	var s Splitter
	s.Init(bytes.NewReader([]byte(in)), Config{MaxRecordBytes: 1 << 20, MaxInputBytes: 1 << 20, Sources: []string{"ec2.amazonaws.com"}})
	n := 0
	for it := s.Next(); it.Type != End; it = s.Next() {
		require.Equal(t, Record, it.Type)
		n++
	}
	assert.Equal(t, 2, n, "the splitter yields every record: package event filters them")
	assert.Equal(t, 1, s.Rescans(), "the first record's later eventSource")
	assert.Equal(t, int64(len(in)), s.Bytes())
}
