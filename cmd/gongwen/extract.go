package main

import (
	"cmp"
	"context"
	"encoding/json"
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

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/fetch"
	"github.com/gongwen/gongwen/internal/output"
)

type extractOptions struct {
	out    string    // file to write the JSON lines to; stdout when empty
	limits docLimits // of extracting one document
}

const extractUsage = `Usage: gongwen extract [--out FILE] PATH|URL ...

Prints one JSON object per document (see CONTRACT.md), in argument order.
A PATH may be a file or a directory (walked recursively, files of known
types: .html .htm .shtml .pdf .docx .txt). A URL is fetched once.

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
	addLimitFlags(fs, &opts.limits)
	fs.Usage = func() { fmt.Fprint(fs.Output(), extractUsage); fs.PrintDefaults() }
	if err := flagError(fs.Parse(args)); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	return runExtract(ctx, opts, fs.Args(), stdout, stderr)
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
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)

	ex, err := newExtractor(opts.limits)
	if err != nil {
		return err
	}
	defer ex.Close()
	inputs, badArgs := collectInputs(args, stderr)
	failed := badArgs
	for i, res := range extractAll(ctx, ex, inputs) {
		if res.err != nil {
			if ctx.Err() != nil {
				break // cut short by Ctrl-C: not a failure of the input
			}
			fmt.Fprintln(stderr, res.err)
			failed++
			continue
		}
		for _, warn := range res.doc.Warnings {
			fmt.Fprintf(stderr, "extract: %s: %s\n", inputs[i], warn)
		}
		if err := enc.Encode(res.doc); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
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
	doc *extract.Document
	err error
}

// extractAll extracts the inputs in the worker processes of ex and yields
// the results in input order. At most as many inputs as workers are in
// flight or waiting to be consumed, so memory stays bounded however slow
// one input is. It stops early when ctx is cancelled.
func extractAll(ctx context.Context, ex *extractor, inputs []string) iter.Seq2[int, extractResult] {
	return func(yield func(int, extractResult) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		client := &fetch.Client{}
		results := make([]chan extractResult, len(inputs))
		for i := range results {
			results[i] = make(chan extractResult, 1)
		}
		slots := make(chan struct{}, cmp.Or(ex.limits.workers, runtime.GOMAXPROCS(0)))
		go func() {
			for i, in := range inputs {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
				go func() {
					doc, err := extractInput(ctx, ex, client, in)
					results[i] <- extractResult{doc, err}
				}()
			}
		}()
		for i := range inputs {
			var res extractResult
			select {
			case res = <-results[i]:
			case <-ctx.Done():
				return
			}
			<-slots
			if !yield(i, res) {
				return
			}
		}
	}
}

// extractInput extracts one file or fetches one URL and extracts it.
func extractInput(ctx context.Context, ex *extractor, client *fetch.Client, in string) (*extract.Document, error) {
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
// not exist are reported on stderr and counted.
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
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(stderr, "extract: %s: %v\n", path, unwrapPathError(err))
				failed++
				return nil
			}
			if !d.IsDir() && extract.KnownFile(path) {
				files = append(files, path)
			}
			return nil
		})
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
