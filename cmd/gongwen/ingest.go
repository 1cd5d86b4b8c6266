package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
	"github.com/gongwen/gongwen/internal/limit"
)

type ingestOptions struct {
	data      string       // data directory (see dataDir)
	batch     int          // documents per index transaction
	reextract bool         // extract files and pages the index holds unchanged
	ocr       bool         // read scanned PDF pages with Tesseract
	crawl     crawlOptions // for URL arguments: the flags of gongwen crawl
	limits    docLimits    // of extracting one document
}

const ingestUsage = `Usage: gongwen ingest [--data DIR] [crawl flags] PATH|URL ...

Extracts files, directories (walked recursively: .html .htm .shtml .pdf
.docx .doc .wps .ofd .xls .xlsx .et .zip .rar .txt; other files are named
as skipped) and URLs and adds them to the index in DIR/index. A zip or RAR
archive adds its own document and one for each file inside (parent = the archive). Files of JSON
lines written by 'gongwen extract' (.jsonl) are indexed as they are.

A URL is crawled first, as 'gongwen crawl' does, into DIR/raw: the crawl
flags (--rate, --max-pages, --since, --contact …, below) apply to it. Then
the pages and attachments that are new or changed are extracted and indexed.

Incremental: a file or page whose content the index already holds is not
extracted again (--reextract does, e.g. after upgrading gongwen); a
document whose id and content are already in the index is skipped, a
changed one is replaced (with its indicators). A file with the same bytes
as one indexed before is the same document: its path is added to the
document's source.other_files.

Each document is extracted in a worker process with a deadline and a
memory budget (--doc-timeout, --doc-memory): a file that crashes or
exhausts its worker fails alone. Documents are
written in batches; an interrupted run keeps the batches it finished, and
running it again completes it. A progress bar is shown on a terminal; a
summary is printed at the end. Inputs that fail are listed and the others
are still indexed (exit status 1).

Examples:
  gongwen ingest --data ./gongwen-data testdata/reports/
  gongwen ingest --contact me@example.org --since 2020-01-01 \
      https://www.example.gov.cn/zwgk/fzzfjsndbg/index.html

Flags:
`

func cmdIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts ingestOptions
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &opts.data)
	fs.IntVar(&opts.batch, "batch", 200, "documents per index transaction")
	fs.BoolVar(&opts.ocr, "ocr", false, "read scanned PDF pages by OCR (needs tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils; 10–30 s a page)")
	fs.BoolVar(&opts.reextract, "reextract", false, "extract files and pages again even when the index holds their content (after upgrading gongwen)")
	addCrawlFlags(fs, &opts.crawl)
	addLimitFlags(fs, &opts.limits)
	fs.Usage = func() { fmt.Fprint(fs.Output(), ingestUsage); fs.PrintDefaults() }
	if err := flagError(fs.Parse(args)); err != nil {
		return err
	}
	if fs.NArg() == 0 || opts.batch < 1 {
		fs.Usage()
		return errUsage
	}
	opts.data = dataDir(opts.data)
	return runIngest(ctx, opts, fs.Args(), stdout, stderr)
}

// ingester adds documents to the index in batches and counts what happened.
// ingestURLs (ingest_url.go) feeds it the documents of URL arguments.
type ingester struct {
	ix        *index.Index
	ex        *extractor
	batch     *index.Batch
	size      int
	reextract bool                     // see ingestOptions
	ocr       bool                     // see ingestOptions
	bar       *progressbar.ProgressBar // nil when stderr is not a terminal
	counts    map[index.Change]int
	inds      int
	copies    int // files with the same content as another: added as its locations
	failures  []string
	extracted atomic.Int64        // calls of Extract, which the incremental runs avoid
	files     map[string]location // the file documents added in this run, by id
}

// newIngester returns an ingester adding to ix in batches of size
// documents, extracting with ex.
func newIngester(ix *index.Index, ex *extractor, size int) *ingester {
	return &ingester{ix: ix, ex: ex, batch: ix.NewBatch(), size: size, counts: map[index.Change]int{}, files: map[string]location{}}
}

// location is where the bytes of a document read from a file were found.
type location struct {
	sha256 string
	file   string
	others []string
}

