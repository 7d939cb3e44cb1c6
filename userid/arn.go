package userid

import "strings"

// ARN is an Amazon Resource Name split into its parts.
type ARN struct {
	Partition, Service, Region, AccountID, Resource string
}

// ParseARN splits "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE". It
// reports false for text that is not an ARN; it never panics.
func ParseARN(s string) (ARN, bool) {
	// strings.Cut, not SplitN: no slice to allocate, for every event's
	// identity and resources.
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return ARN{}, false
	}
	var a ARN
	for _, p := range [...]*string{&a.Partition, &a.Service, &a.Region, &a.AccountID} {
		if *p, rest, ok = strings.Cut(rest, ":"); !ok {
			return ARN{}, false
		}
	}
	if a.Partition == "" || a.Service == "" {
		return ARN{}, false
	}
	a.Resource = rest
	return a, true
}

// String joins the parts back into an ARN.
func (a ARN) String() string {
	return "arn:" + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.AccountID + ":" + a.Resource
}
