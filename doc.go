// Package cachetrail is the home of typed models for AWS CloudTrail records of
// Amazon ElastiCache. The work is in its subpackages.
package cachetrail
