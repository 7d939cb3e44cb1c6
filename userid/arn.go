package userid

import "strings"

// ARN is an Amazon Resource Name split into its parts.
type ARN struct {
	Partition, Service, Region, AccountID, Resource string
}

// ParseARN splits "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE". It
// reports false for text that is not an ARN; it never panics.
func ParseARN(s string) (ARN, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] == "" {
		return ARN{}, false
	}
	return ARN{Partition: parts[1], Service: parts[2], Region: parts[3], AccountID: parts[4], Resource: parts[5]}, true
}

// String joins the parts back into an ARN.
func (a ARN) String() string {
	return "arn:" + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.AccountID + ":" + a.Resource
}
