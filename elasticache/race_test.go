//go:build race

package elasticache_test

const raceEnabled = true
