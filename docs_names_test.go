package cachetrail_test

import (
	"regexp"
	"strings"
	"testing"
)

// docVars are the variable names the documents use in prose for a value
// of a type: `ev.Version()`.
var docVars = map[string]typeRef{
	"ev":  {"event", "Event"},
	"act": {"elasticache", "Action"},
}

// notGo are capitalized names in backticks that are not Go: JSON members
// and AWS names.
var notGo = map[string]bool{
	"Records":                     true, // a log file's JSON member
	"LookupEvents":                true, // the CloudTrail API
	"AWSLambdaBasicExecutionRole": true, // an IAM managed policy
	"HeapAlloc":                   true, // a field of runtime.MemStats
	"Client":                      true, // the SDK's, which internal/gen reads
	"Options":                     true, // the SDK's Options.Protocol
	"ObjectCreated":               true, // an S3 event type
	"TrailKmsKeyArn":              true, // a template parameter
	"DeadLetterQueueUrl":          true, // a template output
	"WaitTimeSeconds":             true, // an SQS ReceiveMessage parameter
	"DeleteMessageBatch":          true, // the SQS API
}

var (
	codeSpan  = regexp.MustCompile("`([^`]+)`")
	goRef     = regexp.MustCompile(`^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$`)
	callArgs  = regexp.MustCompile(`\(.*\)$`)
	methodExp = regexp.MustCompile(`^\(\*?([\w.]+)\)\.(.+)$`) // (*Event).Version
	sentences = regexp.MustCompile("[.!?]\\s+(?:[A-Z`*(])")
)

// TestDocNames fails on every backticked Go name in the documents that
// the API does not have. A bare name (`Quirks`) after a type in the same
// sentence must be a method or field of that type, or a function of a
// package the paragraph names: so a method list cannot drift.
func TestDocNames(t *testing.T) {
	a := loadAPI(t)
	checked := 0
	for _, doc := range userDocs {
		_, prose := readBlocks(t, doc)
		for _, para := range paragraphs(prose) {
			pkgs := map[string]bool{}
			for _, m := range codeSpan.FindAllStringSubmatch(para.text, -1) {
				if first, _, _ := strings.Cut(normalize(m[1]), "."); a.pkgs[first] != nil {
					pkgs[first] = true
				}
			}
			for _, s := range splitSentences(para.text) {
				var context *typeRef
				for _, m := range codeSpan.FindAllStringSubmatch(s, -1) {
					ref := normalize(m[1])
					if !goRef.MatchString(ref) {
						continue
					}
					ok, isType, known := a.resolve(ref, context, pkgs)
					if !known {
						continue
					}
					checked++
					if !ok {
						t.Errorf("%s:%d: `%s` is not in the API", doc, para.line, m[1])
					}
					if isType != nil {
						context = isType
					}
				}
			}
		}
	}
	t.Logf("%d Go names checked", checked)
	if checked < 50 {
		t.Errorf("only %d Go names checked: is the extraction broken?", checked)
	}
}

// normalize strips what may surround a Go name in prose: a pointer star,
// call arguments, a method expression's parentheses.
func normalize(s string) string {
	s = strings.TrimSpace(s)
	if m := methodExp.FindStringSubmatch(s); m != nil {
		s = m[1] + "." + m[2]
	}
	s = strings.TrimLeft(s, "*&")
	s = callArgs.ReplaceAllString(s, "")
	return s
}

// resolve checks one name. known is false for what is not a Go name (a
// JSON path such as `requestParameters.cacheClusterId`, an ALL_CAPS
// value); isType is set when the name is a type, for the names after it.
func (a *api) resolve(ref string, context *typeRef, pkgs map[string]bool) (ok bool, isType *typeRef, known bool) {
	parts := strings.Split(ref, ".")
	first := parts[0]
	switch {
	case a.pkgs[first] != nil:
		if len(parts) == 1 {
			return true, nil, false // a package name alone
		}
		p := a.pkgs[first]
		if !p.top[parts[1]] {
			return false, nil, true
		}
		r := typeRef{first, parts[1]}
		if p.types[parts[1]] == nil {
			return len(parts) == 2, nil, true
		}
		if len(parts) > 2 {
			return a.member(r, parts[2:]), nil, true
		}
		return true, &r, true
	case docVars[first] != typeRef{}:
		return a.member(docVars[first], parts[1:]), nil, true
	case !isExported(first) || strings.ToUpper(first) == first || notGo[first]:
		return true, nil, false
	}
	if len(parts) > 1 {
		for _, r := range a.typesNamed(first) {
			if a.member(r, parts[1:]) {
				return true, nil, true
			}
		}
		if context != nil && a.member(*context, parts) {
			return true, nil, true
		}
		return false, nil, true
	}
	if context != nil {
		if a.member(*context, parts) {
			return true, nil, true
		}
		for p := range pkgs {
			if a.pkgs[p].top[first] {
				return true, nil, true
			}
		}
		return false, nil, true
	}
	if rs := a.typesNamed(first); len(rs) == 1 {
		return true, &rs[0], true
	}
	return a.anywhere(first), nil, true
}

func isExported(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

type paragraph struct {
	line int
	text string
}

// paragraphs splits prose at blank lines, list items and table rows,
// joining each one's lines so that a code span may wrap.
func paragraphs(prose []string) []paragraph {
	var out []paragraph
	var cur []string
	start := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, paragraph{start + 1, strings.Join(cur, " ")})
		}
		cur = nil
	}
	for i, l := range prose {
		trimmed := strings.TrimSpace(l)
		switch {
		case trimmed == "":
			flush()
			continue
		case strings.HasPrefix(trimmed, "- "), strings.HasPrefix(trimmed, "|"), strings.HasPrefix(trimmed, "#"):
			flush()
		}
		if len(cur) == 0 {
			start = i
		}
		cur = append(cur, trimmed)
	}
	flush()
	return out
}

// splitSentences cuts a paragraph after each full stop that ends a
// sentence.
func splitSentences(p string) []string {
	var out []string
	for {
		loc := sentences.FindStringIndex(p)
		if loc == nil {
			return append(out, p)
		}
		out = append(out, p[:loc[0]+1])
		p = p[loc[1]-1:]
	}
}
