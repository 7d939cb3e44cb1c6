// Command ecgen generates the typed ElastiCache models of package
// elasticache from the AWS SDK for Go v2 source in the module cache.
//
// It runs from the elasticache directory through go generate:
//
//	go generate ./elasticache
//
// With -check it writes nothing and exits 1 if a file is stale or orphaned.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cachetrail/cachetrail/internal/gen"
)

func main() {
	out := flag.String("out", ".", "directory of package elasticache")
	wireDir := flag.String("wire", "../wire", "directory of package wire, for its sensitive names")
	secretDir := flag.String("secrettest", "../internal/secrettest", "directory of package internal/secrettest, for its sensitive fields")
	overrides := flag.String("overrides", "../internal/gen/overrides.json", "overrides file")
	check := flag.Bool("check", false, "report stale files instead of writing them")
	flag.Parse()
	stale, err := run(*out, *wireDir, *secretDir, *overrides, !*check)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ecgen:", err)
		os.Exit(1)
	}
	if *check && len(stale) > 0 {
		fmt.Fprintln(os.Stderr, "ecgen: stale generated files:", strings.Join(stale, " "))
		os.Exit(1)
	}
}

// run generates the files and, if write is set, writes the changed ones and
// deletes orphans. It returns the names that were (or would be) changed.
func run(out, wireDir, secretDir, overridesPath string, write bool) ([]string, error) {
	p, err := gen.LoadPackage(overridesPath)
	if err != nil {
		return nil, err
	}
	files, err := p.Files()
	if err != nil {
		return nil, err
	}
	files[gen.ReadmeFile] = p.Readme()
	var changed []string
	existing, err := filepath.Glob(filepath.Join(out, gen.GeneratedPrefix+"*.go"))
	if err != nil {
		return nil, err
	}
	for _, path := range existing {
		if _, ok := files[filepath.Base(path)]; ok {
			continue
		}
		changed = append(changed, filepath.Base(path))
		if write {
			if err := os.Remove(path); err != nil {
				return nil, err
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		c, err := update(filepath.Join(out, name), files[name], write)
		if err != nil {
			return nil, err
		}
		if c {
			changed = append(changed, name)
		}
	}
	for _, other := range []struct {
		path string
		src  func() ([]byte, error)
	}{
		{filepath.Join(wireDir, gen.WireSensitiveFile), p.WireFile},
		{filepath.Join(secretDir, gen.SecretTestFile), p.SecretTestFileSource},
	} {
		src, err := other.src()
		if err != nil {
			return nil, err
		}
		c, err := update(other.path, src, write)
		if err != nil {
			return nil, err
		}
		if c {
			changed = append(changed, other.path)
		}
	}
	return changed, nil
}

// update reports whether the file at path differs from src and, if write
// is set, writes src there.
func update(path string, src []byte, write bool) (bool, error) {
	old, err := os.ReadFile(path)
	if err == nil && bytes.Equal(old, src) {
		return false, nil
	}
	if !write {
		return true, nil
	}
	// Generated files are read-only, to discourage hand edits.
	if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
		return false, err
	}
	return true, os.WriteFile(path, src, 0o444)
}
