package fetch

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const testRate = 20 // requests per second and host

// testCrawler returns a crawler into the store in dir with a fast client.
func testCrawler(t testing.TB, dir string) *Crawler {
	store, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	return &Crawler{
		Client: &Client{Rate: testRate, Timeout: 200 * time.Millisecond, Backoff: 5 * time.Millisecond, Retries: 2, MaxBodySize: 256 << 10,
			Transport: &sendLog{next: http.DefaultTransport}, clock: newFakeClock()},
		Store: store,
	}
}

// sendLog counts the requests the client sends to each host, after the
// rate limiter let them go.
type sendLog struct {
	mu   sync.Mutex
	sent map[string]int // by host
	next http.RoundTripper
}

func (l *sendLog) RoundTrip(req *http.Request) (*http.Response, error) {
	l.mu.Lock()
	if l.sent == nil {
		l.sent = map[string]int{}
	}
	l.sent[req.URL.Host]++
	l.mu.Unlock()
	return l.next.RoundTrip(req)
}

func (s *site) seeds() []string {
	return []string{s.srv.URL + "/zwgk/ndbg/index.html", s.srv.URL + "/col/col1229/index.html"}
}

// storedRecord is a Record without times, with URLs relative to the site.
type storedRecord struct {
	URL, Kind, Parent string
	Status            int
	Attachments       []string
	SHA256            string
}

func storeContents(t *testing.T, s *Store, st *site) []storedRecord {
	t.Helper()
	base := st.srv.URL
	recs, err := s.Records()
	if err != nil {
		t.Fatal(err)
	}
	var out []storedRecord
	for _, r := range recs {
		if !s.HasBody(r.SHA256) {
			t.Errorf("%s: body %s missing", r.URL, r.SHA256)
		}
		// Pages linking off-site carry the port of the other server.
		body, _ := s.Body(r.SHA256)
		sum := hashBytes(bytes.ReplaceAll(body, []byte(st.off.URL), []byte("http://OFFSITE")))
		var atts []string
		for _, a := range r.Attachments {
			atts = append(atts, strings.TrimPrefix(a, base))
		}
		out = append(out, storedRecord{URL: strings.TrimPrefix(r.URL, base), Kind: r.Kind, Parent: strings.TrimPrefix(r.Parent, base),
			Status: r.Status, Attachments: atts, SHA256: sum[:8]})
	}
	return out
}

// outcomes maps each reported URL (relative to the site) to its outcome.
func outcomes(rep *Report, s *site) map[string]string {
	m := map[string]string{}
	for _, u := range rep.URLs {
		k := strings.TrimPrefix(u.URL, s.srv.URL)
		k = strings.Replace(k, s.off.URL, "OFFSITE", 1)
		m[k] = u.Outcome
	}
	return m
}

const (
	report1001 = "/zwgk/ndbg/202501/t20250117_1001.html"
	report1002 = "/zwgk/ndbg/202412/t20241230_1002.html"
	page1009   = "/zwgk/ndbg/202303/t20230301_1009.html"
	hanweb2001 = "/art/2024/6/3/art_1229_2001.html"
	hanweb2002 = "/art/2024/5/20/art_1229_2002.html"
	colList    = "/col/col1229/index.html"
	listFile   = "/zwgk/ndbg/202303/P020230301_tables.docx" // linked from a list
)

// wantOutcomes is what a first crawl of the test site reports.
var wantOutcomes = map[string]string{
	"/zwgk/ndbg/index.html":                     OutcomeNew,
	"/zwgk/ndbg/index_1.html":                   OutcomeNew,
	"/zwgk/ndbg/index_2.html":                   OutcomeNew,
	report1001:                                  OutcomeNew,
	"/zwgk/ndbg/202501/P020250117_report.pdf":   OutcomeNew,
	"/zwgk/ndbg/202501/P020250117_table.docx":   OutcomeNew,
	report1002:                                  OutcomeNew,
	"/files/2024/report2024.pdf":                OutcomeNew,
	"/zwgk/ndbg/private/t20231115_1010.html":    OutcomeDisallowed,
	"OFFSITE/zwgk/ndbg/202501/t20250115_7.html": OutcomeOutOfScope,
	flakyPage:                               OutcomeNew,
	"/zwgk/ndbg/202406/fake.pdf":            OutcomeFailed,
	"/zwgk/ndbg/202403/t20240301_1005.html": OutcomeFailed,
	slowPage:                                OutcomeFailed,
	loopPage:                                OutcomeFailed,
	blockPage:                               OutcomeBlocked,
	page1009:                                OutcomeNew,
	bigFile:                                 OutcomeFailed,
	listFile:                                OutcomeNew,
	colList:                                 OutcomeNew,
	colList + "?uid=4521&pageNum=2":         OutcomeNew,
	hanweb2001:                              OutcomeNew,
	"/picture/0/2406031.docx":               OutcomeNew,
	hanweb2002:                              OutcomeNew,
	"/art/2024/5/1/art_9999_1.html":         OutcomeOutOfScope,
}

