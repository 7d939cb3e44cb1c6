package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	kgzip "github.com/klauspost/compress/gzip"
)

// The in-process baselines, each on 2 goroutines (a file at a time each),
// as the command reads with -concurrency 2 on 2 CPUs. read returns the
// bytes read (inflated) and, when count is set or selecting is the
// baseline's work, the ElastiCache records.
var baselines = map[string]struct {
	dir  string // gzDir or linesDir
	read func(f io.Reader, count bool) (n int64, elastiCache int, err error)
}{
	"gzip": {gzDir, func(f io.Reader, count bool) (int64, int, error) {
		zr, err := gzip.NewReader(bufio.NewReaderSize(f, 64<<10))
		if err != nil {
			return 0, 0, err
		}
		return inflated(zr, count)
	}},
	"klauspost": {gzDir, func(f io.Reader, count bool) (int64, int, error) {
		zr, err := kgzip.NewReader(bufio.NewReaderSize(f, 64<<10))
		if err != nil {
			return 0, 0, err
		}
		return inflated(zr, count)
	}},
	"json":        {linesDir, func(f io.Reader, _ bool) (int64, int, error) { return decodeMaps(f) }},
	"json-struct": {linesDir, func(f io.Reader, _ bool) (int64, int, error) { return decodeSources(f) }},
}

// inflated reads an inflating reader to its end: to io.Discard when timed,
// as the library's gunzip baseline does, or counting the ElastiCache
// records when asked to, which costs about half as much again as
// inflating.
func inflated(r io.Reader, count bool) (int64, int, error) {
	if count {
		return countNeedle(r)
	}
	n, err := io.Copy(io.Discard, r)
	return n, -1, err
}

// countNeedle reads r to its end, counting the ElastiCache records by
// their eventSource text: so the inflate-only baselines prove that they
// read the same records as the command.
func countNeedle(r io.Reader) (int64, int, error) {
	buf := make([]byte, 256<<10)
	var n int64
	count, keep := 0, 0 // keep: bytes carried over from the last chunk
	for {
		m, err := r.Read(buf[keep:])
		n += int64(m)
		m += keep
		count += bytes.Count(buf[:m], []byte(needle))
		// Carry over what may start a needle cut by the chunk's end: too
		// short to hold a whole one, so none is counted twice.
		keep = min(m, len(needle)-1)
		copy(buf, buf[m-keep:m])
		if err == io.EOF {
			return n, count, nil
		}
		if err != nil {
			return n, count, err
		}
	}
}

// decodeMaps decodes each record of a JSON Lines file into a
// map[string]any and selects the ElastiCache ones by eventSource.
func decodeMaps(f io.Reader) (int64, int, error) {
	cr := &countingReader{r: f}
	dec := json.NewDecoder(cr)
	count := 0
	for {
		var m map[string]any
		if err := dec.Decode(&m); err == io.EOF {
			break
		} else if err != nil {
			return cr.n, count, err
		}
		if m["eventSource"] == ElastiCacheSource {
			count++
		}
	}
	return cr.n, count, nil
}

// decodeSources decodes each record of a JSON Lines file into a struct
// holding its eventSource alone, the least encoding/json can do to select
// the ElastiCache ones: a faster baseline than decodeMaps.
func decodeSources(f io.Reader) (int64, int, error) {
	cr := &countingReader{r: f}
	dec := json.NewDecoder(cr)
	count := 0
	for {
		var rec struct {
			EventSource string `json:"eventSource"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return cr.n, count, err
		}
		if rec.EventSource == ElastiCacheSource {
			count++
		}
	}
	return cr.n, count, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// runBaseline runs the named baseline over the trail in dir on 2
// goroutines and returns the bytes read (inflated) and the ElastiCache
// records found (-1 when not counted).
func runBaseline(kind, dir string, count bool) (int64, int, error) {
	b, ok := baselines[kind]
	if !ok {
		return 0, 0, fmt.Errorf("no baseline %q", kind)
	}
	files, err := logFiles(filepath.Join(dir, b.dir))
	if err != nil {
		return 0, 0, err
	}
	var (
		mu    sync.Mutex
		total int64
		found int
		errs  []error
		wg    sync.WaitGroup
		next  = make(chan string)
	)
	for range 2 {
		wg.Go(func() {
			for name := range next {
				n, c, err := readFile(name, func(f io.Reader) (int64, int, error) { return b.read(f, count) })
				mu.Lock()
				total += n
				found += c
				if c < 0 {
					found = -1
				}
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", name, err))
				}
				mu.Unlock()
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return total, found, errors.Join(errs...)
}

func readFile(name string, read func(io.Reader) (int64, int, error)) (int64, int, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	return read(f)
}

// logFiles returns the .json.gz or .jsonl files under dir, in lexical
// order as the command reads them.
func logFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".json.gz") || strings.HasSuffix(p, ".jsonl")) {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%s: no log files", dir)
	}
	return out, err
}
