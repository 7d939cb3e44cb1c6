package schemagen

import (
	"fmt"
	"strings"

	"github.com/cachetrail/cachetrail/internal/gen"
)

// eventSource is the eventSource of every ElastiCache record.
const eventSource = "elasticache.amazonaws.com"

// actionBuilder collects the definitions one operation's document needs.
type actionBuilder struct {
	v    Variant
	defs *Object
	errs []string
}

// Action returns the schema document of one operation: an object schema
// for a whole record of that operation that constrains eventName,
// requestParameters and responseElements and leaves the other members to
// the record schema.
func Action(op *gen.Op, v Variant) ([]byte, error) {
	b := &actionBuilder{v: v, defs: obj()}
	ts, err := v.timestampDef()
	if err != nil {
		return nil, err
	}
	b.defs.Set("timestamp", ts)

	b.define(op.Request)
	resp := op.Response
	respDesc := "The call's responseElements: a " + op.ResponseType() + "."
	if op.Unwrapped != nil {
		resp = op.Unwrapped.Type.Shape
		respDesc = "The call's responseElements: the API output's " + op.Unwrapped.Wire + " member itself, a " +
			resp.Name + ", not an object wrapping it."
	}
	b.define(resp)
	respSchema := v.structRef(resp.Name)
	var flat, flatTypes []string
	for _, f := range resp.Flat {
		b.define(f.Type.Shape)
		flat = append(flat, f.Wire)
		flatTypes = append(flatTypes, f.Type.Name)
	}
	if len(flat) > 0 {
		respSchema = v.flatRef(resp.Name, flatTypes)
		if v == Strict {
			respDesc += " CloudTrail may write the " + strings.Join(flatTypes, " or ") + " itself instead (a flat-output quirk): the tolerant schema takes it, this one does not."
		} else {
			respDesc += " Or, as CloudTrail writes it, the " + strings.Join(flatTypes, " or ") + " itself (a flat-output quirk), told apart by member names."
		}
	}
	if len(b.errs) > 0 {
		return nil, fmt.Errorf("schemagen: %s: %s", op.Name, strings.Join(b.errs, "; "))
	}

	props := obj(
		"eventSource", obj("const", eventSource),
		"eventName", obj("const", op.Name),
		"requestParameters", prepend(obj("description", "The call's requestParameters: a "+op.Request.Name+"; null when the call had none."),
			v.structRef(op.Request.Name)),
		"responseElements", prepend(obj("description", respDesc+" null for failed calls and often for reads."), respSchema),
	)
	doc := obj(
		"$schema", draft,
		"title", "ElastiCache "+op.Name+" ("+v.String()+")",
		"description", "The requestParameters and responseElements of a CloudTrail record of the ElastiCache "+op.Name+
			" call; validate the whole record, whose other members record.schema.json describes. "+variantNote(v)+
			" API reference: "+op.DocURL,
		keyVariant, v.String(),
		keyDocURL, op.DocURL,
		keyReadOnly, op.ReadOnly,
	)
	if op.Unwrapped != nil {
		doc.Set(keyUnwrapped, op.Unwrapped.Wire)
	}
	if len(flat) > 0 {
		doc.Set(keyFlat, flat)
	}
	doc.Set("type", "object").Set("properties", props).Set("required", []string{"eventName"}).Set("$defs", b.defs)
	return document(doc)
}

// define adds the definition of a generated struct and of every struct it
// reaches, once each.
func (b *actionBuilder) define(s *gen.Shape) {
	if b.defs.Get(s.Name) != nil {
		return
	}
	b.defs.Set(s.Name, obj()) // placeholder against recursion
	var desc string
	switch s.Role {
	case gen.RoleRequest:
		desc = "The requestParameters of a " + s.Op.Name + " call. API reference: " + s.Op.DocURL
	case gen.RoleResponse:
		desc = "The responseElements of a " + s.Op.Name + " call. API reference: " + s.Op.DocURL
	default:
		desc = "The " + s.SDK.Name + " structure of the ElastiCache API (Go type elasticache." + s.Name + ")."
	}
	props := obj()
	var required []string
	for _, f := range s.Fields {
		props.Set(f.Wire, b.field(s, f))
		if f.Required {
			required = append(required, f.Wire)
		}
	}
	b.defs.Set(s.Name, b.v.object(desc, props, required))
}

// field returns the schema of one member, with its description and
// annotations.
func (b *actionBuilder) field(s *gen.Shape, f *gen.Field) *Object {
	desc := fmt.Sprintf("%s member %s (%s", s.SDK.Name, f.SDK.Name, kindWords(f.Type))
	if f.Required {
		desc += ", required"
	}
	desc += "; Go field " + s.Name + "." + f.Name + ")."
	if f.EmptyListAsObject {
		desc += " CloudTrail has been seen writing {} for an empty list here."
	}
	if f.Sensitive {
		desc += " Sensitive: CloudTrail may hide or redact it; do not print it."
	}
	o := prepend(obj("description", desc), b.typ(f.Type, s.Name+"."+f.Wire))
	if f.EmptyListAsObject {
		o.Set(keyEmptyObject, true)
	}
	if f.Sensitive {
		o.Set(keySensitive, true)
	}
	return o
}

// kindWords names a member type in a description.
func kindWords(t *gen.GoType) string {
	switch t.Kind {
	case gen.KindEnum:
		return "enum " + t.Name
	case gen.KindStruct:
		return "structure " + t.Name
	case gen.KindList:
		return "list of " + kindWords(t.Elem)
	}
	return t.Kind.String()
}

// typ returns the schema of a member of type t.
func (b *actionBuilder) typ(t *gen.GoType, where string) *Object {
	v := b.v
	switch t.Kind {
	case gen.KindString:
		return v.str()
	case gen.KindInt32:
		return v.integer(32)
	case gen.KindInt64:
		return v.integer(64)
	case gen.KindFloat64:
		return v.number()
	case gen.KindBool:
		return v.boolean()
	case gen.KindTime:
		return obj("$ref", "#/$defs/timestamp")
	case gen.KindEnum:
		vals := make([]string, len(t.Enum.Consts))
		for i, c := range t.Enum.Consts {
			vals[i] = c.Value
		}
		return v.enum(vals)
	case gen.KindStruct:
		b.define(t.Shape)
		return v.structRef(t.Shape.Name)
	case gen.KindList:
		return v.list(b.elem(t.Elem, where))
	}
	b.errs = append(b.errs, fmt.Sprintf("%s: no schema for %s", where, t.Kind))
	return obj()
}

// elem returns the schema of a list element, which may not be null.
func (b *actionBuilder) elem(t *gen.GoType, where string) *Object {
	switch t.Kind {
	case gen.KindStruct:
		b.define(t.Shape)
		return obj("$ref", "#/$defs/"+t.Shape.Name)
	case gen.KindTime, gen.KindList:
		b.errs = append(b.errs, fmt.Sprintf("%s: lists of %s are not supported", where, t.Kind))
		return obj()
	}
	return withoutNull(b.typ(t, where))
}
