// Package worker runs jobs that may bring their process down — reading
// untrusted files — in child processes: one job at a time per child, each
// with a deadline and a memory budget. A child that crashes (even with a
// runtime fatal error, which recover cannot catch), runs out of time (the
// job's context ends) or exceeds its memory is killed and replaced, and
// only its job fails.
//
// The child is a program (usually the parent's own executable with a hidden
// subcommand) that calls Serve; jobs and results travel as JSON over two
// extra pipes, so what the child prints cannot disturb them.
package worker

import (
	"bufio"
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync"
	"time"

	"github.com/gongwen/gongwen/internal/limit"
)

// Errors of a job whose child did not answer, wrapped in the error Do
// returns; test for them with errors.Is.
var (
	ErrCrashed = errors.New("the worker process crashed")
	ErrMemory  = errors.New("used too much memory")
)

// exitMemory is the status of a child that stopped itself over its memory budget.
const exitMemory = 3

// Pool runs jobs of type J giving results of type R in child processes.
// Its methods are safe for concurrent use; call Close when done.
type Pool[J, R any] struct {
	Command []string // the child's program and arguments; it must call Serve with the memory budget
	Env     []string // added to the child's environment
	Size    int      // children at most, started as needed; 0 means GOMAXPROCS
	Memory  int64    // the memory budget given to the child (for the error message)

	once   sync.Once
	slots  chan struct{}
	mu     sync.Mutex
	idle   []*child
	closed bool
}

type request[J any] struct {
	Job J `json:"job"`
}

type reply[R any] struct {
	Result R
	Error  string
}

// A reply travels as a line of JSON, its header, followed by the result:
// JSON, or the bytes of AppendBinary or MarshalBinary when the result
// implements encoding.BinaryAppender or encoding.BinaryMarshaler (and its
// pointer encoding.BinaryUnmarshaler).
// A result that holds large JSON already (documents) is then neither
// encoded nor scanned again on its way.
type replyHeader struct {
	Error string `json:"error,omitempty"`
	Size  int64  `json:"size"` // bytes of the result that follow the line
}

// maxReply bounds the result of one job the parent reads.
const maxReply = 1 << 30

func readReply[R any](r *bufio.Reader) (reply[R], error) {
	var rep reply[R]
	line, err := r.ReadBytes('\n')
	if err != nil {
		return rep, err
	}
	var h replyHeader
	if err := json.Unmarshal(line, &h); err != nil {
		return rep, fmt.Errorf("worker: a reply's header: %w", err)
	}
	if h.Size < 0 || h.Size > maxReply {
		return rep, fmt.Errorf("worker: a reply of %d bytes", h.Size)
	}
	rep.Error = h.Error
	body := make([]byte, h.Size)
	if _, err := io.ReadFull(r, body); err != nil {
		return rep, err
	}
	if h.Size == 0 {
		return rep, nil
	}
	if u, ok := any(&rep.Result).(encoding.BinaryUnmarshaler); ok {
		err = u.UnmarshalBinary(body)
	} else {
		err = json.Unmarshal(body, &rep.Result)
	}
	if err != nil {
		return rep, fmt.Errorf("worker: a reply's result: %w", err)
	}
	return rep, nil
}

// writeReply writes the reply of a job: its header line and its result.
// A result that is an encoding.BinaryAppender is appended to buf, which is
// returned for the next reply: the results of many documents are megabytes,
// and memory the worker touched once costs no page faults the next time.
func writeReply[R any](w io.Writer, result R, jobErr error, buf []byte) ([]byte, error) {
	var body []byte
	var err error
	if jobErr == nil {
		switch m := any(result).(type) {
		case encoding.BinaryAppender:
			body, err = m.AppendBinary(buf[:0])
			buf = body
		case encoding.BinaryMarshaler:
			body, err = m.MarshalBinary()
		default:
			body, err = marshal(result)
		}
		if err != nil { // a result JSON cannot carry (an infinite number): the job's error
			body, jobErr = nil, fmt.Errorf("internal error: %w", err)
		}
	}
	if cap(buf) > maxKeptReply {
		buf = nil // not held for the next job
	}
	h := replyHeader{Size: int64(len(body))}
	if jobErr != nil {
		h.Error = jobErr.Error()
	}
	line, err := marshal(h)
	if err != nil {
		return buf, err
	}
	if len(body) < 64<<10 {
		body, line = append(line, body...), nil // one write
	}
	if _, err := w.Write(line); err != nil {
		return buf, err
	}
	_, err = w.Write(body) // not copied behind the line
	return buf, err
}

