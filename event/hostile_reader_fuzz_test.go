package event_test

import (
	"bytes"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/cachetrail/cachetrail/event"
)

// FuzzReaderIsolation checks the isolation invariant: a fuzzed item
// spliced between two good records, in each stream shape, costs neither
// of them. The shapes where the reader promises nothing are left out:
// those where the bytes before the second record leave a place where a
// value may start (after ':', '[' or an array's ','), so that the second
// record is a value of the broken one (internal/split/resync.go).
func FuzzReaderIsolation(f *testing.F) {
	for _, k := range brokenKinds {
		if len(k.text) < 1<<12 {
			f.Add([]byte(k.text))
		}
	}
	f.Add([]byte(`{"eventVersion":"1.09","x":"a}`))
	f.Add([]byte(`]`))
	f.Add([]byte(`{"Records":[`))
	f.Add([]byte(`{"a":[1,{"eventVersion":"1"}}`))
	f.Fuzz(func(t *testing.T, broken []byte) {
		if len(broken) > 1<<12 {
			return
		}
		g1, g2 := goodRec("g1"), goodRec("g2")
		b := string(broken)
		shapes := map[string]struct {
			data, before string // before: what precedes the second record
		}{
			"log":               {`{"Records":[` + g1 + `,` + b + `,` + g2 + `]}`, `{"Records":[` + g1 + `,` + b + `,`},
			"array":             {`[` + g1 + `,` + b + `,` + g2 + `]`, `[` + g1 + `,` + b + `,`},
			"eventbridge-array": {`[` + eventBridge(g1) + `,` + eventBridge(b) + `,` + eventBridge(g2) + `]`, `[` + eventBridge(g1) + `,` + eventBridge(b) + `,`},
		}
		if !bytes.ContainsAny(broken, "\r\n") {
			shapes["lines"] = struct{ data, before string }{g1 + "\n" + b + "\n" + g2 + "\n", ""}
			shapes["eventbridge-lines"] = struct{ data, before string }{eventBridge(g1) + "\n" + eventBridge(b) + "\n" + eventBridge(g2) + "\n", ""}
		}
		if utf8.Valid(broken) {
			shapes["cwl"] = struct{ data, before string }{cwlPayload(t, []string{g1, b, g2}), ""}
		}
		for name, sh := range shapes {
			if valueMayFollow([]byte(sh.before)) {
				continue
			}
			var ids []string
			for ev, err := range event.NewReader(bytes.NewReader([]byte(sh.data))).All() {
				if ev != nil && err == nil {
					ids = append(ids, ev.EventID)
				}
			}
			if !slices.Contains(ids, "g1") || !slices.Contains(ids, "g2") {
				t.Fatalf("%s: good records lost, got %q\n%q", name, ids, sh.data)
			}
		}
	})
}

// valueMayFollow reports whether a JSON value may start after b: outside
// strings, after ':', '[' or a ',' inside an array (or when the scanner
// cannot tell arrays from objects, past its depth).
func valueMayFollow(b []byte) bool {
	var stack []byte
	inStr, esc := false, false
	last := byte(0)
	for _, c := range b {
		switch {
		case inStr:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
				last = c
			}
			continue
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			stack = append(stack, c)
		case c == '}' || c == ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			last = c
		}
	}
	if inStr {
		return false
	}
	switch last {
	case ':', '[':
		return true
	case ',':
		return len(stack) > 1024 || (len(stack) > 0 && stack[len(stack)-1] == '[')
	}
	return false
}
