package cachetrail_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snippet is a ```go block of the documents, as the test builds it.
type snippet struct {
	block
	name       string // directory and binary name in the scratch module
	runnable   bool   // a complete program, run on every sample input
	transcript *block // the "$ go run . ARGS" block that follows it, if any
}

// sampleInput is one input shape every runnable snippet is run on.
type sampleInput struct {
	shape string
	path  string // relative to the repository root
	want  string // a line of the output: an operation of that input
}

// TestDocSnippets builds every Go block of the documents against this
// checkout, in one go build, and runs the complete programs on an input
// of every shape CloudTrail delivers, and on a missing file.
func TestDocSnippets(t *testing.T) {
	root, err := filepath.Abs(".")
	require.NoError(t, err)
	snippets := collectSnippets(t)
	require.NotEmpty(t, snippets, "no Go code blocks found")

	mod := t.TempDir()
	writeScratchModule(t, mod, root, snippets)
	bin := filepath.Join(mod, "bin")
	build := exec.Command("go", "build", "-o", bin+string(filepath.Separator), "./...")
	build.Dir = mod
	// The scratch module must not join the repository's workspace, nor
	// fetch anything: every dependency is already in the module cache.
	build.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the documents' Go code does not build:\n%s", pointAtDocs(string(out), snippets))
	}

	inputs := sampleInputs(t)
	for _, s := range snippets {
		if !s.runnable {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			exe := filepath.Join(bin, s.name)
			for _, in := range inputs {
				stdout, stderr, code := run(t, root, exe, in.path)
				if strings.Contains(stderr, "panic:") {
					t.Errorf("%s panics on %s (%s):\n%s", s.where(), in.shape, in.path, stderr)
					continue
				}
				if in.want == "" {
					assert.Equal(t, 1, code, "%s on a missing file: exit status\nstderr: %s", s.where(), stderr)
					assert.Contains(t, stderr, "no such file or directory", "%s on a missing file", s.where())
					continue
				}
				if assert.Equal(t, 0, code, "%s on %s: exit status\nstderr: %s", s.where(), in.shape, stderr) {
					assert.Contains(t, stdout, in.want, "%s on %s: output", s.where(), in.shape)
				}
			}
			if s.transcript != nil {
				checkTranscript(t, root, exe, *s.transcript)
			}
		})
	}
}

// collectSnippets reads the Go blocks of userDocs and pairs each program
// with the transcript that shows its output.
func collectSnippets(t *testing.T) []snippet {
	var out []snippet
	for _, doc := range userDocs {
		blocks, _ := readBlocks(t, doc)
		for i, b := range blocks {
			if b.lang != "go" {
				continue
			}
			s := snippet{block: b, name: fmt.Sprintf("snippet%02d", len(out)+1)}
			switch {
			case b.fragment:
			case strings.HasPrefix(b.text, "package main\n"):
				s.runnable = true
				if i+1 < len(blocks) && strings.HasPrefix(blocks[i+1].text, "$ go run . ") {
					s.transcript = &blocks[i+1]
				}
			default:
				t.Errorf("%s: a Go block is either a complete program (package main) or marked %q on the line before it",
					b.where(), fragmentMarker)
				continue
			}
			out = append(out, s)
		}
	}
	return out
}

// writeScratchModule writes a module that requires this checkout, with
// one main package per snippet.
func writeScratchModule(t *testing.T, dir, root string, snippets []snippet) {
	gomod := "module cachetrail.test/snippets\n\ngo 1.26\n\n" +
		"require github.com/cachetrail/cachetrail v0.0.0\n\n" +
		"replace github.com/cachetrail/cachetrail => " + root + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644))
	for _, s := range snippets {
		// Line directives make compiler errors name the document's lines.
		src := fmt.Sprintf("//line %s:%d\n%s", filepath.Join(root, s.doc), s.line+1, s.text)
		if s.fragment {
			src = wrapFragment(s.text, filepath.Join(root, s.doc), s.line+1)
		}
		pkg := filepath.Join(dir, s.name)
		require.NoError(t, os.MkdirAll(pkg, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644))
	}
}

// pointAtDocs adds, to build output naming a scratch package, which
// document block it came from.
func pointAtDocs(out string, snippets []snippet) string {
	for _, s := range snippets {
		out = strings.ReplaceAll(out, "./"+s.name+"/", "./"+s.name+"/ ("+s.where()+") ")
		out = strings.ReplaceAll(out, "cachetrail.test/snippets/"+s.name, s.name+" ("+s.where()+")")
	}
	return out
}

// sampleInputs returns an input of every shape, from testdata/, plus a
// plain log file made from the gzipped one and a missing file.
func sampleInputs(t *testing.T) []sampleInput {
	gz, err := os.ReadFile("testdata/samples/cloudtrail-20141201.json.gz")
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	var plain bytes.Buffer
	_, err = plain.ReadFrom(zr)
	require.NoError(t, err)
	logFile := filepath.Join(t.TempDir(), "cloudtrail-20141201.json")
	require.NoError(t, os.WriteFile(logFile, plain.Bytes(), 0o644))
	return []sampleInput{
		{"log file", logFile, "CreateCacheCluster"},
		{"gzipped log file", "testdata/samples/cloudtrail-20141201.json.gz", "DeleteReplicationGroup"},
		{"JSON Lines", "testdata/samples/export-20141202.jsonl", "ModifyReplicationGroup"},
		{"EventBridge event", "testdata/samples/eventbridge-20141202.json", "CreateCacheParameterGroup"},
		{"single record", "testdata/seed/modify_cache_cluster.json", "ModifyCacheCluster"},
		{"digest, SNS, Insights and other non-records", "testdata/shapes/nonrecords.jsonl", "DescribeCacheClusters"},
		{"missing file", "testdata/samples/no-such-file.json.gz", ""},
	}
}

// run runs a snippet's program from the repository root.
func run(t *testing.T, root, exe string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(exe, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = root, &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return o.String(), e.String(), exit.ExitCode()
	}
	require.NoError(t, err)
	return o.String(), e.String(), 0
}

// checkTranscript runs the command a transcript shows and checks that
// its lines come out in that order; "..." stands for any lines.
func checkTranscript(t *testing.T, root, exe string, tr block) {
	lines := strings.Split(strings.TrimRight(tr.text, "\n"), "\n")
	args := strings.Fields(strings.TrimPrefix(lines[0], "$ go run . "))
	stdout, stderr, code := run(t, root, exe, args...)
	require.Equal(t, 0, code, "%s: %s\nstderr: %s", tr.where(), lines[0], stderr)
	got := strings.Split(strings.TrimRight(stdout, "\n"), "\n")
	gap := false
	for _, want := range lines[1:] {
		if want == "..." {
			gap = true
			continue
		}
		for len(got) > 0 && got[0] != want && gap {
			got = got[1:]
		}
		if len(got) == 0 || got[0] != want {
			t.Errorf("%s: the output of %q lacks, at this point, the line\n\t%s\ngot:\n%s", tr.where(), lines[0], want, stdout)
			return
		}
		got, gap = got[1:], false
	}
	if len(got) > 0 && !gap {
		t.Errorf("%s: the output of %q goes on past the transcript (end it with ... if that is meant):\n%s", tr.where(), lines[0], stdout)
	}
}