// maxKeptReply is the largest reply buffer a worker keeps for the next job:
// a batch of small files takes about a megabyte, one large PDF tens.
const maxKeptReply = 8 << 20

// Do runs job in an idle child, starting one if none is idle and fewer
// than Size run. A failure of the job itself comes back as an error with its
// message; a child that dies or exceeds its memory budget is replaced and
// the error wraps ErrCrashed or ErrMemory. When ctx ends (a deadline for
// the job, or Ctrl-C), the child is killed and Do returns ctx.Err() at once.
func (p *Pool[J, R]) Do(ctx context.Context, job J) (R, error) {
	var zero R
	p.once.Do(func() {
		n := p.Size
		if n <= 0 {
			n = runtime.GOMAXPROCS(0)
		}
		p.slots = make(chan struct{}, n)
	})
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return zero, ctx.Err()
	}
	defer func() { <-p.slots }()
	c, err := p.take(false)
	if err != nil {
		return zero, err
	}
	r, err, died := p.run(ctx, c, job)
	if died && c.served > 0 && ctx.Err() == nil {
		// A child that served jobs before may have died of one of them (over
		// its memory budget just after answering): once more in a fresh one,
		// whose death is this job's.
		if c, err = p.take(true); err != nil {
			return zero, err
		}
		r, err, _ = p.run(ctx, c, job)
	}
	return r, err
}

// run runs job in child c; died reports that the child ended without answering.
func (p *Pool[J, R]) run(ctx context.Context, c *child, job J) (result R, err error, died bool) {
	var zero R
	replies := make(chan reply[R], 1)
	failed := make(chan error, 1)
	go func() {
		if err := c.enc.Encode(request[J]{Job: job}); err != nil {
			failed <- err
			return
		}
		r, err := readReply[R](c.results)
		if err != nil {
			failed <- err
			return
		}
		replies <- r
	}()
	select {
	case r := <-replies:
		c.served++
		p.put(c)
		if r.Error != "" {
			return r.Result, errors.New(r.Error), false
		}
		return r.Result, nil, false
	case <-failed:
		c.wait()
		if ctx.Err() != nil {
			return zero, ctx.Err(), false
		}
		return zero, p.death(c), true
	case <-ctx.Done():
		c.kill()
		return zero, ctx.Err(), false
	}
}

// death explains why child c ended in the middle of a job.
func (p *Pool[J, R]) death(c *child) error {
	if c.cmd.ProcessState != nil && c.cmd.ProcessState.ExitCode() == exitMemory {
		return fmt.Errorf("%w: more than %s", ErrMemory, limit.Size(p.Memory))
	}
	return fmt.Errorf("%w: %s", ErrCrashed, c.stderr.reason(c.cmd.ProcessState))
}

// take returns an idle child or starts one; a fresh one if fresh is set.
func (p *Pool[J, R]) take(fresh bool) (*child, error) {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, errors.New("worker pool closed")
	}
	if n := len(p.idle); n > 0 && !fresh {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	return start(p.Command, p.Env)
}

func (p *Pool[J, R]) put(c *child) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		c.stop()
		return
	}
	p.idle = append(p.idle, c)
}

// Close stops the idle children; children busy with a job are killed when
// the job's Do returns.
func (p *Pool[J, R]) Close() error {
	p.mu.Lock()
	idle := p.idle
	p.idle, p.closed = nil, true
	p.mu.Unlock()
	for _, c := range idle {
		c.stop()
	}
	return nil
}

// child is one running worker process.
type child struct {
	cmd     *exec.Cmd
	jobs    io.WriteCloser
	enc     *json.Encoder
	results *bufio.Reader
	stderr  *tail
	done    chan struct{} // closed when the process has been waited for
	served  int           // jobs answered
}

