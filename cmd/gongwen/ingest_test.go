package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

// fixtureJSONL writes the index fixtures (../../testdata/index) as one
// JSON-lines file, as gongwen extract prints them, and returns its path and
// the documents.
func fixtureJSONL(t *testing.T, dir string) (string, []*extract.Document) {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/index/*.json")
	if err != nil || len(paths) < 30 {
		t.Fatalf("fixtures: %v, %d files", err, len(paths))
	}
	var buf bytes.Buffer
	var docs []*extract.Document
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var doc extract.Document
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &doc)
		line, _ := json.Marshal(&doc)
		buf.Write(line)
		buf.WriteByte('\n')
	}
	out := filepath.Join(dir, "fixtures.jsonl")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out, docs
}

var summaryRE = regexp.MustCompile(`ingest: (\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed; (\d+) indicators`)

func ingest(t *testing.T, data string, args ...string) (summary []string, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = runIngest(context.Background(), ingestOptions{data: data, batch: 7}, args, &out, &errOut)
	m := summaryRE.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no summary in %q (stderr %q, err %v)", out.String(), errOut.String(), err)
	}
	return m[1:], errOut.String(), err
}

func TestIngestIncremental(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	jsonl, docs := fixtureJSONL(t, dir)

	// First run: real files (extracted) and the fixtures; a missing path
	// and a broken file are listed, not fatal.
	bad := filepath.Join(dir, "broken.jsonl")
	os.WriteFile(bad, []byte("{not json\n"), 0o644)
	got, stderr, err := ingest(t, data, "../../testdata/reports", jsonl, bad, filepath.Join(dir, "missing.html"))
	if !errors.Is(err, errPartial) {
		t.Errorf("err = %v, want errPartial", err)
	}
	if !strings.Contains(stderr, "broken.jsonl:1") || !strings.Contains(stderr, "missing.html") {
		t.Errorf("stderr does not list the failures:\n%s", stderr)
	}
	if got[3] != "2" {
		t.Errorf("failed = %s, want 2", got[3])
	}
	added := got[0]

	// Second run: nothing changed.
	got, _, err = ingest(t, data, "../../testdata/reports", jsonl)
	if err != nil || got[0] != "0" || got[1] != "0" || got[2] != added {
		t.Errorf("re-run: %v, %v; want 0 new, 0 updated, %s unchanged", got, err, added)
	}

	// Third run: one document changed and lost an indicator.
	changed := *docs[0]
	changed.Title += "（修订）"
	changed.Indicators = changed.Indicators[:len(changed.Indicators)-1]
	line, _ := json.Marshal(&changed)
	os.WriteFile(filepath.Join(dir, "changed.jsonl"), append(line, '\n'), 0o644)
	got, _, err = ingest(t, data, filepath.Join(dir, "changed.jsonl"))
	if err != nil || got[1] != "1" {
		t.Errorf("changed: %v, %v; want 1 updated", got, err)
	}

	ix, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	doc, err := ix.Document(changed.ID)
	if err != nil || doc.Title != changed.Title {
		t.Fatalf("Document(%s) = %v, %v; want the new title", changed.ID, doc, err)
	}
	// The document's indicator records are exactly its new indicators: the
	// dropped one is gone.
	want := map[string]int{}
	for _, in := range changed.Indicators {
		want[in.Name]++
	}
	last := docs[0].Indicators[len(docs[0].Indicators)-1]
	names := map[string]bool{last.Name: true}
	for _, in := range changed.Indicators {
		names[in.Name] = true
	}
	for name := range names {
		vals, err := ix.Indicators(context.Background(), index.IndicatorFilter{Name: name}, 10000)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, v := range vals {
			if v.DocID == changed.ID && v.Name == name {
				n++
			}
		}
		if n != want[name] {
			t.Errorf("indicator %s: %d records of the changed document, want %d", name, n, want[name])
		}
	}
}

func TestIngestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // on stderr
	}{
		{"no arguments", nil, "Usage: gongwen ingest"},
		{"usage lists the crawl flags", []string{"--batch", "0", "x"}, "-max-pages"},
		{"bad crawl flag", []string{"--rate", "0", "http://a.gov.cn/"}, "--rate 0: want requests per second > 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append([]string{"--data", t.TempDir()}, tt.args...)
			if err := cmdIngest(context.Background(), args, &out, &errOut); !errors.Is(err, errUsage) {
				t.Errorf("err = %v, want errUsage", err)
			}
			if !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, errOut.String())
			}
		})
	}
}

// TestIngestCrawlFlags runs ingest URL with crawl flags and checks that the
// crawl obeyed them: only the list page (--max-pages 1) and the contact in
// the User-Agent.
func TestIngestCrawlFlags(t *testing.T) {
	type request struct{ path, agent string }
	var (
		mu       sync.Mutex
		requests []request
	)
	files := http.FileServer(http.Dir("../../testdata/site"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests = append(requests, request{r.URL.Path, r.UserAgent()})
		mu.Unlock()
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()

	var stdout, stderr bytes.Buffer
	args := []string{"--data", t.TempDir(), "--rate", "50", "--max-pages", "1", "--contact", "tester@example.org",
		srv.URL + "/zwgk/ndbg/index.html"}
	if err := cmdIngest(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("ingest: %v\nstderr:\n%s", err, stderr.String())
	}
	// The list page is not a document, and no detail page was fetched.
	if !strings.HasPrefix(stdout.String(), "ingest: 0 new, 0 updated, 0 unchanged, 0 failed;") {
		t.Errorf("summary:\n%s", stdout.String())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(requests) == 0 {
		t.Fatal("no requests")
	}
	for _, r := range requests {
		switch r.path {
		case "/robots.txt", "/zwgk/ndbg/index.html", "/zwgk/ndbg/": // the file server redirects index.html to the directory
		default:
			t.Errorf("requested %s beyond --max-pages 1", r.path)
		}
		// The contact shows that ingest's crawl flags reach the client;
		// TestCrawlFlagsReachClient checks the rest of them there, and
		// fetch's TestPacer the spacing a rate gives, on a fake clock.
		if !strings.Contains(r.agent, "tester@example.org") {
			t.Errorf("%s: User-Agent %q lacks the --contact", r.path, r.agent)
		}
	}
}

// TestCrawlFlagsReachClient parses the crawl flags as crawl and ingest do
// and checks the client and crawler they build.
func TestCrawlFlagsReachClient(t *testing.T) {
	var opts crawlOptions
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	addCrawlFlags(fs, &opts)
	if err := fs.Parse([]string{"--rate", "50", "--contact", "tester@example.org", "--timeout", "7s",
		"--max-size", "3", "--retries", "2", "--max-pages", "9", "--depth", "2", "--concurrency", "3"}); err != nil {
		t.Fatal(err)
	}
	opts.data = t.TempDir()
	c, err := newCrawler(opts, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	cl := c.Client
	if cl.Rate != 50 || cl.Contact != "tester@example.org" || cl.Timeout != 7*time.Second || cl.MaxBodySize != 3<<20 || cl.Retries != 2 {
		t.Errorf("client: rate %v, contact %q, timeout %v, max body %d, retries %d", cl.Rate, cl.Contact, cl.Timeout, cl.MaxBodySize, cl.Retries)
	}
	if c.MaxPages != 9 || c.Depth != 2 || c.Concurrency != 3 {
		t.Errorf("crawler: max pages %d, depth %d, concurrency %d", c.MaxPages, c.Depth, c.Concurrency)
	}
}

// TestIngestSkipsUnchangedFiles runs ingest on a directory again and again:
// a file whose document the index holds is not extracted a second time.
func TestIngestSkipsUnchangedFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports")
	os.Mkdir(dir, 0o755)
	entries, err := os.ReadDir("../../testdata/reports")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		body, err := os.ReadFile(filepath.Join("../../testdata/reports", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, e.Name()), body, 0o644)
	}
	n := len(entries)
	in := newTestIngester(t, t.TempDir())
	steps := []struct {
		name      string
		change    func(t *testing.T) // before the run
		reextract bool
		extracted int
		counts    map[index.Change]int
		copies    int
	}{
		{name: "first run", extracted: n, counts: map[index.Change]int{index.Added: n}},
		{name: "nothing changed", extracted: 0, counts: map[index.Change]int{index.Unchanged: n}},
		{name: "a file changed", change: func(t *testing.T) {
			f, err := os.OpenFile(filepath.Join(dir, "kaifeng-fzzf-2023.txt"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("\n特此报告。\n")
			f.Close()
		}, extracted: 1, counts: map[index.Change]int{index.Added: 1, index.Unchanged: n - 1}}, // a new content id
		{name: "a file renamed", change: func(t *testing.T) {
			if err := os.Rename(filepath.Join(dir, "linzhou-stats-2024.txt"), filepath.Join(dir, "linzhou-2024.txt")); err != nil {
				t.Fatal(err)
			}
		}, extracted: 0, counts: map[index.Change]int{index.Updated: 1, index.Unchanged: n - 1}}, // the document records its new name
		{name: "a file copied", change: func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(dir, "linzhou-2024.txt"))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "copy-of-linzhou.txt"), body, 0o644)
		}, extracted: 0, counts: map[index.Change]int{index.Unchanged: n + 1}, copies: 1}, // one document, two files
		{name: "nothing changed again", extracted: 0, counts: map[index.Change]int{index.Unchanged: n + 1}}, // no flip-flop
		{name: "reextract", reextract: true, extracted: n + 1, counts: map[index.Change]int{index.Unchanged: n + 1}, copies: 1},
	}
	for _, step := range steps {
		if step.change != nil {
			step.change(t)
		}
		run := newTestIngester2(t, in)
		run.reextract = step.reextract
		inputs, _ := collectInputs([]string{dir}, io.Discard)
		if err := ingestPaths(context.Background(), run, inputs); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if err := run.batch.Commit(); err != nil {
			t.Fatal(err)
		}
		if got := run.extracted.Load(); got != int64(step.extracted) {
			t.Errorf("%s: extracted %d files, want %d", step.name, got, step.extracted)
		}
		if !maps.Equal(run.counts, step.counts) || run.copies != step.copies || len(run.failures) > 0 {
			t.Errorf("%s: counts %v, %d copies; want %v, %d; failures %q", step.name, run.counts, run.copies, step.counts, step.copies, run.failures)
		}
	}
	doc, err := in.ix.Document(extract.ContentID(mustRead(t, filepath.Join(dir, "linzhou-2024.txt"))))
	if err != nil || doc.Source.File != filepath.Join(dir, "copy-of-linzhou.txt") && doc.Source.File != filepath.Join(dir, "linzhou-2024.txt") || len(doc.Source.OtherFiles) != 1 {
		t.Errorf("copied file: %v, source %+v", err, doc.Source)
	}
}
