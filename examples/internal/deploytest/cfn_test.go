package deploytest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// readTemplate parses a CloudFormation template in YAML into plain Go
// values, with the short intrinsic tags (!Ref, !Sub, !GetAtt, !If, ...)
// turned into their long forms ({"Ref": ...}, {"Fn::Sub": ...}), which
// yaml.v3 does not know.
func readTemplate(t testing.TB, path string) map[string]any {
	t.Helper()
	v, err := plainFile(path)
	require.NoError(t, err)
	m, ok := v.(map[string]any)
	require.True(t, ok, "%s: not a mapping", path)
	return m
}

// plainFile reads a YAML file into plain Go values.
func plainFile(path string) (any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return plain(&doc)
}

// plain converts a node, resolving short intrinsic tags.
func plain(n *yaml.Node) (any, error) {
	switch n.Kind {
	case yaml.DocumentNode:
		return plain(n.Content[0])
	case yaml.AliasNode:
		return plain(n.Alias)
	}
	if fn, ok := strings.CutPrefix(n.Tag, "!"); ok && !strings.HasPrefix(fn, "!") { // !!str is YAML's own
		return intrinsic(fn, n)
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i < len(n.Content); i += 2 {
			v, err := plain(n.Content[i+1])
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := plain(c)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	}
	var v any
	err := n.Decode(&v)
	return v, err
}

// intrinsic converts !Fn value to {"Fn::Fn": value}, or {"Ref": value}.
func intrinsic(fn string, n *yaml.Node) (any, error) {
	inner := *n
	inner.Tag = ""
	if n.Kind == yaml.ScalarNode {
		inner.Tag = "!!str"
	}
	v, err := plain(&inner)
	if err != nil {
		return nil, err
	}
	switch fn {
	case "Ref", "Condition":
		return map[string]any{fn: v}, nil
	case "GetAtt":
		if s, ok := v.(string); ok { // !GetAtt Queue.Arn
			res, attr, _ := strings.Cut(s, ".")
			v = []any{res, attr}
		}
	case "Sub", "If", "Not", "Equals", "And", "Or", "Join", "Select", "Split",
		"FindInMap", "GetAZs", "ImportValue", "Base64", "Cidr":
	default:
		return nil, fmt.Errorf("line %d: unknown tag !%s", n.Line, fn)
	}
	return map[string]any{"Fn::" + fn: v}, nil
}
