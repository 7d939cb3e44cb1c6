// Package cachetrail holds typed Go models for AWS CloudTrail records of
// Amazon ElastiCache. The work is in its packages, one line each:
//
//   - [github.com/cachetrail/cachetrail/event]: one record, Parse, and a Reader for every shape CloudTrail delivers
//   - [github.com/cachetrail/cachetrail/elasticache]: typed requests and responses of all 77 operations, Decode, Actions
//   - [github.com/cachetrail/cachetrail/userid]: the userIdentity element and the effective actor of a call
//   - [github.com/cachetrail/cachetrail/wire]: values that keep CloudTrail's text: times, booleans, unknown members, quirks
//   - [github.com/cachetrail/cachetrail/schema]: JSON Schema documents of the record and of every action, embedded
//   - [github.com/cachetrail/cachetrail/event/lookup]: the records of the LookupEvents API, through the AWS SDK
//
// The first five import only the standard library. Start with the quick
// start of the README, https://github.com/cachetrail/cachetrail#quick-start:
// a program that prints the ElastiCache calls of a trail in any shape. The
// examples of [github.com/cachetrail/cachetrail/elasticache.Decode] and
// [github.com/cachetrail/cachetrail/elasticache.Actions] show the same in
// a few lines.
package cachetrail
