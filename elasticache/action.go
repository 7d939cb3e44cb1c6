package elasticache

import (
	"github.com/cachetrail/cachetrail/event"
	"github.com/cachetrail/cachetrail/internal/jsonx"
	"github.com/cachetrail/cachetrail/wire"
)

// Action is one ElastiCache call recorded by CloudTrail, decoded: a
// pointer to the action type named after the operation, such as
// *CreateCacheCluster, with the record in Event and the typed
// requestParameters and responseElements in Request and Response; or
// *Unrecognized for an eventName this version does not model.
//
// Use a type switch to reach the typed fields. Only this package
// implements Action.
type Action interface {
	// Operation returns the API operation's name, such as "CreateCacheCluster".
	Operation() string
	// Resources returns the ElastiCache resources the call names.
	Resources() []Resource
	// Quirks returns the departures forgiven while decoding the payloads.
	Quirks() []wire.Quirk
	// Unmodeled returns the payload members whose names the model does not
	// know. Values of the wrong type for a known member are not listed: they
	// are reported as errors, or as kept-raw quirks, and stay in Unknown.
	Unmodeled() []Unmodeled

	// The generated code implements these for each operation; the contract:
	// decodeRequest/decodeResponse decode requestParameters/responseElements
	// (an object) into a new Request/Response, through jsonx.StructPtr, and
	// return its status; encodeRequest/encodeResponse write them and report
	// false when they are nil; setEvent sets the Event field; meta is
	// embedded in every action type.
	setEvent(ev *event.Event)
	decodeRequest(d *jsonx.Decoder) jsonx.Status
	decodeResponse(d *jsonx.Decoder) jsonx.Status
	encodeRequest(e *jsonx.Encoder) bool
	encodeResponse(e *jsonx.Encoder) bool
	info() *meta
}

// meta is embedded in every action type: what decoding found besides the
// typed values.
type meta struct {
	ev     *event.Event
	quirks []wire.Quirk
	self   Action      // the action, whose typed payloads Unmodeled walks
	raw    []Unmodeled // the payloads an Unrecognized action skipped
}

func (m *meta) info() *meta { return m }

// Quirks returns the departures forgiven while decoding the payloads, such
// as "cacheNodeIdsToReboot":{} read as an empty list.
func (m *meta) Quirks() []wire.Quirk { return m.quirks }
