package elasticache

import (
	"encoding/json"
	"strings"
)

// changeJSON is the JSON form of a Change.
type changeJSON struct {
	Resource struct {
		Type ResourceType `json:"type"`
		ID   string       `json:"id"`
		ARN  string       `json:"arn,omitempty"`
	} `json:"resource"`
	Kind     ChangeKind      `json:"kind"`
	Setting  string          `json:"setting,omitempty"`
	Value    json.RawMessage `json:"value,omitempty"`
	Result   json.RawMessage `json:"result,omitempty"`
	Pending  bool            `json:"pending,omitempty"`
	Security string          `json:"security,omitempty"`
	Applied  bool            `json:"applied"`
}

// MarshalJSON writes the change with lower-case member names; values are
// ValueJSON and ResultJSON, redacted.
func (c Change) MarshalJSON() ([]byte, error) {
	var j changeJSON
	j.Resource.Type, j.Resource.ID, j.Resource.ARN = c.Resource.Type, c.Resource.ID, c.Resource.ARN
	j.Kind, j.Setting, j.Pending, j.Security, j.Applied = c.Kind, c.Setting, c.Pending, c.Security, c.Applied
	j.Value, j.Result = c.ValueJSON, c.ResultJSON
	return json.Marshal(j)
}

// String returns the change on one line, such as
//
//	set replicationgroup/sessions transitEncryptionMode="required" (pending "required") [security: encryption in transit mode]
func (c Change) String() string {
	var b strings.Builder
	b.WriteString(c.Kind.String())
	b.WriteByte(' ')
	b.WriteString(string(c.Resource.Type))
	b.WriteByte('/')
	b.WriteString(c.Resource.ID)
	if c.Setting != "" {
		b.WriteByte(' ')
		b.WriteString(c.Setting)
	}
	if c.ValueJSON != nil {
		b.WriteByte('=')
		b.Write(c.ValueJSON)
	}
	if c.ResultJSON != nil {
		if c.Pending {
			b.WriteString(" (pending ")
		} else {
			b.WriteString(" (now ")
		}
		b.Write(c.ResultJSON)
		b.WriteByte(')')
	}
	if c.Security != "" {
		b.WriteString(" [security: " + c.Security + "]")
	}
	if !c.Applied {
		b.WriteString(" not applied")
	}
	return b.String()
}
