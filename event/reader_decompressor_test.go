package event_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/trailgen"
)

// fakeGzip is a decompressor for WithDecompressor: compress/gzip for one
// member, counting the members it opened and closed, and failing as told.
type fakeGzip struct {
	opened, closed int
	openErr        error // returned instead of a reader
	readErr        error // returned after failAfter inflated bytes
	failAfter      int
}

func (f *fakeGzip) open(r io.Reader) (io.ReadCloser, error) {
	if f.openErr != nil {
		return nil, f.openErr
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	f.opened++
	return &fakeMember{f: f, zr: zr}, nil
}

type fakeMember struct {
	f  *fakeGzip
	zr *gzip.Reader
	n  int
}

func (m *fakeMember) Read(p []byte) (int, error) {
	if m.f.readErr != nil {
		if m.n >= m.f.failAfter {
			return 0, m.f.readErr
		}
		p = p[:min(len(p), m.f.failAfter-m.n)]
	}
	n, err := m.zr.Read(p)
	m.n += n
	return n, err
}

func (m *fakeMember) Close() error {
	m.f.closed++
	return m.zr.Close()
}

func gzLog(ids ...string) []byte {
	recs := make([]string, len(ids))
	for i, id := range ids {
		recs[i] = goodRec(id)
	}
	return []byte(`{"Records":[` + strings.Join(recs, ",") + `]}`)
}

func eventIDs(t *testing.T, res []result) []string {
	t.Helper()
	var out []string
	for _, x := range res {
		if x.ev != nil {
			out = append(out, x.ev.EventID)
		}
	}
	return out
}

// TestWithDecompressor: gzip input goes through the decompressor, one call
// a member, each closed at its end; other input does not.
func TestWithDecompressor(t *testing.T) {
	t.Parallel()
	member := gzipBytes(t, gzLog("a", "b"))
	for _, tc := range []struct {
		name    string
		data    []byte
		ids     []string
		members int
	}{
		{"one member", member, []string{"a", "b"}, 1},
		{"two members", append(append([]byte{}, member...), member...), []string{"a", "b", "a", "b"}, 2},
		{"plain", gzLog("a", "b"), []string{"a", "b"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeGzip{}
			res, _ := readAll(t, tc.data, event.WithDecompressor(f.open))
			for _, x := range res {
				require.NoError(t, x.err)
			}
			assert.Equal(t, tc.ids, eventIDs(t, res))
			assert.Equal(t, tc.members, f.opened)
			assert.Equal(t, tc.members, f.closed)
		})
	}
	// nil keeps compress/gzip.
	res, _ := readAll(t, member, event.WithDecompressor(nil))
	assert.Equal(t, []string{"a", "b"}, eventIDs(t, res))
}

// TestWithDecompressorLargeTrail reads a trail of many inflation chunks
// through the decompressor and gets what the default gives.
func TestWithDecompressorLargeTrail(t *testing.T) {
	t.Parallel()
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 3000, ElastiCacheRate: 0.05, Seed: 3}))
	gz := gzipBytes(t, plain.Bytes())
	want, wantSum := readAll(t, gz)
	f := &fakeGzip{}
	got, gotSum := readAll(t, gz, event.WithDecompressor(f.open))
	require.Len(t, got, len(want))
	for i := range want {
		assert.Equal(t, want[i].ev.EventID, got[i].ev.EventID)
		assert.Equal(t, want[i].ev.Origin(), got[i].ev.Origin())
	}
	assert.Equal(t, wantSum, gotSum)
	assert.Equal(t, 1, f.opened)
	assert.Equal(t, 1, f.closed)
}

