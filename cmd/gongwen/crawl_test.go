package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/fetch"
	"github.com/gongwen/gongwen/index"
)

// testSite serves testdata/site as static files: the list pages, reports
// and attachments; the pages with special behaviours are simply missing
// (404). fetch's own tests cover those behaviours.
func testSite(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.FileServer(http.Dir("../../testdata/site")))
	t.Cleanup(srv.Close)
	return srv
}

func testCrawlOptions(t *testing.T) crawlOptions {
	o := defaultCrawlOptions()
	o.data = t.TempDir()
	o.rate = 50
	o.timeout = 5 * time.Second
	return o
}

func TestCrawlCommand(t *testing.T) {
	srv := testSite(t)
	opts := testCrawlOptions(t)
	opts.report = filepath.Join(t.TempDir(), "report.json")
	seed := srv.URL + "/zwgk/ndbg/index.html"
	var stdout, stderr bytes.Buffer
	err := runCrawl(context.Background(), opts, []string{seed}, &stdout, &stderr)
	if !errors.Is(err, errPartial) {
		t.Fatalf("err = %v, want errPartial (the site has 404s)\nstderr:\n%s", err, stderr.String())
	}
	out := stdout.String()
	if !strings.Contains(out, "crawl: 11 new, 0 changed, 0 unchanged, 6 failed, 0 blocked, 1 disallowed by robots.txt, 1 out of scope, 0 skipped;") {
		t.Errorf("summary:\n%s", out)
	}
	for _, want := range []string{
		"crawl: failed: fetch " + srv.URL + "/zwgk/ndbg/202403/t20240301_1005.html: 404 Not Found",
		"crawl: failed: fetch " + srv.URL + "/zwgk/ndbg/202406/fake.pdf: 200 OK: content does not match the file type: expected pdf, got an HTML page",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	data, err := os.ReadFile(opts.report)
	if err != nil {
		t.Fatal(err)
	}
	var rep fetch.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.URLs) != 19 || !rep.Complete {
		t.Errorf("report: %d URLs, complete %v; want 19, true", len(rep.URLs), rep.Complete)
	}
	reports, _ := filepath.Glob(filepath.Join(opts.data, "raw", "reports", "crawl-*.json"))
	if len(reports) != 1 {
		t.Errorf("reports in the store: %v", reports)
	}

	// The second run finds nothing new.
	stdout.Reset()
	stderr.Reset()
	opts.report = ""
	runCrawl(context.Background(), opts, []string{seed}, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "crawl: 0 new, 0 changed, 11 unchanged, 6 failed,") {
		t.Errorf("second run:\n%s", stdout.String())
	}
}

func TestCrawlCommandUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // on stderr
	}{
		{"no URL", nil, "Usage: gongwen crawl"},
		{"not a URL", []string{"zwgk/index.html"}, `"zwgk/index.html" is not an http(s) URL`},
		{"bad since", []string{"--since", "2020/1/1", "http://a.gov.cn/"}, `--since "2020/1/1": want a date like 2020-01-31`},
		{"bad rate", []string{"--rate", "0", "http://a.gov.cn/"}, "--rate 0"},
		{"bad scope", []string{"--scope", "(", "http://a.gov.cn/"}, ""},
		{"unknown flag", []string{"--fast", "http://a.gov.cn/"}, "flag provided but not defined: -fast"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"--data", t.TempDir()}, tt.args...)
			err := cmdCrawl(context.Background(), args, &stdout, &stderr)
			if tt.name == "bad scope" {
				if err == nil || !strings.Contains(err.Error(), "--scope") {
					t.Errorf("err = %v, want a --scope error", err)
				}
				return
			}
			if !errors.Is(err, errUsage) || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("err = %v, stderr %q; want errUsage and %q", err, stderr.String(), tt.want)
			}
		})
	}
}

// newTestIngester opens a fresh index in dir, like runIngest.
func newTestIngester(t *testing.T, dir string) *ingester {
	ix, err := index.Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return newIngester(ix, testExtractor(t), 100)
}

