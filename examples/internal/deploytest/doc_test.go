// Package deploytest checks the Lambda examples as they are deployed:
// their SAM templates against the code and the build, and that each
// example directory builds alone, copied into a fresh module.
package deploytest

// The Lambda examples, relative to this directory.
var lambdaDirs = []string{"lambda-s3", "lambda-s3-sqs", "lambda-eventbridge"}

// How the README builds a function for provided.al2023: a static
// linux/arm64 binary named bootstrap.
const (
	buildGOOS   = "linux"
	buildGOARCH = "arm64"
	binaryName  = "bootstrap"
	runtimeName = "provided.al2023"
)
