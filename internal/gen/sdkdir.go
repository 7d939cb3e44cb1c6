package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
)

// SDKModule is the module the model is read from; go.mod pins its version.
const SDKModule = "github.com/aws/aws-sdk-go-v2/service/elasticache"

// SDKDir returns the module cache directory of SDKModule at the version the
// main module requires, using go list -m -json.
func SDKDir() (string, error) {
	cmd := exec.Command("go", "list", "-m", "-json", SDKModule)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("gen: go list -m %s: %w: %s", SDKModule, err, bytes.TrimSpace(stderr.Bytes()))
	}
	var mod struct {
		Path, Version, Dir string
	}
	if err := json.Unmarshal(out, &mod); err != nil {
		return "", fmt.Errorf("gen: go list -m %s: %w", SDKModule, err)
	}
	if mod.Dir == "" {
		return "", fmt.Errorf("gen: go list -m %s: module %s not downloaded", SDKModule, mod.Version)
	}
	return mod.Dir, nil
}
