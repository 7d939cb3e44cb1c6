package main

import (
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
)

// ReadOnly reports whether the action only reads: a Describe* or List*
// call. Operations this version does not know are judged by their name.
func ReadOnly(a elasticache.Action) bool {
	op := a.Operation()
	if info, ok := elasticache.LookupOperation(op); ok {
		return info.ReadOnly
	}
	return strings.HasPrefix(op, "Describe") || strings.HasPrefix(op, "List")
}