// wantStore is the store after a crawl of the test site.
var wantStore = []storedRecord{
	{URL: hanweb2002, Kind: KindPage, Parent: colList + "?uid=4521&pageNum=2", Status: 200},
	{URL: hanweb2001, Kind: KindPage, Parent: colList, Status: 200, Attachments: []string{"/picture/0/2406031.docx"}},
	{URL: colList, Kind: KindList, Status: 200},
	{URL: colList + "?uid=4521&pageNum=2", Kind: KindList, Parent: colList, Status: 200},
	{URL: "/files/2024/report2024.pdf", Kind: KindFile, Parent: report1002, Status: 200},
	{URL: "/picture/0/2406031.docx", Kind: KindFile, Parent: hanweb2001, Status: 200},
	{URL: listFile, Kind: KindFile, Parent: "/zwgk/ndbg/index_2.html", Status: 200},
	{URL: page1009, Kind: KindPage, Parent: "/zwgk/ndbg/index_2.html", Status: 200, Attachments: []string{bigFile}},
	{URL: flakyPage, Kind: KindPage, Parent: "/zwgk/ndbg/index_1.html", Status: 200, Attachments: []string{"/zwgk/ndbg/202406/fake.pdf"}},
	{URL: report1002, Kind: KindPage, Parent: "/zwgk/ndbg/index.html", Status: 200, Attachments: []string{"/files/2024/report2024.pdf"}},
	{URL: "/zwgk/ndbg/202501/P020250117_report.pdf", Kind: KindFile, Parent: report1001, Status: 200},
	{URL: "/zwgk/ndbg/202501/P020250117_table.docx", Kind: KindFile, Parent: report1001, Status: 200},
	{URL: report1001, Kind: KindPage, Parent: "/zwgk/ndbg/index.html", Status: 200,
		Attachments: []string{"/zwgk/ndbg/202501/P020250117_report.pdf", "/zwgk/ndbg/202501/P020250117_table.docx"}},
	{URL: "/zwgk/ndbg/index.html", Kind: KindList, Status: 200},
	{URL: "/zwgk/ndbg/index_1.html", Kind: KindList, Parent: "/zwgk/ndbg/index.html", Status: 200},
	{URL: "/zwgk/ndbg/index_2.html", Kind: KindList, Parent: "/zwgk/ndbg/index_1.html", Status: 200, Attachments: []string{listFile}},
}

func withoutSHA(recs []storedRecord) []storedRecord {
	out := slices.Clone(recs)
	for i := range out {
		out[i].SHA256 = ""
		out[i].Status = 200 // 304 on a re-run is checked separately
	}
	return out
}

