package schema_test

import (
	"encoding/json"
	"fmt"

	"github.com/cachetrail/cachetrail/schema"
)

// ExampleAction looks up what CloudTrail records for CreateCacheCluster:
// the member numCacheNodes of its requestParameters.
func ExampleAction() {
	doc, err := schema.Action("CreateCacheCluster", false)
	if err != nil {
		panic(err)
	}
	var s struct {
		Title     string `json:"title"`
		Reference string `json:"x-cachetrail-api-reference"`
		Defs      map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(doc, &s); err != nil {
		panic(err)
	}
	fmt.Println(s.Title)
	fmt.Println(s.Reference)
	_, ok := s.Defs["CreateCacheClusterRequest"].Properties["numCacheNodes"]
	fmt.Println("numCacheNodes:", ok)
	// Output:
	// ElastiCache CreateCacheCluster (tolerant)
	// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html
	// numCacheNodes: true
}

// ExampleRecord lists since which eventVersion the record carries
// tlsDetails, as the record document says.
func ExampleRecord() {
	var s struct {
		Properties map[string]struct {
			Since string `json:"x-cachetrail-since"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(schema.Record(false), &s); err != nil {
		panic(err)
	}
	fmt.Println("tlsDetails since", s.Properties["tlsDetails"].Since)
	// Output: tlsDetails since 1.08
}
