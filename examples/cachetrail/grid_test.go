package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestShorten(t *testing.T) {
	arn := "arn:aws:elasticache:us-west-2:123456789012:cluster:sessions-0001"
	assert.Equal(t, "arn:a…ssions-0001", shorten(arn, 17, false), "an ID keeps more of its end")
	assert.Equal(t, "alice@exam…min)", shorten("alice@example.com (CacheAdmin)", 15, true), "a name keeps more of its start")
	assert.Equal(t, "short", shorten("short", 5, false))
	// Never inside an escape: the cut falls before or after \n, \x1b, \u202e.
	for _, n := range []int{4, 5, 6, 7, 8, 9, 10, 11, 12} {
		got := shorten(escape("ab\n\x1b[2J\u202ecd\xffef"), n, false)
		assert.LessOrEqual(t, utf8.RuneCountInString(got), n)
		for _, bad := range []string{`\…`, `\x…`, `\u2…`, `\u…`} {
			assert.NotContains(t, got, bad, "n=%d: %q", n, got)
		}
	}
}

func TestShrink(t *testing.T) {
	w := []int{20, 9, 12, 30, 25, 23, 29}
	floors := []int{0, 0, 0, 20, 22, 14, 10}
	shrink(w, floors, [][]int{{5, 6}, {3}, {4}}, 120)
	sum := 2 * (len(w) - 1)
	for _, x := range w {
		sum += x
	}
	assert.Equal(t, 120, sum)
	assert.Equal(t, []int{20, 9, 12, 20, 23, 14, 10}, w, "resources and outcomes to their floors first, then actors, then actions")

	w = []int{20, 9, 12, 10, 20, 10, 2}
	shrink(w, floors, [][]int{{5, 6}, {3}, {4}}, 120)
	assert.Equal(t, []int{20, 9, 12, 10, 20, 10, 2}, w, "what fits is left alone")

	w = []int{20, 9, 12, 90, 90, 90, 90}
	shrink(w, floors, [][]int{{5, 6}, {3}, {4}}, 80)
	assert.Equal(t, []int{20, 9, 12, 20, 22, 14, 10}, w, "floors win over the width")
}

// TestFittedTable writes rows wider than the width: every line fits.
func TestFittedTable(t *testing.T) {
	var b bytes.Buffer
	tbl := newFittedTable(&b, 120)
	for i := range 3 {
		tbl.Add(Row{Time: "2014-12-01T22:00:35Z", Region: "us-west-2", Account: "123456789012",
			Actor: "alice@example.com (CacheAdmin)" + strings.Repeat("x", i*20), Action: "ModifyReplicationGroupShardConfiguration",
			Resource: "arn:aws:elasticache:us-west-2:123456789012:replicationgroup:sessions", Outcome: "ReplicationGroupNotFoundFault"})
	}
	tbl.Flush()
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	assert.Len(t, lines, 4)
	for _, l := range lines {
		assert.LessOrEqual(t, utf8.RuneCountInString(strings.TrimRight(l, " ")), 120, l)
	}
}
