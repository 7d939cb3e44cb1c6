package elasticache

import (
	"encoding/json"
	"reflect"
	"time"

	"github.com/cachetrail/cachetrail/wire"
)

// History folds a stream of actions into each resource's timeline: Add
// returns the steps an action adds, each setting with the value it had
// before, when an earlier action showed it (a create, a describe
// response, an earlier change), and after.
//
// History keeps only the last known settings of each live resource, so
// its memory grows with the number of resources, not of actions; callers
// keep the steps they want. The zero value is ready to use. A History is
// not safe for concurrent use.
type History struct {
	states map[resourceKey]map[string]knownValue
}

type resourceKey struct {
	t  ResourceType
	id string
}

// knownValue is a setting's last known value and its JSON, redacted.
type knownValue struct {
	v    any
	json json.RawMessage
}

// Step is what one action did to one resource.
type Step struct {
	Time      time.Time
	Person    string // the identity's most specific human name: UserIdentity.Person().Name
	Operation string
	Resource  Resource
	Kind      ChangeKind // create, set, unset, delete or invoke
	Applied   bool       // false when the call failed
	ErrorCode string     // the failed call's errorCode
	Settings  []SettingStep
}

// SettingStep is one setting a step changed, with its value before and
// after. Before is nil (HasBefore false) when no earlier action showed
// it. After is the requested value when the call was applied, else
// Before: a failed call changes nothing.
type SettingStep struct {
	Change
	HasBefore             bool
	Before, After         any
	BeforeJSON, AfterJSON json.RawMessage
}

// Add folds a into the history and returns the steps it adds, one per
// resource it changes, in the order Changes lists them. A read-only
// action adds none but teaches the history the settings its response
// shows.
func (h *History) Add(a Action) []Step {
	if a == nil || reflect.ValueOf(a).IsNil() {
		return nil
	}
	if h.states == nil {
		h.states = map[resourceKey]map[string]knownValue{}
	}
	ev := a.info().ev
	changes := Changes(a)
	var steps []Step
	for i := 0; i < len(changes); {
		r := changes[i].Resource
		st := Step{Operation: a.Operation(), Resource: r, Kind: changes[i].Kind, Applied: changes[i].Applied}
		if ev != nil {
			st.Time = ev.EventTime.Time()
			st.Person = ev.UserIdentity.Person().Name
			st.ErrorCode = ev.ErrorCode
		}
		key := resourceKey{r.Type, r.ID}
		state := h.states[key]
		for ; i < len(changes) && changes[i].Resource == r; i++ {
			c := changes[i]
			if c.Setting == "" {
				continue
			}
			s := SettingStep{Change: c}
			if k, ok := lookupKnown(state, c.Setting); ok {
				s.HasBefore, s.Before, s.BeforeJSON = true, k.v, k.json
			}
			s.After, s.AfterJSON = s.Before, s.BeforeJSON
			if c.Applied {
				s.After, s.AfterJSON = c.Value, c.ValueJSON
				if c.Kind == ChangeUnset {
					s.After, s.AfterJSON = nil, nil
				}
			}
			st.Settings = append(st.Settings, s)
		}
		if st.Applied {
			h.apply(key, &st)
		}
		steps = append(steps, st)
	}
	h.learn(a, changes)
	return steps
}

// lookupKnown finds a setting's last known value under its request name
// or the name responses give it.
func lookupKnown(state map[string]knownValue, setting string) (knownValue, bool) {
	if k, ok := state[setting]; ok {
		return k, true
	}
	if alias := beforeMembers[setting]; alias != "" {
		k, ok := state[alias]
		return k, ok
	}
	return knownValue{}, false
}

// beforeMembers maps request settings to the response member that shows
// the same setting under another name.
var beforeMembers = map[string]string{
	"replicationGroupDescription": "description",
	"multiAZEnabled":              "multiAZ",
	"automaticFailoverEnabled":    "automaticFailover",
}

