package elasticache

import (
	"reflect"
	"testing"

	"github.com/cachetrail/cachetrail/wire"
	"github.com/stretchr/testify/assert"
)

// TestHoldsMembers: the walk of Unmodeled enters a field only if its type
// can hold a wire.Members, at any depth, through pointers, slices, arrays,
// interfaces and cycles of types.
func TestHoldsMembers(t *testing.T) {
	type leaf struct {
		Name string
		At   wire.Time
	}
	type withMembers struct{ Unknown wire.Members }
	type cycleA struct {
		Next *cycleA
		Name string
	}
	type cycleB struct {
		Self    []*cycleB
		Unknown wire.Members
	}
	type deep struct{ Items [2][]*withMembers }
	type hidden struct {
		unknown wire.Members
	}
	_ = hidden{}.unknown
	for _, c := range []struct {
		v    any
		want bool
	}{
		{"", false},
		{leaf{}, false},
		{withMembers{}, true},
		{&withMembers{}, true},
		{[]withMembers{}, true},
		{cycleA{}, false},
		{cycleB{}, true},
		{deep{}, true},
		{hidden{}, false}, // unexported: the walk cannot read it
		{struct{ Any any }{}, true},
		{wire.Members{}, true},
		{CreateCacheClusterRequest{}, true},
	} {
		assert.Equal(t, c.want, holdsMembers(reflect.TypeOf(c.v)), "%T", c.v)
	}
}
