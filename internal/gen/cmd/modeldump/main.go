// Command modeldump prints the ElastiCache model the generator reads from
// the SDK as sorted lines (see gen.DumpModel), or compares two such dumps.
//
//	go run ./internal/gen/cmd/modeldump > before.txt
//	go run ./internal/gen/cmd/modeldump -diff before.txt after.txt
//
// With -diff it prints the changes as Markdown for CHANGELOG.md.
// scripts/upgrade-sdk runs both.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/cachetrail/cachetrail/internal/gen"
)

// versionPrefix starts the first line of a dump: "# sdk <module> <version>".
const versionPrefix = "# sdk "

func main() {
	diff := flag.Bool("diff", false, "compare two dumps given as arguments and print Markdown")
	flag.Parse()
	if err := run(*diff, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "modeldump:", err)
		os.Exit(1)
	}
}

func run(diff bool, args []string) error {
	if !diff {
		if len(args) != 0 {
			return fmt.Errorf("unexpected arguments %q", args)
		}
		sdk, err := gen.FindSDK()
		if err != nil {
			return err
		}
		m, err := gen.LoadModel(sdk)
		if err != nil {
			return err
		}
		w := bufio.NewWriter(os.Stdout)
		fmt.Fprintf(w, "%s%s %s\n", versionPrefix, m.Module, m.Version)
		for _, line := range gen.DumpModel(m) {
			fmt.Fprintln(w, line)
		}
		return w.Flush()
	}
	if len(args) != 2 {
		return fmt.Errorf("-diff wants two files, before and after")
	}
	var dumps [2][]string
	var mods, versions [2]string
	for i, path := range args {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dumps[i] = strings.Split(strings.TrimSpace(string(data)), "\n")
		f := strings.Fields(strings.TrimPrefix(dumps[i][0], versionPrefix))
		if !strings.HasPrefix(dumps[i][0], versionPrefix) || len(f) != 2 {
			return fmt.Errorf("%s: first line is not %q<module> <version>", path, versionPrefix)
		}
		mods[i], versions[i] = f[0], f[1]
	}
	d, err := gen.DiffDumps(dumps[0], dumps[1])
	if err != nil {
		return err
	}
	fmt.Print(d.Markdown(mods[1], versions[0], versions[1]))
	return nil
}
