// Command samplegen writes the sample data under testdata/samples: a small,
// realistic CloudTrail trail for the cachetrail command and the README.
// Run it from the repository root:
//
//	go run ./examples/internal/samplegen
//
// The ElastiCache records of the AWS documentation (testdata/seed/*.json)
// go in verbatim, quirks and all; the other records are synthetic, in the
// current record format, and timed to sit around them.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	seed := flag.String("seed", "testdata/seed", "directory of the seed records")
	out := flag.String("out", "testdata/samples", "directory to write the samples to")
	flag.Parse()
	files, err := Generate(*seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "samplegen:", err)
		os.Exit(1)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "samplegen:", err)
		os.Exit(1)
	}
	for _, name := range sortedKeys(files) {
		path := filepath.Join(*out, name)
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "samplegen:", err)
			os.Exit(1)
		}
		fmt.Println("wrote", path)
	}
}
