package cachetrail_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestCoreImportsOnlyStdlib checks that a program importing the core
// packages compiles no SDK or other third-party code.
func TestCoreImportsOnlyStdlib(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}",
		"./event", "./userid", "./elasticache", "./wire", "./schema").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if !strings.HasPrefix(p, "github.com/cachetrail/cachetrail/") {
			t.Errorf("core packages depend on %s", p)
		}
		if strings.HasPrefix(p, "github.com/cachetrail/cachetrail/internal/gen") {
			t.Errorf("core packages depend on the generator %s", p)
		}
	}
}
