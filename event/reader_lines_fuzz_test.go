package event_test

import (
	"bytes"
	"testing"

	"github.com/cachetrail/cachetrail/event"
)

// FuzzReaderBrokenFirstLine checks that a first line the reader cannot
// take for part of a longer record costs none of the JSON Lines of
// records after it: the reader ends with every record Parse accepts
// there. The first line is kept to the cases where that holds: it starts
// with '{', has no array (an array may go on over lines) and no
// "Records", and does not end with ':' or ',' (after which a next line
// starting with '{' may be a value of it).
func FuzzReaderBrokenFirstLine(f *testing.F) {
	for _, b := range firstLineBroken {
		f.Add([]byte(b.line), []byte(rec("A")+"\n"+rec("B")))
	}
	f.Add([]byte(`{"eventName":"x"}{"eventName":`), []byte("\n  "+rec("A")+"\r\n\n"+rec("B")))
	f.Fuzz(func(t *testing.T, first, rest []byte) {
		if len(first)+len(rest) >= 1<<12 || !brokenFirstLine(first) {
			return
		}
		want, ok := plainRecords(t, rest)
		if !ok || rest[skipBlank(rest)] != '{' {
			return
		}
		data := bytes.Join([][]byte{first, rest}, []byte("\n")) // a copy: first and rest may share memory
		var got []string
		for ev := range event.NewReader(bytes.NewReader(data), event.WithMaxRecordBytes(1<<12)).All() {
			if ev != nil {
				got = append(got, marshal(t, ev))
			}
		}
		if len(got) < len(want) {
			t.Fatalf("reader returned %d records, Parse accepts %d lines after the first", len(got), len(want))
		}
		got = got[len(got)-len(want):]
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("record %d after the first line:\nreader: %s\nparse:  %s", i, got[i], want[i])
			}
		}
	})
}

// brokenFirstLine reports whether line is a first line FuzzReaderBrokenFirstLine
// checks: one line, starting with '{', with no array and no "Records",
// not ending with ':' or ',', and not a record Parse accepts.
func brokenFirstLine(line []byte) bool {
	p := skipBlank(line)
	if p == len(line) || line[p] != '{' || bytes.ContainsAny(line, "\n[]") || bytes.Contains(line, []byte("Records")) {
		return false
	}
	if end := bytes.TrimRight(line, " \t\r"); bytes.HasSuffix(end, []byte(":")) || bytes.HasSuffix(end, []byte(",")) {
		return false
	}
	ev, _ := event.Parse(line)
	return ev == nil
}

// skipBlank returns the index of the first byte of b that is not JSON
// white space, or len(b).
func skipBlank(b []byte) int {
	return len(b) - len(bytes.TrimLeft(b, " \t\r\n"))
}
