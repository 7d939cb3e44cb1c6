// Command schemagen writes the JSON Schema documents of package schema.
//
// It runs from the schema directory through go generate:
//
//	go generate ./schema
//
// With -check it writes nothing and exits 1 if a document is stale or
// orphaned.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/cachetrail/cachetrail/internal/gen"
	"github.com/cachetrail/cachetrail/internal/schemagen"
)

func main() {
	out := flag.String("out", ".", "directory of package schema")
	overrides := flag.String("overrides", "../internal/gen/overrides.json", "overrides file")
	check := flag.Bool("check", false, "report stale documents instead of writing them")
	flag.Parse()
	stale, err := run(*out, *overrides, !*check)
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
	if *check && len(stale) > 0 {
		fmt.Fprintln(os.Stderr, "schemagen: stale documents:", strings.Join(stale, " "))
		os.Exit(1)
	}
}

// run generates the documents and, if write is set, writes the changed ones
// and deletes orphans. It returns the paths that were (or would be) changed.
func run(out, overridesPath string, write bool) ([]string, error) {
	p, err := gen.LoadPackage(overridesPath)
	if err != nil {
		return nil, err
	}
	docs, err := schemagen.Generate(p)
	if err != nil {
		return nil, err
	}
	var changed []string
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".schema.json") {
			return err
		}
		rel, err := filepath.Rel(out, path)
		if err != nil {
			return err
		}
		if _, ok := docs[filepath.ToSlash(rel)]; ok {
			return nil
		}
		changed = append(changed, rel)
		if write {
			return os.Remove(path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, rel := range slices.Sorted(maps.Keys(docs)) {
		path := filepath.Join(out, filepath.FromSlash(rel))
		old, err := os.ReadFile(path)
		if err == nil && bytes.Equal(old, docs[rel]) {
			continue
		}
		changed = append(changed, rel)
		if !write {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, docs[rel], 0o644); err != nil {
			return nil, err
		}
	}
	return changed, nil
}
