package schema

import (
	"embed"
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

//go:embed record.schema.json record.strict.schema.json elasticache/*.schema.json
var files embed.FS

// ErrUnknownAction is returned by Action for a name that is not an
// ElastiCache operation this package describes.
var ErrUnknownAction = errors.New("schema: unknown ElastiCache action")

// Record returns the document of the CloudTrail record envelope, the strict
// variant if strict is set.
func Record(strict bool) []byte {
	name := "record.schema.json"
	if strict {
		name = "record.strict.schema.json"
	}
	return mustRead(name)
}

// Action returns the document of the ElastiCache operation called name,
// such as "CreateCacheCluster"; the error wraps ErrUnknownAction when
// there is none.
func Action(name string, strict bool) ([]byte, error) {
	if name == "" || strings.ContainsAny(name, "./\\*?[") {
		return nil, &unknownActionError{name}
	}
	data, err := files.ReadFile(actionPath(name, strict))
	if err != nil {
		return nil, &unknownActionError{name}
	}
	return data, nil
}

// Actions returns the names of the operations that have a document,
// sorted.
func Actions() []string {
	entries, err := fs.ReadDir(files, "elasticache")
	if err != nil {
		panic(err) // the directory is embedded
	}
	var names []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".schema.json")
		if ok && !strings.HasSuffix(name, ".strict") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func actionPath(name string, strict bool) string {
	if strict {
		return "elasticache/" + name + ".strict.schema.json"
	}
	return "elasticache/" + name + ".schema.json"
}

func mustRead(name string) []byte {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(err) // the file is embedded
	}
	return data
}

type unknownActionError struct{ name string }

func (e *unknownActionError) Error() string {
	return "schema: no ElastiCache action " + strconv.Quote(e.name)
}

func (e *unknownActionError) Unwrap() error { return ErrUnknownAction }
