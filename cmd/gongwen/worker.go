package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/internal/limit"
	"github.com/gongwen/gongwen/internal/worker"
)

// workerCommand is the hidden subcommand that runs extractions for
// extract and ingest, in child processes they supervise (internal/worker):
// a file that crashes or exhausts its process takes only its own document
// with it.
const workerCommand = "_worker"

// Defaults of the limits of one document (README "Limits").
const (
	defaultDocTimeout = 2 * time.Minute
	defaultDocMemory  = 1 << 30
	defaultMaxInput   = 256 << 20
	// ocrDocTimeout is the least time a document has with --ocr.
	ocrDocTimeout = 30 * time.Minute
)

// docLimits are the limits of extracting one document.
type docLimits struct {
	timeout  time.Duration
	memory   int64 // bytes the worker process may hold, its dictionary included
	maxInput int64 // bytes of one input file
	maxText  int64 // bytes of the text of one document
	workers  int   // worker processes; 0 means one per core
}

func addLimitFlags(fs *flag.FlagSet, l *docLimits) {
	l.timeout, l.memory, l.maxInput, l.maxText = defaultDocTimeout, defaultDocMemory, defaultMaxInput, extract.DefaultMaxText
	fs.DurationVar(&l.timeout, "doc-timeout", l.timeout, "give up on a document after `DURATION`")
	fs.Var(limit.SizeFlag{N: &l.memory}, "doc-memory", "give up on a document when its worker process holds more than `SIZE`")
	fs.Var(limit.SizeFlag{N: &l.maxInput}, "max-input", "skip input files larger than `SIZE`")
	fs.Var(limit.SizeFlag{N: &l.maxText}, "max-text", "give up on a document whose text is longer than `SIZE`")
	fs.IntVar(&l.workers, "workers", 0, "extract in `N` worker processes at once (default: one per core)")
}

// extractJob is work for a worker: files it reads itself and extracts in
// turn, or an input whose bytes the parent has (a fetched page). Small
// files travel in batches: passing a job and waking a worker costs the
// parent and the worker about as much as extracting a small report.
type extractJob struct {
	Paths []string `json:"paths,omitempty"`
	Dir   string   `json:"dir,omitempty"` // the parent's working directory, where a relative path is

	Input    extract.Input `json:"input"`
	MaxInput int64         `json:"max_input"`
	MaxText  int64         `json:"max_text"`
	OCR      bool          `json:"ocr,omitempty"`     // read scanned pages with Tesseract
	Explain  bool          `json:"explain,omitempty"` // fill Indicator.Rule
}

// encodedDoc is a document as a worker sends it: its JSON, as gongwen
// extract prints it, with what the parent needs to report on it. extract
// writes the JSON as it comes, and only ingest decodes it: a document of a
// few kilobytes of text is some 15 KB of JSON, and decoding and encoding it
// again in the parent cost as much as a third of extracting it.
type encodedDoc struct {
	JSON     []byte   `json:"-"`
	Member   string   `json:"member,omitempty"` // source.file of a document inside an archive
	Warnings []string `json:"warnings,omitempty"`
	Size     int      `json:"size"` // of JSON, which follows the header line
}

// encodeDoc encodes doc in scratch, a buffer the caller keeps for the
// next document (it grows once to the largest), and copies the JSON out.
func encodeDoc(doc *extract.Document, scratch *bytes.Buffer) (encodedDoc, error) {
	scratch.Reset()
	enc := json.NewEncoder(scratch)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return encodedDoc{}, fmt.Errorf("extract: %s: %w", doc.Source.File, err)
	}
	d := encodedDoc{JSON: bytes.Clone(bytes.TrimSuffix(scratch.Bytes(), []byte("\n"))), Warnings: doc.Warnings}
	if scratch.Cap() > 4<<20 {
		*scratch = bytes.Buffer{} // not held for the next document: a large PDF's JSON is tens of MB
	}
	if doc.Parent != "" {
		d.Member = doc.Source.File
	}
	return d, nil
}

// docBatch is the documents of one input: one, or an archive's and those
// of the files inside it.
type docBatch []encodedDoc

