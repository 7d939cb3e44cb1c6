package gen

import (
	"strings"
	"unicode"
)

// initialisms maps a CamelCase word of an SDK name to its Go spelling. It is
// the one table used for shape, enum, enum-constant, field and
// operation-derived names. Words are matched whole, so "Identifier", "Idle"
// and "Osx" are left alone.
var initialisms = map[string]string{
	"Id":    "ID",
	"Ids":   "IDs",
	"Arn":   "ARN",
	"Arns":  "ARNs",
	"Az":    "AZ",
	"Azs":   "AZs",
	"Vpc":   "VPC",
	"Ip":    "IP",
	"Ipv4":  "IPv4",
	"Ipv6":  "IPv6",
	"Tls":   "TLS",
	"Url":   "URL",
	"Dns":   "DNS",
	"Sns":   "SNS",
	"Kms":   "KMS",
	"Ec2":   "EC2",
	"Api":   "API",
	"Json":  "JSON",
	"Iam":   "IAM",
	"Acl":   "ACL",
	"Http":  "HTTP",
	"Https": "HTTPS",
	"Aws":   "AWS",
	"Ecpu":  "ECPU",
	"Cpu":   "CPU",
	"Ttl":   "TTL",
	"Sso":   "SSO",
	"Ssl":   "SSL",
	"Uri":   "URI",
	"Os":    "OS",
}

// sdkCapitals lists the Go names whose API spelling already writes an
// initialism in capitals ("ARN", not "Arn"). The Go name alone cannot tell
// "ReservationARN" (API "ReservationARN") from "TopicARN" (API "TopicArn"),
// so the reverse mapping needs these spelled out. A test keeps the list
// exactly equal to what the model needs.
var sdkCapitals = map[string]string{
	"ARN":                      "ARN",
	"AZMode":                   "AZMode",
	"EC2SecurityGroupName":     "EC2SecurityGroupName",
	"EC2SecurityGroupOwnerID":  "EC2SecurityGroupOwnerId",
	"EC2SecurityGroups":        "EC2SecurityGroups",
	"ECPUPerSecond":            "ECPUPerSecond",
	"MultiAZ":                  "MultiAZ",
	"MultiAZEnabled":           "MultiAZEnabled",
	"PreferredCacheClusterAZs": "PreferredCacheClusterAZs",
	"ReservationARN":           "ReservationARN",
}

// reverseInitialisms maps a Go spelling back to the SDK word.
var reverseInitialisms = func() map[string]string {
	r := make(map[string]string, len(initialisms))
	for k, v := range initialisms {
		r[v] = k
	}
	return r
}()

// GoName returns the Go spelling of an SDK or API name: its CamelCase words
// mapped through the initialisms table.
func GoName(sdkName string) string {
	words := SplitWords(sdkName)
	for i, w := range words {
		if g, ok := initialisms[w]; ok {
			words[i] = g
		}
	}
	return strings.Join(words, "")
}

// WireName returns the CloudTrail JSON name of an API member: the member
// name with its first letter lower-cased ("AZMode" gives "aZMode").
func WireName(apiName string) string {
	if apiName == "" {
		return ""
	}
	r := []rune(apiName)
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// APIName returns the API spelling of a Go name made by [GoName], undoing
// the initialisms table word by word, except for the names in sdkCapitals.
func APIName(goName string) string {
	if s, ok := sdkCapitals[goName]; ok {
		return s
	}
	var b strings.Builder
	for _, w := range splitGoWords(goName) {
		if s, ok := reverseInitialisms[w]; ok {
			w = s
		}
		b.WriteString(w)
	}
	return b.String()
}

// WireNameOf returns the wire name of the field whose Go name is goName.
func WireNameOf(goName string) string { return WireName(APIName(goName)) }

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" {
		return ""
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// SplitWords splits a CamelCase SDK name into words. Digits stay with the
// word before them ("Ipv4", "EC2"); a run of capitals is one word, and the
// last capital of the run starts the next word when a lower-case letter
// follows it ("AZMode" is "AZ" "Mode"), unless that letter is a plural "s"
// ending the word ("AZs").
func SplitWords(s string) []string {
	r := []rune(s)
	var words []string
	start := 0
	for i := 1; i < len(r); i++ {
		if isBoundary(r, i) {
			words = append(words, string(r[start:i]))
			start = i
		}
	}
	if start < len(r) {
		words = append(words, string(r[start:]))
	}
	return words
}

// isBoundary reports whether a new word starts at r[i].
func isBoundary(r []rune, i int) bool {
	prev, cur := r[i-1], r[i]
	switch {
	case unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)):
		// A digit ends a capital run only if a lower-case letter came
		// before it ("Ipv4Address"); "EC2S..." is handled below.
		if unicode.IsDigit(prev) && upperRunBefore(r, i) {
			return i+1 < len(r) && unicode.IsLower(r[i+1]) && !pluralS(r, i+1)
		}
		return true
	case unicode.IsUpper(cur) && unicode.IsUpper(prev):
		// Inside a capital run: split before the last capital when a
		// lower-case letter follows, except for a plural "s".
		return i+1 < len(r) && unicode.IsLower(r[i+1]) && !pluralS(r, i+1)
	}
	return false
}

// upperRunBefore reports whether the digits ending at r[i-1] follow a
// capital letter with no lower-case letter in between ("EC2").
func upperRunBefore(r []rune, i int) bool {
	j := i - 1
	for j >= 0 && unicode.IsDigit(r[j]) {
		j--
	}
	return j >= 0 && unicode.IsUpper(r[j])
}

// pluralS reports whether r[j] is an "s" that ends a word.
func pluralS(r []rune, j int) bool {
	return r[j] == 's' && (j+1 == len(r) || !unicode.IsLower(r[j+1]))
}

// splitGoWords splits a Go name made by GoName into words, keeping the Go
// spellings of the initialisms table whole ("IPv4", "IDs"), longest first.
func splitGoWords(s string) []string {
	var words []string
	for s != "" {
		if w := initialismPrefix(s); w != "" {
			words = append(words, w)
			s = s[len(w):]
			continue
		}
		// An ordinary word: one capital, then lower-case letters and
		// digits.
		n := 1
		for n < len(s) && !isASCIIUpper(s[n]) {
			n++
		}
		words = append(words, s[:n])
		s = s[n:]
	}
	return words
}

// initialismPrefix returns the longest Go spelling from the table that
// starts s and ends at a word boundary, or "".
func initialismPrefix(s string) string {
	best := ""
	for g := range reverseInitialisms {
		if len(g) <= len(best) || !strings.HasPrefix(s, g) {
			continue
		}
		if len(s) == len(g) || isASCIIUpper(s[len(g)]) {
			best = g
		}
	}
	return best
}

func isASCIIUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// SnakeCase returns the snake_case form of an SDK name, word by word:
// "CreateCacheCluster" gives "create_cache_cluster".
func SnakeCase(sdkName string) string {
	words := SplitWords(sdkName)
	for i, w := range words {
		words[i] = strings.ToLower(w)
	}
	return strings.Join(words, "_")
}
