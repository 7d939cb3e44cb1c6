package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cachetrail/cachetrail/internal/testutil"
)

// TestInstallFromClone runs the README's install command, from the
// examples directory, and then the installed command: -version, and an
// interrupt (installing once: the link alone takes seconds).
func TestInstallFromClone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	if testutil.Race {
		t.Skip("builds the command without -race: the run without -race covers it")
	}
	bin := t.TempDir()
	install := exec.Command("go", "install", "./cachetrail")
	install.Dir = ".."
	install.Env = append(install.Environ(), "GOBIN="+bin)
	out, err := install.CombinedOutput()
	require.NoError(t, err, "%s", out)
	cachetrail := filepath.Join(bin, "cachetrail")
	out, err = exec.Command(cachetrail, "-version").Output()
	require.NoError(t, err)
	assert.Regexp(t, `^cachetrail \S+ \(library .*; model github.com/aws/aws-sdk-go-v2/service/elasticache@v`, string(out))

	t.Run("interrupt", func(t *testing.T) { testInterruptExitStatus(t, cachetrail) })
}

// testInterruptExitStatus interrupts the command while it waits for more
// input: it says so once and exits 130, as shells report SIGINT.
func testInterruptExitStatus(t *testing.T, cachetrail string) {
	cmd := exec.Command(cachetrail, "-")
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	// A record, then nothing: the command waits for the rest.
	line, err := os.ReadFile(repoFile(t, "testdata/samples/export-20141202.jsonl"))
	require.NoError(t, err)
	first, _, _ := strings.Cut(string(line), "\n")
	io.WriteString(stdin, first+"\n")
	time.Sleep(500 * time.Millisecond)
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	err = cmd.Wait()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	assert.Equal(t, 130, exit.ExitCode(), stderr.String())
	assert.Equal(t, "cachetrail: interrupted: context canceled\n", stderr.String())
	stdin.Close()
}
