package wire_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cachetrail/cachetrail/internal/testutil"
	"github.com/cachetrail/cachetrail/wire"
)

// Timestamps and booleans come from callers too: long text of every
// prefix the parsers branch on must stay linear, and errors short.
func TestHostileParseTime(t *testing.T) {
	shapes := map[string]func(n int) []byte{
		"digits":       func(n int) []byte { return []byte(strings.Repeat("1", n)) },
		"rfc3339 frac": func(n int) []byte { return []byte("2014-12-01T22:16:06." + strings.Repeat("9", n) + "Z") },
		"month word":   func(n int) []byte { return []byte("Dec" + strings.Repeat("e", n) + " 1, 2014 10:16:06 PM") },
		"spaces":       func(n int) []byte { return []byte("Dec" + strings.Repeat(" ", n) + "1, 2014") },
		"zone":         func(n int) []byte { return []byte("2014-12-01T22:16:06+" + strings.Repeat("0", n)) },
		"epoch frac":   func(n int) []byte { return []byte("1453844532." + strings.Repeat("0", n)) },
	}
	for name, build := range shapes {
		t.Run(name, func(t *testing.T) {
			// A megabyte and more, so that both sizes miss the caches.
			testutil.Linear(t, 1<<20, build, func(in []byte) {
				s := string(in)
				_, err := wire.ParseTime(s)
				assert.Error(t, err)
				_, _ = wire.ParseTimeNumber(s)
				_, _ = wire.ParseBool(s)
			})
		})
	}
}

func TestHostileParseErrorIsShort(t *testing.T) {
	long := strings.Repeat("\x1b[2J", 1<<16)
	for _, err := range []error{
		func() error { _, err := wire.ParseTime(long); return err }(),
		func() error { _, err := wire.ParseTimeNumber(long); return err }(),
		func() error { _, err := wire.ParseBool(long); return err }(),
	} {
		msg := err.Error()
		assert.Less(t, len(msg), 300, "the message quotes at most a prefix of the input")
		assert.NotContains(t, msg, "\x1b", "control bytes are escaped")
		assert.Contains(t, msg, `\x1b[2J`, "the start of the input is quoted")
		assert.Contains(t, msg, "more bytes", "the message says the input was cut")
	}
}
