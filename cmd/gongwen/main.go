// Command gongwen collects Chinese government reports, extracts their
// document numbers, dates and numeric indicators, indexes and exports them.
//
// Exit status: 0 when everything worked, 1 when some inputs failed (each is
// named on stderr) or the command failed, 2 for a usage error, 130 when
// interrupted (Ctrl-C).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"syscall"
	"time"

	"github.com/gongwen/gongwen/index"
)

// command is one subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{
	"extract":  {"print the extracted JSON of files, directories or URLs", cmdExtract},
	"ingest":   {"extract files, directories or URLs into the search index", cmdIngest},
	"search":   {"search the index: words, phrases, fields, filters, indicators", cmdSearch},
	"serve":    {"serve the index: JSON API and a search page", cmdServe},
	"export":   {"write indicators or documents as CSV, JSONL, XLSX or Parquet", cmdExport},
	"compare":  {"compare an indicator across issuers, regions and years", cmdCompare},
	"crawl":    {"fetch columns of government sites (lists, pages, attachments) into the raw store", cmdCrawl},
	"measures": {"list the measures of the indicators, or the names the measure vocabulary lacks", cmdMeasures},
}

const usageHead = `gongwen — collect, extract, search and export Chinese government reports

Usage: gongwen COMMAND [flags] [arguments]

Commands:
`

func usage(w io.Writer) {
	fmt.Fprint(w, usageHead)
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-9s %s\n", name, commands[name].summary)
	}
	fmt.Fprint(w, "\nRun 'gongwen COMMAND -h' for the flags of a command.\n")
}

// errUsage marks a usage error (exit status 2); errPartial marks a run
// where some inputs failed but the others were processed (exit status 1).
var (
	errUsage   = errors.New("usage error")
	errPartial = errors.New("some inputs failed")
	errHelp    = errors.New("help printed")
)

// flagError maps a flag-parsing error to the command's result: -h has
// printed the usage (exit status 0), anything else is a usage error.
func flagError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, flag.ErrHelp):
		return errHelp
	default:
		return errUsage
	}
}

// collectLess lets the heap grow to percent% more than what is live before
// collecting garbage (Go's default is 100), unless GOGC is set. extract, its
// workers and serve keep little live (20–30 MB) but allocate fast; serve
// spends a quarter of its CPU collecting at the default (BenchmarkSearch)
// and takes 400. extract takes less: every page a heap grows into is a page
// fault, and at 400 those cost more than the collections saved (3,000
// reports: 0.7 s of system time against 0.5 s at 200, the same user time).
// Not for ingest, whose batches keep hundreds of MB live.
func collectLess(percent int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}

// addDataFlag defines the --data flag every command that reads or writes
// the data directory has.
func addDataFlag(fs *flag.FlagSet, dir *string) {
	fs.StringVar(dir, "data", "", "data `DIR` (default $GONGWEN_DATA or ./gongwen-data)")
}

func main() {
	code := run(os.Args[1:], os.Stdout, os.Stderr)
	closePools()
	os.Exit(code)
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == workerCommand { // not a command for people: see worker.go
		return runWorker(args[1:], stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "gongwen: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// On Ctrl-C a command stops what it does and keeps what it finished; one
	// that cannot stop at once (loading the dictionary, writing a batch) is
	// left behind after interruptGrace.
	done := make(chan error, 1)
	go func() { done <- cmd.run(ctx, args[1:], stdout, stderr) }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		select {
		case err = <-done:
		case <-time.After(interruptGrace):
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "gongwen %s: interrupted\n", args[0])
		return 130
	}
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, index.ErrBadQuery), errors.Is(err, index.ErrNoWords), errors.Is(err, index.ErrQueryTooLong):
		// A query or filter the user can fix: a usage error.
		fmt.Fprintf(stderr, "gongwen %s: %v\n", args[0], err)
		return 2
	case errors.Is(err, errPartial):
		return 1
	default:
		fmt.Fprintf(stderr, "gongwen %s: %v\n", args[0], err)
		return 1
	}
}

// interruptGrace is how long a command may take to stop after Ctrl-C.
const interruptGrace = 800 * time.Millisecond

// dataDir returns the data directory: the --data flag, else $GONGWEN_DATA,
// else ./gongwen-data. The index lives in DIR/index, fetched files in DIR/raw.
func dataDir(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("GONGWEN_DATA"); env != "" {
		return env
	}
	return "gongwen-data"
}
