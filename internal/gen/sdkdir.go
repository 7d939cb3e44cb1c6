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

// howToProceed ends every error about reading the SDK.
const howToProceed = "the SDK's published API changed; see CONTRIBUTING.md, \"Upgrading the SDK\""

// SDK locates the SDK module the model is read from.
type SDK struct {
	Module  string // module path, SDKModule
	Version string // version go.mod requires, such as "v1.65.0"
	Dir     string // its directory in the module cache
}

// FindSDK returns the module cache directory and version of SDKModule that
// the main module requires, using go list -m. The generator imports the
// SDK, so building it has downloaded the module already.
func FindSDK() (SDK, error) {
	var mod struct{ Path, Version, Dir string }
	if err := goJSON(&mod, "list", "-m", "-json", SDKModule); err != nil {
		return SDK{}, err
	}
	if mod.Dir == "" {
		return SDK{}, fmt.Errorf("gen: module %s@%s is not in the module cache; run go mod download %s", SDKModule, mod.Version, SDKModule)
	}
	return SDK{Module: mod.Path, Version: mod.Version, Dir: mod.Dir}, nil
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
