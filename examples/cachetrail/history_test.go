package main

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cachetrail/cachetrail/elasticache"
)

func TestBeforeAfter(t *testing.T) {
	step := func(kind elasticache.ChangeKind, applied, pending bool, before, after, value string) elasticache.SettingStep {
		s := elasticache.SettingStep{Change: elasticache.Change{Kind: kind, Applied: applied, Pending: pending}}
		if before != "" {
			s.HasBefore, s.BeforeJSON = true, json.RawMessage(before)
		}
		if after != "" {
			s.AfterJSON = json.RawMessage(after)
		}
		if value != "" {
			s.ValueJSON = json.RawMessage(value)
		}
		return s
	}
	set, unset := elasticache.ChangeSet, elasticache.ChangeUnset
	for want, s := range map[string]elasticache.SettingStep{
		`1 -> 7`:                       step(set, true, false, `1`, `7`, `7`),
		`? -> "x"`:                     step(set, true, false, ``, `"x"`, `"x"`),
		`? -> 3 (pending)`:             step(set, true, true, ``, `3`, `3`),
		`1 -> 1 (requested 0)`:         step(set, false, false, `1`, `1`, `0`),
		`? -> ? (requested 0)`:         step(set, false, false, ``, ``, `0`),
		`"a" -> (unset)`:               step(unset, true, false, `"a"`, ``, ``),
		`"a" -> "a" (requested unset)`: step(unset, false, false, `"a"`, `"a"`, ``),
	} {
		assert.Equal(t, want, beforeAfter(s))
	}
}
