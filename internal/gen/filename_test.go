package gen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckFileName(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"zz_generated_create_cache_cluster.go", true},
		{"zz_generated_test_failover.go", true},
		{"zz_generated_linuxish.go", true},
		{"zz_generated_ops.go", true},
		{"zz_generated_x_test.go", false},
		{"zz_generated_x_linux.go", false},
		{"zz_generated_x_windows.go", false},
		{"zz_generated_x_wasip1.go", false},
		{"zz_generated_x_amd64.go", false},
		{"zz_generated_x_386.go", false},
		{"zz_generated_x_linux_arm64.go", false},
		{"zz_generated_x.txt", false},
		{".go", false},
		{"_zz.go", false},
		{".zz.go", false},
		{"dir/zz.go", false},
	}
	for _, tt := range tests {
		err := CheckFileName(tt.name)
		if tt.ok {
			assert.NoError(t, err, tt.name)
		} else {
			assert.Error(t, err, tt.name)
		}
	}
	for os := range knownOS {
		assert.Error(t, CheckFileName("zz_"+os+".go"), os)
	}
	for arch := range knownArch {
		assert.Error(t, CheckFileName("zz_"+arch+".go"), arch)
	}
}
