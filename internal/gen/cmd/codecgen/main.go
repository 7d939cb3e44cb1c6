// Command codecgen generates the JSON codecs of the record envelope
// (package event) and of userIdentity (package userid) from the tables in
// internal/gen/codecs.go.
//
// It runs from the package's directory through go generate:
//
//	go generate ./event ./userid
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
	dir := flag.String("dir", ".", "directory of the package")
	check := flag.Bool("check", false, "report stale files instead of writing them")
	flag.Parse()
	stale, err := run(*dir, !*check)
	if err != nil {
		fmt.Fprintln(os.Stderr, "codecgen:", err)
		os.Exit(1)
	}
	if *check && len(stale) > 0 {
		fmt.Fprintln(os.Stderr, "codecgen: stale generated files:", strings.Join(stale, " "))
		os.Exit(1)
	}
}

// run generates the files of the package in dir and, if write is set,
// writes the changed ones and deletes orphans. It returns the names that
// were (or would be) changed.
func run(dir string, write bool) ([]string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(gen.CodecPackages, func(p gen.CodecPackage) bool { return p.Name == filepath.Base(abs) })
	if i < 0 {
		return nil, fmt.Errorf("%s: no codec tables for package %s", dir, filepath.Base(abs))
	}
	files, err := gen.CodecPackages[i].CodecFiles(dir)
	if err != nil {
		return nil, err
	}
	var changed []string
	existing, err := filepath.Glob(filepath.Join(dir, gen.GeneratedPrefix+"*.go"))
	if err != nil {
		return nil, err
	}
	for _, path := range existing {
		if _, ok := files[filepath.Base(path)]; ok || strings.HasSuffix(path, "_test.go") {
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
		path := filepath.Join(dir, name)
		old, err := os.ReadFile(path)
		if err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		changed = append(changed, name)
		if !write {
			continue
		}
		// Generated files are read-only, to discourage hand edits.
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		if err := os.WriteFile(path, files[name], 0o444); err != nil {
			return nil, err
		}
	}
	return changed, nil
}