func TestCrawlSite(t *testing.T) {
	s := newSite(t)
	dir := t.TempDir()
	c := testCrawler(t, dir)
	var progress []Progress
	c.Progress = func(p Progress) { progress = append(progress, p) }
	rep, err := c.Crawl(context.Background(), s.seeds())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Complete {
		t.Error("report not complete")
	}
	if diff := cmp.Diff(wantOutcomes, outcomes(rep, s)); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantStore, withoutSHA(storeContents(t, c.Store, s))); diff != "" {
		t.Errorf("store (-want +got):\n%s", diff)
	}
	for _, u := range rep.URLs {
		if strings.HasSuffix(u.URL, "fake.pdf") && !strings.Contains(u.Error, "expected pdf, got an HTML page") {
			t.Errorf("fake.pdf: error %q, want a magic-byte mismatch", u.Error)
		}
		if strings.HasSuffix(u.URL, "big.pdf") && !strings.Contains(u.Error, "larger than the size limit") {
			t.Errorf("big.pdf: error %q, want too large", u.Error)
		}
		if strings.HasSuffix(u.URL, "1006.html") && !strings.Contains(u.Error, "timed out") {
			t.Errorf("slow page: error %q, want a timeout", u.Error)
		}
		if strings.HasSuffix(u.URL, "1007.html") && !strings.Contains(u.Error, "redirect loop") {
			t.Errorf("redirect loop: error %q", u.Error)
		}
		if u.Outcome == OutcomeBlocked && u.Status != 412 {
			t.Errorf("%s: blocked with status %d, want 412", u.URL, u.Status)
		}
	}

	// Politeness: nothing off-site or disallowed requested; the rate held.
	reqs := s.requests()
	if s.offHits != 0 {
		t.Errorf("off-site server got %d requests", s.offHits)
	}
	for _, r := range reqs {
		if strings.Contains(r.Path, "/private/") {
			t.Errorf("requested %s, which robots.txt disallows", r.Path)
		}
	}
	sent := c.Client.Transport.(*sendLog).sent[strings.TrimPrefix(s.srv.URL, "http://")]
	if sent < len(reqs) { // fewer arrive when a request times out before the server reads it
		t.Errorf("client sent %d requests, server saw %d", sent, len(reqs))
	}
	// Every request waited its turn: on the pacer's fake clock, n requests
	// took n-1 intervals (TestPacer checks the spacing itself).
	clock := c.Client.clock.(*fakeClock)
	if got, want := clock.Now().Sub(newFakeClock().Now()), time.Duration(sent-1)*time.Second/testRate; got != want {
		t.Errorf("%d requests took %v on the pacer's clock, want %v", sent, got, want)
	}
	if got := reqs[0].Path; got != "/robots.txt" {
		t.Errorf("first request %s, want /robots.txt", got)
	}
	if last := progress[len(progress)-1]; last.Fetched != 16 || last.Queued != 0 || last.Errors != 6 || last.Bytes == 0 {
		t.Errorf("last progress %+v, want 16 fetched, 0 queued, 6 errors", last)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "crawls"))
	if len(entries) != 0 {
		t.Errorf("frontier left after a complete crawl: %v", entries)
	}

	// A second run asks conditionally and gets only 304s for stored URLs.
	s.reset()
	c2 := testCrawler(t, dir)
	rep2, err := c2.Crawl(context.Background(), s.seeds())
	if err != nil {
		t.Fatal(err)
	}
	if changed := rep2.Changed(); len(changed) != 0 {
		t.Errorf("second run: %d new or changed URLs, want none: %v", len(changed), changed)
	}
	stored := map[string]bool{}
	for _, r := range wantStore {
		stored[r.URL] = true
	}
	for _, r := range s.requests() {
		if stored[r.Path] && r.Status != 304 {
			t.Errorf("second run: %s answered %d, want 304", r.Path, r.Status)
		}
	}
	for _, r := range storeContents(t, c2.Store, s) {
		if r.Status != 304 {
			t.Errorf("second run: record %s has status %d, want 304", r.URL, r.Status)
		}
	}
}

func TestCrawlResume(t *testing.T) {
	// An uninterrupted crawl, for reference.
	ref := newSite(t)
	refCrawler := testCrawler(t, t.TempDir())
	refReport, err := refCrawler.Crawl(context.Background(), ref.seeds())
	if err != nil {
		t.Fatal(err)
	}
	want := storeContents(t, refCrawler.Store, ref)

	for _, killAt := range []int{3, 9, 17} {
		s := newSite(t)
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		var once atomic.Bool
		s.setOnRequest(func(n int) {
			if n == killAt && !once.Swap(true) {
				cancel()
			}
		})
		rep, err := testCrawler(t, dir).Crawl(ctx, s.seeds())
		if err != context.Canceled || rep.Complete {
			t.Fatalf("kill at %d: err = %v, complete = %v; want context.Canceled, incomplete", killAt, err, rep.Complete)
		}
		entries, _ := os.ReadDir(filepath.Join(dir, "crawls"))
		if len(entries) != 1 {
			t.Fatalf("kill at %d: %d frontier files saved, want 1", killAt, len(entries))
		}
		before := len(s.requests())
		stored, err := mustStore(t, dir).Records()
		if err != nil {
			t.Fatal(err)
		}
		s.setOnRequest(nil)
		rep, err = testCrawler(t, dir).Crawl(context.Background(), s.seeds())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, storeContents(t, mustStore(t, dir), s)); diff != "" {
			t.Errorf("kill at %d: store differs from an uninterrupted crawl (-want +got):\n%s", killAt, diff)
		}
		if diff := cmp.Diff(outcomes(refReport, ref), outcomes(rep, s)); diff != "" {
			t.Errorf("kill at %d: report differs from an uninterrupted crawl (-want +got):\n%s", killAt, diff)
		}
		// What the killed run stored is not requested again.
		for _, r := range s.requests()[before:] {
			for _, rec := range stored {
				if s.srv.URL+r.Path == rec.URL {
					t.Errorf("kill at %d: %s requested again after the resume", killAt, r.Path)
				}
			}
		}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasPrefix(d.Name(), ".tmp-") {
				t.Errorf("kill at %d: temporary file left: %s", killAt, p)
			}
			return nil
		})
	}
}

