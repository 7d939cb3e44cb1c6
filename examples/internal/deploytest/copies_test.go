package deploytest

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copiedFrom matches the first line of a file repeated from another
// example, so that its example builds alone in another module.
var copiedFrom = regexp.MustCompile(`^// (?:Copied from examples/(\S+\.go)|The same file is in examples/(\S+),) `)

// TestCopiesInStep checks that every file an example repeats from another
// is the same from its package clause on: the copies are kept in step by
// this test, not by memory.
func TestCopiesInStep(t *testing.T) {
	root := filepath.Join("..", "..")
	files, err := filepath.Glob(filepath.Join(root, "*", "*.go"))
	require.NoError(t, err)
	copies := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		m := copiedFrom.FindSubmatch(b)
		if m == nil {
			continue
		}
		src := string(m[1])
		if src == "" { // a sibling example holds the same file name
			src = filepath.Join(string(m[2]), filepath.Base(f))
		}
		orig, err := os.ReadFile(filepath.Join(root, src))
		require.NoError(t, err, "%s names %s", f, src)
		copies++
		assert.Equal(t, fromPackage(orig), fromPackage(b), "%s is out of step with examples/%s", f, src)
	}
	assert.GreaterOrEqual(t, copies, 8, "copied files found")
}

// fromPackage returns src from its package clause on, leaving out the
// comment that says where it was copied from.
func fromPackage(src []byte) string {
	if i := bytes.Index(src, []byte("\npackage ")); i >= 0 {
		return string(src[i+1:])
	}
	return string(src)
}
