package gen

import (
	"fmt"
	"strings"
)

// knownOS and knownArch are copied from the Go distribution
// (src/internal/syslist/syslist.go, which go/build uses). A file name
// ending in _<GOOS> or _<GOARCH> is built only on that system.
var knownOS = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true,
	"freebsd": true, "hurd": true, "illumos": true, "ios": true, "js": true,
	"linux": true, "nacl": true, "netbsd": true, "openbsd": true,
	"plan9": true, "solaris": true, "wasip1": true, "windows": true,
	"zos": true,
}

var knownArch = map[string]bool{
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true,
	"arm64": true, "arm64be": true, "loong64": true, "mips": true,
	"mipsle": true, "mips64": true, "mips64le": true, "mips64p32": true,
	"mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true,
	"riscv": true, "riscv64": true, "s390": true, "s390x": true,
	"sparc": true, "sparc64": true, "wasm": true,
}

// CheckFileName returns an error if name is not a plain .go file name that
// the go command builds everywhere as part of the package: it must not
// start with "_" or ".", contain a path separator, or end (before .go) in
// _test, _<GOOS> or _<GOARCH>.
func CheckFileName(name string) error {
	stem, ok := strings.CutSuffix(name, ".go")
	switch {
	case !ok || stem == "":
		return fmt.Errorf("gen: %q is not a .go file name", name)
	case strings.ContainsAny(name, `/\`):
		return fmt.Errorf("gen: %q is not a base name", name)
	case stem[0] == '_' || stem[0] == '.':
		return fmt.Errorf("gen: %q would be ignored by the go command", name)
	}
	i := strings.LastIndexByte(stem, '_')
	if i < 0 {
		return nil
	}
	switch last := stem[i+1:]; {
	case last == "test":
		return fmt.Errorf("gen: %q would be a test file", name)
	case knownOS[last]:
		return fmt.Errorf("gen: %q would build only on GOOS=%s", name, last)
	case knownArch[last]:
		return fmt.Errorf("gen: %q would build only on GOARCH=%s", name, last)
	}
	return nil
}
