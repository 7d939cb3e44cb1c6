package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/cachetrail/cachetrail/elasticache"
	"github.com/cachetrail/cachetrail/event"
)

// env is the process's surroundings, replaced in tests.
type env struct {
	stdin          io.Reader
	stdinPiped     bool // stdin is a pipe or a file, read when no path is given
	stdout, stderr io.Writer
	terminal       bool             // stderr is a terminal: show progress
	width          int              // stdout's terminal width, 0 when not a terminal
	now            func() time.Time // nil for time.Now
}

// app is one run of the command.
type app struct {
	env  *env
	cfg  *config
	s3   *s3.Client
	prog *progress
	out  output

	s3err error // why s3 could not be made, for each s3:// input
}

// run runs the command and returns its exit status.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) > 0 && args[0] == "schema" {
		return runSchema(args[1:], e)
	}
	now := time.Now
	if e.now != nil {
		now = e.now
	}
	cfg, err := parseArgs(args, e.stderr, now(), e.stdinPiped)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "cachetrail: %s\nRun 'cachetrail -h' for usage.\n", escape(err.Error()))
		return 2
	}
	if cfg.version {
		fmt.Fprintln(e.stdout, versionLine())
		return 0
	}
	a := &app{env: e, cfg: cfg}
	a.prog = newProgress(e.stderr, e.terminal)
	stdout, stderr := a.prog.guard(e.stdout), a.prog.guard(e.stderr)
	var buffered *bufio.Writer
	if !onTerminal(e.stdout) {
		// A write per event costs a system call, and a wake-up of the
		// program reading a pipe: buffer what no one watches as it comes.
		buffered = bufio.NewWriterSize(stdout, 64<<10)
		stdout = buffered
	}
	switch {
	case cfg.check:
		a.out = &checkOutput{w: stdout}
	case cfg.history:
		a.out = newHistoryOutput(stdout, stderr, &cfg.filter, cfg.json)
	case cfg.changes:
		a.out = newChangesOutput(stdout, stderr, &cfg.filter, cfg.json)
	case cfg.json:
		a.out = newJSONOutput(stdout, stderr, cfg)
	default:
		a.out = newTableOutput(stdout, stderr, cfg, e.width)
	}

	var st stats
	srcs := a.expand(ctx, cfg.inputs, func(err error) { a.fail(&st, err) })
	a.prog.start(srcs)
	a.read(ctx, srcs, &st)
	a.prog.stop()
	a.out.finish(&st)
	if buffered != nil {
		if err := buffered.Flush(); err != nil {
			// Not through a.out: check writes its errors to stdout.
			fmt.Fprintf(stderr, "cachetrail: writing the output: %s\n", message(err))
			st.errors++
		}
	}
	switch {
	case ctx.Err() != nil:
		return 130 // as a shell reports a command ended by SIGINT
	case st.errors > 0 || (cfg.check && st.unmodeled > 0):
		return 1
	}
	return 0
}

// stats counts what a run saw, for check's summary and the exit status.
type stats struct {
	records     int // records read (all services)
	elastiCache int // ElastiCache events kept by the filters
	quirks      int
	unmodeled   int // counted for check only
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
	gaps []Gap // its unmodeled members, found only for check
	// hidden marks an event the filters dropped that history still
	// reads, to learn the settings' earlier values.
	hidden bool
	// unshown counts errors left out of errs past maxShownErrors.
	unshown int
}

// maxShownErrors bounds the errors shown for one input (check shows
// them all): a file that is not CloudTrail at all, or is damaged
// throughout, would otherwise bury the output. The rest are counted.
const maxShownErrors = 10

