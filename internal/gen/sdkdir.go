package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
)

// SDKModule is the module the model is read from; go.mod pins its version.
const SDKModule = "github.com/aws/aws-sdk-go-v2/service/elasticache"

// SDKDir returns the module cache directory of SDKModule at the version the
// main module requires, using go list -m -json, and downloads the module
// first when no package of the build needed it yet (a fresh machine).
func SDKDir() (string, error) {
	var mod struct {
		Path, Version, Dir string
	}
	if err := goJSON(&mod, "list", "-m", "-json", SDKModule); err != nil {
		return "", err
	}
	if mod.Dir == "" {
		if err := goJSON(&mod, "mod", "download", "-json", SDKModule+"@"+mod.Version); err != nil {
			return "", err
		}
	}
	if mod.Dir == "" {
		return "", fmt.Errorf("gen: module %s@%s not in the module cache after go mod download", SDKModule, mod.Version)
	}
	return mod.Dir, nil
}

// goJSON runs the go command with args and decodes its JSON output into v.
func goJSON(v any, args ...string) error {
	cmd := exec.Command("go", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("gen: go %s: %w: %s", strings.Join(args, " "), err, bytes.TrimSpace(stderr.Bytes()))
	}
	if err := json.Unmarshal(out, v); err != nil {
		return fmt.Errorf("gen: go %s: %w", strings.Join(args, " "), err)
	}
	return nil
}
