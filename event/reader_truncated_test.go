package event_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/event"
)

// readErrors reads data to the end and returns the errors it met.
func readErrors(t *testing.T, data []byte) []error {
	t.Helper()
	var errs []error
	for _, err := range event.NewReader(bytes.NewReader(data)).All() {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write(data)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// TestTruncatedInputIsUnexpectedEOF checks that an input cut inside a
// record or inside gzip data is an ErrSyntax that is also
// io.ErrUnexpectedEOF, so a pipeline can retry the file, while a broken
// record in a whole file is not.
func TestTruncatedInputIsUnexpectedEOF(t *testing.T) {
	rec := `{"eventVersion":"1.09","eventSource":"elasticache.amazonaws.com","eventName":"RebootCacheCluster","awsRegion":"us-east-1"}`
	log := []byte(`{"Records":[` + rec + `,` + rec + `]}`)
	gz := gzipped(t, log)
	for _, c := range []struct {
		name      string
		data      []byte
		truncated bool
	}{
		{"log file cut in a record", log[:len(log)-20], true},
		{"gzip cut", gz[:len(gz)-12], true},
		{"broken record, whole file", []byte(`{"Records":[` + rec + `,{"eventVersion":"1.09","x":tru},` + rec + `]}`), false},
		{"trailing garbage after gzip", append(append([]byte{}, gz...), "junk"...), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			errs := readErrors(t, c.data)
			require.NotEmpty(t, errs)
			last := errs[len(errs)-1]
			assert.ErrorIs(t, last, event.ErrSyntax)
			assert.Equal(t, c.truncated, errors.Is(last, io.ErrUnexpectedEOF), "%v", last)
			var de *event.DecodeError
			assert.True(t, errors.As(last, &de), "%T", last)
		})
	}
}
