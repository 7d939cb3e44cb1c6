package gen

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFloatText(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "fixedPriceText", floatText("FixedPrice"))
	assert.Equal(t, "s.fixedPriceText", floatText("s.FixedPrice"))
	assert.Equal(t, "c.Response.usagePriceText", floatText("c.Response.UsagePrice"))
}
