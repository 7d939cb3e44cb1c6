package main

import (
	"runtime/debug"

	"github.com/cachetrail/cachetrail/elasticache"
)

// versionLine says which cachetrail this is: the command's module version
// ("(devel)" when built from a checkout), the library's, and the
// ElastiCache model the library was generated from.
func versionLine() string {
	cmd, lib := "(devel)", "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" {
			cmd = v
		}
		for _, d := range bi.Deps {
			if d.Path == "github.com/cachetrail/cachetrail" {
				lib = d.Version
				if d.Replace != nil {
					lib = "(devel, " + d.Replace.Path + ")"
					if d.Replace.Version != "" {
						lib = d.Replace.Version
					}
				}
			}
		}
	}
	return "cachetrail " + cmd + " (library " + lib + "; model " + elasticache.ModelVersion + ")"
}
