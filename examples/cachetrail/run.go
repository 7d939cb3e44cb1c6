package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// env is the process's surroundings, replaced in tests.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	terminal       bool // stderr is a terminal: show progress
}

// app is one run of the command.
type app struct {
	env  *env
	cfg  *config
	s3   *s3.Client
	prog *progress
	out  output
}

// run runs the command and returns its exit status.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) > 0 && args[0] == "schema" {
		return runSchema(args[1:], e)
	}
	cfg, err := parseArgs(args, e.stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "cachetrail: %v\nRun 'cachetrail -h' for usage.\n", err)
		return 2
	}
	a := &app{env: e, cfg: cfg}
	a.prog = newProgress(e.stderr, e.terminal)
	stdout, stderr := a.prog.guard(e.stdout), a.prog.guard(e.stderr)
	switch {
	case cfg.check:
		a.out = &checkOutput{w: stdout}
	case cfg.history:
		a.out = newHistoryOutput(stdout, stderr, &cfg.filter, cfg.json)
	case cfg.changes:
		a.out = newChangesOutput(stdout, stderr, &cfg.filter, cfg.json)
	case cfg.json:
		a.out = newJSONOutput(stdout, stderr)
	default:
		a.out = newTableOutput(stdout, stderr)
	}

	var st stats
	srcs := a.expand(ctx, cfg.inputs, func(err error) { a.fail(&st, err) })
	a.prog.start(len(srcs))
	a.read(ctx, srcs, &st)
	a.prog.stop()
	a.out.finish(&st)
	if st.errors > 0 || (cfg.check && st.unmodelled > 0) {
		return 1
	}
	return 0
}

// stats counts what a run saw, for check's summary and the exit status.
type stats struct {
	records     int // records read (all services)
	elastiCache int // ElastiCache events kept by the filters
	quirks      int
	unmodelled  int // counted for check only
	errors      int
}

// fail reports an error that is not tied to an output item, such as an
// input that cannot be opened.
func (a *app) fail(st *stats, err error) {
	st.errors++
	a.out.error(err)
}

// item is one thing a source produced: an ElastiCache event (with its
// action) or an error, or both when a record decoded with errors.
type item struct {
	ev   *event.Event
	act  elasticache.Action
	errs []error
	gaps []Gap // its unmodelled members, found only for check
	// hidden marks an event the filters dropped that history still
	// reads, to learn the settings' earlier values.
	hidden bool
}

// read reads the sources, a few at once, and hands their items to the
// output in input order. A source is not started until fewer than
// concurrency sources wait to be written, which bounds memory.
func (a *app) read(ctx context.Context, srcs []source, st *stats) {
	queues := make([]*queue, len(srcs))
	for i := range queues {
		queues[i] = newQueue()
	}
	slots := make(chan struct{}, a.cfg.concurrency)
	var wg sync.WaitGroup
	go func() {
		for i, s := range srcs {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				for _, q := range queues[i:] {
					q.close(event.Summary{}, ctx.Err())
				}
				return
			}
			queues[i].start()
			wg.Add(1)
			go func() {
				defer wg.Done()
				a.readSource(ctx, s, queues[i])
			}()
		}
	}()
	for i := range srcs {
		sum, err := queues[i].drain(func(it item) {
			if ctx.Err() == nil || !interrupted(it.errs) {
				a.emit(it, st)
			}
		})
		st.records += sum.Records
		if err != nil && ctx.Err() == nil {
			a.fail(st, err)
		}
		a.prog.fileDone()
		if queues[i].wasStarted() {
			<-slots
		}
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		a.fail(st, fmt.Errorf("interrupted: %w", err))
	}
}

// interrupted reports whether errs are the reader's reaction to an
// interrupt, which is reported once for the whole run.
func interrupted(errs []error) bool {
	for _, err := range errs {
		if errors.Is(err, context.Canceled) {
			return true
		}
	}
	return false
}

// emit counts an item and writes it.
func (a *app) emit(it item, st *stats) {
	st.errors += len(it.errs)
	if it.ev != nil && !it.hidden {
		st.elastiCache++
		st.quirks += len(it.ev.Quirks()) + len(it.act.Quirks())
		if a.cfg.check { // the only output that shows them, or counts them
			it.gaps = Unmodelled(it.ev, it.act)
			st.unmodelled += len(it.gaps)
		}
	}
	a.out.item(it)
}

// readSource reads one source into q: its ElastiCache events that pass the
// filters, and every error.
func (a *app) readSource(ctx context.Context, s source, q *queue) {
	rc, err := s.open(ctx)
	if err != nil {
		q.close(event.Summary{}, fmt.Errorf("%s: %w", s.name, err))
		return
	}
	defer rc.Close()
	r := event.NewReader(a.prog.count(ctx, rc),
		event.WithEventSources(elasticache.Source),
		event.WithSourceName(s.name),
		event.WithDecompressor(gunzip))
	for ev, err := range r.All() {
		it := item{ev: ev}
		if err != nil {
			it.errs = append(it.errs, err)
		}
		if ev != nil {
			act, derr := elasticache.Decode(ev)
			if derr != nil {
				it.errs = append(it.errs, derr)
			}
			switch {
			case act == nil:
				it.ev = nil
			case a.cfg.filter.match(ev, act):
				it.act = act
			case a.cfg.history:
				it.act, it.hidden = act, true
			default:
				it.ev = nil
			}
		}
		if it.ev != nil || len(it.errs) > 0 {
			q.push(it)
		}
	}
	q.close(r.Summary(), nil)
}

// queue passes one source's items from its reader to the writer, which
// may drain it while it is still being filled.
type queue struct {
	mu      sync.Mutex
	cond    *sync.Cond
	items   []item
	done    bool
	started bool // a reader was started for it and holds a slot
	sum     event.Summary
	err     error
}

func newQueue() *queue {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *queue) start() {
	q.mu.Lock()
	q.started = true
	q.mu.Unlock()
}

func (q *queue) wasStarted() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.started
}

func (q *queue) push(it item) {
	q.mu.Lock()
	q.items = append(q.items, it)
	q.mu.Unlock()
	q.cond.Signal()
}

func (q *queue) close(sum event.Summary, err error) {
	q.mu.Lock()
	q.done, q.sum, q.err = true, sum, err
	q.mu.Unlock()
	q.cond.Signal()
}

// drain calls f for each item until the queue is closed, then returns the
// source's summary and the error that ended it, if any.
func (q *queue) drain(f func(item)) (event.Summary, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		for len(q.items) > 0 {
			batch := q.items
			q.items = nil
			q.mu.Unlock()
			for _, it := range batch {
				f(it)
			}
			q.mu.Lock()
		}
		if q.done {
			return q.sum, q.err
		}
		q.cond.Wait()
	}
}
