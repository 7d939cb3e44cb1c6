package gen

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLowerInitialism(t *testing.T) {
	for in, want := range map[string]string{
		"Event":               "event",
		"TLSDetails":          "tlsDetails",
		"WebIDFederationData": "webIDFederationData",
		"ID":                  "id",
	} {
		assert.Equal(t, want, lowerInitialism(in), in)
	}
}

// TestCodecCheck checks that the generator refuses tables that disagree
// with the struct they describe.
func TestCodecCheck(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\ntype T struct {\n\tA string `json:\"a\"`\n\tB *bool `json:\"b,omitempty\"`\n\tUnknown []byte `json:\"-\"`\n}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "t.go"), []byte(src), 0o600))
	pkg := func(ms ...CodecMember) *CodecPackage {
		return &CodecPackage{Name: "p", Sources: []string{"t.go"}, Structs: []CodecStruct{{Name: "T", Members: ms}}}
	}
	a := CodecMember{Go: "A", Wire: "a", Type: "string"}
	b := CodecMember{Go: "B", Wire: "b", Type: "*bool"}

	files, err := pkg(a, b).CodecFiles(dir)
	require.NoError(t, err)
	assert.Contains(t, string(files["zz_generated_codecs.go"]), "jsonx.StrBit(d, &t.A, &t.present, tHasA)")

	_, err = pkg(a).CodecFiles(dir)
	assert.ErrorContains(t, err, "p.T.B is not in the table")
	_, err = pkg(a, b, CodecMember{Go: "C", Wire: "c", Type: "string"}).CodecFiles(dir)
	assert.ErrorContains(t, err, "p.T has no JSON member C")
	_, err = pkg(a, CodecMember{Go: "B", Wire: "bee", Type: "*bool"}).CodecFiles(dir)
	assert.ErrorContains(t, err, `p.T.B is *bool "b" in the source, *bool "bee" in the table`)
}
