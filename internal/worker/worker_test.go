package worker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
)

// The test binary is its own worker: started with this variable set, it serves jobs instead of testing.
const childEnv = "GONGWEN_WORKER_TEST_CHILD"

func TestMain(m *testing.M) {
	var err error
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "binary":
		err = Serve(128<<20, func(job string) (frame, error) { return frame{[]byte("\x00" + job + "\n{")}, nil })
	case "append":
		err = Serve(128<<20, func(job string) (appendFrame, error) { return appendFrame{[]byte("\x00" + job + "\n{")}, nil })
	default:
		err = Serve(128<<20, handle)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// frame is a result sent as its bytes, which are not JSON; as JSON it
// would be {}, its field unexported.
type frame struct{ b []byte }

func (f frame) MarshalBinary() ([]byte, error) { return f.b, nil }

func (f *frame) UnmarshalBinary(b []byte) error {
	f.b = append([]byte(nil), b...)
	return nil
}

// appendFrame is a frame that appends itself to the worker's buffer.
type appendFrame struct{ b []byte }

func (f appendFrame) AppendBinary(b []byte) ([]byte, error) { return append(b, f.b...), nil }

func (f *appendFrame) UnmarshalBinary(b []byte) error {
	f.b = append([]byte(nil), b...)
	return nil
}

// A result that marshals or appends itself to bytes travels as those bytes,
// unscanned; an appended one reuses the buffer of the last, larger or
// smaller, which must not show through.
func TestPoolBinaryResult(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	jobs := []string{"one", "two\nlines", strings.Repeat("长", 100000), "short", strings.Repeat("长", 30000), ""}
	t.Run("marshal", func(t *testing.T) {
		p := &Pool[string, frame]{Command: []string{exe}, Env: []string{childEnv + "=binary"}, Size: 1}
		defer p.Close()
		for _, job := range jobs {
			got, err := p.Do(context.Background(), job)
			if want := "\x00" + job + "\n{"; err != nil || string(got.b) != want {
				t.Errorf("Do(%.20q) = %.20q, %v; want %.20q", job, got.b, err, want)
			}
		}
	})
	t.Run("append", func(t *testing.T) {
		p := &Pool[string, appendFrame]{Command: []string{exe}, Env: []string{childEnv + "=append"}, Size: 1}
		defer p.Close()
		for _, job := range jobs {
			got, err := p.Do(context.Background(), job)
			if want := "\x00" + job + "\n{"; err != nil || string(got.b) != want {
				t.Errorf("Do(%.20q) = %.20q, %v; want %.20q", job, got.b, err, want)
			}
		}
	})
}

// writeReply hands back the buffer an appended result grew, for the next
// reply, unless it grew past maxKeptReply.
func TestWriteReplyBuffer(t *testing.T) {
	var w bytes.Buffer
	buf, err := writeReply(&w, appendFrame{bytes.Repeat([]byte("a"), 100<<10)}, nil, nil)
	if err != nil || cap(buf) < 100<<10 {
		t.Fatalf("first reply: buffer of cap %d, %v; want ≥ 100 KB", cap(buf), err)
	}
	w.Reset()
	kept := &buf[:1][0]
	buf, err = writeReply(&w, appendFrame{[]byte("bc")}, nil, buf)
	if err != nil || &buf[:1][0] != kept {
		t.Errorf("second reply: buffer not reused (%v)", err)
	}
	if want := `{"size":2}` + "\nbc"; w.String() != want {
		t.Errorf("second reply wrote %q; want %q", w.String(), want)
	}
	buf, err = writeReply(io.Discard, appendFrame{make([]byte, maxKeptReply+1)}, nil, buf)
	if err != nil || buf != nil {
		t.Errorf("a reply larger than maxKeptReply: buffer of cap %d kept (%v)", cap(buf), err)
	}
}

var hoard [][]byte

// handle does what a job says: echo it, fail, panic, crash the runtime, hang, or hoard memory.
func handle(job string) (string, error) {
	switch job {
	case "fail":
		return "", errors.New("no such file")
	case "panic":
		panic("bad input")
	case "crash": // a fatal error that recover cannot catch
		debug.SetMaxStack(1 << 20)
		var recurse func(int) int
		recurse = func(n int) int { return recurse(n+1) + 1 }
		return fmt.Sprint(recurse(0)), nil
	case "hang":
		select {}
	case "hoard later": // answers, and then exceeds the budget
		go handle("hoard")
		return "HOARDING", nil
	case "hoard":
		for {
			hoard = append(hoard, make([]byte, 1<<20))
			for i := range hoard[len(hoard)-1] {
				hoard[len(hoard)-1][i] = 1
			}
		}
	}
	return strings.ToUpper(job), nil
}

func newPool(t *testing.T) *Pool[string, string] {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := &Pool[string, string]{Command: []string{exe}, Env: []string{childEnv + "=1"}, Size: 2, Memory: 128 << 20}
	t.Cleanup(func() { p.Close() })
	return p
}

func TestPool(t *testing.T) {
	p := newPool(t)
	ctx := context.Background()
	tests := []struct {
		job, want string
		err       error  // wrapped, or nil
		msg       string // in the error
	}{
		{"hello", "HELLO", nil, ""},
		{"fail", "", nil, "no such file"},
		{"panic", "", nil, "internal error: bad input"},
		{"crash", "", ErrCrashed, "stack"},
		{"hoard", "", ErrMemory, "128 MB"},
		{"again", "AGAIN", nil, ""},
		{"hoard later", "HOARDING", nil, ""},
		{"innocent", "INNOCENT", nil, ""}, // whether its child dies under it or not
		{"innocent again", "INNOCENT AGAIN", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.job, func(t *testing.T) {
			got, err := p.Do(ctx, tt.job)
			if tt.msg == "" {
				if err != nil || got != tt.want {
					t.Fatalf("Do(%q) = %q, %v; want %q", tt.job, got, err, tt.want)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.msg) || (tt.err != nil && !errors.Is(err, tt.err)) {
				t.Fatalf("Do(%q) = %q, %v; want an error with %q", tt.job, got, err, tt.msg)
			}
			t.Log(err)
		})
	}
}

func TestTimeoutAndCancel(t *testing.T) {
	p := newPool(t)
	deadline, cancelDeadline := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancelDeadline()
	if _, err := p.Do(deadline, "hang"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("hang: %v, want the deadline", err)
	}
	if got, err := p.Do(context.Background(), "after"); err != nil || got != "AFTER" {
		t.Errorf("after a timeout: %q, %v", got, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := p.Do(ctx, "hang"); !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled: %v", err)
		}
	}()
	// Cancel once the job is surely sent: when the pool's only other slot is what a second Do waits on.
	for {
		if got, err := p.Do(context.Background(), "ping"); err != nil || got != "PING" {
			t.Fatalf("ping: %q, %v", got, err)
		}
		if len(p.slots) == 1 {
			break
		}
	}
	cancel()
	wg.Wait()
}

func TestConcurrent(t *testing.T) {
	p := newPool(t)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			job := fmt.Sprintf("job%d", i)
			if got, err := p.Do(context.Background(), job); err != nil || got != strings.ToUpper(job) {
				t.Errorf("Do(%q) = %q, %v", job, got, err)
			}
		}()
	}
	wg.Wait()
}
