package gen

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDumpModel(t *testing.T) {
	f := newFakeSDK()
	f.m.Operations[0].Input.Members[0].Required = true
	f.m.Enums["AZMode"] = &Enum{Name: "AZMode", Values: []EnumValue{{"AZModeSingleAz", "single-az"}, {"AZModeCrossAz", "cross-az"}}}
	want := []string{
		"enum AZMode cross-az",
		"enum AZMode single-az",
		"member OpInput.Name string required",
		"member OpInput.Tags []Tag",
		"member Tag.Key string",
		"operation Op",
	}
	if diff := cmp.Diff(want, DumpModel(f.m)); diff != "" {
		t.Errorf("DumpModel mismatch (-want +got):\n%s", diff)
	}
}

func TestDiffDumps(t *testing.T) {
	before := []string{
		"# sdk example v1",
		"enum AZMode cross-az",
		"enum AZMode single-az",
		"member OpInput.Name string required",
		"member OpInput.Port int32",
		"member OpInput.Tags []Tag",
		"operation Op",
		"operation Old",
	}
	after := []string{
		"# sdk example v2",
		"enum AZMode single-az",
		"enum AZMode multi-az",
		"member OpInput.Name string",
		"member OpInput.Tags []Tag",
		"member OpInput.Zone AZMode",
		"operation New",
		"operation Op",
	}
	d, err := DiffDumps(before, after)
	require.NoError(t, err)
	want := &ModelDiff{
		OperationsAdded:   []DiffItem{{Name: "New"}},
		OperationsRemoved: []DiffItem{{Name: "Old"}},
		MembersAdded:      []DiffItem{{"OpInput.Zone", "AZMode"}},
		MembersRemoved:    []DiffItem{{"OpInput.Port", "int32"}},
		MembersChanged:    []DiffItem{{"OpInput.Name", "string required → string"}},
		EnumValuesAdded:   []DiffItem{{Name: "AZMode multi-az"}},
		EnumValuesRemoved: []DiffItem{{Name: "AZMode cross-az"}},
	}
	if diff := cmp.Diff(want, d); diff != "" {
		t.Errorf("DiffDumps mismatch (-want +got):\n%s", diff)
	}
	assert.Equal(t, "### Changed\n\n"+
		"- The ElastiCache model follows `example` v2 (was v1).\n"+
		"  - Operations added:\n    - `New`\n"+
		"  - Operations removed:\n    - `Old`\n"+
		"  - Members added:\n    - `OpInput.Zone` (AZMode)\n"+
		"  - Members removed:\n    - `OpInput.Port` (int32)\n"+
		"  - Members changed:\n    - `OpInput.Name` (string required → string)\n"+
		"  - Enum values added:\n    - `AZMode multi-az`\n"+
		"  - Enum values removed:\n    - `AZMode cross-az`\n",
		d.Markdown("example", "v1", "v2"))

	same, err := DiffDumps(before, before)
	require.NoError(t, err)
	assert.True(t, same.Empty())
	assert.Contains(t, same.Markdown("example", "v1", "v1"), "No operation, member or enum value was added, removed or changed.")

	for _, bad := range [][]string{{"operation"}, {"field X.Y string"}, {"operation Op", "operation Op"}} {
		_, err := DiffDumps(bad, after)
		assert.Error(t, err, "%q", bad)
	}
}
