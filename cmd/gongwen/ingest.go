package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

type ingestOptions struct {
	data      string       // data directory (see dataDir)
	batch     int          // documents per index transaction
	reextract bool         // extract files and pages the index holds unchanged
	ocr       bool         // read scanned PDF pages with Tesseract
	crawl     crawlOptions // for URL arguments: the flags of gongwen crawl
}

const ingestUsage = `Usage: gongwen ingest [--data DIR] [crawl flags] PATH|URL ...

Extracts files, directories (walked recursively: .html .htm .shtml .pdf
.docx .doc .wps .ofd .xls .xlsx .et .zip .txt; other files are named as
skipped) and URLs and adds them to the index in DIR/index. A zip archive
adds its own document and one for each file inside (parent = the archive). Files of JSON
lines written by 'gongwen extract' (.jsonl) are indexed as they are.

A URL is crawled first, as 'gongwen crawl' does, into DIR/raw: the crawl
flags (--rate, --max-pages, --since, --contact …, below) apply to it. Then
the pages and attachments that are new or changed are extracted and indexed.

Incremental: a file or page whose content the index already holds is not
extracted again (--reextract does, e.g. after upgrading gongwen); a
document whose id and content are already in the index is skipped, a
changed one is replaced (with its indicators). Documents are
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
	batch     *index.Batch
	size      int
	reextract bool                     // see ingestOptions
	ocr       bool                     // see ingestOptions
	bar       *progressbar.ProgressBar // nil when stderr is not a terminal
	counts    map[index.Change]int
	inds      int
	failures  []string
	extracted atomic.Int64 // calls of Extract, which the incremental runs avoid
}

// add indexes doc, which came from source (a path or URL).
func (in *ingester) add(source string, doc *extract.Document) error {
	change, err := in.batch.Add(doc)
	if err != nil {
		in.fail(source, err)
		return nil
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
	in := &ingester{ix: ix, batch: ix.NewBatch(), size: opts.batch, reextract: opts.reextract, ocr: opts.ocr, counts: map[index.Change]int{}}
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
	fmt.Fprintf(stdout, "ingest: %d new, %d updated, %d unchanged, %d failed; %d indicators; %s\n",
		in.counts[index.Added], in.counts[index.Updated], in.counts[index.Unchanged], failed,
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
	results := make(chan result)
	var wg sync.WaitGroup
	ex := &extract.Extractor{OCR: in.ocr}
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				r := result{path: p}
				r.docs, r.unchanged, r.err = in.readPath(ex, p)
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
// unchanged is not extracted: it returns unchanged.
func (in *ingester) readPath(ex *extract.Extractor, path string) (docs []*extract.Document, unchanged bool, err error) {
	if strings.HasSuffix(path, ".jsonl") {
		docs, err := readJSONL(path)
		return docs, false, err
	}
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if !in.reextract && in.holdsFile(path, body) {
		return nil, true, nil
	}
	in.extracted.Add(1)
	docs, err = ex.ExtractAll(extract.Input{Name: path, Body: body})
	if err != nil {
		return nil, false, err
	}
	return docs, false, nil
}

// holdsFile reports whether the index holds the document extracted from
// the file at path with this body: same content id, hash and file name.
func (in *ingester) holdsFile(path string, body []byte) bool {
	sum := sha256.Sum256(body)
	doc, err := in.ix.Document(extract.ContentID(body))
	return err == nil && doc.Source.SHA256 == hex.EncodeToString(sum[:]) && doc.Source.File == path
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
		docs = append(docs, &doc)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// isTerminal reports whether w is a terminal, for progress bars and colour.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