// add indexes doc, which came from source (a path or URL).
func (in *ingester) add(source string, doc *extract.Document) error {
	copied := false
	if doc.Source.URL == "" && doc.Source.File != "" {
		copied = in.locate(doc)
	}
	change, err := in.batch.Add(doc)
	if err != nil {
		in.fail(source, err)
		return nil
	}
	if copied {
		in.copies++
		change = index.Unchanged
	}
	in.counts[change]++
	if change != index.Unchanged {
		in.inds += len(doc.Indicators)
	}
	in.step()
	if in.batch.Len() >= in.size {
		return in.batch.Commit()
	}
	return nil
}

// locate keeps one document per content: when this run or the index has the document of doc's bytes
// from another file that still exists, doc keeps that file as its source and lists its own among the
// other files (files that are gone, renamed or deleted, are dropped). It reports whether doc is such
// a copy.
func (in *ingester) locate(doc *extract.Document) (copied bool) {
	prev, ok := in.files[doc.ID]
	if !ok {
		if stored, err := in.ix.Document(doc.ID); err == nil && stored.Source.URL == "" {
			prev, ok = location{stored.Source.SHA256, stored.Source.File, stored.Source.OtherFiles}, true
		}
	}
	file := doc.Source.File
	if ok && prev.sha256 == doc.Source.SHA256 && prev.file != "" {
		var files []string
		for _, f := range append([]string{prev.file}, prev.others...) {
			if _, err := os.Stat(f); f == file || err == nil {
				files = append(files, f)
			}
		}
		if !slices.Contains(files, file) {
			files = append(files, file)
		}
		doc.Source.File, doc.Source.OtherFiles = files[0], slices.Clip(files[1:])
		if len(doc.Source.OtherFiles) == 0 {
			doc.Source.OtherFiles = nil
		}
		copied = doc.Source.File != file
	}
	in.files[doc.ID] = location{doc.Source.SHA256, doc.Source.File, doc.Source.OtherFiles}
	return copied
}

// skip counts a file whose document the index holds unchanged.
func (in *ingester) skip() {
	in.counts[index.Unchanged]++
	in.step()
}

// fail records that source could not be indexed.
func (in *ingester) fail(source string, err error) {
	msg := err.Error()
	if !strings.Contains(msg, source) {
		msg = source + ": " + msg
	}
	in.failures = append(in.failures, msg)
	in.step()
}

func (in *ingester) step() {
	if in.bar != nil {
		in.bar.Add(1)
	}
}

// grow tells the progress bar about n more inputs (URLs found by a crawl).
func (in *ingester) grow(n int) {
	if in.bar != nil {
		in.bar.ChangeMax(in.bar.GetMax() + n)
	}
}