// TestWithDecompressorErrors: the decompressor's errors end the stream as
// gzip errors naming the source, after the records before them.
func TestWithDecompressorErrors(t *testing.T) {
	t.Parallel()
	log := gzLog("a", "b")
	member := gzipBytes(t, log)
	second := bytes.Index(log, []byte(goodRec("b")))
	for _, tc := range []struct {
		name string
		f    *fakeGzip
		data []byte
		ids  []string
		kind error
		msg  string
	}{
		{"open", &fakeGzip{openErr: errors.New("fake: no luck")}, member, nil, event.ErrSyntax, "gzip: fake: no luck"},
		{"read", &fakeGzip{readErr: errors.New("fake: bad block"), failAfter: second + 10}, member, []string{"a"}, event.ErrSyntax, "gzip: fake: bad block"},
		{"truncated", &fakeGzip{readErr: io.ErrUnexpectedEOF, failAfter: second + 10}, member, []string{"a"}, event.ErrSyntax, "unexpected end of gzip data"},
		{"trailing garbage", &fakeGzip{}, append(append([]byte{}, member...), "junk"...), []string{"a", "b"}, event.ErrSyntax, "trailing garbage after the gzip data"},
		{"cut second member", &fakeGzip{}, append(append([]byte{}, member...), 0x1f, 0x8b, 8, 0), []string{"a", "b"}, event.ErrSyntax, "unexpected end of gzip data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, sum := readAll(t, tc.data, event.WithDecompressor(tc.f.open), event.WithSourceName("AWSLogs/x.json.gz"))
			require.NotEmpty(t, res)
			assert.Equal(t, tc.ids, eventIDs(t, res[:len(res)-1]), render(res, sum))
			last := res[len(res)-1]
			require.Nil(t, last.ev)
			require.ErrorIs(t, last.err, tc.kind)
			assert.Contains(t, last.err.Error(), "event: AWSLogs/x.json.gz: ")
			assert.Contains(t, last.err.Error(), tc.msg)
			de, ok := errors.AsType[*event.DecodeError](last.err)
			require.True(t, ok)
			assert.Equal(t, "AWSLogs/x.json.gz", de.Source)
		})
	}
}

// TestWithDecompressorSourceError: a failing source is still a
// *ReadError, not the data's fault.
func TestWithDecompressorSourceError(t *testing.T) {
	t.Parallel()
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 2000, ElastiCacheRate: 0.05, Seed: 4}))
	gz := gzipBytes(t, plain.Bytes())
	boom := errors.New("connection reset")
	src := io.MultiReader(bytes.NewReader(gz[:len(gz)/2]), iotestErrReader{boom})
	f := &fakeGzip{}
	var last error
	for _, err := range event.NewReader(src, event.WithDecompressor(f.open)).All() {
		if err != nil {
			last = err
		}
	}
	re, ok := errors.AsType[*event.ReadError](last)
	require.True(t, ok, "%v", last)
	assert.ErrorIs(t, re, boom)
}

type iotestErrReader struct{ err error }

func (r iotestErrReader) Read([]byte) (int, error) { return 0, r.err }

// TestWithDecompressorClose: a reader closed early closes the member being
// inflated.
func TestWithDecompressorClose(t *testing.T) {
	t.Parallel()
	var plain bytes.Buffer
	require.NoError(t, trailgen.Write(&plain, trailgen.Config{Records: 3000, ElastiCacheRate: 0.05, Seed: 5}))
	f := &fakeGzip{}
	r := event.NewReader(bytes.NewReader(gzipBytes(t, plain.Bytes())), event.WithDecompressor(f.open))
	ev, err := r.Next()
	require.NoError(t, err)
	require.NotNil(t, ev)
	require.NoError(t, r.Close())
	assert.Equal(t, 1, f.opened)
	assert.Equal(t, 1, f.closed)
	require.NoError(t, r.Close())
	assert.Equal(t, 1, f.closed, "closed once")
}

// TestWithDecompressorAwslogs: a CloudWatch Logs envelope's payload is
// inflated by the decompressor too, and its errors are the payload's.
func TestWithDecompressorAwslogs(t *testing.T) {
	t.Parallel()
	payload := `{"messageType":"DATA_MESSAGE","logGroup":"g","logStream":"s","logEvents":[{"id":"1","timestamp":1,"message":` + quoteJSON(t, goodRec("a")) + `}]}`
	envelope := []byte(`{"awslogs":{"data":"` + base64.StdEncoding.EncodeToString(gzipBytes(t, []byte(payload))) + `"}}`)
	f := &fakeGzip{}
	res, _ := readAll(t, envelope, event.WithDecompressor(f.open))
	assert.Equal(t, []string{"a"}, eventIDs(t, res))
	assert.Equal(t, 1, f.opened)
	assert.Equal(t, 1, f.closed)

	res, _ = readAll(t, envelope, event.WithDecompressor((&fakeGzip{openErr: errors.New("fake: no luck")}).open), event.WithSourceName("lambda"))
	require.Len(t, res, 1)
	require.ErrorIs(t, res[0].err, event.ErrSyntax)
	assert.Contains(t, res[0].err.Error(), "lambda")
	assert.Contains(t, res[0].err.Error(), "bad gzip: fake: no luck")
}