// apply records an applied step's values, or forgets a deleted resource.
func (h *History) apply(key resourceKey, st *Step) {
	if st.Kind == ChangeDelete {
		delete(h.states, key)
		return
	}
	state := h.states[key]
	if state == nil {
		state = map[string]knownValue{}
		h.states[key] = state
	}
	for _, s := range st.Settings {
		if s.Kind == ChangeUnset {
			delete(state, s.Setting)
			continue
		}
		state[s.Setting] = knownValue{s.After, s.AfterJSON}
		if alias := beforeMembers[s.Setting]; alias != "" {
			delete(state, alias) // the response's name would shadow nothing newer
		}
	}
}

// ownerMembers name the member that identifies each resource structure
// a response can carry.
var ownerMembers = map[reflect.Type]struct {
	wire string
	t    ResourceType
}{
	reflect.TypeFor[ReplicationGroup]():        {"replicationGroupId", ResourceTypeReplicationGroup},
	reflect.TypeFor[CacheCluster]():            {"cacheClusterId", ResourceTypeCacheCluster},
	reflect.TypeFor[GlobalReplicationGroup]():  {"globalReplicationGroupId", ResourceTypeGlobalReplicationGroup},
	reflect.TypeFor[ServerlessCache]():         {"serverlessCacheName", ResourceTypeServerlessCache},
	reflect.TypeFor[Snapshot]():                {"snapshotName", ResourceTypeSnapshot},
	reflect.TypeFor[ServerlessCacheSnapshot](): {"serverlessCacheSnapshotName", ResourceTypeServerlessCacheSnapshot},
	reflect.TypeFor[User]():                    {"userId", ResourceTypeUser},
	reflect.TypeFor[UserGroup]():               {"userGroupId", ResourceTypeUserGroup},
	reflect.TypeFor[CacheParameterGroup]():     {"cacheParameterGroupName", ResourceTypeCacheParameterGroup},
	reflect.TypeFor[CacheSubnetGroup]():        {"cacheSubnetGroupName", ResourceTypeCacheSubnetGroup},
	reflect.TypeFor[CacheSecurityGroup]():      {"cacheSecurityGroupName", ResourceTypeCacheSecurityGroup},
}

// learn records the settings the response shows of the resources it
// returns: the structure itself, or the lists of a describe response.
// Settings the call itself set keep the requested value: a response may
// show the old one while the change is pending.
func (h *History) learn(a Action, changes []Change) {
	if a.info().ev != nil && a.info().ev.Failed() {
		return
	}
	resp := structOf(reflect.ValueOf(a).Elem().FieldByName("Response"))
	if !resp.IsValid() {
		return
	}
	set := map[string]bool{}
	for _, c := range changes {
		if c.Kind == ChangeDelete {
			return // the response shows the resource being deleted
		}
		set[c.Setting] = true
	}
	if _, ok := ownerMembers[resp.Type()]; ok {
		h.learnStruct(resp, set)
		return
	}
	t := resp.Type()
	for i := range t.NumField() {
		f := resp.Field(i)
		if f.Kind() != reflect.Slice || wireTag(t.Field(i)) == "" {
			continue
		}
		if _, ok := ownerMembers[f.Type().Elem()]; !ok {
			continue
		}
		for j := range f.Len() {
			h.learnStruct(f.Index(j), set)
		}
	}
}

// learnStruct records the top-level scalar members of a resource
// structure, except those in skip.
func (h *History) learnStruct(s reflect.Value, skip map[string]bool) {
	owner := ownerMembers[s.Type()]
	id := fieldByWire(s, owner.wire)
	if !id.IsValid() || isAbsent(id) || id.Elem().String() == "" {
		return
	}
	key := resourceKey{owner.t, id.Elem().String()}
	state := h.states[key]
	if state == nil {
		state = map[string]knownValue{}
		h.states[key] = state
	}
	t := s.Type()
	for i := range t.NumField() {
		name := wireTag(t.Field(i))
		f := s.Field(i)
		if name == "" || skip[name] || isAbsent(f) || !scalarField(f) {
			continue
		}
		v, js := jsonValue(derefScalar(f), wire.SensitiveName(name))
		state[name] = knownValue{v, js}
	}
}

// scalarField reports whether a field holds a scalar or a list of
// scalars, which a history keeps; structures it does not.
func scalarField(f reflect.Value) bool {
	t := f.Type()
	if t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Kind() != reflect.Struct || t == timeType
}