func mustStore(t *testing.T, dir string) *Store {
	s, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestCrawlLimits(t *testing.T) {
	tests := []struct {
		name      string
		seeds     []string
		configure func(*Crawler)
		want      map[string]string // outcomes of some URLs
		never     []string          // paths never requested
	}{
		{
			name:      "since stops paging",
			seeds:     []string{"/zwgk/ndbg/index.html"},
			configure: func(c *Crawler) { c.Since = time.Date(2024, 12, 1, 0, 0, 0, 0, time.UTC) },
			want: map[string]string{
				report1001: OutcomeNew, report1002: OutcomeNew,
				"/zwgk/ndbg/index_1.html": OutcomeNew, flakyPage: OutcomeSkipped,
			},
			never: []string{"/zwgk/ndbg/index_2.html", flakyPage},
		},
		{
			name:      "max pages",
			seeds:     []string{"/zwgk/ndbg/index.html"},
			configure: func(c *Crawler) { c.MaxPages = 2 },
			want:      map[string]string{"/zwgk/ndbg/index.html": OutcomeNew, report1001: OutcomeNew, report1002: OutcomeSkipped},
			never:     []string{report1002},
		},
		{
			name:      "regexp scope",
			seeds:     []string{"/zwgk/ndbg/index.html"},
			configure: func(c *Crawler) { c.Scope = `/zwgk/ndbg/(index|202412/)` },
			want:      map[string]string{report1002: OutcomeNew, report1001: OutcomeOutOfScope, "/files/2024/report2024.pdf": OutcomeNew},
			never:     []string{report1001},
		},
		{
			name:  "detail page as seed",
			seeds: []string{report1001},
			want: map[string]string{report1001: OutcomeNew, "/zwgk/ndbg/202501/P020250117_report.pdf": OutcomeNew,
				"/zwgk/ndbg/202501/P020250117_table.docx": OutcomeNew},
			never: []string{"/zwgk/ndbg/index.html", report1002},
		},
		{
			name:      "depth 2 follows the articles a detail page links",
			seeds:     []string{report1001},
			configure: func(c *Crawler) { c.Depth, c.Scope = 2, "host" },
			want:      map[string]string{report1001: OutcomeNew, report1002: OutcomeNew, "/files/2024/report2024.pdf": OutcomeNew},
			never:     []string{"/zwgk/ndbg/index.html"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSite(t)
			c := testCrawler(t, t.TempDir())
			if tt.configure != nil {
				tt.configure(c)
			}
			var seeds []string
			for _, p := range tt.seeds {
				seeds = append(seeds, s.srv.URL+p)
			}
			rep, err := c.Crawl(context.Background(), seeds)
			if err != nil {
				t.Fatal(err)
			}
			got := outcomes(rep, s)
			for u, want := range tt.want {
				if got[u] != want {
					t.Errorf("%s: outcome %q, want %q", u, got[u], want)
				}
			}
			for _, r := range s.requests() {
				if slices.Contains(tt.never, r.Path) {
					t.Errorf("requested %s", r.Path)
				}
			}
		})
	}
}

// A hard kill (SIGKILL) can land after a record was stored but before the
// frontier was saved. The resumed crawl must take the stored record as
// done by this crawl, not ask for it again nor call it unchanged.
func TestCrawlResumeAfterHardKill(t *testing.T) {
	s := newSite(t)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	s.setOnRequest(func(n int) {
		if n == 2 { // robots.txt, then the first list page
			cancel()
		}
	})
	if _, err := testCrawler(t, dir).Crawl(ctx, s.seeds()); err != context.Canceled {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	s.setOnRequest(nil)
	// Store the first queued page as the killed process would have.
	store := mustStore(t, dir)
	st, err := store.loadState(testCrawler(t, dir).id(s.seeds()))
	if err != nil || st == nil || len(st.Queue) == 0 {
		t.Fatalf("saved frontier: %+v, %v", st, err)
	}
	it := st.Queue[0]
	now := time.Now().UTC()
	body, err := os.ReadFile(filepath.Join("..", "testdata", "site", strings.TrimPrefix(it.URL, s.srv.URL)))
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Put(&Record{URL: it.URL, Kind: it.Kind, Status: 200, ContentType: "text/html; charset=utf-8",
		FirstSeen: now, ChangedAt: now, FetchedAt: now}, bytes.ReplaceAll(body, []byte("http://OFFSITE"), []byte(s.off.URL))); err != nil {
		t.Fatal(err)
	}
	before := len(s.requests())
	rep, err := testCrawler(t, dir).Crawl(context.Background(), s.seeds())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range s.requests()[before:] {
		if s.srv.URL+r.Path == it.URL {
			t.Errorf("%s requested again", r.Path)
		}
	}
	if got := outcomes(rep, s)[strings.TrimPrefix(it.URL, s.srv.URL)]; got != OutcomeNew {
		t.Errorf("%s: outcome %q, want new", it.URL, got)
	}
	if diff := cmp.Diff(wantOutcomes, outcomes(rep, s)); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
}

// Some sites answer any page number with the last page: paging stops at
// the first page that brings no new detail.
func TestCrawlStopsOnRepeatedPage(t *testing.T) {
	var lists atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/zwgk/list.jsp" {
			lists.Add(1)
			page, _ := strconv.Atoi(r.URL.Query().Get("page"))
			fmt.Fprintf(w, `<html><body><li><a href="/zwgk/202501/t20250101_1.html">报告</a></li><a href="list.jsp?page=%d">下一页</a></body></html>`, page+1)
			return
		}
		fmt.Fprint(w, "<html><body>报告</body></html>")
	}))
	defer srv.Close()
	c := testCrawler(t, t.TempDir())
	rep, err := c.Crawl(context.Background(), []string{srv.URL + "/zwgk/list.jsp"})
	if err != nil {
		t.Fatal(err)
	}
	if n := lists.Load(); n != 2 {
		t.Errorf("%d list pages requested, want 2; report %+v", n, rep.URLs)
	}
}

