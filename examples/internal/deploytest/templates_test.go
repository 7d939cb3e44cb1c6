package deploytest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sdkActions maps the SDK calls the examples may make to the IAM actions
// they need. A call not listed here fails the test, so that a new call
// comes with its permission.
var sdkActions = map[string]string{
	"GetObject": "s3:GetObject",
}

// Actions that the Lambda service, not the code, performs with the
// function's role, by what the template asks of it.
var (
	logActions        = []string{"logs:CreateLogStream", "logs:PutLogEvents"}
	sqsPollerActions  = []string{"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"}
	deadLetterActions = []string{"sqs:SendMessage"}
)

func TestTemplates(t *testing.T) {
	for _, dir := range lambdaDirs {
		t.Run(dir, func(t *testing.T) {
			src := filepath.Join("..", "..", dir)
			tmpl := readTemplate(t, filepath.Join(src, "template.yaml"))
			assert.Equal(t, "AWS::Serverless-2016-10-31", tmpl["Transform"])
			resources := asMap(t, tmpl["Resources"])
			fn := onlyOfType(t, resources, "AWS::Serverless::Function")
			props := asMap(t, fn["Properties"])

			// What the build produces: the README's command, which the
			// copy test runs, writes a linux/arm64 binary named bootstrap.
			assert.Equal(t, binaryName, props["Handler"])
			assert.Equal(t, runtimeName, props["Runtime"])
			assert.Equal(t, []any{buildGOARCH}, props["Architectures"])
			assert.Equal(t, map[string]any{"Fn::GetAtt": []any{"FunctionRole", "Arn"}}, props["Role"],
				"the role is ours, so SAM adds no managed policy")

			calls := sdkCalls(t, src)
			granted, conditional := grantedActions(t, asMap(t, resources["FunctionRole"]))
			want := slices.Clone(logActions)
			for _, c := range calls {
				want = append(want, sdkActions[c])
			}
			events, _ := props["Events"].(map[string]any)
			for _, ev := range events {
				if asMap(t, ev)["Type"] == "SQS" {
					want = append(want, sqsPollerActions...)
					checkSQSTrigger(t, resources, props, asMap(t, asMap(t, ev)["Properties"]))
				}
			}
			if props["DeadLetterQueue"] != nil {
				want = append(want, deadLetterActions...)
			}
			if slices.Contains(calls, "GetObject") {
				checkTrailParameters(t, tmpl, resources)
				assert.Equal(t, []string{"kms:Decrypt"}, conditional,
					"reading an SSE-KMS log file needs kms:Decrypt, only when a key is given")
				want = append(want, "kms:Decrypt")
			} else {
				assert.Empty(t, conditional)
			}
			slices.Sort(want)
			assert.Equal(t, slices.Compact(want), granted, "the role grants exactly what the function does")
		})
	}
}

// sdkCalls returns the SDK operations the example's code calls, by method
// name, from its non-test Go files.
func sdkCalls(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var calls []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok {
				if _, known := sdkActions[sel.Sel.Name]; known && !slices.Contains(calls, sel.Sel.Name) {
					calls = append(calls, sel.Sel.Name)
				}
			}
			return true
		})
	}
	return calls
}

// grantedActions returns the actions of the role's inline policies, sorted,
// and those granted only under a condition (!If). No action may be a
// wildcard, and no resource "*".
func grantedActions(t testing.TB, role map[string]any) (granted, conditional []string) {
	t.Helper()
	props := asMap(t, role["Properties"])
	assert.Nil(t, props["ManagedPolicyArns"], "managed policies grant more than the code calls")
	var add func(stmt any, cond bool)
	add = func(stmt any, cond bool) {
		m := asMap(t, stmt)
		if branches, ok := m["Fn::If"].([]any); ok {
			require.Len(t, branches, 3)
			for _, b := range branches[1:] {
				if bm, ok := b.(map[string]any); ok && bm["Ref"] == "AWS::NoValue" {
					continue
				}
				add(b, true)
			}
			return
		}
		assert.Equal(t, "Allow", m["Effect"])
		assert.NotEqual(t, "*", m["Resource"], "statement %v", m)
		for _, a := range stringList(m["Action"]) {
			assert.NotContains(t, a, "*", "wildcard action")
			granted = append(granted, a)
			if cond {
				conditional = append(conditional, a)
			}
		}
	}
	for _, p := range props["Policies"].([]any) {
		doc := asMap(t, asMap(t, p)["PolicyDocument"])
		for _, stmt := range doc["Statement"].([]any) {
			add(stmt, false)
		}
	}
	slices.Sort(granted)
	return granted, conditional
}

// checkTrailParameters checks that the template takes the trail's bucket
// and prefix and grants s3:GetObject under that prefix only.
func checkTrailParameters(t testing.TB, tmpl, resources map[string]any) {
	t.Helper()
	params := asMap(t, tmpl["Parameters"])
	for _, p := range []string{"TrailBucket", "TrailPrefix", "TrailKmsKeyArn"} {
		assert.Contains(t, params, p)
	}
	role := asMap(t, asMap(t, resources["FunctionRole"])["Properties"])
	found := false
	for _, p := range role["Policies"].([]any) {
		for _, stmt := range asMap(t, asMap(t, p)["PolicyDocument"])["Statement"].([]any) {
			m := asMap(t, stmt)
			if slices.Contains(stringList(m["Action"]), "s3:GetObject") {
				found = true
				assert.Equal(t, map[string]any{"Fn::Sub": "arn:${AWS::Partition}:s3:::${TrailBucket}/${TrailPrefix}*"}, m["Resource"])
			}
		}
	}
	assert.True(t, found, "s3:GetObject granted")
}

// checkSQSTrigger checks the queue: a dead-letter queue, a visibility
// timeout above the function's timeout, and partial batch responses on.
func checkSQSTrigger(t testing.TB, resources, fn, event map[string]any) {
	t.Helper()
	assert.Equal(t, []any{"ReportBatchItemFailures"}, event["FunctionResponseTypes"])
	ref := asMap(t, event["Queue"])["Fn::GetAtt"].([]any)
	queue := asMap(t, asMap(t, resources[ref[0].(string)])["Properties"])
	assert.Greater(t, queue["VisibilityTimeout"], fn["Timeout"])
	redrive := asMap(t, queue["RedrivePolicy"])
	assert.NotNil(t, redrive["deadLetterTargetArn"])
	assert.Positive(t, redrive["maxReceiveCount"])
	assert.Equal(t, "sqs", asMap(t, asMap(t, fn["Environment"])["Variables"])["CACHETRAIL_TRIGGER"])
}

func onlyOfType(t testing.TB, resources map[string]any, typ string) map[string]any {
	t.Helper()
	var found []map[string]any
	for _, r := range resources {
		if m := asMap(t, r); m["Type"] == typ {
			found = append(found, m)
		}
	}
	require.Len(t, found, 1, "resources of type %s", typ)
	return found[0]
}

func asMap(t testing.TB, v any) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	require.True(t, ok, "want a mapping, got %T %v", v, v)
	return m
}

// stringList reads an Action: one string or a list of them.
func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			s, _ := e.(string)
			out = append(out, s)
		}
		return out
	}
	return nil
}

func writeFile(t testing.TB, path, text string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
}
