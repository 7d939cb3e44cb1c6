package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileText is what a caller of the API can put in a string: terminal
// escapes, BEL, CR, LF, TAB, a bidi override and invalid UTF-8. It is JSON
// text, the bytes after \u2028 raw.
const hostileText = `\u001b[2J\u001b]0;pwned\u0007\r\nforged row\tcell\u202e` + "\xff\xfe"

// keepMembers are the members left alone so the record stays an
// ElastiCache event of a known action and time.
var keepMembers = []string{"eventVersion", "eventSource", "eventName", "eventTime"}

// hostileJSON writes v as JSON with every string value (but keepMembers')
// replaced by hostileText.
func hostileJSON(b *bytes.Buffer, v any, key string) {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k) + ":")
			hostileJSON(b, v[k], k)
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			hostileJSON(b, x, key)
		}
		b.WriteByte(']')
	case string:
		if slices.Contains(keepMembers, key) {
			b.WriteString(strconv.Quote(v))
			return
		}
		b.WriteString(`"` + hostileText + `"`)
	default:
		data, _ := json.Marshal(v)
		b.Write(data)
	}
}

// controlBytes returns the bytes below 0x20 other than '\n' in s.
func controlBytes(s string) []byte {
	var out []byte
	for i := range len(s) {
		if s[i] < 0x20 && s[i] != '\n' {
			out = append(out, s[i])
		}
	}
	return out
}

// TestHostileTableOutput gives the command records whose every string
// member (but the action's name and time) holds control characters, a
// bidi override and invalid UTF-8: the table has one line per event and
// no control byte, and so has stderr for a malformed file.
func TestHostileTableOutput(t *testing.T) {
	recs, _ := sampleElastiCache(t)
	var log bytes.Buffer
	log.WriteString(`{"Records":[`)
	for i, r := range recs {
		var v any
		require.NoError(t, json.Unmarshal(r, &v))
		if i > 0 {
			log.WriteByte(',')
		}
		hostileJSON(&log, v, "")
	}
	log.WriteString("]}")
	dir := t.TempDir()
	path := filepath.Join(dir, "hostile.json")
	require.NoError(t, os.WriteFile(path, log.Bytes(), 0o644))

	for _, args := range [][]string{{}, {"-wide"}, {"-sort"}, {"history"}} {
		// Timestamps and booleans holding the text are errors, on stderr.
		code, stdout, stderr := runIn(t, "", append(args, path)...)
		require.Equal(t, 1, code, "%v: %s", args, stderr)
		assert.Empty(t, controlBytes(stdout), "%v", args)
		assert.Empty(t, controlBytes(stderr), "%v", args)
		assert.NotContains(t, stdout, "\u202e", "%v", args)
		if len(args) == 0 || args[0] != "history" {
			assert.Equal(t, len(recs)+1, strings.Count(stdout, "\n"), "%v: one line per event\n%s", args, stdout)
		}
		for line := range strings.Lines(stdout) {
			assert.False(t, strings.HasPrefix(line, "forged"), "%v: a forged row", args)
		}
	}

	// A malformed file whose broken records and name hold the same bytes.
	bad := filepath.Join(dir, "bad\x1b[2J\u202e.json")
	broken := "{\"eventVersion\":\"1.08\",\"eventSource\":\"elasticache.amazonaws.com\",\"eventName\":\"\x1b[2J\a\",\"x\":\x1b}\n" +
		"\x1b]0;pwned\a\r\n\t\u202e\xff\n" +
		"{\"eventVersion\":\"1.08\",\"eventSource\":\"elasticache.amazonaws.com\",\"eventName\":\"CreateCacheCluster\",\"eventTime\":\"\x1b\",\"requestParameters\":{\"cacheClusterId\":7}}\n"
	require.NoError(t, os.WriteFile(bad, []byte(broken), 0o644))
	for _, in := range []string{bad, dir} {
		code, _, stderr := runIn(t, "", in)
		assert.Equal(t, 1, code)
		assert.NotEmpty(t, stderr)
		assert.Empty(t, controlBytes(stderr), "%q", stderr)
		assert.NotContains(t, stderr, "\u202e")
		assert.True(t, strings.HasSuffix(stderr, "\n"))
	}
}
