package main

import (
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInstallFromClone runs the README's install command, from the
// examples directory, and the installed command.
func TestInstallFromClone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := t.TempDir()
	install := exec.Command("go", "install", "./cachetrail")
	install.Dir = ".."
	install.Env = append(install.Environ(), "GOBIN="+bin)
	out, err := install.CombinedOutput()
	require.NoError(t, err, "%s", out)
	out, err = exec.Command(filepath.Join(bin, "cachetrail"), "-version").Output()
	require.NoError(t, err)
	assert.Regexp(t, `^cachetrail \S+ \(library .*; model github.com/aws/aws-sdk-go-v2/service/elasticache@v`, string(out))
}
