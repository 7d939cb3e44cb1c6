package main

import (
	"encoding/json"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/userid"
)

// StepRecord is the history -json shape of one step: what one call did
// to one resource. Every key is always present; the README documents
// them.
type StepRecord struct {
	Source    string                 `json:"source"`
	Index     int                    `json:"index"`
	EventID   string                 `json:"eventID"`
	EventTime string                 `json:"eventTime"`
	EventName string                 `json:"eventName"`
	Person    string                 `json:"person"`
	Actor     userid.Person          `json:"actor"`
	Resource  Resource               `json:"resource"`
	Kind      elasticache.ChangeKind `json:"kind"`
	Applied   bool                   `json:"applied"`
	ErrorCode *string                `json:"errorCode"`
	Security  string                 `json:"security"` // of the change to the resource itself
	Settings  []SettingRecord        `json:"settings"`
}

// SettingRecord is one setting of a StepRecord. Values are JSON, null
// when unknown (before), removed (after) or not reported (result).
type SettingRecord struct {
	Setting   string                 `json:"setting"`
	Kind      elasticache.ChangeKind `json:"kind"`
	Before    json.RawMessage        `json:"before"`
	After     json.RawMessage        `json:"after"`
	Requested json.RawMessage        `json:"requested"`
	Result    json.RawMessage        `json:"result"`
	Pending   bool                   `json:"pending"`
	Security  string                 `json:"security"`
}

func newStepRecord(it item, st elasticache.Step, settings []elasticache.SettingStep, sec string) StepRecord {
	o := it.ev.Origin()
	r := StepRecord{
		Source:    o.Source,
		Index:     o.Index,
		EventID:   it.ev.EventID,
		EventTime: it.ev.EventTime.String(),
		EventName: it.ev.EventName,
		Person:    st.Person,
		Actor:     Person(it.ev),
		Resource:  Resource{Type: string(st.Resource.Type), ID: st.Resource.ID, ARN: st.Resource.ARN},
		Kind:      st.Kind,
		Applied:   st.Applied,
		Security:  sec,
		Settings:  []SettingRecord{},
	}
	if !st.Applied {
		r.ErrorCode = &it.ev.ErrorCode
	}
	for _, s := range settings {
		r.Settings = append(r.Settings, SettingRecord{
			Setting:   s.Setting,
			Kind:      s.Kind,
			Before:    s.BeforeJSON,
			After:     s.AfterJSON,
			Requested: s.ValueJSON,
			Result:    s.ResultJSON,
			Pending:   s.Pending,
			Security:  s.Security,
		})
	}
	return r
}