func TestCrawlIngest(t *testing.T) {
	srv := testSite(t)
	opts := testCrawlOptions(t)
	seed := srv.URL + "/zwgk/ndbg/index.html"
	in := newTestIngester(t, opts.data)
	if err := crawlAndIngest(context.Background(), opts, in, []string{seed}, io.Discard); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/zwgk/ndbg/202501/t20250117_1001.html", "/zwgk/ndbg/202412/t20241230_1002.html",
		"/zwgk/ndbg/202406/t20240605_1004.html", "/zwgk/ndbg/202303/t20230301_1009.html"}
	files := map[string]string{ // attachment → its page
		"/zwgk/ndbg/202501/P020250117_report.pdf": pages[0],
		"/zwgk/ndbg/202501/P020250117_table.docx": pages[0],
		"/files/2024/report2024.pdf":              pages[1],
	}
	// A file linked straight from a list is a document without a parent.
	listFile := srv.URL + "/zwgk/ndbg/202303/P020230301_tables.docx"
	if doc, err := in.ix.Document(extract.URLID(listFile)); err != nil || doc.Parent != "" {
		t.Errorf("%s: %v, want a document without parent", listFile, err)
	}
	if got, want := in.counts[index.Added], len(pages)+len(files)+1; got != want {
		t.Errorf("added %d documents, want %d; failures: %q", got, want, in.failures)
	}
	for _, p := range pages {
		doc, err := in.ix.Document(extract.URLID(srv.URL + p))
		if err != nil {
			t.Errorf("page %s: %v", p, err)
			continue
		}
		if doc.Source.URL != srv.URL+p || doc.Parent != "" {
			t.Errorf("page %s: url %q, parent %q", p, doc.Source.URL, doc.Parent)
		}
	}
	for f, page := range files {
		doc, err := in.ix.Document(extract.URLID(srv.URL + f))
		if err != nil {
			t.Errorf("attachment %s: %v", f, err)
			continue
		}
		if doc.ID != extract.URLID(srv.URL+f) || doc.Parent != extract.URLID(srv.URL+page) {
			t.Errorf("attachment %s: id %s parent %q, want parent %s (%s)", f, doc.ID, doc.Parent, extract.URLID(srv.URL+page), page)
		}
		parent, err := in.ix.Document(extract.URLID(srv.URL + page))
		if err != nil {
			continue
		}
		if !slices.ContainsFunc(parent.Attachments, func(a extract.Attachment) bool { return a.URL == srv.URL+f }) {
			t.Errorf("page %s does not list its attachment %s: %+v", page, f, parent.Attachments)
		}
	}
	if len(in.failures) != 6 {
		t.Errorf("%d failures, want the 6 broken links of the site: %q", len(in.failures), in.failures)
	}

	// A second run: all 304, nothing extracted or indexed.
	in2 := newTestIngester2(t, in)
	if err := crawlAndIngest(context.Background(), opts, in2, []string{seed}, io.Discard); err != nil {
		t.Fatal(err)
	}
	if in2.counts[index.Added]+in2.counts[index.Updated]+in2.counts[index.Unchanged] != 0 {
		t.Errorf("second run handed documents to the index: %v", in2.counts)
	}
}

// newTestIngester2 starts a new run on the index of in.
func newTestIngester2(t *testing.T, in *ingester) *ingester {
	return newIngester(in.ix, in.ex, 100)
}

func TestCrawlCommandInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	files := http.FileServer(http.Dir("../../testdata/site"))
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 4 {
			cancel()
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	opts := testCrawlOptions(t)
	seed := srv.URL + "/zwgk/ndbg/index.html"
	var stdout, stderr bytes.Buffer
	err := runCrawl(ctx, opts, []string{seed}, &stdout, &stderr)
	if !errors.Is(err, errPartial) || !strings.Contains(stderr.String(), "interrupted; run the same command again to resume") ||
		!strings.HasPrefix(stdout.String(), "crawl (interrupted): ") {
		t.Fatalf("err = %v\nstdout:\n%s\nstderr:\n%s", err, stdout.String(), stderr.String())
	}
	stdout.Reset()
	runCrawl(context.Background(), opts, []string{seed}, &stdout, &stderr)
	if !strings.HasPrefix(stdout.String(), "crawl: 11 new, 0 changed, 0 unchanged, 6 failed,") {
		t.Errorf("resumed run:\n%s", stdout.String())
	}
}