func start(command, env []string) (*child, error) {
	if len(command) == 0 {
		return nil, errors.New("worker: no command")
	}
	jobsR, jobsW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	resR, resW, err := os.Pipe()
	if err != nil {
		jobsR.Close()
		jobsW.Close()
		return nil, err
	}
	growPipe(resR)
	c := &child{stderr: &tail{}, done: make(chan struct{}), jobs: jobsW}
	c.cmd = exec.Command(command[0], command[1:]...)
	c.cmd.Env = append(os.Environ(), env...)
	c.cmd.Stdout = io.Discard
	c.cmd.Stderr = c.stderr
	c.cmd.ExtraFiles = []*os.File{jobsR, resW} // fd 3 and 4 in the child
	c.cmd.SysProcAttr = sysProcAttr()
	err = c.cmd.Start()
	jobsR.Close()
	resW.Close()
	if err != nil {
		jobsW.Close()
		resR.Close()
		return nil, fmt.Errorf("worker: %w", err)
	}
	go func() {
		c.cmd.Wait()
		resR.Close()
		close(c.done)
	}()
	c.enc = json.NewEncoder(jobsW)
	c.results = bufio.NewReaderSize(resR, 64<<10)
	return c, nil
}

// kill ends the child at once and waits for it.
func (c *child) kill() {
	c.cmd.Process.Kill()
	c.jobs.Close()
	<-c.done
}

// stop asks the child to finish (no more jobs), and kills it if it does not within a second.
func (c *child) stop() {
	c.jobs.Close()
	select {
	case <-c.done:
	case <-time.After(time.Second):
		c.kill()
	}
}

// wait waits for a child whose pipe broke to exit.
func (c *child) wait() {
	select {
	case <-c.done:
	case <-time.After(time.Second):
		c.kill()
	}
	c.jobs.Close()
}

// tail keeps the first and the last few kilobytes a child wrote to stderr, for the reason it died: a
// runtime fatal error says why at the top of a long trace.
type tail struct {
	mu         sync.Mutex
	head, last []byte
}

const tailBytes = 4 << 10

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := min(len(p), tailBytes-len(t.head)); n > 0 {
		t.head = append(t.head, p[:n]...)
	}
	t.last = append(t.last, p...)
	if len(t.last) > tailBytes {
		t.last = t.last[len(t.last)-tailBytes:]
	}
	return len(p), nil
}

// reason picks the line that says why the process died ("fatal error: runtime: out of memory",
// "panic: …"), else its exit status.
func (t *tail) reason(state *os.ProcessState) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, out := range [][]byte{t.head, t.last} {
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "fatal error:") || strings.HasPrefix(line, "panic:") {
				return strings.TrimSpace(line)
			}
		}
	}
	if state != nil {
		return state.String()
	}
	return "no answer"
}

// Serve runs in the child: it answers the jobs of the parent's Pool with
// handle until the parent closes the pipe, and stops the process with a
// distinct status when it holds more than memory bytes (0 for no budget).
// A panic in handle is the job's error.
func Serve[J, R any](memory int64, handle func(J) (R, error)) error {
	jobs, results := os.NewFile(3, "jobs"), os.NewFile(4, "results")
	if _, err := jobs.Stat(); err != nil {
		return errors.New("worker: not started by a worker pool (no pipes)")
	}
	if memory > 0 {
		debug.SetMemoryLimit(memory * 9 / 10) // the collector works harder before the budget is reached
		go watchMemory(memory)
	}
	dec := json.NewDecoder(jobs)
	var buf []byte
	for {
		var req request[J]
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("worker: reading a job: %w", err)
		}
		r, err := call(handle, req.Job)
		if buf, err = writeReply(results, r, err, buf); err != nil {
			return fmt.Errorf("worker: writing a result: %w", err)
		}
	}
}

// marshal encodes v as a line of JSON, leaving < > & as they are: a
// result that holds JSON already (a json.RawMessage) is then sent as it is.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return buf.Bytes(), err
}

func call[J, R any](handle func(J) (R, error), job J) (r R, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("internal error: %v", x)
		}
	}()
	return handle(job)
}

// watchMemory ends the process when the memory the Go runtime holds from the system exceeds budget.
func watchMemory(budget int64) {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	for range time.Tick(20 * time.Millisecond) {
		metrics.Read(samples)
		used := int64(samples[0].Value.Uint64() - samples[1].Value.Uint64())
		if used > budget {
			fmt.Fprintf(os.Stderr, "worker: %s in use, over the budget of %s\n", limit.Size(used), limit.Size(budget))
			os.Exit(exitMemory)
		}
	}
}