func runIngest(ctx context.Context, opts ingestOptions, args []string, stdout, stderr io.Writer) error {
	start := time.Now()
	inputs, badArgs := collectInputs(args, stderr)
	var paths, urls []string
	for _, a := range inputs {
		if isURL(a) {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	ix, err := index.Create(opts.data)
	if err != nil {
		return err
	}
	defer ix.Close()
	ex, err := newExtractor(opts.limits)
	if err != nil {
		return err
	}
	defer ex.Close()
	ex.ocr = opts.ocr
	in := newIngester(ix, ex, opts.batch)
	in.reextract = opts.reextract
	if isTerminal(stderr) {
		in.bar = progressbar.NewOptions(len(inputs),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
	}

	err = ingestPaths(ctx, in, paths)
	if err == nil && len(urls) > 0 {
		err = ingestURLs(ctx, opts, in, urls, stderr)
	}
	// Whatever happened, keep what was done.
	if cerr := in.batch.Commit(); err == nil {
		err = cerr
	}
	if in.bar != nil {
		in.bar.Finish()
	}
	failed := badArgs + len(in.failures)
	copies := ""
	if in.copies > 0 {
		copies = fmt.Sprintf(" (%d the same bytes as another file)", in.copies)
	}
	fmt.Fprintf(stdout, "ingest: %d new, %d updated, %d unchanged%s, %d failed; %d indicators; %s\n",
		in.counts[index.Added], in.counts[index.Updated], in.counts[index.Unchanged], copies, failed,
		in.inds, time.Since(start).Round(time.Millisecond))
	if total, cerr := ix.Count(ctx); cerr == nil {
		fmt.Fprintf(stdout, "index %s: %d documents\n", index.Dir(opts.data), total)
	}
	for _, f := range in.failures {
		fmt.Fprintf(stderr, "ingest: failed: %s\n", f)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}

// ingestPaths extracts files on all cores and adds them in this goroutine,
// which owns the batch.
func ingestPaths(ctx context.Context, in *ingester, paths []string) error {
	type result struct {
		path      string
		docs      []*extract.Document
		unchanged bool // in the index already: not extracted
		err       error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan string)
	// Room for a batch of results, so that extraction goes on while the
	// batch before is written (bleve waits for the disk then).
	results := make(chan result, in.size)
	var wg sync.WaitGroup
	workers := in.ex.limits.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				r := result{path: p}
				r.docs, r.unchanged, r.err = in.readPath(ctx, p)
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for _, p := range paths {
			select {
			case jobs <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()
	for r := range results {
		if ctx.Err() != nil {
			break // a job cut short by Ctrl-C is no failure of its input
		}
		if r.err != nil {
			in.fail(r.path, r.err)
			continue
		}
		if r.unchanged {
			in.skip()
			continue
		}
		if len(r.docs) != 1 {
			in.grow(len(r.docs) - 1)
		}
		for _, doc := range r.docs {
			if err := in.add(r.path, doc); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// readPath extracts one file, or reads the documents of a JSON-lines file
// written by gongwen extract. A file whose document the index holds
// unchanged is not extracted: it returns unchanged. A file with the bytes
// of a document the index holds from another file is not extracted either:
// it returns that document, which add makes list the file.
func (in *ingester) readPath(ctx context.Context, path string) (docs []*extract.Document, unchanged bool, err error) {
	if strings.HasSuffix(path, ".jsonl") {
		docs, err := readJSONL(path)
		return docs, false, err
	}
	sum, err := fileSum(path, in.ex.limits.maxInput)
	if err != nil {
		return nil, false, err
	}
	if !in.reextract {
		if doc, err := in.ix.Document(extract.ContentIDOf(sum)); err == nil && doc.Source.URL == "" && doc.Source.SHA256 == hex.EncodeToString(sum) {
			if doc.Source.File == path || slices.Contains(doc.Source.OtherFiles, path) {
				return nil, true, nil
			}
			doc.Source.File = path // add turns it into a location of the stored document
			return []*extract.Document{doc}, false, nil
		}
	}
	in.extracted.Add(1)
	encoded, err := in.ex.file(ctx, path)
	if err != nil {
		return nil, false, err
	}
	docs, err = decodeDocs(encoded)
	return docs, false, err
}

// fileSum returns the SHA-256 of the file at path, read as a stream, or an
// error when it is larger than max bytes.
func fileSum(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, limit.NewReader(f, max, "file")); err != nil {
		if errors.Is(err, limit.ErrExceeded) {
			return nil, fmt.Errorf("extract: %s: larger than %s (--max-input)", path, limit.Size(max))
		}
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	return h.Sum(nil), nil
}

func readJSONL(path string) ([]*extract.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	var docs []*extract.Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var doc extract.Document
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return nil, fmt.Errorf("%s:%d: not a document from gongwen extract: %v", path, line, err)
		}
		if err := checkDocument(&doc); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		docs = append(docs, &doc)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// idRE is what a document id may be: gongwen writes 16 hex digits; other
// tools may write other ids, but never ones that break URLs and paths.
var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// checkDocument rejects a document of a JSON-lines file that gongwen could
// not have written: an id that is not a plain token, or a source or
// attachment URL that is not http(s) (javascript:, data: …), which the web
// page would link.
func checkDocument(doc *extract.Document) error {
	if !idRE.MatchString(doc.ID) {
		return fmt.Errorf("document id %q: want letters, digits, '.', '_' or '-' (gongwen writes 16 hex digits)", doc.ID)
	}
	if u := doc.Source.URL; u != "" && !isHTTP(u) {
		return fmt.Errorf("document %s: source.url %q is not an http(s) URL", doc.ID, u)
	}
	for _, a := range doc.Attachments {
		if !isHTTP(a.URL) {
			return fmt.Errorf("document %s: attachment URL %q is not an http(s) URL", doc.ID, a.URL)
		}
	}
	return nil
}

func isHTTP(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// isTerminal reports whether w is a terminal, for progress bars and colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