// read reads the sources, concurrency at once, and hands their items to
// the output in input order. A source is not started until fewer than
// filesAhead times concurrency sources wait to be written, which bounds
// memory; a reader that is done makes room for the next at once, though
// the output is still behind, so that no CPU idles while the writer waits
// for a longer file than the one that ended.
func (a *app) read(ctx context.Context, srcs []source, st *stats) {
	queues := make([]*queue, len(srcs))
	for i := range queues {
		queues[i] = newQueue()
	}
	readers := make(chan struct{}, a.cfg.concurrency)
	slots := make(chan struct{}, filesAhead*a.cfg.concurrency)
	var wg sync.WaitGroup
	// An interrupt ends every queue at once, whatever its reader is doing.
	stop := context.AfterFunc(ctx, func() {
		for _, q := range queues {
			q.close(event.Summary{}, ctx.Err())
		}
	})
	defer stop()
	go func() {
		for i, s := range srcs {
			if !acquire(ctx, slots) || !acquire(ctx, readers) {
				for _, q := range queues[i:] {
					q.close(event.Summary{}, ctx.Err())
				}
				return
			}
			queues[i].start()
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-readers }()
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
	if err := ctx.Err(); err != nil {
		// A reader may be blocked in a read that no interrupt ends, such as
		// of a terminal or a pipe: the process exits without it.
		a.fail(st, fmt.Errorf("interrupted: %w", err))
		return
	}
	wg.Wait()
}

// filesAhead times -concurrency is how many sources may be started and
// not yet written: a few more than are read at once, so that a reader
// that ends first can go on with the next source.
const filesAhead = 2

// acquire takes a slot of sem, or reports false when ctx ends first.
func acquire(ctx context.Context, sem chan struct{}) bool {
	select {
	case sem <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
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
	st.errors += len(it.errs) + it.unshown
	if it.ev != nil && !it.hidden {
		st.elastiCache++
		st.quirks += len(it.ev.Quirks()) + len(it.act.Quirks())
		if a.cfg.check { // the only output that shows them, or counts them
			it.gaps = Unmodeled(it.ev, it.act)
			st.unmodeled += len(it.gaps)
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
	shown, unshown := 0, 0
	var first error // an error at offset 0, held until a record shows the input is CloudTrail
	for ev, err := range r.All() {
		it := item{ev: ev}
		if err != nil && first == nil && atStart(err) {
			first = err
			if ev == nil {
				continue
			}
		}
		if first != nil && ev != nil {
			it.errs = append(it.errs, first)
			first = nil
		}
		if err != nil && err != first {
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
		if !a.cfg.check && shown+len(it.errs) > maxShownErrors {
			keep := max(0, maxShownErrors-shown)
			it.unshown = len(it.errs) - keep
			it.errs = it.errs[:keep]
			unshown += it.unshown
		}
		shown += len(it.errs)
		if it.ev != nil || len(it.errs) > 0 || it.unshown > 0 {
			q.push(it)
		}
	}
	if first != nil {
		var de *event.DecodeError
		errors.As(first, &de)
		q.push(item{errs: []error{fmt.Errorf("%s: not a CloudTrail log: %s at offset 0", s.name, de.Msg)}})
	}
	if unshown > 0 {
		note := fmt.Errorf("%s: %d more errors not shown (cachetrail check shows all)", s.name, unshown)
		q.push(item{errs: []error{note}, unshown: -1}) // the note is no error of its own
	}
	q.close(r.Summary(), nil)
}

// queue passes one source's items from its reader to the writer, which
// may drain it while it is still being filled.
type queue struct {
	mu      sync.Mutex
	cond    *sync.Cond // signals items pushed or the queue closed
	space   *sync.Cond // signals items taken
	items   []item
	spare   []item // the writer's last batch, emptied, for reuse
	done    bool
	started bool // a reader was started for it and holds a slot
	sum     event.Summary
	err     error
}

func newQueue() *queue {
	q := &queue{}
	q.cond = sync.NewCond(&q.mu)
	q.space = sync.NewCond(&q.mu)
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

// queueLen bounds the items a queue holds: a reader ahead of the writer
// waits, so memory does not grow with the input.
const queueLen = 256

// push adds an item, waiting while the queue is full.
func (q *queue) push(it item) {
	q.mu.Lock()
	for len(q.items) >= queueLen && !q.done {
		q.space.Wait()
	}
	if !q.done { // else closed by an interrupt: the item is not wanted
		q.items = append(q.items, it)
	}
	q.mu.Unlock()
	q.cond.Signal()
}

// close ends the queue, the first time only: by its reader, or by an
// interrupt while its reader may be blocked.
func (q *queue) close(sum event.Summary, err error) {
	q.mu.Lock()
	if !q.done {
		q.done, q.sum, q.err = true, sum, err
	}
	q.mu.Unlock()
	q.cond.Broadcast()
	q.space.Broadcast()
}

// drain calls f for each item until the queue is closed, then returns the
// source's summary and the error that ended it, if any.
func (q *queue) drain(f func(item)) (event.Summary, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for {
		for len(q.items) > 0 {
			batch := q.items
			q.items = q.spare[:0]
			q.mu.Unlock()
			q.space.Signal()
			for _, it := range batch {
				f(it)
			}
			clear(batch)
			q.mu.Lock()
			q.spare = batch
		}
		if q.done {
			// The run keeps every source's queue to its end: drop the
			// batches, lest memory grow with the number of files.
			q.items, q.spare = nil, nil
			return q.sum, q.err
		}
		q.cond.Wait()
	}
}

// atStart reports whether err is about the first byte of an input, as
// when the input is not CloudTrail at all.
func atStart(err error) bool {
	var de *event.DecodeError
	return errors.As(err, &de) && de.Offset == 0 && de.Path == "" &&
		(errors.Is(err, event.ErrSyntax) || errors.Is(err, event.ErrNotRecord))
}
