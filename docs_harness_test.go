package cachetrail_test

import (
	"fmt"
	"strings"
)

// fragmentHarness turns a fragment into a program that type-checks: the
// fragment is the body of a function that has record in scope and returns
// an error, with these imports. CONTRIBUTING.md documents it; keep both in
// step.
const fragmentHarness = `package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/schema"
	"github.com/cachetrail/cachetrail/userid"
	"github.com/cachetrail/cachetrail/wire"
)

// Every import stays used, whichever the fragment needs.
var (
	_ = errors.New
	_ = fmt.Sprint
	_ = io.EOF
	_ = log.Print
	_ = os.Open
	_ = strings.NewReader
	_ = elasticache.Decode
	_ = event.Parse
	_ = schema.Record
	_ userid.Identity
	_ wire.Quirk
)

func main() { _ = fragment(nil) }

// fragment holds the block's code; record is one CloudTrail record.
func fragment(record []byte) error {
FRAGMENT
	return nil
}
`

// wrapFragment returns the program type-checking a fragment's code,
// which starts at line of file.
func wrapFragment(code, file string, line int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "//line %s:%d\n", file, line)
	for line := range strings.Lines(code) {
		if strings.TrimSpace(line) != "" {
			b.WriteString("\t")
		}
		b.WriteString(line)
	}
	b.WriteString("//line harness.go:1000\n")
	return strings.Replace(fragmentHarness, "FRAGMENT\n", b.String(), 1)
}