// Hosts are crawled at the same time, each with one request in flight.
func TestCrawlConcurrency(t *testing.T) {
	bSeen := make(chan struct{})
	var once sync.Once
	var inflight, maxInflight atomic.Int32
	var waited atomic.Bool
	page := func(host string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			n := inflight.Add(1)
			defer inflight.Add(-1)
			if n > maxInflight.Load() {
				maxInflight.Store(n)
			}
			switch {
			case host == "b" && r.URL.Path == "/b/t20250102_2.html":
				once.Do(func() { close(bSeen) })
			case r.URL.Path == "/a/t20250101_1.html":
				// Held until host b is asked for its last page, which a
				// one-host-at-a-time crawl would fetch after this one.
				select {
				case <-bSeen:
					waited.Store(true)
				case <-time.After(500 * time.Millisecond):
				}
			}
			if strings.HasSuffix(r.URL.Path, "index.html") {
				fmt.Fprintf(w, `<html><body><a href="t20250101_1.html">1</a><a href="t20250102_2.html">2</a></body></html>`)
				return
			}
			fmt.Fprint(w, "<html><body>报告</body></html>")
		}
	}
	a := httptest.NewServer(page("a"))
	defer a.Close()
	b := httptest.NewServer(page("b"))
	defer b.Close()
	c := testCrawler(t, t.TempDir())
	c.Client.Timeout = time.Second
	c.Concurrency = 2
	rep, err := c.Crawl(context.Background(), []string{a.URL + "/a/index.html", b.URL + "/b/index.html"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Counts[OutcomeNew] != 6 {
		t.Errorf("counts %v, want 6 new", rep.Counts)
	}
	if !waited.Load() {
		t.Error("host b was not crawled while host a was busy")
	}
	if maxInflight.Load() > 2 {
		t.Errorf("%d requests in flight, want at most one per host", maxInflight.Load())
	}
}

// A Hanweb jpage column: the page holds the first group of records, the
// others come from POSTs to dataproxy.jsp with the fields of <nextgroup>.
func TestCrawlHanwebJpage(t *testing.T) {
	const total = 7
	var posts []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/col/col1300/index.html":
			page, _ := os.ReadFile("../testdata/site/col/col1300/index.html")
			w.Write(page)
		case r.URL.Path == "/module/web/jpage/dataproxy.jsp":
			r.ParseForm()
			if r.Method != http.MethodPost || r.PostForm.Get("columnid") != "1300" || r.PostForm.Get("unitid") != "4522" {
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
			start, _ := strconv.Atoi(r.URL.Query().Get("startrecord"))
			end, _ := strconv.Atoi(r.URL.Query().Get("endrecord"))
			posts = append(posts, fmt.Sprintf("%d-%d", start, end))
			w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
			fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><datastore><totalrecord>%d</totalrecord><totalpage>%d</totalpage><recordset>", total, total)
			for i := total - start + 1; i >= max(total-end+1, 1); i-- {
				fmt.Fprintf(w, `<record><![CDATA[<li><a href="/art/%d/3/%d/art_1300_%d.html">公报</a><span>%d-03-01</span></li>]]></record>`, 2017+i, i, i, 2017+i)
			}
			fmt.Fprint(w, "</recordset></datastore>")
		case strings.Contains(r.URL.Path, "/art_1300_"):
			fmt.Fprint(w, "<html><body><div id=\"zoom\">统计公报</div></body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := testCrawler(t, t.TempDir())
	rep, err := c.Crawl(context.Background(), []string{srv.URL + "/col/col1300/index.html"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"4-6", "7-9"}, posts); diff != "" {
		t.Errorf("dataproxy.jsp requests (-want +got):\n%s", diff)
	}
	var articles []string
	for _, u := range rep.URLs {
		if u.Kind == KindPage && u.Outcome == OutcomeNew {
			articles = append(articles, u.URL[strings.LastIndex(u.URL, "/")+1:])
		}
	}
	want := []string{"art_1300_1.html", "art_1300_2.html", "art_1300_3.html", "art_1300_4.html", "art_1300_5.html", "art_1300_6.html", "art_1300_7.html"}
	slices.Sort(articles)
	if diff := cmp.Diff(want, articles); diff != "" {
		t.Errorf("articles (-want +got):\n%s\nreport: %+v", diff, rep.URLs)
	}
}

// A re-crawl tells changed pages from unchanged ones, also on a server
// that sends no validators (no ETag, no Last-Modified) and so never 304.
func TestCrawlChanged(t *testing.T) {
	var mu sync.Mutex
	report := "<html><body>2024年报告</body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		switch r.URL.Path {
		case "/zwgk/index.html":
			fmt.Fprint(w, `<html><body><a href="t20250101_1.html">1</a><a href="t20250102_2.html">2</a></body></html>`)
		case "/zwgk/t20250101_1.html":
			fmt.Fprint(w, report)
		case "/zwgk/t20250102_2.html":
			fmt.Fprint(w, "<html><body>不变</body></html>")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	seeds := []string{srv.URL + "/zwgk/index.html"}
	if _, err := testCrawler(t, dir).Crawl(context.Background(), seeds); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	report = "<html><body>2024年报告（修订）</body></html>"
	mu.Unlock()
	rep, err := testCrawler(t, dir).Crawl(context.Background(), seeds)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, u := range rep.URLs {
		got[strings.TrimPrefix(u.URL, srv.URL)] = u.Outcome
	}
	want := map[string]string{"/zwgk/index.html": OutcomeUnchanged, "/zwgk/t20250101_1.html": OutcomeChanged, "/zwgk/t20250102_2.html": OutcomeUnchanged}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	rec, err := mustStore(t, dir).Record(srv.URL + "/zwgk/t20250101_1.html")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := mustStore(t, dir).Body(rec.SHA256)
	if !strings.Contains(string(body), "修订") || !rec.ChangedAt.After(rec.FirstSeen) {
		t.Errorf("stored %q, first seen %v, changed %v", body, rec.FirstSeen, rec.ChangedAt)
	}
}