// inputDocs is what one input of a job gave: its documents, or why it gave
// none.
type inputDocs struct {
	Docs docBatch `json:"-"`
	N    int      `json:"docs"` // documents that follow the line
	Err  string   `json:"error,omitempty"`
}

// jobDocs is a worker's answer to a job: what each of its inputs gave, in
// order. It travels as a line of JSON for each input, then for each of its
// documents a header line and the document's JSON (see worker.Serve), so
// that neither side scans the documents' JSON again.
type jobDocs []inputDocs

// AppendBinary appends the answer to b, the worker's buffer of the last
// answer (see worker.Serve).
func (j jobDocs) AppendBinary(b []byte) ([]byte, error) {
	var lines [][]byte // each input's line, then each of its documents' header line
	size := 0
	for _, in := range j {
		in.N = len(in.Docs)
		line, err := json.Marshal(in)
		if err != nil {
			return nil, err
		}
		lines = append(lines, line)
		size += len(line) + 1
		for _, d := range in.Docs {
			d.Size = len(d.JSON)
			h, err := json.Marshal(d)
			if err != nil {
				return nil, err
			}
			lines = append(lines, h)
			size += len(h) + 1 + len(d.JSON)
		}
	}
	out := slices.Grow(b, size) // megabytes for a batch: grown once
	k := 0
	for _, in := range j {
		out = append(append(out, lines[k]...), '\n')
		k++
		for _, d := range in.Docs {
			out = append(append(append(out, lines[k]...), '\n'), d.JSON...)
			k++
		}
	}
	return out, nil
}

func (j *jobDocs) UnmarshalBinary(data []byte) error {
	broken := errors.New("a worker's answer is broken")
	for len(data) > 0 {
		var in inputDocs
		line, rest, ok := bytes.Cut(data, []byte("\n"))
		if !ok || json.Unmarshal(line, &in) != nil || in.N < 0 || in.N > len(rest) {
			return broken
		}
		data = rest
		for range in.N {
			var d encodedDoc
			line, rest, ok := bytes.Cut(data, []byte("\n"))
			if !ok || json.Unmarshal(line, &d) != nil || d.Size < 0 || d.Size > len(rest) {
				return broken
			}
			d.JSON, data = rest[:d.Size:d.Size], rest[d.Size:]
			in.Docs = append(in.Docs, d)
		}
		*j = append(*j, in)
	}
	return nil
}

// decodeDocs decodes the documents of a worker's answer.
func decodeDocs(encoded docBatch) ([]*extract.Document, error) {
	docs := make([]*extract.Document, len(encoded))
	for i, e := range encoded {
		docs[i] = new(extract.Document)
		if err := json.Unmarshal(e.JSON, docs[i]); err != nil {
			return nil, fmt.Errorf("extract: a worker's answer: %w", err)
		}
	}
	return docs, nil
}

// workerPool runs extractions in worker processes.
type workerPool = worker.Pool[extractJob, jobDocs]

// extractor runs extractions in worker processes. An input gives one
// document, or an archive's and those of the files inside it.
type extractor struct {
	pool   *workerPool
	limits docLimits
	ocr    bool // read scanned PDF pages with Tesseract
	// explain fills each indicator's naming rule (extract --explain)
	explain bool
}

// pools holds the worker processes of this process, by memory budget and
// number: started once, they serve every command run in the process (the
// tests run many) and end when it exits.
var pools sync.Map // poolKey → *workerPool

type poolKey struct {
	memory  int64
	workers int
}

func newExtractor(l docLimits) (*extractor, error) {
	// Zero means the default: callers in tests fill only what they test.
	l.timeout = cmp.Or(l.timeout, defaultDocTimeout)
	l.memory = cmp.Or(l.memory, defaultDocMemory)
	l.maxInput = cmp.Or(l.maxInput, defaultMaxInput)
	l.maxText = cmp.Or(l.maxText, extract.DefaultMaxText)
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("cannot start worker processes: %w", err)
	}
	pool, _ := pools.LoadOrStore(poolKey{l.memory, l.workers}, &workerPool{
		Command: []string{exe, workerCommand, strconv.FormatInt(l.memory, 10)},
		Env:     workerEnv(),
		Size:    l.workers,
		Memory:  l.memory,
	})
	return &extractor{pool: pool.(*workerPool), limits: l}, nil
}

