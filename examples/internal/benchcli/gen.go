package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Where gen writes, under its directory.
const (
	gzDir        = "gz"    // the log files as CloudTrail delivers them
	linesDir     = "jsonl" // the same records, a JSON Lines file per log file
	manifestName = "manifest.json"
)

// avgFileBytes is a log file's mean size, inflated: 1500 MB make about
// 800 files.
const avgFileBytes = 1_875_000

// Manifest describes a generated trail; gen writes it last, so a trail
// with one is complete.
type Manifest struct {
	MB          int    `json:"mb"` // the size asked for
	Seed        uint64 `json:"seed"`
	Files       int    `json:"files"`
	Records     int    `json:"records"`
	ElastiCache int    `json:"elastiCache"`
	Bytes       int64  `json:"bytes"`      // the log files' bytes, inflated
	GzipBytes   int64  `json:"gzipBytes"`  // as stored
	LinesBytes  int64  `json:"linesBytes"` // the JSON Lines files' bytes
}

var (
	accounts = []string{"123456789012", "210987654321", "555566667777"}
	regions  = []string{"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"}
)

// plan is one log file to write.
type plan struct {
	account, region string
	at              time.Time
	size            int // inflated bytes to reach
	seed            uint64
	rel             string // path under gzDir, without the suffix
}

// readManifest returns the manifest of the trail in dir, if complete.
func readManifest(dir string) (*Manifest, error) {
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", manifestName, err)
	}
	return &m, nil
}

// generate writes a trail of about mb megabytes (inflated) into dir,
// unless dir already holds that trail.
func generate(dir string, mb int, seed uint64, workers int) (*Manifest, error) {
	if m, err := readManifest(dir); err == nil && m.MB == mb && m.Seed == seed {
		return m, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	plans := planFiles(int64(mb)*1_000_000, seed)
	m := &Manifest{MB: mb, Seed: seed, Files: len(plans)}
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
		next = make(chan plan)
	)
	for range workers {
		wg.Go(func() {
			for p := range next {
				st, err := writeFile(dir, p)
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				}
				m.Records += st.records
				m.ElastiCache += st.elastiCache
				m.Bytes += st.bytes
				m.GzipBytes += st.gzipBytes
				m.LinesBytes += st.linesBytes
				mu.Unlock()
			}
		})
	}
	for _, p := range plans {
		next <- p
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return m, os.WriteFile(filepath.Join(dir, manifestName), append(b, '\n'), 0o644)
}

// planFiles lays out the log files: each account and region delivers a
// file every five minutes, of a size spread around avgFileBytes (busy
// and quiet periods), until total bytes.
func planFiles(total int64, seed uint64) []plan {
	r := rand.New(rand.NewPCG(seed, seed^0x5bd1e995))
	start := time.Date(2024, 11, 4, 0, 0, 0, 0, time.UTC)
	var out []plan
	for sum, i := int64(0), 0; sum < total; i++ {
		streams := len(accounts) * len(regions)
		s := i % streams
		at := start.Add(time.Duration(i/streams)*5*time.Minute + time.Duration(r.IntN(60))*time.Second)
		size := int(float64(avgFileBytes) * math.Exp(r.NormFloat64()*0.7-0.245)) // mean avgFileBytes
		size = min(max(size, 20_000), 12_000_000, int(total-sum))
		p := plan{account: accounts[s/len(regions)], region: regions[s%len(regions)], at: at, size: size, seed: r.Uint64()}
		p.rel = filepath.Join("AWSLogs", p.account, "CloudTrail", p.region, at.Format("2006/01/02"),
			fmt.Sprintf("%s_CloudTrail_%s_%s_%s", p.account, p.region, at.Format("20060102T1504Z"), randomName(r)))
		out = append(out, p)
		sum += int64(size)
	}
	return out
}

// randomName is the random part of a log file's name.
func randomName(r *rand.Rand) string {
	const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 16)
	for i := range b {
		b[i] = a[r.IntN(len(a))]
	}
	return string(b)
}

type fileStats struct {
	records, elastiCache         int
	bytes, gzipBytes, linesBytes int64
}

// writeFile writes one log file, gzipped at level 6, and its records as
// JSON Lines.
func writeFile(dir string, p plan) (fileStats, error) {
	g := &rec{r: rand.New(rand.NewPCG(p.seed, p.seed>>7|1)), account: p.account, region: p.region, end: p.at}
	var st fileStats
	var log, lines bytes.Buffer
	log.Grow(p.size + 64<<10)
	lines.Grow(p.size + 64<<10)
	log.WriteString(`{"Records":[`)
	for log.Len() < p.size || st.records == 0 {
		s, ec := g.next()
		if st.records > 0 {
			log.WriteByte(',')
		}
		log.WriteString(s)
		lines.WriteString(s)
		lines.WriteByte('\n')
		st.records++
		if ec {
			st.elastiCache++
		}
	}
	log.WriteString("]}")
	st.bytes, st.linesBytes = int64(log.Len()), int64(lines.Len())

	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, 6)
	if err != nil {
		return st, err
	}
	zw.Write(log.Bytes())
	if err := zw.Close(); err != nil {
		return st, err
	}
	st.gzipBytes = int64(gz.Len())
	for _, f := range []struct {
		path string
		data []byte
	}{
		{filepath.Join(dir, gzDir, p.rel+".json.gz"), gz.Bytes()},
		{filepath.Join(dir, linesDir, p.rel+".jsonl"), lines.Bytes()},
	} {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			return st, err
		}
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			return st, err
		}
	}
	return st, nil
}
