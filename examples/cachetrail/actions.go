package main

import (
	"fmt"
	"strings"

	"github.com/cachetrail/cachetrail/elasticache"
)

// actionPattern checks an -action pattern: a glob that must match at least
// one ElastiCache action, in any case. A plain name that matches none
// gets the nearest names as a suggestion.
func actionPattern(p string) error {
	if _, err := globFold(p, ""); err != nil {
		return fmt.Errorf("bad pattern %q", p)
	}
	for _, op := range elasticache.Operations() {
		if ok, _ := globFold(p, op); ok {
			return nil
		}
	}
	return fmt.Errorf("no ElastiCache action matches %q%s", p, didYouMean(p))
}

// canonicalAction returns the action named name in any case, or "".
func canonicalAction(name string) string {
	for _, op := range elasticache.Operations() {
		if strings.EqualFold(op, name) {
			return op
		}
	}
	return ""
}

// didYouMean suggests the actions nearest to name, as "; did you mean
// X?", or "" when none is near.
func didYouMean(name string) string {
	best, bestD := []string(nil), 1+len(name)/3
	for _, op := range elasticache.Operations() {
		d := editDistance(strings.ToLower(name), strings.ToLower(op))
		switch {
		case d < bestD:
			best, bestD = []string{op}, d
		case d == bestD && best != nil:
			best = append(best, op)
		}
	}
	if len(best) == 0 || len(best) > 3 {
		return ""
	}
	return "; did you mean " + strings.Join(best, " or ") + "?"
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
