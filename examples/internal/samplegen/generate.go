package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
)

// The sample files, by name.
const (
	LogFile         = "cloudtrail-20141201.json.gz"
	LinesFile       = "export-20141202.jsonl"
	EventBridgeFile = "eventbridge-20141202.json"
)

// seedFiles are the AWS documentation's records, in their order there.
var seedFiles = []string{"create_cache_cluster.json", "describe_cache_clusters.json", "modify_cache_cluster.json"}

// entry is one rendered record and its time, for ordering.
type entry struct {
	at   string
	text string
}

// Generate returns the sample files by name. The gzip stream carries no
// name or time, so the output depends only on the inputs (and the
// compressor of the Go release).
func Generate(seedDir string) (map[string][]byte, error) {
	var log []entry
	for _, name := range seedFiles {
		b, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			return nil, err
		}
		text := strings.TrimSpace(string(b))
		at, err := seedTime(text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		log = append(log, entry{at, text})
	}
	calls := append(slices.Clone(elastiCacheCalls), otherCalls("2014-12-01T21:58:00Z", 30, otherTemplates)...)
	more, err := render(calls)
	if err != nil {
		return nil, err
	}
	log = sortEntries(append(log, more...))

	var raw bytes.Buffer
	raw.WriteString("{\"Records\":[\n")
	for i, e := range log {
		if i > 0 {
			raw.WriteString(",\n")
		}
		raw.WriteString(e.text)
	}
	raw.WriteString("\n]}\n")
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(raw.Bytes())
	if err := zw.Close(); err != nil {
		return nil, err
	}

	lines, err := render(append(slices.Clone(exportCalls), otherCalls("2014-12-02T09:10:00Z", 4, exportOthers())...))
	if err != nil {
		return nil, err
	}
	var jl bytes.Buffer
	for _, e := range sortEntries(lines) {
		jl.WriteString(e.text)
		jl.WriteByte('\n')
	}

	eb, err := eventBridge(eventBridgeCall)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{LogFile: gz.Bytes(), LinesFile: jl.Bytes(), EventBridgeFile: eb}, nil
}

// exportOthers picks one call of each other service for the export.
func exportOthers() []otherCall {
	return []otherCall{otherTemplates[0], otherTemplates[8], otherTemplates[12], otherTemplates[16]}
}

func render(calls []call) ([]entry, error) {
	out := make([]entry, 0, len(calls))
	for _, c := range calls {
		text, err := c.render()
		if err != nil {
			return nil, err
		}
		out = append(out, entry{c.at, text})
	}
	return out, nil
}

// sortEntries orders records by time; the seed's times are RFC 3339 too.
func sortEntries(es []entry) []entry {
	sort.SliceStable(es, func(i, j int) bool { return es[i].at < es[j].at })
	return es
}

// seedTime finds the eventTime of a seed record without a full parse: the
// seed has a trailing comma that encoding/json rejects.
func seedTime(text string) (string, error) {
	_, rest, ok := strings.Cut(text, `"eventTime":"`)
	if !ok {
		return "", fmt.Errorf("no eventTime")
	}
	at, _, _ := strings.Cut(rest, `"`)
	if _, err := time.Parse(time.RFC3339, at); err != nil {
		return "", err
	}
	return at, nil
}

// eventBridge wraps a call's record in the event EventBridge delivers for
// it, indented as the EventBridge console shows events.
func eventBridge(c call) ([]byte, error) {
	text, err := c.render()
	if err != nil {
		return nil, err
	}
	ev := struct {
		Version    string          `json:"version"`
		ID         string          `json:"id"`
		DetailType string          `json:"detail-type"`
		Source     string          `json:"source"`
		Account    string          `json:"account"`
		Time       string          `json:"time"`
		Region     string          `json:"region"`
		Resources  []string        `json:"resources"`
		Detail     json.RawMessage `json:"detail"`
	}{"0", uuid("eventbridge", c.at, c.name), "AWS API Call via CloudTrail", "aws.elasticache",
		"123456789012", c.at, c.region, []string{}, json.RawMessage(text)}
	b, err := json.MarshalIndent(ev, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func timeStep(i int) time.Duration { return time.Duration(i) * 83 * time.Second }

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
