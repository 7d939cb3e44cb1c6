// Package secrettest finds, by reflection over the generated types, every
// path from an ElastiCache payload to a member the model marks sensitive,
// so that tests in this module and the examples put a secret in each
// rather than in a hand-made list.
package secrettest

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// Path is a sensitive member reached from a payload: its operation,
// whether it is in the request or the response, and the wire names
// leading to it.
type Path struct {
	Op    string
	Part  string // "requestParameters" or "responseElements"
	Steps []Step
}

// Step is one member on a Path.
type Step struct {
	Name string
	List bool // the member is a list of the next structure
}

func (p Path) String() string {
	names := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		names[i] = s.Name
	}
	return p.Op + "/" + p.Part + "." + strings.Join(names, ".")
}

// Leaf returns the sensitive member's wire name.
func (p Path) Leaf() string { return p.Steps[len(p.Steps)-1].Name }

// Payload returns a payload holding members (the text inside braces, such
// as `"authToken":"x"`) in the object that holds the sensitive member.
func (p Path) Payload(members string) string { return Nest(p.Steps[:len(p.Steps)-1], members) }

// Record returns a CloudTrail record of p's operation with the payload in
// p's part and other in the other part.
func (p Path) Record(payload, other string) string {
	req, resp := payload, other
	if p.Part == "responseElements" {
		req, resp = other, payload
	}
	return Record(p.Op, req, resp)
}

// Field names one sensitive field of a generated struct of package
// elasticache.
type Field struct {
	Type  string // Go type name, such as "CreateUserRequest"
	Field string // Go field name, such as "Passwords"
	Wire  string // JSON member name, such as "passwords"
}

// Fields returns the fields whose values are secrets that CloudTrail may
// hide or redact and that tools must not print, as the model marks them
// (generated with package elasticache).
func Fields() []Field { return sensitiveFields[:] }

// Paths returns every path to a member Fields lists, in the request and
// response types of every operation.
func Paths(t testing.TB) []Path {
	t.Helper()
	sensitive := map[[2]string]bool{}
	for _, f := range Fields() {
		sensitive[[2]string{f.Type, f.Field}] = true
	}
	var out []Path
	for _, op := range elasticache.Operations() {
		ev := Event(op, `{}`, `{}`)
		act, _ := elasticache.Decode(ev)
		if act == nil {
			t.Fatalf("%s: an empty record does not decode", op)
		}
		at := reflect.TypeOf(act).Elem()
		for _, part := range []struct{ field, name string }{{"Request", "requestParameters"}, {"Response", "responseElements"}} {
			f, ok := at.FieldByName(part.field)
			if !ok {
				t.Fatalf("%s: no %s field", op, part.field)
			}
			walk(f.Type.Elem(), nil, 0, sensitive, func(steps []Step) {
				out = append(out, Path{Op: op, Part: part.name, Steps: steps})
			})
		}
	}
	return out
}

func walk(st reflect.Type, steps []Step, depth int, sensitive map[[2]string]bool, found func([]Step)) {
	if depth > 6 {
		return
	}
	for i := range st.NumField() {
		f := st.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := append(steps[:len(steps):len(steps)], Step{Name: name})
		if sensitive[[2]string{st.Name(), f.Name}] {
			found(path)
		}
		ft := f.Type
		switch ft.Kind() {
		case reflect.Pointer:
			ft = ft.Elem()
		case reflect.Slice:
			ft = ft.Elem()
			path[len(path)-1].List = true
		}
		if ft.Kind() == reflect.Struct && ft.PkgPath() == reflect.TypeFor[elasticache.Tag]().PkgPath() {
			walk(ft, path, depth+1, sensitive, found)
		}
	}
}

// Nest wraps the members text (without braces) of the innermost object in
// the objects (and lists) of steps.
func Nest(steps []Step, members string) string {
	s := "{" + members + "}"
	for i := len(steps) - 1; i >= 0; i-- {
		v := s
		if steps[i].List {
			v = "[" + s + "]"
		}
		s = `{"` + steps[i].Name + `":` + v + `}`
	}
	return s
}

// Record returns a CloudTrail record of op with the given payloads.
func Record(op, req, resp string) string {
	return `{"eventVersion":"1.09","eventTime":"2024-11-05T10:00:00Z","eventSource":"elasticache.amazonaws.com","eventName":` +
		strconv.Quote(op) + `,"awsRegion":"eu-west-1","recipientAccountId":"123456789012","eventID":"e","requestParameters":` +
		req + `,"responseElements":` + resp + `}`
}

// Event parses Record(op, req, resp); nil when it does not parse.
func Event(op, req, resp string) *event.Event {
	ev, _ := event.Parse([]byte(Record(op, req, resp)))
	return ev
}
