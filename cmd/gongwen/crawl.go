package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/gongwen/gongwen/fetch"
	"github.com/gongwen/gongwen/internal/output"
)

// crawlOptions are the flags of gongwen crawl; ingest with URLs uses them too.
type crawlOptions struct {
	data        string        // data directory (see dataDir); the store is DIR/raw
	scope       string        // path, host or a regexp
	maxPages    int           // list and detail pages; 0 means no limit
	depth       int           // detail-page hops from a list
	since       string        // YYYY-MM-DD
	rate        float64       // requests per second and host
	concurrency int           // hosts at once
	contact     string        // added to the User-Agent
	timeout     time.Duration // per request
	maxSize     int64         // MB
	retries     int           // after 5xx and network errors
	report      string        // also write the JSON report here ("-": stdout)
}

const crawlUsage = `Usage: gongwen crawl [--data DIR] [flags] URL ...

Fetches columns of government websites into the raw store DIR/raw: from
each list page URL, the pages of the list (TRS createPageHTML, 下一页 links,
page parameters), the detail pages it links and their attachments (pdf doc
docx wps ofd xls xlsx). A detail page or a file URL is fetched on its own.

Polite: robots.txt is obeyed (disallowed URLs are reported, not fetched),
one request per second per host by default, Retry-After honoured, and the
User-Agent names gongwen and your --contact. Incremental: a second crawl
asks with If-None-Match/If-Modified-Since and reports unchanged pages.
Resumable: an interrupted crawl (Ctrl-C, kill) continues where it stopped
when run again with the same arguments.

Prints a summary; writes a JSON report with every URL and its outcome to
DIR/raw/reports/. Failed and blocked URLs are listed on stderr (exit
status 1). Use 'gongwen ingest URL' to crawl and index in one go.

Example:
  gongwen crawl --contact me@example.org --since 2020-01-01 \
      https://www.example.gov.cn/zwgk/fzzfjsndbg/index.html

Flags:
`

// addCrawlFlags defines the crawl flags on fs (also used by ingest).
func addCrawlFlags(fs *flag.FlagSet, o *crawlOptions) {
	fs.StringVar(&o.scope, "scope", "path", "`MODE` of links to follow: path (the seed's host and directory), host, or a regexp URLs must match")
	fs.IntVar(&o.maxPages, "max-pages", 0, "stop after `N` list and detail pages (0: no limit)")
	fs.IntVar(&o.depth, "depth", 1, "detail-page hops from a list page")
	fs.StringVar(&o.since, "since", "", "skip documents listed before `DATE` (YYYY-MM-DD) and stop paging there")
	fs.Float64Var(&o.rate, "rate", 1, "requests per second and host")
	fs.IntVar(&o.concurrency, "concurrency", 4, "hosts crawled at the same time (one request at a time per host)")
	fs.StringVar(&o.contact, "contact", "", "e-mail or URL added to the User-Agent, so site operators can reach you")
	fs.DurationVar(&o.timeout, "timeout", time.Minute, "time limit per request, body included")
	fs.Int64Var(&o.maxSize, "max-size", 64, "largest body to download, in `MB`")
	fs.IntVar(&o.retries, "retries", 3, "retries after 5xx answers and network errors, with backoff")
}

// defaultCrawlOptions are the flag defaults, for callers without the flags.
func defaultCrawlOptions() crawlOptions {
	var o crawlOptions
	addCrawlFlags(flag.NewFlagSet("", flag.ContinueOnError), &o)
	return o
}

func cmdCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts crawlOptions
	fs := flag.NewFlagSet("crawl", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &opts.data)
	addCrawlFlags(fs, &opts)
	fs.StringVar(&opts.report, "report", "", "also write the JSON report to `FILE` (- for stdout)")
	fs.Usage = func() { fmt.Fprint(fs.Output(), crawlUsage); fs.PrintDefaults() }
	if err := flagError(fs.Parse(args)); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	opts.data = dataDir(opts.data)
	return runCrawl(ctx, opts, fs.Args(), stdout, stderr)
}

