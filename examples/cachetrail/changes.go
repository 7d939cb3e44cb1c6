package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/userid"
)

// changesOutput lists every change each call asked for, one per line:
// tab-separated under a header, for spreadsheets, or a JSON object per
// change, for jq.
type changesOutput struct {
	filter *filter
	tsv    *grid         // nil with -json
	enc    *json.Encoder // nil without -json
	stderr io.Writer
}

func newChangesOutput(stdout, stderr io.Writer, f *filter, asJSON bool) *changesOutput {
	o := &changesOutput{filter: f, stderr: stderr}
	if asJSON {
		o.enc = newEncoder(stdout)
	} else {
		o.tsv = newTSV(stdout, "TIME", "PERSON", "ACTION", "RESOURCE", "KIND", "SETTING", "VALUE", "RESULT", "OUTCOME", "SECURITY")
	}
	return o
}

func (o *changesOutput) item(it item) {
	for _, err := range it.errs {
		o.error(err)
	}
	if it.ev == nil {
		return
	}
	person := it.ev.UserIdentity.Person().Name
	for _, c := range elasticache.Changes(it.act) {
		if !o.filter.keepResource(c.Resource) || (o.filter.risky && c.Security == "") {
			continue
		}
		if o.enc != nil {
			if err := o.enc.Encode(newChangeRecord(it, person, c)); err != nil {
				o.error(fmt.Errorf("encode: %w", err))
			}
			continue
		}
		result := string(c.ResultJSON)
		if c.Pending && result != "" {
			result = "pending " + result
		}
		o.tsv.add(it.ev.EventTime.String(), person, it.act.Operation(),
			string(c.Resource.Type)+"/"+c.Resource.ID, c.Kind.String(), c.Setting,
			string(c.ValueJSON), result, Outcome(it.ev), c.Security)
	}
}

func (o *changesOutput) error(err error) { fmt.Fprintf(o.stderr, "cachetrail: %s\n", message(err)) }

func (o *changesOutput) finish(*stats) {
	if o.tsv != nil {
		o.tsv.flush()
	}
}

// ChangeRecord is the changes -json shape of one change, flat for jq.
// Every key is always present; the README documents them.
type ChangeRecord struct {
	Source    string                 `json:"source"`
	Index     int                    `json:"index"`
	EventID   string                 `json:"eventID"`
	EventTime string                 `json:"eventTime"`
	EventName string                 `json:"eventName"`
	Person    string                 `json:"person"`
	Actor     userid.Person          `json:"actor"`
	ErrorCode *string                `json:"errorCode"`
	Resource  Resource               `json:"resource"`
	Kind      elasticache.ChangeKind `json:"kind"`
	Setting   string                 `json:"setting"`
	Value     json.RawMessage        `json:"value"`
	Result    json.RawMessage        `json:"result"`
	Pending   bool                   `json:"pending"`
	Security  string                 `json:"security"`
	Applied   bool                   `json:"applied"`
}

func newChangeRecord(it item, person string, c elasticache.Change) ChangeRecord {
	o := it.ev.Origin()
	r := ChangeRecord{
		Source:    o.Source,
		Index:     o.Index,
		EventID:   it.ev.EventID,
		EventTime: it.ev.EventTime.String(),
		EventName: it.ev.EventName,
		Person:    person,
		Actor:     Person(it.ev),
		Resource:  Resource{Type: string(c.Resource.Type), ID: c.Resource.ID, ARN: c.Resource.ARN},
		Kind:      c.Kind,
		Setting:   c.Setting,
		Value:     c.ValueJSON,
		Result:    c.ResultJSON,
		Pending:   c.Pending,
		Security:  c.Security,
		Applied:   c.Applied,
	}
	if it.ev.Failed() {
		r.ErrorCode = &it.ev.ErrorCode
	}
	return r
}
