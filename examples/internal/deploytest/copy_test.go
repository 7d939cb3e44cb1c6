package deploytest

import (
	"debug/elf"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCopiedExampleBuilds copies each example's non-test .go files alone
// into a fresh module outside this checkout, which requires the library
// (replaced by this checkout) and the examples' third-party modules at the
// examples' versions, and builds it offline: GOPROXY=off, GOWORK=off,
// GOFLAGS=-mod=mod, so only the module cache serves. An import of
// examples/internal/..., or of a sibling example, cannot resolve there.
// Lambda examples are built with the lambda.norpc tag and checked to
// resolve for the README's linux/arm64 (CACHETRAIL_CROSS_BUILD=1 builds
// them with the README's command too); the others are built as installed.
// Tests are left out of the copy: they may use the examples' internal
// harnesses.
func TestCopiedExampleBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds binaries")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found: %v", err)
	}
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	require.NoError(t, err)
	goMod, err := os.ReadFile(filepath.Join(root, "examples", "go.mod"))
	require.NoError(t, err)
	goSum, err := os.ReadFile(filepath.Join(root, "examples", "go.sum"))
	require.NoError(t, err)

	dirs := mainDirs(t, filepath.Join(root, "examples"))
	for _, want := range append([]string{"cachetrail", "lookup", "sqs-consumer"}, lambdaDirs...) {
		require.Contains(t, dirs, want)
	}
	for _, dir := range dirs {
		t.Run(dir, func(t *testing.T) {
			mod := t.TempDir()
			copyNonTestGo(t, filepath.Join(root, "examples", dir), mod)
			writeFile(t, filepath.Join(mod, "go.mod"), freshGoMod(string(goMod), root))
			require.NoError(t, os.WriteFile(filepath.Join(mod, "go.sum"), goSum, 0o644))
			offline := []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"}

			if !slices.Contains(lambdaDirs, dir) {
				// As the README installs it: the flags of the tests' own
				// builds, so no dependency is compiled again.
				cmd := exec.Command(goTool, "build", "-o", filepath.Join(mod, dir+".bin"), ".")
				cmd.Dir = mod
				cmd.Env = append(os.Environ(), offline...)
				out, err := cmd.CombinedOutput()
				require.NoError(t, err, "go build in a fresh module:\n%s", out)
				assert.FileExists(t, filepath.Join(mod, dir+".bin"))
				return
			}

			// The function as Lambda runs it (the lambda.norpc tag), built
			// with the tests' flags so that no dependency compiles again.
			cmd := exec.Command(goTool, "build", "-tags", "lambda.norpc", "-o", binaryName, ".")
			cmd.Dir = mod
			cmd.Env = append(os.Environ(), offline...)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "go build in a fresh module:\n%s", out)
			assert.FileExists(t, filepath.Join(mod, binaryName))

			// The README's target, linux/arm64 without cgo: every package
			// resolves. Compiling it all for arm64 would double the tests'
			// build time; CACHETRAIL_CROSS_BUILD=1 does it too.
			deployEnv := append(append(os.Environ(), "GOOS="+buildGOOS, "GOARCH="+buildGOARCH, "CGO_ENABLED=0"), offline...)
			cmd = exec.Command(goTool, "list", "-e", "-deps", "-tags", "lambda.norpc", "-f", "{{with .Error}}{{.}}{{end}}{{range .DepsErrors}}{{.}}{{end}}", ".")
			cmd.Dir = mod
			cmd.Env = deployEnv
			out, err = cmd.CombinedOutput()
			require.NoError(t, err, "go list for %s/%s:\n%s", buildGOOS, buildGOARCH, out)
			assert.Empty(t, strings.TrimSpace(string(out)), "package errors for %s/%s", buildGOOS, buildGOARCH)
			if os.Getenv("CACHETRAIL_CROSS_BUILD") != "1" {
				return
			}

			cmd = exec.Command(goTool, "build", "-trimpath", "-ldflags=-s -w", "-tags", "lambda.norpc", "-o", binaryName, ".")
			cmd.Dir = mod
			cmd.Env = deployEnv
			out, err = cmd.CombinedOutput()
			require.NoError(t, err, "go build in a fresh module:\n%s", out)

			bin := filepath.Join(mod, binaryName)
			f, err := elf.Open(bin)
			require.NoError(t, err)
			defer f.Close()
			assert.Equal(t, elf.EM_AARCH64, f.Machine, "Architectures: [arm64]")
			assert.Nil(t, f.Section(".symtab"), "stripped by -s")
			info, err := os.Stat(bin)
			require.NoError(t, err)
			t.Logf("%s/%s: %.1f MB", dir, binaryName, float64(info.Size())/1e6)
		})
	}
}

// mainDirs returns the directories under examples, internal/ left out,
// whose non-test Go files are a main package.
func mainDirs(t testing.TB, examples string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(examples, "*", "*.go"))
	require.NoError(t, err)
	var dirs []string
	for _, f := range files {
		dir := filepath.Base(filepath.Dir(f))
		if strings.HasSuffix(f, "_test.go") || dir == "internal" || slices.Contains(dirs, dir) {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.PackageClauseOnly)
		require.NoError(t, err)
		if file.Name.Name == "main" {
			dirs = append(dirs, dir)
		}
	}
	return dirs
}

// freshGoMod turns the examples' go.mod into that of another module: the
// same requirements, the library replaced by the checkout at root.
func freshGoMod(goMod, root string) string {
	goMod = regexp.MustCompile(`(?m)^module .*$`).ReplaceAllString(goMod, "module example.com/copied")
	return regexp.MustCompile(`(?m)^replace github.com/cachetrail/cachetrail => .*$`).
		ReplaceAllLiteralString(goMod, "replace github.com/cachetrail/cachetrail => "+root)
}

func copyNonTestGo(t testing.TB, from, to string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(from, "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(to, filepath.Base(f)), b, 0o644))
	}
}
