package cachetrail_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// userDocs are the documents whose Go code and Go names are checked.
// CHANGELOG.md is left out: it is history, naming what was true then.
var userDocs = []string{"README.md", "examples/README.md", "CONTRIBUTING.md", "SECURITY.md"}

// fragmentMarker, on the line before a ```go fence, says the block is a
// function body for the fragment harness, not a complete program.
const fragmentMarker = "<!-- fragment -->"

// block is one fenced code block of a Markdown document.
type block struct {
	doc      string // path relative to the repository root
	line     int    // 1-based line of the opening fence
	lang     string // the info string: "go", "text", ""
	text     string
	fragment bool // preceded by fragmentMarker
}

func (b block) where() string { return b.doc + ":" + strconv.Itoa(b.line) }

// readBlocks returns the fenced code blocks of a Markdown document, and
// the prose outside them, code blocks blanked, for the name check.
func readBlocks(t *testing.T, doc string) (blocks []block, prose []string) {
	t.Helper()
	data, err := os.ReadFile(doc)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	prevText := ""
	for i := 0; i < len(lines); i++ {
		trimmed := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(trimmed, "```") {
			prose = append(prose, lines[i])
			if trimmed != "" {
				prevText = trimmed
			}
			continue
		}
		b := block{doc: doc, line: i + 1, lang: strings.TrimSpace(strings.TrimPrefix(trimmed, "```")),
			fragment: prevText == fragmentMarker}
		indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " "))]
		var body []string
		prose = append(prose, "")
		for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "```"; i++ {
			body = append(body, strings.TrimPrefix(lines[i], indent))
			prose = append(prose, "")
		}
		require.Less(t, i, len(lines), "%s: unclosed code block", b.where())
		prose = append(prose, "")
		b.text = strings.Join(body, "\n") + "\n"
		blocks = append(blocks, b)
		prevText = ""
	}
	return blocks, prose
}
