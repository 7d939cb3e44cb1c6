package s3src_test

import (
	"fmt"

	"github.com/cachetrail/cachetrail/examples/internal/s3src"
)

func ExampleParseURL() {
	bucket, prefix, ok := s3src.ParseURL("s3://trail-bucket/AWSLogs/123456789012/CloudTrail/")
	fmt.Println(bucket, prefix, ok)
	fmt.Println(s3src.IsURL("testdata/samples"))
	// Output:
	// trail-bucket AWSLogs/123456789012/CloudTrail/ true
	// false
}
