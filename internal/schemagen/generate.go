package schemagen

import (
	"path"

	"github.com/cachetrail/cachetrail/internal/gen"
)

// Paths of the generated documents, relative to the schema directory.
const (
	RecordFile       = "record.schema.json"
	RecordStrictFile = "record.strict.schema.json"
	ActionDir        = "elasticache"
)

// ActionFile returns the path of an operation's document.
func ActionFile(op string, v Variant) string {
	if v == Strict {
		return path.Join(ActionDir, op+".strict.schema.json")
	}
	return path.Join(ActionDir, op+".schema.json")
}

// Generate returns every document, by path relative to the schema
// directory. It reads and writes nothing.
func Generate(p *gen.Package) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, v := range []Variant{Tolerant, Strict} {
		doc, err := Record(v)
		if err != nil {
			return nil, err
		}
		name := RecordFile
		if v == Strict {
			name = RecordStrictFile
		}
		out[name] = doc
		for _, op := range p.Operations {
			doc, err := Action(op, v)
			if err != nil {
				return nil, err
			}
			out[ActionFile(op.Name, v)] = doc
		}
	}
	return out, nil
}
