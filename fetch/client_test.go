package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fastClient is a Client tuned for tests: short timeouts and backoff, a fast rate.
func fastClient() *Client {
	return &Client{Timeout: 300 * time.Millisecond, Backoff: 5 * time.Millisecond, Rate: 200, MaxBodySize: 1 << 16}
}

func TestClientGet(t *testing.T) {
	var mu sync.Mutex
	hits := map[string]int{}
	mux := http.NewServeMux()
	count := func(r *http.Request) int {
		mu.Lock()
		defer mu.Unlock()
		hits[r.URL.Path]++
		return hits[r.URL.Path]
	}
	mux.HandleFunc("/ok.html", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if !strings.Contains(r.UserAgent(), "gongwen") || !strings.Contains(r.UserAgent(), "me@example.org") {
			http.Error(w, "bad user agent "+r.UserAgent(), http.StatusForbidden)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>ok</body></html>")
	})
	mux.HandleFunc("/flaky.html", func(w http.ResponseWriter, r *http.Request) {
		if count(r) <= 2 {
			http.Error(w, "busy", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, "finally")
	})
	mux.HandleFunc("/busy.html", func(w http.ResponseWriter, r *http.Request) {
		if count(r) == 1 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "served")
	})
	mux.HandleFunc("/dead.html", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		http.Error(w, "gone", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		count(r)
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/big.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Write(make([]byte, 1<<17))
	})
	mux.HandleFunc("/challenge.html", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted)
		fmt.Fprint(w, `<html><head><script>document.cookie="x=1";location.reload();</script></head></html>`)
	})
	mux.HandleFunc("/412.html", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusPreconditionFailed)
		fmt.Fprint(w, `<html><script>$_ts=window['$_ts']</script></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name    string
		path    string
		etag    string
		status  int
		body    string
		err     string // substring of the error
		is      error
		retries int // requests the server should have seen; 0 to skip
	}{
		{name: "ok", path: "/ok.html", status: 200, body: "<html><body>ok</body></html>"},
		{name: "not modified", path: "/ok.html", etag: `"v1"`, status: 304},
		{name: "500 twice then ok", path: "/flaky.html", status: 200, body: "finally", retries: 3},
		{name: "429 retry-after", path: "/busy.html", status: 200, body: "served", retries: 2},
		{name: "500 forever", path: "/dead.html", err: "500 Internal Server Error", retries: 4},
		{name: "404", path: "/missing.html", err: "/missing.html: 404 Not Found"},
		{name: "timeout", path: "/slow.html", err: "timed out after 300ms"},
		{name: "redirect loop", path: "/loop/a", is: ErrRedirectLoop},
		{name: "too large", path: "/big.pdf", is: ErrTooLarge},
		{name: "js challenge", path: "/challenge.html", is: ErrBlocked, err: "202 Accepted"},
		{name: "412", path: "/412.html", is: ErrBlocked, err: "412 Precondition Failed"},
	}
	c := fastClient()
	c.Contact = "me@example.org"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := c.GetIfChanged(context.Background(), srv.URL+tt.path, tt.etag, "")
			if tt.err != "" || tt.is != nil {
				var fe *Error
				if !errors.As(err, &fe) || fe.URL != srv.URL+tt.path {
					t.Fatalf("err = %v, want a *fetch.Error for the URL", err)
				}
				if !strings.Contains(err.Error(), tt.err) || (tt.is != nil && !errors.Is(err, tt.is)) {
					t.Fatalf("err = %v, want %q / %v", err, tt.err, tt.is)
				}
			} else {
				if err != nil {
					t.Fatal(err)
				}
				if page.Status != tt.status || string(page.Body) != tt.body {
					t.Fatalf("got %d %q, want %d %q", page.Status, page.Body, tt.status, tt.body)
				}
			}
			if tt.retries != 0 {
				mu.Lock()
				n := hits[tt.path]
				mu.Unlock()
				if n != tt.retries {
					t.Errorf("server saw %d requests, want %d", n, tt.retries)
				}
			}
		})
	}
}

// fakeClock is a clock whose Sleep returns at once and moves the time on, so
// that the pacer's spacing is exact whatever the load of the machine.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return nil
}

// TestPacer lets requests to one host go from several goroutines at once
// and checks, on a fake clock, that each was let go exactly one interval
// after the one before: never sooner, and never later than it had to.
func TestPacer(t *testing.T) {
	clock := newFakeClock()
	start := clock.Now()
	c := &Client{Rate: 20, clock: clock}
	c.init()
	p := c.pacer("example.org")
	ctx := context.Background()

	var mu sync.Mutex
	var released []time.Time
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			at, err := p.wait(ctx)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			released = append(released, at)
			mu.Unlock()
		})
	}
	wg.Wait()
	slices.SortFunc(released, func(a, b time.Time) int { return a.Compare(b) })
	for i, at := range released {
		if want := start.Add(time.Duration(i) * 50 * time.Millisecond); !at.Equal(want) {
			t.Errorf("request %d let go at %v, want %v", i, at.Sub(start), want.Sub(start))
		}
	}

	last := released[len(released)-1]
	c.SlowDown("example.org", 2*time.Second) // robots.txt Crawl-delay: 2
	c.SlowDown("example.org", time.Second)   // a faster rate does not undo it
	if at, _ := p.wait(ctx); at.Sub(last) != 2*time.Second {
		t.Errorf("after SlowDown(2s): let go %v after the last request, want 2s", at.Sub(last))
	}
	if at, _ := c.pacer("other.org").wait(ctx); !at.Equal(clock.Now()) {
		t.Errorf("another host waited for this one's turn")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := p.wait(cancelled); !errors.Is(err, context.Canceled) {
		t.Errorf("wait with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestClientRate checks that every request of a Client, redirects included,
// waits for the pacer: on a fake clock, n requests take n-1 intervals.
func TestClientRate(t *testing.T) {
	var mu sync.Mutex
	served := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		served++
		mu.Unlock()
		if r.URL.Path == "/moved" {
			http.Redirect(w, r, "/0", http.StatusFound)
		}
	}))
	defer srv.Close()
	clock := newFakeClock()
	start := clock.Now()
	c := &Client{Rate: 20, clock: clock}
	var wg sync.WaitGroup
	for _, path := range []string{"/0", "/1", "/2", "/moved"} {
		wg.Go(func() {
			if _, err := c.Get(context.Background(), srv.URL+path); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if served != 5 {
		t.Fatalf("server saw %d requests, want 5", served)
	}
	if got := clock.Now().Sub(start); got != 4*50*time.Millisecond {
		t.Errorf("5 requests at 20 per second took %v on the pacer's clock, want 200ms", got)
	}
}

func TestCheckType(t *testing.T) {
	tests := []struct {
		name, typ, body string
		ok              bool
	}{
		{"pdf", "pdf", "%PDF-1.4\n…", true},
		{"pdf after junk", "pdf", "\r\n%PDF-1.7", true},
		{"html named pdf", "pdf", "<!DOCTYPE html><html><body>404</body></html>", false},
		{"docx", "docx", "PK\x03\x04rest", true},
		{"doc", "doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", true},
		{"docx that is a doc", "docx", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", false},
		{"empty xls", "xls", "", false},
		{"zip", "zip", "PK\x03\x04rest", true},
		{"rar 5", "rar", "Rar!\x1a\x07\x01\x00rest", true},
		{"rar 4", "rar", "Rar!\x1a\x07\x00rest", true},
		{"html named rar", "rar", "<html><body>404</body></html>", false},
		{"et as biff", "et", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", true},
		{"et as xlsx", "et", "PK\x03\x04rest", true},
		{"unknown type", "", "anything", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckType(tt.typ, []byte(tt.body))
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrWrongType)) {
				t.Errorf("CheckType(%q) = %v, want ok=%v", tt.typ, err, tt.ok)
			}
		})
	}
}

func TestIsChallenge(t *testing.T) {
	article := "<html><head><script>var c=document.cookie;function go(u){location.href=u}</script></head><body><div class=\"TRS_Editor\">" +
		strings.Repeat("<p>全县地区生产总值达到125.6亿元，比上年增长5.2%。</p>", 10) + "</div></body></html>"
	tests := []struct {
		name, body string
		want       bool
	}{
		{"瑞数 $_ts", `<html><head><meta id="x" content="abc"><script>$_ts=window['$_ts'];</script><script src="/abc.js"></script></head><body></body></html>`, true},
		{"加速乐", `<html><script>document.cookie=('__jsl_clearance=1');location.href=location.pathname</script></html>`, true},
		{"cookie and reload", `<!DOCTYPE html><html><body><script>document.cookie="a=b";location.reload()</script></body></html>`, true},
		{"article with cookie scripts", article, false},
		{"short page without script", `<html><body><p>暂无内容</p></body></html>`, false},
		{"pdf", "%PDF-1.4 document.cookie location.reload", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsChallenge([]byte(tt.body)); got != tt.want {
				t.Errorf("IsChallenge = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestClientRetryAfter(t *testing.T) {
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		if len(times) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "back")
	}))
	defer srv.Close()
	page, err := fastClient().Get(context.Background(), srv.URL)
	if err != nil || string(page.Body) != "back" {
		t.Fatalf("got %v, %v", page, err)
	}
	if gap := times[1].Sub(times[0]); gap < 900*time.Millisecond {
		t.Errorf("retried after %v, want the 1s the server asked for", gap)
	}
}

// TestClientDNS checks that a host that does not resolve fails at once,
// and that a DNS failure that may pass (a timeout) is retried.
func TestClientDNS(t *testing.T) {
	for _, tt := range []struct {
		err      *net.DNSError
		attempts int32
	}{
		{&net.DNSError{Err: "no such host", Name: "www.nowhere.invalid", IsNotFound: true}, 1},
		{&net.DNSError{Err: "i/o timeout", Name: "www.nowhere.invalid", IsTimeout: true, IsTemporary: true}, 3},
	} {
		var attempts atomic.Int32
		c := fastClient()
		c.Retries = 2
		c.Transport = &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			attempts.Add(1)
			return nil, &net.OpError{Op: "dial", Net: network, Err: tt.err}
		}}
		_, err := c.Get(context.Background(), "http://www.nowhere.invalid/a.html")
		if err == nil || !strings.Contains(err.Error(), tt.err.Err) {
			t.Errorf("%s: Get = %v, want the DNS error", tt.err.Err, err)
		}
		if n := attempts.Load(); n != tt.attempts {
			t.Errorf("%s: %d attempts, want %d", tt.err.Err, n, tt.attempts)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		header string
		want   time.Duration
	}{
		{"", 0},
		{"5", 5 * time.Second},
		{"junk", 0},
		{"-3", 0},
		{"86400", maxRetryAfter},
		{time.Now().Add(time.Hour).UTC().Format(http.TimeFormat), maxRetryAfter},
		{time.Now().Add(-time.Hour).UTC().Format(http.TimeFormat), 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.header); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.header, got, tt.want)
		}
	}
}
