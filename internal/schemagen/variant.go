package schemagen

import (
	"fmt"
	"strings"

	"github.com/cachetrail/cachetrail/wire"
)

// Variant selects which of the two schemas of a document to build.
type Variant bool

// The two variants. Tolerant accepts what cachetrail's tolerant decoding
// accepts: timestamps in every wire.Layout (numbers too), numbers and
// booleans written as strings, "" for an absent number, boolean or
// timestamp, {} for an empty list, the
// HIDDEN_DUE_TO_SECURITY_REASONS placeholder for a structure or list,
// enum values the model does not list, and members it does not know.
// Strict accepts what AWS documents and the model knows: RFC 3339
// timestamps, JSON numbers and booleans, arrays for lists, listed enum
// values, and no unknown members. Both accept null for any member, as
// cachetrail does in either mode.
const (
	Tolerant Variant = false
	Strict   Variant = true
)

func (v Variant) String() string {
	if v == Strict {
		return "strict"
	}
	return "tolerant"
}

// Custom annotation keywords. Validators ignore them; tools can read them.
const (
	keyTimestamp   = "x-cachetrail-timestamp" // true on timestamp schemas
	keySensitive   = "x-cachetrail-sensitive" // true on members holding secrets
	keySince       = "x-cachetrail-since"     // eventVersion that introduced an envelope member
	keyMaxBytes    = "x-cachetrail-max-bytes" // documented size limit of an envelope member
	keyEmptyObject = "x-cachetrail-empty-list-as-object"
	keyVariant     = "x-cachetrail-variant"
	keyReadOnly    = "x-cachetrail-read-only"
	keyDocURL      = "x-cachetrail-api-reference"
	keyUnwrapped   = "x-cachetrail-unwrapped-member"
	keyFlat        = "x-cachetrail-flat-alternatives" // members whose structure may be responseElements itself
)

// draft is the meta-schema every document declares.
const draft = "https://json-schema.org/draft/2020-12/schema"

// hidden is what CloudTrail writes in place of a value it withholds.
const hidden = "HIDDEN_DUE_TO_SECURITY_REASONS"

