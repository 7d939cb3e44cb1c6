package deploytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadTemplateTags(t *testing.T) {
	path := t.TempDir() + "/t.yaml"
	writeFile(t, path, `A: !Ref Bucket
B: !Sub "arn:${AWS::Partition}:s3:::${Bucket}"
C: !GetAtt Queue.Arn
D: !If [Encrypted, {Action: kms:Decrypt}, !Ref AWS::NoValue]
E: !Not [!Equals [!Ref Key, ""]]
F: [1, two]
`)
	got := readTemplate(t, path)
	assert.Equal(t, map[string]any{
		"A": map[string]any{"Ref": "Bucket"},
		"B": map[string]any{"Fn::Sub": "arn:${AWS::Partition}:s3:::${Bucket}"},
		"C": map[string]any{"Fn::GetAtt": []any{"Queue", "Arn"}},
		"D": map[string]any{"Fn::If": []any{"Encrypted", map[string]any{"Action": "kms:Decrypt"}, map[string]any{"Ref": "AWS::NoValue"}}},
		"E": map[string]any{"Fn::Not": []any{map[string]any{"Fn::Equals": []any{map[string]any{"Ref": "Key"}, ""}}}},
		"F": []any{1, "two"},
	}, got)

	writeFile(t, path, "A: !Bogus x\n")
	_, err := plainFile(path)
	require.ErrorContains(t, err, "unknown tag !Bogus")
}
