// Package testutil holds helpers shared by the tests: golden files and
// the fixture corpus. It is imported only by _test.go files.
package testutil

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update rewrites golden files instead of comparing: go test ./... -update.
var Update = flag.Bool("update", false, "rewrite golden files")

// Root returns the repository's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Testdata returns the path of a file or directory under testdata/.
func Testdata(elem ...string) string {
	return filepath.Join(append([]string{Root(), "testdata"}, elem...)...)
}

// Fixtures returns the record fixtures: every *.json file under the given
// testdata subdirectories, recursively, sorted. The paths are relative to
// testdata/.
func Fixtures(t testing.TB, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, dir := range dirs {
		root := Testdata(dir)
		err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".json") {
				rel, _ := filepath.Rel(Testdata(), path)
				out = append(out, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	sort.Strings(out)
	return out
}

// Golden compares got with the golden file at path (under testdata/), or
// writes it with -update.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	full := Testdata(path)
	if *Update {
		if err := os.WriteFile(full, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(full)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// JSONDiff returns a go-cmp diff of two JSON texts as values, or "" when
// they are equal. It fails the test if either is not valid JSON.
func JSONDiff(t testing.TB, want, got []byte) string {
	t.Helper()
	var w, g any
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("want is not JSON: %v\n%s", err, want)
	}
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got is not JSON: %v\n%s", err, got)
	}
	return cmp.Diff(w, g)
}

// Indent pretty-prints JSON for golden files, keeping key order and
// number text.
func Indent(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := json.Indent(&b, data, "", "  "); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	b.WriteByte('\n')
	return b.Bytes()
}

// BenchmarkMapBaseline is the baseline the performance targets compare
// with: encoding/json unmarshalling data into map[string]any, reporting
// MB/s and allocations.
func BenchmarkMapBaseline(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			b.Fatal(err)
		}
	}
}
