package gen

import (
	"fmt"
	"slices"
	"strings"
)

// DumpModel lists what a CHANGELOG entry reports about the model, one
// line per fact, sorted: "operation <Name>", "member <Struct>.<Member>
// <type>[ required]" and "enum <Enum> <value>". Comparing the dumps of
// two SDK versions shows what an upgrade changed.
func DumpModel(m *Model) []string {
	var lines []string
	for _, op := range m.Operations {
		lines = append(lines, "operation "+op.Name)
	}
	for _, s := range m.allStructs() {
		for _, mem := range s.Members {
			line := "member " + s.Name + "." + mem.Name + " " + mem.Type.String()
			if mem.Required {
				line += " required"
			}
			lines = append(lines, line)
		}
	}
	for _, name := range sortedKeys(m.Enums) {
		for _, v := range m.Enums[name].Values {
			lines = append(lines, "enum "+name+" "+v.Value)
		}
	}
	slices.Sort(lines)
	return slices.Compact(lines)
}

// String returns the type as the SDK spells it: "string", "[]Tag",
// "AZMode", "timestamp".
func (t TypeRef) String() string {
	switch t.Kind {
	case KindList:
		return "[]" + t.Elem.String()
	case KindMap:
		return "map[string]" + t.Elem.String()
	case KindEnum, KindStruct:
		return t.Name
	}
	return t.Kind.String()
}

// ModelDiff is what changed between two model dumps. Each item is a
// name with an optional detail, such as "CacheCluster.Engine" and "string".
type ModelDiff struct {
	OperationsAdded, OperationsRemoved []DiffItem
	MembersAdded, MembersRemoved       []DiffItem // detail: the type
	MembersChanged                     []DiffItem // detail: "old → new"
	EnumValuesAdded, EnumValuesRemoved []DiffItem // name: "Enum value"
}

// DiffItem is one changed fact.
type DiffItem struct{ Name, Detail string }

// Empty reports whether nothing changed.
func (d *ModelDiff) Empty() bool {
	return len(d.OperationsAdded)+len(d.OperationsRemoved)+len(d.MembersAdded)+len(d.MembersRemoved)+
		len(d.MembersChanged)+len(d.EnumValuesAdded)+len(d.EnumValuesRemoved) == 0
}

// DiffDumps compares two outputs of DumpModel. A member whose type or
// requiredness changed is reported as changed, not as removed and added.
func DiffDumps(before, after []string) (*ModelDiff, error) {
	b, err := parseDump(before)
	if err != nil {
		return nil, fmt.Errorf("before: %w", err)
	}
	a, err := parseDump(after)
	if err != nil {
		return nil, fmt.Errorf("after: %w", err)
	}
	d := &ModelDiff{}
	for _, k := range sortedKeys(a) {
		old, ok := b[k]
		switch {
		case !ok:
			d.add(k, a[k], true)
		case old != a[k]:
			_, name, _ := strings.Cut(k, " ")
			d.MembersChanged = append(d.MembersChanged, DiffItem{name, old + " → " + a[k]})
		}
	}
	for _, k := range sortedKeys(b) {
		if _, ok := a[k]; !ok {
			d.add(k, b[k], false)
		}
	}
	return d, nil
}

// parseDump maps each fact ("member CacheCluster.Engine") to its detail:
// a member's type, else "".
func parseDump(lines []string) (map[string]string, error) {
	out := map[string]string{}
	for _, line := range lines {
		if line == "" || strings.HasPrefix(line, "#") {
			continue // a comment, such as the SDK version
		}
		f := strings.Fields(line)
		var key, detail string
		switch {
		case len(f) == 2 && f[0] == "operation":
			key = line
		case len(f) >= 3 && f[0] == "member":
			key, detail = f[0]+" "+f[1], strings.Join(f[2:], " ")
		case len(f) >= 3 && f[0] == "enum":
			key = line
		default:
			return nil, fmt.Errorf("gen: model dump: unexpected line %q", line)
		}
		if _, dup := out[key]; dup {
			return nil, fmt.Errorf("gen: model dump: duplicate %q", line)
		}
		out[key] = detail
	}
	return out, nil
}

func (d *ModelDiff) add(key, detail string, added bool) {
	kind, name, _ := strings.Cut(key, " ")
	item := DiffItem{Name: name, Detail: detail}
	lists := map[string][2]*[]DiffItem{
		"operation": {&d.OperationsAdded, &d.OperationsRemoved},
		"member":    {&d.MembersAdded, &d.MembersRemoved},
		"enum":      {&d.EnumValuesAdded, &d.EnumValuesRemoved},
	}[kind]
	list := lists[1]
	if added {
		list = lists[0]
	}
	*list = append(*list, item)
}

// Markdown renders the diff as a CHANGELOG entry (Keep a Changelog style)
// for an upgrade of module from version before to version after.
func (d *ModelDiff) Markdown(module, before, after string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### Changed\n\n- The ElastiCache model follows `%s` %s (was %s).\n", module, after, before)
	if d.Empty() {
		b.WriteString("  No operation, member or enum value was added, removed or changed.\n")
		return b.String()
	}
	for _, sec := range []struct {
		title string
		items []DiffItem
	}{
		{"Operations added", d.OperationsAdded},
		{"Operations removed", d.OperationsRemoved},
		{"Members added", d.MembersAdded},
		{"Members removed", d.MembersRemoved},
		{"Members changed", d.MembersChanged},
		{"Enum values added", d.EnumValuesAdded},
		{"Enum values removed", d.EnumValuesRemoved},
	} {
		if len(sec.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  - %s:\n", sec.title)
		for _, it := range sec.items {
			fmt.Fprintf(&b, "    - `%s`", it.Name)
			if it.Detail != "" {
				fmt.Fprintf(&b, " (%s)", it.Detail)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}