// Close ends the use of the extractor; its worker processes stay for the
// next command of the process.
func (e *extractor) Close() {}

// closePools ends the worker processes before gongwen exits.
func closePools() {
	pools.Range(func(_, p any) bool {
		p.(*workerPool).Close()
		return true
	})
}

// file extracts the file at path.
func (e *extractor) file(ctx context.Context, path string) (docBatch, error) {
	r := e.files(ctx, []string{path})[0]
	return r.docs, r.err
}

// files extracts the files at paths in one job, and returns what each gave.
// A job that fails as a whole (its worker crashed, or ran out of time or
// memory) is tried again one file at a time, so that only the file that
// caused it fails.
func (e *extractor) files(ctx context.Context, paths []string) []extractResult {
	out := make([]extractResult, len(paths))
	// The workers outlive a change of directory (a test's), so the job says
	// where a relative path starts; the path itself stays as given, the
	// document's source.file.
	dir, err := os.Getwd()
	if err != nil {
		for i, path := range paths {
			out[i].err = fmt.Errorf("extract: %s: %w", path, err)
		}
		return out
	}
	answer, err := e.do(ctx, paths[0], extractJob{Paths: paths, Dir: dir})
	if err == nil && len(answer) != len(paths) {
		err = fmt.Errorf("extract: %s: a worker answered for %d of %d files", paths[0], len(answer), len(paths))
	}
	switch {
	case err == nil:
		for i, a := range answer {
			out[i] = a.result()
		}
	case len(paths) > 1 && ctx.Err() == nil:
		for i, path := range paths {
			out[i] = e.files(ctx, []string{path})[0]
		}
	default:
		for i := range out {
			out[i].err = err
		}
	}
	return out
}

// input extracts an input held in memory (a fetched page); name is its URL.
func (e *extractor) input(ctx context.Context, in extract.Input) (docBatch, error) {
	name := in.Name
	if name == "" {
		name = in.URL
	}
	answer, err := e.do(ctx, name, extractJob{Input: in})
	if err == nil && len(answer) != 1 {
		err = fmt.Errorf("extract: %s: a worker answered for %d inputs of 1", name, len(answer))
	}
	if err != nil {
		return nil, err
	}
	r := answer[0].result()
	return r.docs, r.err
}

func (in inputDocs) result() extractResult {
	if in.Err != "" {
		return extractResult{err: errors.New(in.Err)}
	}
	return extractResult{docs: in.Docs}
}

// do runs a job; name is its input, or the first of its files.
func (e *extractor) do(ctx context.Context, name string, job extractJob) (jobDocs, error) {
	job.MaxInput, job.MaxText = e.limits.maxInput, e.limits.maxText
	job.OCR, job.Explain = e.ocr, e.explain
	timeout := e.limits.timeout
	if e.ocr {
		timeout = max(timeout, ocrDocTimeout) // OCR takes 10–30 s a page
	}
	jobCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	docs, err := e.pool.Do(jobCtx, job)
	switch {
	case err == nil:
		return docs, nil
	case ctx.Err() != nil:
		return nil, ctx.Err()
	case errors.Is(err, context.DeadlineExceeded):
		return nil, fmt.Errorf("extract: %s: gave up after %v (--doc-timeout)", name, timeout)
	case errors.Is(err, worker.ErrMemory):
		return nil, fmt.Errorf("extract: %s: gave up: %w (--doc-memory)", name, err)
	case errors.Is(err, worker.ErrCrashed):
		return nil, fmt.Errorf("extract: %s: %w; the other inputs go on", name, err)
	}
	return nil, err
}

// beforeExtract, if set, is called by the worker with each input's name
// before it is extracted. Tests set it to crash a worker as a fatal runtime
// error would.
var beforeExtract func(name string)

// workerGCPercent is the workers' GOGC: see collectLess.
const workerGCPercent = 200

