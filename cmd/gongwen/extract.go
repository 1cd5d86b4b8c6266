package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/fetch"
	"github.com/gongwen/gongwen/internal/output"
)

type extractOptions struct {
	out     string    // file to write the JSON lines to; stdout when empty
	ocr     bool      // read scanned PDF pages with Tesseract
	formats bool      // list the formats read and exit
	explain bool      // say which naming rule named each indicator
	limits  docLimits // of extracting one document
}

const extractUsage = `Usage: gongwen extract [--out FILE] [--ocr] [--explain] PATH|URL ...
       gongwen extract --formats

Prints one JSON object per document (see CONTRACT.md), in argument order.
A PATH may be a file or a directory (walked recursively: .html .htm .shtml
.pdf .docx .doc .wps .ofd .xls .xlsx .et .zip .rar .txt; every other file
is named on stderr as skipped, with the reason). A URL is fetched once. A
zip or RAR archive gives its own document and then one for each file inside.
--formats lists the formats, how each is read and what it needs installed.

Inputs that cannot be read are named on stderr, one line each; the others
are still printed, and the exit status is 1. Each document is extracted in
a worker process with a deadline and a memory budget (--doc-timeout,
--doc-memory): a file that crashes or exhausts its worker fails alone.

Flags:
`

func cmdExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts extractOptions
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&opts.out, "out", "", "write the JSON lines to `FILE` instead of stdout")
	fs.BoolVar(&opts.ocr, "ocr", false, "read scanned PDF pages by OCR (needs tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils; 10–30 s a page)")
	fs.BoolVar(&opts.formats, "formats", false, "list the formats read, how, and what they need installed")
	fs.BoolVar(&opts.explain, "explain", false, "add to each indicator the naming rule that gave its name (\"rule\")")
	addLimitFlags(fs, &opts.limits)
	fs.Usage = func() { fmt.Fprint(fs.Output(), extractUsage); fs.PrintDefaults() }
	if err := flagError(fs.Parse(args)); err != nil {
		return err
	}
	if opts.formats {
		printFormats(stdout)
		return nil
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	collectLess(200)
	return runExtract(ctx, opts, fs.Args(), stdout, stderr)
}

// printFormats writes the table of formats of extract.Formats.
func printFormats(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "FILES\tYIELDS\tREAD WITH\tNEEDS INSTALLED")
	for _, f := range extract.Formats {
		needs := f.Needs
		if needs == "" {
			needs = "nothing"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", f.Exts, f.Yields, f.Reader, needs)
	}
	tw.Flush()
	fmt.Fprintln(w, "The format comes from the content (magic bytes, the parts of a zip, the streams of an OLE file), not the name.")
}

