package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/cachetrail/cachetrail/elasticache"
)

// historyOutput prints each resource's timeline as the trail shows it:
// a row per setting each call changed, with its value before and after,
// or a JSON object per step. Rows stream in input order, so memory stays
// bounded by the number of resources; -resource narrows it to one
// resource's timeline.
type historyOutput struct {
	h      elasticache.History
	filter *filter
	tbl    *grid         // nil with -json
	enc    *json.Encoder // nil without -json
	stderr io.Writer
}

func newHistoryOutput(stdout, stderr io.Writer, f *filter, asJSON bool) *historyOutput {
	o := &historyOutput{filter: f, stderr: stderr}
	if asJSON {
		o.enc = newEncoder(stdout)
	} else {
		o.tbl = newGrid(stdout, "TIME", "PERSON", "ACTION", "RESOURCE", "SETTING", "BEFORE -> AFTER", "OUTCOME", "SECURITY")
	}
	return o
}

func (o *historyOutput) item(it item) {
	for _, err := range it.errs {
		o.error(err)
	}
	if it.ev == nil {
		return
	}
	// Every event teaches the history, even one the filters hide.
	steps := o.h.Add(it.act)
	if it.hidden || len(steps) == 0 {
		return
	}
	own := resourceSecurity(elasticache.Changes(it.act))
	for _, st := range steps {
		if !o.filter.keepResource(st.Resource) {
			continue
		}
		settings := st.Settings
		if o.filter.risky {
			settings = riskySettings(settings)
		}
		sec := own[st.Resource]
		if o.filter.risky && len(settings) == 0 && sec == "" {
			continue
		}
		if o.enc != nil {
			o.encode(newStepRecord(it, st, settings, sec))
			continue
		}
		o.rows(it, st, settings, sec)
	}
}

// rows writes a step's table rows: one per setting, or one for the
// resource itself when the step shows no setting.
func (o *historyOutput) rows(it item, st elasticache.Step, settings []elasticache.SettingStep, sec string) {
	res := string(st.Resource.Type) + "/" + st.Resource.ID
	t, out := it.ev.EventTime.String(), Outcome(it.ev)
	if len(settings) == 0 {
		o.tbl.add(t, st.Person, st.Operation, res, "", st.Kind.String(), out, sec)
		return
	}
	for _, s := range settings {
		o.tbl.add(t, st.Person, st.Operation, res, s.Setting, beforeAfter(s), out, s.Security)
	}
}

// beforeAfter shows a setting's change as `before -> after`: ? for a
// value no earlier event showed, (unset) for a removed one, the request
// of a failed call in parentheses.
func beforeAfter(s elasticache.SettingStep) string {
	before := "?"
	if s.HasBefore {
		before = string(s.BeforeJSON)
	}
	after := string(s.AfterJSON)
	switch {
	case s.Kind == elasticache.ChangeUnset && s.Applied:
		after = "(unset)"
	case after == "":
		after = "?"
	}
	line := before + " -> " + after
	switch {
	case !s.Applied && s.Kind == elasticache.ChangeUnset:
		line += " (requested unset)"
	case !s.Applied:
		line += " (requested " + string(s.ValueJSON) + ")"
	case s.Pending:
		line += " (pending)"
	}
	return line
}

// resourceSecurity returns the security reason of each change to a
// resource itself (no setting), which a Step does not carry.
func resourceSecurity(cs []elasticache.Change) map[elasticache.Resource]string {
	var m map[elasticache.Resource]string
	for _, c := range cs {
		if c.Setting == "" && c.Security != "" {
			if m == nil {
				m = map[elasticache.Resource]string{}
			}
			m[c.Resource] = c.Security
		}
	}
	return m
}

func riskySettings(ss []elasticache.SettingStep) []elasticache.SettingStep {
	var out []elasticache.SettingStep
	for _, s := range ss {
		if s.Security != "" {
			out = append(out, s)
		}
	}
	return out
}

func (o *historyOutput) encode(v any) {
	if err := o.enc.Encode(v); err != nil {
		o.error(fmt.Errorf("encode: %w", err))
	}
}

func (o *historyOutput) error(err error) { fmt.Fprintf(o.stderr, "cachetrail: %s\n", message(err)) }

func (o *historyOutput) finish(*stats) {
	if o.tbl != nil {
		o.tbl.flush()
	}
}