// workerEnv is what a worker's environment adds to gongwen's: GOGC, unless
// it is set. Set before the worker starts, it applies to package
// initialisation too, which allocates some 6 MB and so collects garbage
// at Go's default: 78 → 56 ms of CPU per process start (perf stat -r 40).
func workerEnv() []string {
	if os.Getenv("GOGC") != "" {
		return nil
	}
	return []string{"GOGC=" + strconv.Itoa(workerGCPercent)}
}

// runWorker is the worker process: gongwen _worker MEMORY, serving the
// jobs of an extractor.
func runWorker(args []string, stderr io.Writer) int {
	memory := int64(0)
	if len(args) > 0 {
		memory, _ = strconv.ParseInt(args[0], 10, 64)
	}
	// Collect less often than Go's default (workerEnv), but hard well before
	// the budget: a large document's live heap must not be multiplied into a
	// kill.
	collectLess(workerGCPercent)
	if memory > 0 {
		debug.SetMemoryLimit(memory / 2)
	}
	ex := &extract.Extractor{}
	var scratch bytes.Buffer
	err := worker.Serve(memory, func(job extractJob) (jobDocs, error) {
		ex.MaxText, ex.OCR, ex.Explain = int(job.MaxText), job.OCR, job.Explain
		if len(job.Paths) == 0 {
			return jobDocs{extractDocs(ex, job.Input, &scratch)}, nil
		}
		if job.Dir != "" {
			if err := os.Chdir(job.Dir); err != nil {
				return nil, fmt.Errorf("extract: %s: %w", job.Dir, err)
			}
		}
		answer := make(jobDocs, len(job.Paths))
		for i, path := range job.Paths {
			body, err := readInput(path, job.MaxInput, job.MaxText)
			if err != nil {
				answer[i].Err = err.Error()
				continue
			}
			answer[i] = extractDocs(ex, extract.Input{Name: path, Body: body}, &scratch)
		}
		return answer, nil
	})
	if err != nil {
		fmt.Fprintln(stderr, "gongwen worker:", err)
		return 1
	}
	return 0
}

// extractDocs extracts one input in a worker; scratch is for encodeDoc.
func extractDocs(ex *extract.Extractor, in extract.Input, scratch *bytes.Buffer) inputDocs {
	if beforeExtract != nil {
		beforeExtract(in.Name)
	}
	docs, err := ex.ExtractAll(in)
	if err != nil {
		return inputDocs{Err: err.Error()}
	}
	encoded := make(docBatch, len(docs))
	for i, doc := range docs {
		if encoded[i], err = encodeDoc(doc, scratch); err != nil {
			return inputDocs{Err: err.Error()}
		}
	}
	return inputDocs{Docs: encoded}
}

// readInput reads a file of at most max bytes; a text or HTML file is not
// read at all when it is too large for its text to fit in maxText (the
// extractor's check, made before the bytes are read).
func readInput(path string, max, maxText int64) ([]byte, error) {
	f, err := openFile(path)
	if err != nil {
		return nil, fmt.Errorf("extract: %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	var buf bytes.Buffer
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if info.Size() > max {
			return nil, fmt.Errorf("extract: %s: file of %s, larger than %s (--max-input)", path, limit.Size(info.Size()), limit.Size(max))
		}
		if info.Size() > 4*maxText {
			head := make([]byte, 4096)
			n, _ := f.ReadAt(head, 0)
			if format := extract.Sniff(path, "", head[:n]); format == extract.FormatText || format == extract.FormatHTML {
				return nil, fmt.Errorf("extract: %s: %s file: %w of %s text (--max-text)", path, limit.Size(info.Size()), extract.ErrTooLarge, limit.Size(maxText))
			}
		}
		// Room for the whole file and the read that finds its end: two reads
		// (io.ReadAll starts at 512 bytes and doubles).
		buf.Grow(int(info.Size()) + bytes.MinRead)
	}
	_, err = buf.ReadFrom(limit.NewReader(f, max, "file"))
	body := buf.Bytes()
	if errors.Is(err, limit.ErrExceeded) {
		return nil, fmt.Errorf("extract: %s: more than %s (--max-input)", path, limit.Size(max))
	}
	if err != nil {
		return nil, fmt.Errorf("extract: %s: %w", path, unwrapPathError(err))
	}
	return body, nil
}
