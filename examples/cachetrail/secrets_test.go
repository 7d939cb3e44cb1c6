package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/internal/secrettest"
)

// TestNoSecretPrinted puts a secret under every sensitive member of every
// operation, request and response, and runs every output of the command
// on them: none prints a secret, on stdout or stderr, unless -json is
// given -show-secrets.
func TestNoSecretPrinted(t *testing.T) {
	paths := secrettest.Paths(t)
	require.NotEmpty(t, paths)
	var lines []string
	secrets := map[string]string{} // secret -> path
	for i, p := range paths {
		secret := fmt.Sprintf("S3cr3tMarker%04dZq", i)
		secrets[secret] = p.String()
		payload := p.Payload(`"neighborParam":"n","` + p.Leaf() + `":"` + secret + `"`)
		lines = append(lines, p.Record(payload, "null"))
	}
	file := filepath.Join(t.TempDir(), "secrets.jsonl")
	require.NoError(t, os.WriteFile(file, []byte(strings.Join(lines, "\n")+"\n"), 0o644))

	leaked := func(out string) []string {
		var where []string
		for s, p := range secrets {
			if strings.Contains(out, s) {
				where = append(where, p)
			}
		}
		return where
	}
	for _, args := range [][]string{{}, {"-wide"}, {"-csv"}, {"-json"}, {"-json", "-sort"}, {"changes"}, {"changes", "-json"}, {"history"}, {"history", "-json"}, {"check"}} {
		_, stdout, stderr := runIn(t, "", append(args, file)...)
		require.NotEmpty(t, stdout, "%v", args)
		assert.Empty(t, leaked(stdout), "%v: stdout", args)
		assert.Empty(t, leaked(stderr), "%v: stderr", args)
	}

	// -show-secrets shows them in -json: the test above would see a leak.
	_, stdout, _ := runIn(t, "", "-json", "-show-secrets", file)
	assert.Len(t, leaked(stdout), len(secrets))
}