// newCrawler builds a crawler into DIR/raw from the options. Bad option
// values are reported on stderr and return errUsage.
func newCrawler(opts crawlOptions, stderr io.Writer) (*fetch.Crawler, error) {
	usage := func(format string, args ...any) (*fetch.Crawler, error) {
		fmt.Fprintf(stderr, "crawl: "+format+"\n", args...)
		return nil, errUsage
	}
	var since time.Time
	if opts.since != "" {
		t, err := time.Parse(time.DateOnly, opts.since)
		if err != nil {
			return usage("--since %q: want a date like 2020-01-31", opts.since)
		}
		since = t
	}
	switch {
	case opts.rate <= 0:
		return usage("--rate %v: want requests per second > 0", opts.rate)
	case opts.depth < 1:
		return usage("--depth %d: want 1 or more", opts.depth)
	case opts.maxPages < 0 || opts.concurrency < 1 || opts.maxSize < 1 || opts.retries < 0 || opts.timeout <= 0:
		return usage("--max-pages, --concurrency, --max-size, --retries and --timeout must be positive")
	}
	store, err := fetch.OpenStore(filepath.Join(opts.data, "raw"))
	if err != nil {
		return nil, err
	}
	retries := opts.retries
	if retries == 0 {
		retries = -1 // the Client's zero means its default
	}
	return &fetch.Crawler{
		Client: &fetch.Client{
			Contact:     opts.contact,
			Timeout:     opts.timeout,
			MaxBodySize: opts.maxSize << 20,
			Retries:     retries,
			Rate:        opts.rate,
		},
		Store:       store,
		Scope:       opts.scope,
		Depth:       opts.depth,
		MaxPages:    opts.maxPages,
		Since:       since,
		Concurrency: opts.concurrency,
	}, nil
}

func runCrawl(ctx context.Context, opts crawlOptions, urls []string, stdout, stderr io.Writer) error {
	for _, u := range urls {
		if !isURL(u) {
			fmt.Fprintf(stderr, "crawl: %q is not an http(s) URL\n", u)
			return errUsage
		}
	}
	c, err := newCrawler(opts, stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	var bar *progressbar.ProgressBar
	if isTerminal(stderr) {
		bar = newCrawlBar(stderr)
		c.Progress = func(p fetch.Progress) { showCrawlProgress(bar, p) }
	}
	rep, err := c.Crawl(ctx, urls)
	if bar != nil {
		bar.Finish()
	}
	if rep == nil {
		return err
	}
	path, serr := c.Store.SaveReport(rep)
	if serr != nil {
		return serr
	}
	if opts.report != "" {
		if werr := writeReport(opts.report, rep, stdout); werr != nil {
			return werr
		}
	}
	printCrawlSummary(stdout, rep, time.Since(start))
	fmt.Fprintf(stdout, "raw store %s; report %s\n", c.Store.Dir, path)
	failed := listCrawlFailures(stderr, rep)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintln(stderr, "crawl: interrupted; run the same command again to resume")
			return errPartial // exit 1 without repeating "context canceled"
		}
		return err
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}

func newCrawlBar(w io.Writer) *progressbar.ProgressBar {
	return progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("crawl"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish())
}

// showCrawlProgress puts fetched, queued, errors and bytes (whose rate
// the bar shows) on the bar.
func showCrawlProgress(bar *progressbar.ProgressBar, p fetch.Progress) {
	bar.Describe(fmt.Sprintf("crawl: %d fetched, %d queued, %d errors, %s", p.Fetched, p.Queued, p.Errors, formatBytes(p.Bytes)))
	bar.Set64(p.Bytes)
}

// printCrawlSummary prints one line of counts per crawl.
func printCrawlSummary(w io.Writer, rep *fetch.Report, took time.Duration) {
	n := rep.Counts
	var bytes int64
	for _, u := range rep.URLs {
		if u.Outcome == fetch.OutcomeNew || u.Outcome == fetch.OutcomeChanged {
			bytes += u.Size
		}
	}
	state := ""
	if !rep.Complete {
		state = " (interrupted)"
	}
	fmt.Fprintf(w, "crawl%s: %d new, %d changed, %d unchanged, %d failed, %d blocked, %d disallowed by robots.txt, %d out of scope, %d skipped; %s new data in %s\n",
		state, n[fetch.OutcomeNew], n[fetch.OutcomeChanged], n[fetch.OutcomeUnchanged], n[fetch.OutcomeFailed], n[fetch.OutcomeBlocked],
		n[fetch.OutcomeDisallowed], n[fetch.OutcomeOutOfScope], n[fetch.OutcomeSkipped], formatBytes(bytes), took.Round(time.Millisecond))
}

// listCrawlFailures names each failed or blocked URL on w and counts them.
func listCrawlFailures(w io.Writer, rep *fetch.Report) int {
	n := 0
	for _, u := range rep.URLs {
		switch u.Outcome {
		case fetch.OutcomeFailed:
			fmt.Fprintf(w, "crawl: failed: %s\n", u.Error)
		case fetch.OutcomeBlocked:
			fmt.Fprintf(w, "crawl: blocked: %s (an anti-bot wall; try later, slower, or from a browser)\n", u.Error)
		default:
			continue
		}
		n++
	}
	return n
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// writeReport writes rep as JSON to name ("-" for stdout), never half (see
// output).
func writeReport(name string, rep *fetch.Report, stdout io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(rep); err != nil {
		return err
	}
	data := buf.Bytes()
	if name == "-" {
		_, err := stdout.Write(data)
		return err
	}
	out, err := output.Create(name)
	if err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	defer out.Abort()
	if _, err := out.Write(data); err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	if err := out.Commit(); err != nil {
		return fmt.Errorf("--report: %w", err)
	}
	return nil
}
