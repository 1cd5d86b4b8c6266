package fetch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// The frontier of an unfinished crawl is a log of JSON lines,
// crawls/<id>.log in the store: the crawl's seeds, then every URL queued and
// every result, appended as they happen. A URL costs the bytes of its own
// lines, however long the frontier (rewriting it whole after every URL
// cost gigabytes on a list of 100,000 links). A crawl that was killed
// resumes from the log; a line cut by the kill is ignored.

// event is one line of the log.
type event struct {
	Start  *state  `json:"start,omitempty"`  // the first line: id, seeds, start time
	Queue  *item   `json:"queue,omitempty"`  // a URL to fetch
	Result *Result `json:"result,omitempty"` // a URL done (fetched or not): off the queue
	Bytes  int64   `json:"bytes,omitempty"`  // downloaded for the result
}

// events are lines to append at once.
type events struct{ buf bytes.Buffer }

func (e *events) add(ev event) {
	b, err := json.Marshal(ev)
	if err != nil {
		panic(err) // items and results always marshal
	}
	e.buf.Write(b)
	e.buf.WriteByte('\n')
}

func (e *events) queue(it item)                { e.add(event{Queue: &it}) }
func (e *events) result(r Result, bytes int64) { e.add(event{Result: &r, Bytes: bytes}) }

// frontierLog is the open log of a crawl.
type frontierLog struct {
	f *os.File
}

func (s *Store) frontierPath(id string) string { return filepath.Join(s.Dir, "crawls", id+".log") }

func (s *Store) openFrontier(id string) (*frontierLog, error) {
	f, err := os.OpenFile(s.frontierPath(id), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("crawl: %w", err)
	}
	return &frontierLog{f: f}, nil
}

// start writes the first lines of a new crawl: its header and its seeds.
func (l *frontierLog) start(st *state) error {
	var ev events
	head := state{ID: st.ID, Seeds: st.Seeds, Started: st.Started}
	ev.add(event{Start: &head})
	for _, it := range st.Queue {
		ev.queue(it)
	}
	return l.append(ev)
}

// append writes the lines in one write, so a kill cuts at most the last one.
func (l *frontierLog) append(ev events) error {
	if ev.buf.Len() == 0 {
		return nil
	}
	if _, err := l.f.Write(ev.buf.Bytes()); err != nil {
		return fmt.Errorf("crawl: saving the frontier: %w", err)
	}
	return nil
}

func (l *frontierLog) close() error { return l.f.Close() }

// loadState replays the log of crawl id: nil if there is none.
func (s *Store) loadState(id string) (*state, error) {
	f, err := os.Open(s.frontierPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("crawl: %w", err)
	}
	defer f.Close()
	var st *state
	var queue []item
	done := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var ev event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			if !bytes.HasSuffix(sc.Bytes(), []byte("}")) {
				break // the last line, cut by a kill
			}
			return nil, fmt.Errorf("crawl: resuming from %s:%d: %w (delete it to start afresh)", s.frontierPath(id), line, err)
		}
		switch {
		case ev.Start != nil:
			st = ev.Start
		case st == nil:
			return nil, fmt.Errorf("crawl: resuming from %s: no header line (delete it to start afresh)", s.frontierPath(id))
		case ev.Queue != nil:
			queue = append(queue, *ev.Queue)
		case ev.Result != nil:
			st.Results = append(st.Results, *ev.Result)
			st.Bytes += ev.Bytes
			done[ev.Result.URL] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("crawl: resuming from %s: %w", s.frontierPath(id), err)
	}
	if st == nil {
		return nil, nil // killed before its first line
	}
	for _, it := range queue {
		if !done[it.URL] {
			st.Queue = append(st.Queue, it)
		}
	}
	return st, nil
}

// RemoveCrawl forgets the saved frontier of a crawl (Report.ID), so the
// next crawl with the same seeds starts afresh with conditional requests.
func (s *Store) RemoveCrawl(id string) error {
	err := os.Remove(s.frontierPath(id))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("raw store: %w", err)
	}
	return nil
}
