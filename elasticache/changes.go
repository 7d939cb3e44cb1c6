package elasticache

import (
	"encoding/json"
	"reflect"
	"strings"

	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Change is one thing a call asked to change: a setting of a resource, or
// the resource itself when Setting is empty.
//
// A change never holds a secret: the value of a sensitive setting (such
// as authToken or passwords) is its redaction placeholder, so Change can
// be printed and marshalled as it is.
type Change struct {
	Resource Resource   // as Resources gives it
	Kind     ChangeKind // what the call does to it
	// Setting is the wire path of the setting, such as
	// "transitEncryptionMode", "nodeGroupConfiguration[0].replicaCount" or
	// "tags.team"; it is empty for the resource itself.
	Setting string

	// Value is the requested value, typed as the request's field: a
	// string, bool, int32, int64, float64, wire.Time, an enum type or a
	// slice of one of them. It is nil for the resource itself and for a
	// removed tag, and the placeholder string for a sensitive setting.
	Value any
	// ValueJSON is Value as JSON, redacted; nil when Value is nil.
	ValueJSON json.RawMessage

	// Result is what the response reports for the setting: the returned
	// resource's value, or the pending one (Pending). For the resource
	// itself it is the resource's status. Nil when the response does not
	// say.
	Result     any
	ResultJSON json.RawMessage
	Pending    bool // Result is from pendingModifiedValues: it applies later

	// Security says in a line why the change matters to a security
	// review; empty when it does not.
	Security string
	// Applied is false when the call failed: the change was asked for,
	// not made.
	Applied bool
}

// ChangeKind says what a call does to a resource or setting.
type ChangeKind uint8

// The change kinds.
const (
	// ChangeCreate: the call creates the resource; a setting is part of
	// its initial configuration.
	ChangeCreate ChangeKind = iota + 1
	// ChangeSet: the call sets the setting (or adds the tag).
	ChangeSet
	// ChangeUnset: the call removes the setting (a tag).
	ChangeUnset
	// ChangeDelete: the call deletes the resource; a setting is an option
	// of the deletion, such as finalSnapshotIdentifier.
	ChangeDelete
	// ChangeInvoke: the call acts on the resource without setting
	// anything, such as RebootCacheCluster.
	ChangeInvoke
)

var changeKindNames = [...]string{ChangeCreate: "create", ChangeSet: "set", ChangeUnset: "unset", ChangeDelete: "delete", ChangeInvoke: "invoke"}

// String returns "create", "set", "unset", "delete" or "invoke".
func (k ChangeKind) String() string {
	if int(k) < len(changeKindNames) && changeKindNames[k] != "" {
		return changeKindNames[k]
	}
	return "unknown"
}

// MarshalText writes the kind's name.
func (k ChangeKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Changes returns what the action asked to change, in request order: for
// a create the resource and its initial configuration, for a delete the
// resource and the deletion's options (a final snapshot), for a tag call
// the tags added or removed, for any other mutating call the settings it
// sets (or the resource alone, when it sets none). Read-only and
// unrecognized actions change nothing: Changes returns nil. A failed
// call's changes are marked not applied.
func Changes(a Action) []Change {
	if a == nil || reflect.ValueOf(a).IsNil() {
		return nil
	}
	info, ok := LookupOperation(a.Operation())
	if !ok || info.ReadOnly {
		return nil
	}
	act := reflect.ValueOf(a).Elem()
	b := changeBuilder{
		info:    &info,
		ev:      a.info().ev,
		kind:    operationKind(info.Name),
		req:     structOf(act.FieldByName("Request")),
		resp:    structOf(act.FieldByName("Response")),
		applied: true,
	}
	if b.ev != nil && b.ev.Failed() {
		b.applied = false
	}
	if b.resp.IsValid() {
		b.pending = structOf(fieldByWire(b.resp, "pendingModifiedValues"))
	}
	subjects := b.subjects(a)
	if len(subjects) == 0 {
		return nil
	}
	// A batch call applies the same request to every resource it names:
	// its changes are built once and copied, so a caller's long id list
	// costs a copy per id, not a new expansion (and JSON) of every setting.
	b.resource(subjects[0])
	first := b.out
	for _, r := range subjects[1:] {
		for _, c := range first {
			c.Resource = r
			b.out = append(b.out, c)
		}
	}
	return b.out
}

// operationKind returns what an operation does to its subject.
func operationKind(name string) ChangeKind {
	switch {
	case strings.HasPrefix(name, "Create"), strings.HasPrefix(name, "Copy"), strings.HasPrefix(name, "Purchase"):
		return ChangeCreate
	case strings.HasPrefix(name, "Delete"):
		return ChangeDelete
	case name == "RemoveTagsFromResource":
		return ChangeUnset
	}
	return ChangeSet
}

type changeBuilder struct {
	info                *OperationInfo
	ev                  *event.Event
	kind                ChangeKind
	req, resp, pending  reflect.Value // structs, or invalid when absent
	applied             bool
	out                 []Change
	path                []byte
	security, topMember string // of the member being expanded
}

// subjects returns the resources the call's changes are filed under: the
// ids of its subject member, else the first resource of its subject type,
// else every resource the call names.
func (b *changeBuilder) subjects(a Action) []Resource {
	var rs resourceList
	if b.info.subject != "" && b.req.IsValid() {
		switch v := fieldByWire(b.req, b.info.subject); {
		case !v.IsValid():
		case v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.String:
			rs.add(b.ev, b.info.subjectType, v.Elem().String())
		case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
			for i := range v.Len() {
				rs.add(b.ev, b.info.subjectType, v.Index(i).String())
			}
		}
	}
	if len(rs.list()) > 0 {
		return rs.list()
	}
	all := a.Resources()
	for _, r := range all {
		if r.Type == b.info.subjectType {
			return []Resource{r}
		}
	}
	switch {
	case len(all) > 0 && b.listSubject():
		return all // a batch call names its resources in another list
	case len(all) == 1:
		return all // the call's resource is of another type (a migration to serverless)
	}
	return []Resource{{Type: b.info.subjectType}}
}

// listSubject reports whether the call's subject member is a list of
// ids, as a batch call's is. A call about one resource whose id is
// missing files its changes under its only resource, or under that
// resource, id unknown: never under every resource its settings name (a
// create's security groups), which would copy them all to each.
func (b *changeBuilder) listSubject() bool {
	if b.info.subject == "" || !b.req.IsValid() {
		return true
	}
	v := fieldByWire(b.req, b.info.subject)
	return v.IsValid() && v.Kind() == reflect.Slice
}

// resource appends the changes of one subject resource.
func (b *changeBuilder) resource(r Resource) {
	start := len(b.out)
	if b.kind == ChangeCreate || b.kind == ChangeDelete {
		b.add(Change{Resource: r, Kind: b.kind, Security: b.identifierSecurity()}, "")
	}
	if b.req.IsValid() {
		for _, m := range b.info.Members {
			if m.Class != MemberSetting {
				continue
			}
			v := b.req.FieldByName(m.Field)
			if !v.IsValid() || isAbsent(v) {
				continue
			}
			b.security, b.topMember = m.Security, m.Wire
			b.path = append(b.path[:0], m.Wire...)
			if m.Wire == "tags" || m.Wire == "tagKeys" {
				b.tags(r, v)
				continue
			}
			b.value(r, v, 0)
		}
	}
	if len(b.out) == start {
		b.add(Change{Resource: r, Kind: ChangeInvoke, Security: b.identifierSecurity()}, "")
	}
}

// identifierSecurity returns the security reason of the call's
// identifiers, which a change of the resource itself carries.
func (b *changeBuilder) identifierSecurity() string {
	for _, m := range b.info.Members {
		if m.Class == MemberIdentifier && m.Security != "" {
			return m.Security
		}
	}
	return ""
}

// maxChangeDepth bounds how deep value expands nested structures.
const maxChangeDepth = 8

// value appends the changes of a setting's value at b.path: a leaf for a
// scalar or a list of scalars, a change per member of a structure.
func (b *changeBuilder) value(r Resource, v reflect.Value, depth int) {
	if isAbsent(v) {
		return
	}
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	switch {
	case v.Kind() == reflect.Struct && v.Type() != timeType && depth < maxChangeDepth:
		n := len(b.path)
		t := v.Type()
		for i := range t.NumField() {
			name := wireTag(t.Field(i))
			if name == "" {
				continue
			}
			b.path = jsonx.AppendPathKey(b.path[:n], name)
			b.value(r, v.Field(i), depth+1)
		}
		b.path = b.path[:n]
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Struct && v.Type().Elem() != timeType && depth < maxChangeDepth:
		n := len(b.path)
		for i := range v.Len() {
			b.path = jsonx.AppendPathIndex(b.path[:n], i)
			b.value(r, v.Index(i), depth+1)
		}
		b.path = b.path[:n]
	default:
		c := Change{Resource: r, Kind: b.kind, Value: v.Interface(), Security: b.security}
		if string(b.path) == b.topMember {
			b.result(&c)
		}
		b.add(c, string(b.path))
	}
}

// tags appends a change per tag added (tags) or removed (tagKeys), with
// the setting "tags.KEY".
func (b *changeBuilder) tags(r Resource, v reflect.Value) {
	for i := range v.Len() {
		e := v.Index(i)
		var key string
		var val any
		if e.Kind() == reflect.String {
			key = e.String()
		} else if t, ok := e.Interface().(Tag); ok {
			key = t.GetKey()
			if t.Value != nil {
				val = *t.Value
			}
		}
		b.add(Change{Resource: r, Kind: b.kind, Value: val, Security: b.security}, string(jsonx.AppendPathKey([]byte("tags"), key)))
	}
}

// add completes c with its setting, JSON forms and outcome, redacting a
// sensitive value, and appends it.
func (b *changeBuilder) add(c Change, setting string) {
	c.Setting = setting
	c.Applied = b.applied
	if setting == "" && b.resp.IsValid() {
		for _, name := range statusMembers {
			if s := fieldByWire(b.resp, name); s.IsValid() && !isAbsent(s) {
				c.Result = s.Elem().Interface()
				break
			}
		}
	}
	sensitive := setting != "" && wire.SensitivePath(setting)
	c.Value, c.ValueJSON = jsonValue(c.Value, sensitive)
	if c.ResultJSON == nil {
		c.Result, c.ResultJSON = jsonValue(c.Result, sensitive)
	}
	b.out = append(b.out, c)
}

// statusMembers are the response members that give a resource's status.
var statusMembers = []string{"status", "cacheClusterStatus", "snapshotStatus", "cacheSecurityGroupStatus"}

// resultMembers maps request settings to the response member reporting
// them where the names differ.
var resultMembers = map[string]string{
	"replicationGroupDescription": "description",
	"multiAZEnabled":              "multiAZ",
	"automaticFailoverEnabled":    "automaticFailover",
	"securityGroupIds":            "securityGroups",
	"cacheSecurityGroupNames":     "cacheSecurityGroups",
	"cacheParameterGroupName":     "cacheParameterGroup",
	"userGroupIdsToAdd":           "userGroupIds",
	"userGroupIdsToRemove":        "userGroupIds",
	"userIdsToAdd":                "userIds",
	"userIdsToRemove":             "userIds",
	"authToken":                   "authTokenEnabled",
	"subnetIds":                   "subnets",
}

// result sets what the response reports for a top-level setting: its
// pending value, else the returned resource's.
func (b *changeBuilder) result(c *Change) {
	name := b.topMember
	for _, s := range []string{name, resultMembers[name]} {
		if s == "" {
			continue
		}
		if b.pending.IsValid() {
			if v := fieldByWire(b.pending, s); v.IsValid() && !isAbsent(v) {
				c.Result, c.ResultJSON = jsonValue(derefScalar(v), wire.SensitiveName(s))
				c.Pending = true
				return
			}
		}
		if b.resp.IsValid() {
			if v := fieldByWire(b.resp, s); v.IsValid() && !isAbsent(v) {
				c.Result, c.ResultJSON = jsonValue(derefScalar(v), wire.SensitiveName(s))
				return
			}
		}
	}
}

// jsonValue returns v and its JSON, or the redaction placeholder of both
// when sensitive.
func jsonValue(v any, sensitive bool) (any, json.RawMessage) {
	if v == nil {
		return nil, nil
	}
	data, err := json.Marshal(v)
	if err != nil {
		data = []byte("null")
	}
	if sensitive {
		data = []byte(wire.RedactedKind(data))
		var s any
		_ = json.Unmarshal(data, &s)
		return s, data
	}
	return v, data
}

var timeType = reflect.TypeFor[wire.Time]()

// structOf returns the struct a pointer field points to, or an invalid
// value.
func structOf(v reflect.Value) reflect.Value {
	if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return reflect.Value{}
	}
	return v.Elem()
}

// isAbsent reports whether a field holds no value: a nil pointer or slice.
func isAbsent(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// derefScalar returns a field's value: the pointed-to scalar, or the
// pointer to a structure (whose MarshalJSON has a pointer receiver).
func derefScalar(v reflect.Value) any {
	if v.Kind() == reflect.Pointer && v.Elem().Kind() != reflect.Struct || v.Kind() == reflect.Pointer && v.Elem().Type() == timeType {
		return v.Elem().Interface()
	}
	return v.Interface()
}

// wireTag returns the JSON member name of a generated struct's field, or
// "" for fields that are not members (Unknown, unexported ones).
func wireTag(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// fieldByWire returns the field of struct s whose JSON member name is
// name, or an invalid value.
func fieldByWire(s reflect.Value, name string) reflect.Value {
	t := s.Type()
	for i := range t.NumField() {
		if wireTag(t.Field(i)) == name {
			return s.Field(i)
		}
	}
	return reflect.Value{}
}
