package gen

import (
	"testing"

	smithy "github.com/aws/smithy-go"
	"github.com/aws/smithy-go/traits"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeSDK is a small model and the schema graph an SDK would publish for
// it: operation Op, input OpInput {Name string; Tags []Tag}, no output.
type fakeSDK struct {
	m   *Model
	ops map[string]*smithy.OperationSchema

	input, tag, str, list *smithy.Schema
}

func newFakeSDK() *fakeSDK {
	tag := &Struct{Name: "Tag", Members: []*Member{{Name: "Key", Type: TypeRef{Kind: KindString}}}}
	in := &Struct{Name: "OpInput", Members: []*Member{
		{Name: "Name", Type: TypeRef{Kind: KindString}},
		{Name: "Tags", Type: TypeRef{Kind: KindList, Elem: &TypeRef{Kind: KindStruct, Name: "Tag"}}},
	}}
	f := &fakeSDK{m: &Model{
		Operations: []*Operation{{Name: "Op", Input: in, Output: &Struct{Name: "OpOutput"}}},
		Structs:    map[string]*Struct{"Tag": tag},
		Enums:      map[string]*Enum{},
	}}
	id := func(name string) smithy.ShapeID { return smithy.ShapeID{Namespace: "test", Name: name} }
	f.str = smithy.NewSchema(id("String"), smithy.ShapeTypeString, 0)
	f.tag = smithy.NewSchema(id("Tag"), smithy.ShapeTypeStructure, 1)
	f.tag.AddMember("Key", f.str)
	f.list = smithy.NewSchema(id("TagList"), smithy.ShapeTypeList, 1)
	f.list.AddMember("member", f.tag, &traits.XMLName{Name: "Tag"})
	f.input = smithy.NewSchema(id("OpMessage"), smithy.ShapeTypeStructure, 2)
	f.input.AddMember("Name", f.str)
	f.input.AddMember("Tags", f.list)
	op := smithy.NewSchema(id("Op"), smithy.ShapeTypeOperation, 0)
	f.ops = map[string]*smithy.OperationSchema{"Op": smithy.NewOperationSchema(op, f.input, nil)}
	return f
}

func TestLoadWireNames(t *testing.T) {
	f := newFakeSDK()
	require.NoError(t, loadWireNames(f.m, f.ops))
	in := f.m.Operations[0].Input
	assert.Equal(t, "Name", in.Member("Name").WireName)
	assert.Equal(t, "Tags", in.Member("Tags").WireName, "the list element's xmlName is not the member's")
	assert.Equal(t, "Key", f.m.Structs["Tag"].Member("Key").WireName)

	// An xmlName trait on the member itself is its wire name.
	f = newFakeSDK()
	f.input.AddMember("Name", f.str, &traits.XMLName{Name: "GivenName"})
	require.NoError(t, loadWireNames(f.m, f.ops))
	assert.Equal(t, "GivenName", f.m.Operations[0].Input.Member("Name").WireName)
}

// TestLoadWireNamesFailures checks that a schema graph that does not match
// the Go API fails with a message naming what was looked for and pointing
// to the upgrade instructions.
func TestLoadWireNamesFailures(t *testing.T) {
	tests := []struct {
		name   string
		change func(f *fakeSDK)
		want   string
	}{
		{"no operation schema", func(f *fakeSDK) { delete(f.ops, "Op") },
			"schemas package: no operation schema for Op"},
		{"no input shape", func(f *fakeSDK) { f.ops["Op"].Input = nil },
			"schemas package: no shape for operation Op input (Go type OpInput)"},
		{"no output shape", func(f *fakeSDK) {
			f.m.Operations[0].Output.Members = []*Member{{Name: "Count", Type: TypeRef{Kind: KindInt32}}}
		}, "schemas package: no shape for operation Op output (Go type OpOutput)"},
		{"member missing", func(f *fakeSDK) {
			f.m.Operations[0].Input.Members = append(f.m.Operations[0].Input.Members, &Member{Name: "Port", Type: TypeRef{Kind: KindInt32}})
		}, "schemas package: shape OpMessage (operation Op input, Go type OpInput) has no member Port"},
		{"member without Go field", func(f *fakeSDK) { f.tag.AddMember("Value", f.str) },
			"schemas package: shape Tag (member Tags of shape OpMessage (Go OpInput.Tags) (element)) has a member Value that Go type Tag lacks"},
		{"kind changed", func(f *fakeSDK) {
			f.input.AddMember("Name", smithy.NewSchema(smithy.ShapeID{Name: "Integer"}, smithy.ShapeTypeInteger, 0))
		}, "schemas package: member Name of shape OpMessage (Go OpInput.Name) is string in Go but integer in the schema"},
		{"target renamed", func(f *fakeSDK) {
			f.m.Operations[0].Input.Members[1].Type.Elem.Name = "Label"
			f.m.Structs["Label"] = f.m.Structs["Tag"]
		},
			"schemas package: member Tags of shape OpMessage (Go OpInput.Tags) (element) targets shape Tag, not Label"},
		{"not a structure", func(f *fakeSDK) { f.ops["Op"].Input = f.list },
			"schemas package: the shape for operation Op input (Go type OpInput) is a list, not a structure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSDK()
			tt.change(f)
			err := loadWireNames(f.m, f.ops)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), `see CONTRIBUTING.md, "Upgrading the SDK"`)
		})
	}
}

// TestOperationSchemas checks that the compiled SDK hands every operation's
// schemas to the recording protocol.
func TestOperationSchemas(t *testing.T) {
	m := loadModel(t)
	ops, err := operationSchemas(m)
	require.NoError(t, err)
	require.Len(t, ops, len(m.Operations))
	cc := ops["CreateCacheCluster"]
	require.NotNil(t, cc)
	assert.Equal(t, "CreateCacheCluster", cc.ID().Name)
	assert.Equal(t, "CreateCacheClusterMessage", cc.Input.ID().Name)
	assert.Equal(t, "CreateCacheClusterResult", cc.Output.ID().Name)

	_, err = operationSchemas(&Model{Operations: []*Operation{{Name: "MakeCoffee"}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Client.MakeCoffee: not an operation method of the compiled SDK")
}
