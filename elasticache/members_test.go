package elasticache

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryMemberClassified checks the generated member table against
// the request types: every member of every operation's request is listed
// once, in field order, as a setting, an identifier or a flag, and a
// read-only operation has no settings.
func TestEveryMemberClassified(t *testing.T) {
	for _, name := range Operations() {
		info, ok := LookupOperation(name)
		require.True(t, ok, name)
		req := reflect.ValueOf(newAction(name)).Elem().FieldByName("Request").Type().Elem()
		var fields []string
		for i := range req.NumField() {
			if w := wireTag(req.Field(i)); w != "" {
				fields = append(fields, w)
			}
		}
		var listed []string
		for _, m := range info.Members {
			listed = append(listed, m.Wire)
			assert.Contains(t, []MemberClass{MemberSetting, MemberIdentifier, MemberFlag}, m.Class, "%s.%s is unclassified", name, m.Wire)
			f, ok := req.FieldByName(m.Field)
			if assert.True(t, ok, "%s.%s: no field %s", name, m.Wire, m.Field) {
				assert.Equal(t, m.Wire, wireTag(f), "%s.%s", name, m.Field)
			}
			if info.ReadOnly {
				assert.NotEqual(t, MemberSetting, m.Class, "%s.%s: a read sets nothing", name, m.Wire)
			}
		}
		assert.Equal(t, fields, listed, name)
		if !info.ReadOnly {
			assert.NotEmpty(t, info.subjectType, "%s has no subject type", name)
		}
	}
	assert.Equal(t, "unclassified", MemberClass(0).String())
	assert.Equal(t, "flag", MemberFlag.String())
}
