package event

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cachetrail/cachetrail/internal/scan"
	"github.com/cachetrail/cachetrail/internal/split"

	"github.com/stretchr/testify/require"
)

// A fast path of the scanner (skipNested, early rejection) has a switch
// that tests turn off to compare the reader with and without it.

// withAndWithout describes reading data with the fast path that on turns
// on and off (readSummary), and turns it back on.
func withAndWithout(on func(bool), data []byte) (fast, slow []string) {
	defer on(true)
	on(true)
	fast = readSummary(data)
	on(false)
	return fast, readSummary(data)
}

// requireSame fails t where the reader's results differ with and without
// the fast path.
func requireSame(t testing.TB, on func(bool), name string, data []byte) {
	t.Helper()
	if fast, slow := withAndWithout(on, data); !slices.Equal(fast, slow) {
		t.Fatalf("%s: fast path:\n%s\nwithout it:\n%s", name, strings.Join(fast, "\n"), strings.Join(slow, "\n"))
	}
}

// testdataJSON returns every .json file of testdata.
func testdataJSON(t testing.TB) [][]byte {
	var out [][]byte
	err := filepath.WalkDir("../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		out = append(out, data)
		return err
	})
	require.NoError(t, err)
	require.NotEmpty(t, out)
	return out
}

// requireSameOnMutations reads every file of testdata, then n log files
// of two records each, taken from testdata's JSON files and from extra,
// with one to three mutations each (a piece of junk inserted, or a byte
// dropped), with and without the fast path, and requires the same
// results.
func requireSameOnMutations(t *testing.T, on func(bool), extra [][]byte, junk []string, seed uint64, n int) {
	err := filepath.WalkDir("../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden") {
			return err
		}
		data, err := os.ReadFile(path)
		if err == nil {
			requireSame(t, on, path, data)
		}
		return err
	})
	require.NoError(t, err)

	if testing.Short() {
		n /= 10 // scripts/race: the race detector needs the goroutines, not thousands of inputs
	}
	inputs := append(testdataJSON(t), extra...)
	r := rand.New(rand.NewPCG(seed, seed+1))
	for i := range n {
		a, b := inputs[r.IntN(len(inputs))], inputs[r.IntN(len(inputs))]
		log := []byte(`{"Records":[` + string(a) + "," + string(b) + `]}`)
		for range 1 + r.IntN(3) {
			j := r.IntN(len(log))
			if r.IntN(3) == 0 {
				log = append(log[:j:j], log[j+1:]...)
			} else {
				log = append(log[:j:j], append([]byte(junk[r.IntN(len(junk))]), log[j:]...)...)
			}
		}
		requireSame(t, on, "mutation "+strconv.Itoa(i), log)
	}
}

// fuzzSame is the body of a fuzz target that requires the same results
// with and without the fast path.
func fuzzSame(on func(bool)) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		requireSame(t, on, "input", data)
	}
}

func setNestedFastPath(on bool) { scan.NestedFastPath = on }

// setNestedWords turns the fast path for nested values on without its
// vector steps, or off; restoreVector turns them back on.
func setNestedWords(on bool) {
	scan.NestedFastPath = on
	scan.VectorFastPath = false
}

var vectorFastPath = scan.VectorFastPath

func restoreVector()         { scan.VectorFastPath = vectorFastPath }
func setEarlyReject(on bool) { split.EarlyReject = on }