func runExtract(ctx context.Context, opts extractOptions, args []string, stdout, stderr io.Writer) error {
	w := stdout
	var out *output.File
	if opts.out != "" {
		// A failed run never leaves a half-written file behind (see output).
		var err error
		if out, err = output.Create(opts.out); err != nil {
			return err
		}
		defer out.Abort()
		w = out
	}
	ex, err := newExtractor(opts.limits)
	if err != nil {
		return err
	}
	defer ex.Close()
	// Documents are written as they come, through a buffer: some 15 KB of
	// JSON each, and a write to a pipe wakes its reader.
	bw := bufio.NewWriterSize(w, 64<<10)
	defer bw.Flush() // what came before Ctrl-C or an error
	inputs, badArgs := collectInputs(args, stderr)
	failed := badArgs
	ex.ocr, ex.explain = opts.ocr, opts.explain
	for i, res := range extractAll(ctx, ex, inputs) {
		if res.err != nil {
			if ctx.Err() != nil {
				break // cut short by Ctrl-C: not a failure of the input
			}
			fmt.Fprintln(stderr, res.err)
			failed++
			continue
		}
		for _, doc := range res.docs {
			name := cmp.Or(doc.Member, inputs[i])
			for _, warn := range doc.Warnings {
				fmt.Fprintf(stderr, "extract: %s: %s\n", name, warn)
			}
			bw.Write(doc.JSON)
			if err := bw.WriteByte('\n'); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if out != nil {
		if err := out.Commit(); err != nil {
			return err
		}
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "extract: %d of %d inputs failed\n", failed, len(inputs)+badArgs)
		return errPartial
	}
	return nil
}

type extractResult struct {
	docs docBatch
	err  error
}

// extractAll extracts the inputs in the worker processes of ex and yields
// the results in input order. At most four jobs per worker are in flight
// or waiting to be consumed, so memory stays bounded however slow one input
// is, and a slow input does not leave the other workers idle while the ones
// after it wait their turn. It stops early when ctx is cancelled.
func extractAll(ctx context.Context, ex *extractor, inputs []string) iter.Seq2[int, extractResult] {
	return func(yield func(int, extractResult) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		client := &fetch.Client{}
		type answer struct {
			extractResult
			last bool // of its job: the job's slot is free once it is consumed
		}
		results := make([]chan answer, len(inputs))
		for i := range results {
			results[i] = make(chan answer, 1)
		}
		slots := make(chan struct{}, 4*cmp.Or(ex.limits.workers, runtime.GOMAXPROCS(0)))
		go func() {
			for job := range batches(inputs) {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
				go func() {
					if job.end-job.start == 1 {
						docs, err := extractInput(ctx, ex, client, inputs[job.start])
						results[job.start] <- answer{extractResult{docs, err}, true}
						return
					}
					for i, r := range ex.files(ctx, inputs[job.start:job.end]) {
						results[job.start+i] <- answer{r, job.start+i == job.end-1}
					}
				}()
			}
		}()
		for i := range inputs {
			var a answer
			select {
			case a = <-results[i]:
			case <-ctx.Done():
				return
			}
			if a.last {
				<-slots
			}
			if !yield(i, a.extractResult) {
				return
			}
		}
	}
}

// Small files go to a worker together, up to batchFiles of them and
// batchBytes in all, as one job: a job costs about as much as extracting a
// small report (passing it, waking the worker and the parent).
const (
	smallFile  = 64 << 10
	batchFiles = 32
	batchBytes = 512 << 10
)

// span is a job of extractAll: the inputs from start to end.
type span struct{ start, end int }

// batches groups the inputs into jobs: runs of small local files, and every
// other input (a URL, a large file, one that cannot be read) alone. It
// reads the sizes as the jobs are taken, so that the first starts at once.
func batches(inputs []string) iter.Seq[span] {
	return func(yield func(span) bool) {
		job := span{}
		size := 0 // bytes of job, a batch while it is open
		for i, in := range inputs {
			n := int64(-1)
			if !isURL(in) {
				if info, err := os.Stat(in); err == nil && info.Mode().IsRegular() {
					n = info.Size()
				}
			}
			open := job.end > job.start && size >= 0
			if open && n >= 0 && n <= smallFile && size+int(n) <= batchBytes && job.end-job.start < batchFiles {
				job.end++
				size += int(n)
				continue
			}
			if job.end > job.start && !yield(job) {
				return
			}
			job, size = span{i, i + 1}, int(n)
			if n > smallFile {
				size = -1 // alone
			}
		}
		if job.end > job.start {
			yield(job)
		}
	}
}

// extractInput extracts one file or fetches one URL and extracts it (an
// archive into its files too).
func extractInput(ctx context.Context, ex *extractor, client *fetch.Client, in string) (docBatch, error) {
	if isURL(in) {
		page, err := client.Get(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("extract: %w", err)
		}
		return ex.input(ctx, extract.Input{Name: in, URL: page.FinalURL, ContentType: page.ContentType,
			Body: page.Body, FetchedAt: page.FetchedAt})
	}
	return ex.file(ctx, in)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// collectInputs expands the arguments into files and URLs, in argument
// order; directories are walked recursively and sorted. Arguments that do
// not exist are reported on stderr and counted; files a walk leaves out are
// named on stderr with the reason, and counted in a closing line.
func collectInputs(args []string, stderr io.Writer) (inputs []string, failed int) {
	for _, arg := range args {
		if isURL(arg) {
			inputs = append(inputs, arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			fmt.Fprintf(stderr, "extract: %s: %v\n", arg, unwrapPathError(err))
			failed++
			continue
		}
		if !info.IsDir() {
			inputs = append(inputs, arg)
			continue
		}
		var files []string
		skipped := 0
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(stderr, "extract: %s: %v\n", path, unwrapPathError(err))
				failed++
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if reason := extract.SkipReason(path); reason != "" {
				fmt.Fprintf(stderr, "skipped %s: %s\n", path, reason)
				skipped++
				return nil
			}
			files = append(files, path)
			return nil
		})
		if skipped > 0 {
			fmt.Fprintf(stderr, "%s: %d files read, %d skipped (named above)\n", arg, len(files), skipped)
		}
		if err != nil {
			fmt.Fprintf(stderr, "extract: %s: %v\n", arg, err)
			failed++
		}
		sort.Strings(files)
		inputs = append(inputs, files...)
	}
	return inputs, failed
}

// unwrapPathError drops the path from an *fs.PathError, which the caller
// already prints.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
