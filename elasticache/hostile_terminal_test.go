package elasticache_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// unsafeRunes are what a caller may put in any string of a record to act
// on the terminal of whoever prints it: C0 controls (escape sequences,
// bell, a carriage return to overwrite a line), DEL, the C1 CSI, the line
// separator and a bidirectional override.
var unsafeRunes = []string{"\x1b[2J", "\a", "\r", "\b", "\x7f", "\u009b31m", "\u2028", "\u202e", "\u2066"}

// terminalSafe reports the first byte sequence in s a terminal could act
// on, or "".
func terminalSafe(s string) string {
	for i, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("%q at %d", r, i)
		case r == 0x2028 || r == 0x2029 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("%q at %d", r, i)
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return fmt.Sprintf("invalid byte %#x at %d", s[i], i)
			}
		}
	}
	return ""
}

// TestHostileTerminalPrinting puts every unsafe rune in typed strings,
// unknown members' names and values, the envelope and a raw payload, and
// checks that no printed form of the event or the action carries it raw.
func TestHostileTerminalPrinting(t *testing.T) {
	for _, u := range unsafeRunes {
		j := jsonString(u)
		raw := `{"eventVersion":"1.08","eventTime":"2024-01-02T03:04:05Z","eventSource":"elasticache.amazonaws.com",` +
			`"eventName":"CreateCacheCluster","awsRegion":"us-east-1","userAgent":"ua` + j + `","errorMessage":"` + j + "\xff" + `",` +
			`"requestParameters":{"cacheClusterId":"v` + j + `","x` + j + `":"v` + j + `","tags":[{"key":"k` + j + `","value":"` + j + `"}]},` +
			`"responseElements":{"cacheClusterId":"v` + j + `","cacheNodes":"` + j + `"},"serviceEventDetails":{"y` + j + `":["` + j + `"]}}`
		ev, err := event.Parse([]byte(raw))
		require.NoError(t, err, "%q", raw)
		act, _ := elasticache.Decode(ev)
		require.NotNil(t, act)
		create := act.(*elasticache.CreateCacheCluster)
		require.Equal(t, "v"+u, create.Request.GetCacheClusterID(), "the typed value keeps the text")

		forms := map[string]string{
			"event String": ev.String(), "event %v": fmt.Sprintf("%v", ev), "event %+v": fmt.Sprintf("%+v", *ev),
			"event %#v": fmt.Sprintf("%#v", ev), "action %v": fmt.Sprintf("%v", act), "action %s": fmt.Sprintf("%s", act),
			"request %+v": fmt.Sprintf("%+v", create.Request), "response %v": fmt.Sprintf("%v", create.Response),
			"unknown %v": fmt.Sprintf("%v", create.Request.Unknown),
		}
		for name, s := range forms {
			assert.Empty(t, terminalSafe(s), "%s of a record with %q: %s", name, u, s)
			assert.Contains(t, s, `"v`, "%s prints the values", name)
		}
	}
}

// jsonString writes s as a JSON string's content with the unsafe runes
// raw where JSON allows it (everything but C0 controls), as a caller's
// client would send them.
func jsonString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestHostileTerminalPaths checks that member names, which callers choose,
// reach paths (in errors, quirks and Unmodeled) escaped and quoted.
func TestHostileTerminalPaths(t *testing.T) {
	for _, u := range unsafeRunes {
		key := jsonString("k" + u)
		raw := `{"eventVersion":"1.08","eventTime":"2024-01-02T03:04:05Z","eventSource":"elasticache.amazonaws.com",` +
			`"eventName":"CreateCacheCluster","awsRegion":"us-east-1","` + key + `":{"a":1,"a":2,},` +
			`"requestParameters":{"cacheClusterId":"c","numCacheNodes":"two","` + key + `":{"b":[1,],"b":"x"},"tags":[{"key":"k","` + key + `":1}]}}`
		ev, err := event.Parse([]byte(raw), event.Strict())
		require.NotNil(t, ev, "%v", err)
		require.Error(t, err, "strict mode reports the quirks")
		act, decodeErr := elasticache.Decode(ev, event.Strict())
		require.Error(t, decodeErr)
		var texts []string
		// errors.Join puts a newline between the errors: check each.
		texts = append(texts, strings.Split(err.Error()+"\n"+decodeErr.Error(), "\n")...)
		for _, q := range append(ev.Quirks(), act.Quirks()...) {
			texts = append(texts, q.String(), q.Path)
		}
		var paths []string
		for _, m := range act.Unmodeled() {
			paths = append(paths, m.Path)
		}
		assert.Contains(t, paths, `requestParameters[`+fmt.Sprintf("%q", "k"+u)+`]`, "an odd name is quoted in the path")
		assert.Contains(t, paths, `requestParameters.tags[0][`+fmt.Sprintf("%q", "k"+u)+`]`)
		texts = append(texts, paths...)
		for _, s := range texts {
			assert.Empty(t, terminalSafe(s), "%q", s)
		}
	}
}
