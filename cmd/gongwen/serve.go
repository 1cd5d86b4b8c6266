package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gongwen/gongwen/index"
	"github.com/gongwen/gongwen/internal/limit"
	"github.com/gongwen/gongwen/web"
)

type serveOptions struct {
	data   string
	addr   string
	busy   int   // searches and comparisons at once
	memory int64 // the Go runtime's soft memory limit
	// ready, if set, receives the address listened on (tests listen on :0).
	ready func(addr string)
}

const serveUsage = `Usage: gongwen serve [--data DIR] [--addr 127.0.0.1:8080]

Serves the index built by 'gongwen ingest': a search page at / (search box,
filters and facets, highlighted results, document view with metadata,
indicators and source link) and a JSON API:

  GET /api/search?q=&issuer=&year=&kind=&from=&to=&indicator=&limit=&offset=
  GET /api/documents/{id}          the extracted JSON of one document
  GET /api/indicators?name=调解成功率>=95   values of an indicator across documents
  GET /api/compare?indicator=调解成功率&by=issuer|region|year
                                   the indicator across places and years
                                   (the table of 'gongwen compare', as JSON)
  GET /compare.svg?indicator=调解成功率&by=region   the same as a chart (SVG)

The page shows the comparison too: enter an indicator in its 对比 Compare
box, or click an indicator's name in a document.

The index is opened read-only; stop serve before running ingest on the same
data directory. Stops cleanly on Ctrl-C, ending the requests in flight.

Limits: at most --busy searches and comparisons run at once (the others are
answered 503 with Retry-After: 1); a parameter may hold 1000 characters, an
indicator name 100; pages go 10,000 results deep. The garbage collector works
harder as the server nears --memory, and memory a burst took is returned to
the system two seconds after it.

Flags:
`

func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opts serveOptions
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addDataFlag(fs, &opts.data)
	fs.StringVar(&opts.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	fs.IntVar(&opts.busy, "busy", web.DefaultBusy, "run at most `N` searches and comparisons at once; more are answered 503 with Retry-After")
	opts.memory = 1 << 30
	fs.Var(limit.SizeFlag{N: &opts.memory}, "memory", "collect garbage harder to stay under `SIZE` (a soft limit: the requests in flight decide)")
	fs.Usage = func() { fmt.Fprint(fs.Output(), serveUsage); fs.PrintDefaults() }
	if err := flagError(fs.Parse(args)); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	opts.data = dataDir(opts.data)
	collectLess(400)
	return runServe(ctx, opts, stdout, stderr)
}

func runServe(ctx context.Context, opts serveOptions, stdout, stderr io.Writer) error {
	ix, err := index.Open(opts.data)
	if err != nil {
		return err
	}
	defer ix.Close()
	if opts.memory > 0 {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(opts.memory))
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (use --addr to pick another)", opts.addr, err)
	}
	srv := &http.Server{
		Handler:           web.Guard(web.Handler(ix), web.Limits{Busy: opts.busy}),
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    64 << 10,
		IdleTimeout:       time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx }, // Ctrl-C ends the requests too
	}
	n, _ := ix.Count(ctx)
	fmt.Fprintf(stdout, "serving %d documents of %s at http://%s/\n", n, index.Dir(opts.data), ln.Addr())
	if opts.ready != nil {
		opts.ready(ln.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil {
			return srv.Close()
		}
		return nil
	}
}