// rfc3339Pattern matches the RFC 3339 date-times wire.Time calls standard.
const rfc3339Pattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$`

// Patterns for numbers and booleans written as strings, or "" for an
// absent value; a pattern applies to string values only.
const (
	integerPattern = `^(-?[0-9]+)?$`
	numberPattern  = `^(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)?$`
	boolPattern    = `^(true|false)?$`
)

// timeExamples is one example per accepted timestamp layout.
var timeExamples = map[string]any{
	"RFC3339":        "2014-12-01T22:00:35Z",
	"ISO8601":        "2019-07-03 20:14:09",
	"ISO8601Basic":   "20131102T010628Z",
	"GsonDate":       "Dec 1, 2014 10:16:06 PM",
	"GsonDateComma":  "Dec 1, 2014, 10:16:06 PM",
	"JavaDateString": "Wed Oct 23 14:36:48 UTC 2013",
	"EpochSeconds":   1417471235,
	"EpochMillis":    1417471235000,
}

// Layouts returns the names of the timestamp layouts wire.Time accepts,
// in wire's order.
func Layouts() []string {
	var names []string
	for l := wire.Layout(1); !strings.HasPrefix(l.String(), "layout("); l++ {
		names = append(names, l.String())
	}
	return names
}

// TimeExample returns the example the schemas give for a layout.
func TimeExample(layout string) (any, bool) {
	v, ok := timeExamples[layout]
	return v, ok
}

// timestampDef is the shared definition every timestamp refers to.
func (v Variant) timestampDef() (*Object, error) {
	layouts := Layouts()
	var examples []any
	for _, l := range layouts {
		ex, ok := timeExamples[l]
		if !ok {
			return nil, fmt.Errorf("schemagen: no example for timestamp layout %s", l)
		}
		examples = append(examples, ex)
	}
	if v == Strict {
		return obj(
			"description", "A timestamp in RFC 3339, the form CloudTrail documents, such as 2014-12-01T22:00:35Z.",
			"type", []string{"string", "null"},
			"format", "date-time",
			"pattern", rfc3339Pattern,
			keyTimestamp, true,
		), nil
	}
	return obj(
		"description", "A timestamp. CloudTrail documents RFC 3339; cachetrail also reads the forms older records and some services write: "+
			strings.Join(layouts, ", ")+" (wire.Layout), one example each below. Numbers are epoch seconds or milliseconds.",
		"type", []string{"string", "number", "null"},
		"examples", examples,
		keyTimestamp, true,
	), nil
}

// str, integer, number and boolean return the schemas of scalar members.
func (v Variant) str() *Object { return obj("type", []string{"string", "null"}) }

func (v Variant) integer(bits int) *Object {
	o := obj("type", []string{"integer", "null"})
	if v == Tolerant {
		o = obj("type", []string{"integer", "string", "null"}, "pattern", integerPattern)
	}
	if bits == 32 {
		o.Set("minimum", -1<<31).Set("maximum", 1<<31-1)
	}
	return o
}

func (v Variant) number() *Object {
	if v == Tolerant {
		return obj("type", []string{"number", "string", "null"}, "pattern", numberPattern)
	}
	return obj("type", []string{"number", "null"})
}

func (v Variant) boolean() *Object {
	if v == Tolerant {
		return obj("type", []string{"boolean", "string", "null"}, "pattern", boolPattern)
	}
	return obj("type", []string{"boolean", "null"})
}

// stringBool is a boolean CloudTrail writes as the string "true" or
// "false" (wire.Bool); older records write a JSON boolean.
func (v Variant) stringBool() *Object {
	if v == Tolerant {
		return obj("type", []string{"string", "boolean", "null"}, "pattern", boolPattern)
	}
	return obj("type", []string{"string", "null"}, "enum", []any{"true", "false", nil})
}

// enum is an open set of strings: strict lists the known values; tolerant
// lists them too but accepts any string, since AWS adds values and
// cachetrail keeps unknown ones.
func (v Variant) enum(values []string) *Object {
	vals := make([]any, 0, len(values)+1)
	for _, s := range values {
		vals = append(vals, s)
	}
	if v == Strict {
		return obj("type", []string{"string", "null"}, "enum", append(vals, nil))
	}
	return obj("anyOf", []any{
		obj("enum", vals),
		obj("type", []string{"string", "null"}),
	})
}

// nullableRef refers to a definition; tolerant also takes the HIDDEN
// placeholder in its place.
func (v Variant) structRef(def string) *Object {
	alts := []any{obj("$ref", "#/$defs/"+def), obj("type", "null")}
	if v == Tolerant {
		alts = append(alts, obj("const", hidden))
	}
	return obj("anyOf", alts)
}

// flatRef is structRef for a response with flat alternatives: tolerant
// also takes each alternative's structure itself, which CloudTrail writes
// and decoding reads as a flat-output quirk; strict takes only the
// wrapping object the model documents, as strict decoding does.
func (v Variant) flatRef(def string, alts []string) *Object {
	if v == Strict {
		return v.structRef(def)
	}
	refs := []any{obj("$ref", "#/$defs/"+def)}
	for _, a := range alts {
		refs = append(refs, obj("$ref", "#/$defs/"+a))
	}
	return obj("anyOf", append(refs, obj("type", "null"), obj("const", hidden)))
}

// list is an array of elem; tolerant also takes {} for an empty list and
// the HIDDEN placeholder.
func (v Variant) list(elem *Object) *Object {
	arr := obj("type", "array", "items", elem)
	if v == Strict {
		return obj("anyOf", []any{arr, obj("type", "null")})
	}
	return obj("anyOf", []any{arr, obj("type", "object", "maxProperties", 0), obj("type", "null"), obj("const", hidden)})
}

// object returns an object schema; strict closes it.
func (v Variant) object(desc string, props *Object, required []string) *Object {
	o := obj("description", desc, "type", "object", "properties", props)
	if len(required) > 0 {
		o.Set("required", required)
	}
	if v == Strict {
		o.Set("additionalProperties", false)
	}
	return o
}
