// Package schemagen writes the JSON Schema (draft 2020-12) documents of
// package schema: one for the CloudTrail record envelope, derived by
// reflection from event.Event and the userid types, and one per ElastiCache
// operation for its requestParameters and responseElements, derived from
// the model internal/gen resolves from the SDK. Each comes in a tolerant
// variant (what cachetrail accepts) and a strict one (what AWS documents).
//
// [Generate] is pure; cmd/schemagen writes the files, and package schema's
// tests regenerate them in memory to catch stale documents.
package schemagen
