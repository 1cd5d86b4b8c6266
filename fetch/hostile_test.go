package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// hostileSite is a column whose links and redirects lead where a crawler must not go: another host,
// a path robots.txt disallows, paths that climb out of the column through encoded dot segments. It
// records every request, by host.
type hostileSite struct {
	srv, other *httptest.Server
	mu         sync.Mutex
	requests   []string // paths and queries asked of srv, as the server received them
	otherHits  int
}

func newHostileSite(t *testing.T) *hostileSite {
	s := &hostileSite{}
	s.other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.otherHits++
		s.mu.Unlock()
		fmt.Fprint(w, "<html><body>off-site page</body></html>")
	}))
	t.Cleanup(s.other.Close)
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

const hostileList = `<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="202501/t20250101_1.html">正常的报告</a> 2025-01-01</li>
<li><a href="202501/t20250101_2.html">跳到别的网站</a> 2025-01-01</li>
<li><a href="202501/t20250101_3.html">跳到禁止的目录</a> 2025-01-01</li>
<li><a href="%2e%2e/%2e%2e/admin/t20250101_4.html">编码的上级目录</a> 2025-01-01</li>
<li><a href="..%2f..%2fadmin/t20250101_5.html">编码的斜杠</a> 2025-01-01</li>
<li><a href="a/%2E%2E/202501/t20250101_6.html">编码的点，仍在栏目内</a> 2025-01-01</li>
<li><a href="202501/t20250101_7.html">栏目内跳转</a> 2025-01-01</li>
<li><a href="202501/t20250101_10.html">跳到编码的禁止目录</a> 2025-01-01</li>
</ul></body></html>`

func (s *hostileSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r.URL.RequestURI())
	s.mu.Unlock()
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /zwgk/list/private/\n")
	case "/zwgk/list/index.html":
		fmt.Fprint(w, hostileList)
	case "/zwgk/list/202501/t20250101_2.html":
		http.Redirect(w, r, s.other.URL+"/t20250101_2.html", http.StatusFound)
	case "/zwgk/list/202501/t20250101_3.html":
		http.Redirect(w, r, "/zwgk/list/private/t20250101_3.html", http.StatusFound)
	case "/zwgk/list/202501/t20250101_7.html":
		http.Redirect(w, r, "/zwgk/list/202501/t20250101_8.html", http.StatusMovedPermanently)
	case "/zwgk/list/202501/t20250101_10.html":
		w.Header().Set("Location", "/zwgk/list/202501/%2e%2e/private/t20250101_10.html")
		w.WriteHeader(http.StatusFound)
	case "/zwgk/list/202501/t20250101_1.html", "/zwgk/list/202501/t20250101_6.html", "/zwgk/list/202501/t20250101_8.html":
		fmt.Fprint(w, `<html><head><meta charset="utf-8"><title>报告</title></head><body><p>正文</p></body></html>`)
	default:
		fmt.Fprint(w, `<html><body>不应被请求的页面</body></html>`)
	}
}

// TestCrawlHostileSite crawls the column: the links and redirects out of it are reported, none is
// requested, and the in-scope redirect and the encoded path that stays in the column are fetched.
func TestCrawlHostileSite(t *testing.T) {
	s := newHostileSite(t)
	dir := t.TempDir()
	rep, err := testCrawler(t, dir).Crawl(context.Background(), []string{s.srv.URL + "/zwgk/list/index.html"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, u := range rep.URLs {
		got[strings.TrimPrefix(u.URL, s.srv.URL)] = u.Outcome
		t.Logf("%s %s %s", u.Outcome, u.URL, u.Error)
	}
	want := map[string]string{
		"/zwgk/list/index.html":               OutcomeNew,
		"/zwgk/list/202501/t20250101_1.html":  OutcomeNew,
		"/zwgk/list/202501/t20250101_2.html":  OutcomeOutOfScope, // 302 to another host
		"/zwgk/list/202501/t20250101_3.html":  OutcomeDisallowed, // 302 into /zwgk/list/private/
		"/admin/t20250101_4.html":             OutcomeOutOfScope, // %2e%2e/%2e%2e/admin/
		"/admin/t20250101_5.html":             OutcomeOutOfScope, // ..%2f..%2fadmin/
		"/zwgk/list/202501/t20250101_6.html":  OutcomeNew,        // a/%2E%2E/202501/: still in the column
		"/zwgk/list/202501/t20250101_7.html":  OutcomeNew,        // 301 within the column
		"/zwgk/list/202501/t20250101_10.html": OutcomeDisallowed, // 302 to /zwgk/list/202501/%2e%2e/private/
	}
	for u, o := range want {
		if got[u] != o {
			t.Errorf("%s: %q, want %q", u, got[u], o)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.otherHits != 0 {
		t.Errorf("the other host was asked %d times", s.otherHits)
	}
	for _, r := range s.requests {
		if strings.Contains(r, "private") || strings.Contains(r, "admin") || strings.Contains(strings.ToLower(r), "%2e") || strings.Contains(r, "/a/") {
			t.Errorf("requested %s", r)
		}
	}
}

// TestFrontierLog crawls a list page of 100,000 links, of which --max-pages lets a few be fetched: the
// frontier saved on the way costs bytes in proportion to the links (each is queued once and done
// once), not to the links times the URLs done. Bytes written are counted, not time.
func TestFrontierLog(t *testing.T) {
	n := 100000
	if testing.Short() {
		n = 5000
	}
	var list strings.Builder
	list.WriteString(`<html><head><meta charset="utf-8"></head><body><ul>`)
	for i := range n {
		fmt.Fprintf(&list, `<li><a href="2025/t20250101_%d.html">报告%d</a></li>`, i, i)
	}
	list.WriteString("</ul></body></html>")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/zwgk/list/index.html" {
			fmt.Fprint(w, list.String())
			return
		}
		fmt.Fprint(w, `<html><head><meta charset="utf-8"></head><body><p>正文</p></body></html>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	c := testCrawler(t, dir)
	c.Client.MaxBodySize = 64 << 20
	c.Client.Timeout = time.Minute // a 4 MB list page on a loaded machine
	c.Client.Rate = -1
	c.MaxPages = 4
	c.KeepState = true
	rep, err := c.Crawl(context.Background(), []string{srv.URL + "/zwgk/list/index.html"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Counts[OutcomeSkipped] != n-3 {
		t.Errorf("%d skipped, want %d", rep.Counts[OutcomeSkipped], n-3)
	}
	info, err := os.Stat(filepath.Join(dir, "crawls", rep.ID+".log"))
	if err != nil {
		t.Fatal(err)
	}
	perLink := float64(info.Size()) / float64(n)
	t.Logf("%d links: frontier log of %d bytes, %.0f bytes a link", n, info.Size(), perLink)
	if perLink > 600 {
		t.Errorf("%.0f bytes written a link, want a few hundred", perLink)
	}
	// The log replays to the crawl's results.
	st, err := c.Store.loadState(rep.ID)
	if err != nil || len(st.Results) != len(rep.URLs) || len(st.Queue) != 0 {
		t.Errorf("replayed: %v, %d results, %d queued; want %d results, none queued", err, len(st.Results), len(st.Queue), len(rep.URLs))
	}
}
