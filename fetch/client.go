package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults used when the matching Client field is zero.
const (
	DefaultUserAgent      = "gongwen/0.1 (+https://github.com/gongwen/gongwen; research crawler of public government documents)"
	DefaultTimeout        = 60 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxBodySize    = 64 << 20
	DefaultMaxRedirects   = 10
	DefaultRetries        = 3
	DefaultBackoff        = time.Second
	DefaultRate           = 1.0 // requests per second and host
	maxRetryAfter         = 5 * time.Minute
)

// Errors wrapped in *Error; test for them with errors.Is.
var (
	ErrTooLarge     = errors.New("body larger than the size limit")
	ErrRedirectLoop = errors.New("redirect loop")
	ErrTooManyHops  = errors.New("too many redirects")
	ErrBlocked      = errors.New("blocked by the site's anti-bot protection")
	ErrDisallowed   = errors.New("disallowed by robots.txt")
	ErrWrongType    = errors.New("content does not match the file type")
	ErrOutOfScope   = errors.New("outside --scope")
	ErrRedirect     = errors.New("redirect refused") // by the check of WithRedirectCheck
)

type redirectCheckKey struct{}

// WithRedirectCheck returns a context under which the requests of a Client
// follow a redirect only if check accepts the next URL (after Dotless);
// an error of check ends the request with an error wrapping ErrRedirect
// and check's, not retried. The rate limit applies to every hop anyway.
func WithRedirectCheck(ctx context.Context, check func(next *url.URL) error) context.Context {
	return context.WithValue(ctx, redirectCheckKey{}, check)
}

// Error is a failed fetch: the URL, the HTTP status if a response came
// back (0 otherwise) and the cause.
type Error struct {
	URL    string
	Status int
	Err    error
}

func (e *Error) Error() string {
	switch {
	case e.Status != 0 && e.Err != nil:
		return fmt.Sprintf("fetch %s: %d %s: %v", e.URL, e.Status, http.StatusText(e.Status), e.Err)
	case e.Status != 0:
		return fmt.Sprintf("fetch %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
	default:
		return fmt.Sprintf("fetch %s: %v", e.URL, e.Err)
	}
}

func (e *Error) Unwrap() error { return e.Err }

// Page is one fetched URL: a web page or a file. A Page answering a
// conditional request that found nothing new has Status 304 and no Body.
type Page struct {
	URL          string    // the URL asked for
	FinalURL     string    // the URL after redirects
	Status       int       // HTTP status: 200, or 304 for "not modified"
	ContentType  string    // the Content-Type header, as sent
	Body         []byte    // the raw bytes, undecoded
	FetchedAt    time.Time // when the response arrived
	ETag         string    // validators for the next conditional request
	LastModified string
}

// Client fetches single URLs politely: it names itself, waits between
// requests to the same host, retries transient failures with backoff and
// limits time, size and redirects. The zero value is ready to use; a Client
// is safe for concurrent use and should be reused.
type Client struct {
	UserAgent      string        // "" means DefaultUserAgent
	Contact        string        // appended to the User-Agent, e.g. an e-mail address
	Timeout        time.Duration // per attempt, headers and body; 0 means DefaultTimeout
	ConnectTimeout time.Duration // 0 means DefaultConnectTimeout
	MaxBodySize    int64         // bytes; 0 means DefaultMaxBodySize
	MaxRedirects   int           // 0 means DefaultMaxRedirects
	Retries        int           // extra attempts after 5xx, 429 or network errors; 0 means DefaultRetries, <0 none
	Backoff        time.Duration // first retry delay, doubled each time, with jitter; 0 means DefaultBackoff
	Rate           float64       // requests per second and host; 0 means DefaultRate, <0 unlimited

	// Transport, if set, replaces the default transport (tests, proxies).
	Transport http.RoundTripper

	once   sync.Once
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]*pacer
	clock  clock // of the pacers; nil means the real one (tests set a fake)
}

func (c *Client) init() {
	c.once.Do(func() {
		tr := c.Transport
		if tr == nil {
			dialer := &net.Dialer{Timeout: or(c.ConnectTimeout, DefaultConnectTimeout), KeepAlive: 30 * time.Second}
			tr = &http.Transport{
				Proxy:                 http.ProxyFromEnvironment,
				DialContext:           dialer.DialContext,
				TLSHandshakeTimeout:   or(c.ConnectTimeout, DefaultConnectTimeout),
				ResponseHeaderTimeout: or(c.Timeout, DefaultTimeout),
				MaxIdleConnsPerHost:   2,
				IdleConnTimeout:       90 * time.Second,
			}
		}
		c.client = &http.Client{Transport: limitedTransport{c, tr}, CheckRedirect: c.checkRedirect}
		c.hosts = make(map[string]*pacer)
	})
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func (c *Client) userAgent() string {
	ua := or(c.UserAgent, DefaultUserAgent)
	if c.Contact != "" {
		ua += " contact: " + c.Contact
	}
	return ua
}

// checkRedirect stops at the redirect limit, at the first URL seen twice
// and where the check of WithRedirectCheck says so.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if check, ok := req.Context().Value(redirectCheckKey{}).(func(*url.URL) error); ok && check != nil {
		if err := check(Dotless(req.URL)); err != nil {
			return fmt.Errorf("%w: %s redirects to %s: %w", ErrRedirect, via[len(via)-1].URL, req.URL, err)
		}
	}
	for _, prev := range via {
		if prev.URL.String() == req.URL.String() {
			return fmt.Errorf("%w: back to %s after %d redirects", ErrRedirectLoop, req.URL, len(via))
		}
	}
	if len(via) > or(c.MaxRedirects, DefaultMaxRedirects) {
		return fmt.Errorf("%w (more than %d)", ErrTooManyHops, or(c.MaxRedirects, DefaultMaxRedirects))
	}
	return nil
}

// limitedTransport waits for the host's turn before every request,
// redirects included.
type limitedTransport struct {
	c    *Client
	next http.RoundTripper
}

func (t limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.c.Wait(req.Context(), req.URL.Host); err != nil {
		return nil, err
	}
	return t.next.RoundTrip(req)
}

// Wait blocks until a request to host is allowed by the rate limit.
func (c *Client) Wait(ctx context.Context, host string) error {
	c.init()
	if c.Rate < 0 {
		return nil
	}
	_, err := c.pacer(host).wait(ctx)
	return err
}

func (c *Client) pacer(host string) *pacer {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := c.hosts[host]
	if p == nil {
		p = &pacer{sem: make(chan struct{}, 1), clock: or[clock](c.clock, realClock{})}
		p.interval.Store(int64(float64(time.Second) / or(c.Rate, DefaultRate)))
		c.hosts[host] = p
	}
	return p
}

// SlowDown lowers the rate for host to one request per d, if that is
// slower than the current rate (robots.txt Crawl-delay).
func (c *Client) SlowDown(host string, d time.Duration) {
	c.init()
	if c.Rate < 0 || d <= 0 {
		return
	}
	p := c.pacer(host)
	if int64(d) > p.interval.Load() {
		p.interval.Store(int64(d))
	}
}

// pacer spaces the requests to one host by at least interval, measured
// from the moment each request was let go. (A token bucket such as
// x/time/rate keeps the average but lets a request follow a late one
// closely.)
type pacer struct {
	sem      chan struct{} // held while waiting for a turn
	clock    clock
	last     time.Time
	interval atomic.Int64 // time.Duration
}

// wait blocks until it is the caller's turn and returns the time it let
// the request go.
func (p *pacer) wait(ctx context.Context) (time.Time, error) {
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return time.Time{}, ctx.Err()
	}
	defer func() { <-p.sem }()
	if d := p.last.Add(time.Duration(p.interval.Load())).Sub(p.clock.Now()); d > 0 {
		if err := p.clock.Sleep(ctx, d); err != nil {
			return time.Time{}, err
		}
	}
	p.last = p.clock.Now()
	return p.last, nil
}

// clock is the time of the pacers: the real clock, or a fake one in tests,
// so that the spacing of requests is checked exactly and not at the mercy
// of a loaded machine.
type clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error // waits d, or until ctx is done
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Get fetches url. It fails with an *Error for any status other than 2xx,
// for bodies over MaxBodySize and for anti-bot challenge pages (ErrBlocked).
func (c *Client) Get(ctx context.Context, url string) (*Page, error) {
	return c.GetIfChanged(ctx, url, "", "")
}

// GetIfChanged fetches url with a conditional request. If the server says
// nothing changed, it returns a Page with Status 304, the validators and
// no Body.
func (c *Client) GetIfChanged(ctx context.Context, rawURL, etag, lastModified string) (*Page, error) {
	return c.do(ctx, fetchRequest{url: rawURL, etag: etag, lastModified: lastModified})
}

// PostForm posts form to rawURL, as the Hanweb list proxy (dataproxy.jsp)
// wants; it retries and fails like Get.
func (c *Client) PostForm(ctx context.Context, rawURL string, form url.Values) (*Page, error) {
	return c.do(ctx, fetchRequest{url: rawURL, form: form})
}

// fetchRequest is one GET (conditional if etag or lastModified is set) or,
// with a form, one POST.
type fetchRequest struct {
	url, etag, lastModified string
	form                    url.Values
}

func (c *Client) do(ctx context.Context, r fetchRequest) (*Page, error) {
	c.init()
	rawURL := r.url
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{URL: rawURL, Err: errors.New("not an http(s) URL")}
	}
	retries := c.Retries
	switch {
	case retries == 0:
		retries = DefaultRetries
	case retries < 0:
		retries = 0
	}
	backoff := or(c.Backoff, DefaultBackoff)
	for attempt := 0; ; attempt++ {
		page, wait, err := c.try(ctx, r)
		if err == nil || wait < 0 || attempt >= retries {
			return page, err
		}
		if wait == 0 {
			// Exponential backoff with jitter: backoff·2^attempt · [0.5, 1.5).
			wait = time.Duration(float64(backoff<<attempt) * (0.5 + rand.Float64()))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, &Error{URL: rawURL, Err: ctx.Err()}
		case <-t.C:
		}
	}
}

// try makes one attempt. On failure, wait says when to retry: 0 for the
// usual backoff, >0 as the server asked (Retry-After), <0 never.
func (c *Client) try(ctx context.Context, r fetchRequest) (page *Page, wait time.Duration, err error) {
	ctx, cancel := context.WithTimeout(ctx, or(c.Timeout, DefaultTimeout))
	defer cancel()
	rawURL, etag, lastModified := r.url, r.etag, r.lastModified
	method, form := http.MethodGet, io.Reader(nil)
	if r.form != nil {
		method, form = http.MethodPost, strings.NewReader(r.form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, rawURL, form)
	if err != nil {
		return nil, -1, &Error{URL: rawURL, Err: err}
	}
	if r.form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("User-Agent", c.userAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8")
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
	}
	resp, err := c.client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // the URL is already in our own error
		}
		e := &Error{URL: rawURL, Err: err}
		var dns *net.DNSError
		if errors.Is(err, ErrRedirectLoop) || errors.Is(err, ErrTooManyHops) || errors.Is(err, ErrRedirect) || ctxDone(ctx.Err(), err) ||
			errors.As(err, &dns) && dns.IsNotFound { // a host that does not exist will not exist in a second either
			return nil, -1, e
		}
		if errors.Is(err, context.DeadlineExceeded) {
			e.Err = fmt.Errorf("timed out after %v", or(c.Timeout, DefaultTimeout))
		}
		return nil, 0, e
	}
	defer resp.Body.Close()
	page = &Page{
		URL:          rawURL,
		FinalURL:     resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		page.FetchedAt = time.Now().UTC()
		if page.ETag == "" {
			page.ETag = etag
		}
		if page.LastModified == "" {
			page.LastModified = lastModified
		}
		return page, 0, nil
	}
	max := or(c.MaxBodySize, DefaultMaxBodySize)
	if resp.ContentLength > max {
		return nil, -1, &Error{URL: rawURL, Status: resp.StatusCode, Err: fmt.Errorf("%w: %d bytes > %d (raise the limit to fetch it)", ErrTooLarge, resp.ContentLength, max)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		e := &Error{URL: rawURL, Status: resp.StatusCode, Err: fmt.Errorf("reading body: %w", err)}
		if errors.Is(err, context.DeadlineExceeded) {
			e.Err = fmt.Errorf("timed out after %v reading the body", or(c.Timeout, DefaultTimeout))
		}
		if ctxDone(ctx.Err(), err) {
			return nil, -1, e
		}
		return nil, 0, e
	}
	if int64(len(body)) > max {
		return nil, -1, &Error{URL: rawURL, Status: resp.StatusCode, Err: fmt.Errorf("%w (%d bytes; raise the limit to fetch it)", ErrTooLarge, max)}
	}
	page.Body = body
	page.FetchedAt = time.Now().UTC()
	switch s := resp.StatusCode; {
	case s == http.StatusPreconditionFailed || (s >= 200 && s < 300 || s == http.StatusForbidden) && IsChallenge(body):
		return nil, -1, &Error{URL: rawURL, Status: s, Err: ErrBlocked}
	case s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable:
		return nil, retryAfter(resp.Header.Get("Retry-After")), &Error{URL: rawURL, Status: s}
	case s >= 500:
		return nil, 0, &Error{URL: rawURL, Status: s}
	case s < 200 || s >= 300:
		return nil, -1, &Error{URL: rawURL, Status: s}
	}
	return page, 0, nil
}

// ctxDone reports whether the caller's context ended (not our own per-attempt timeout).
func ctxDone(ctxErr, err error) bool {
	return errors.Is(err, context.Canceled) && ctxErr != nil
}

// retryAfter parses a Retry-After header (seconds or an HTTP date),
// capped at maxRetryAfter; 0 if absent or invalid.
func retryAfter(h string) time.Duration {
	if h == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.Atoi(strings.TrimSpace(h)); err == nil {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(h); err == nil {
		d = time.Until(t)
	}
	if d <= 0 {
		return 0
	}
	return min(d, maxRetryAfter)
}

// challengeMarks are strings of the JavaScript challenge pages that
// anti-bot services answer instead of the document (瑞数 $_ts, 加速乐
// __jsl_clearance, Aliyun acw_sc__v2, generic cookie-and-reload scripts).
var challengeMarks = [][]byte{
	[]byte("$_ts"), []byte("__jsl_clearance"), []byte("acw_sc__v2"), []byte("_waf_"),
	[]byte("安全验证"), []byte("请开启JavaScript"), []byte("enable JavaScript"),
}

// IsChallenge reports whether body looks like an anti-bot JavaScript
// challenge rather than content: a small HTML page with next to no
// visible text whose script carries a known challenge marker, or sets a
// cookie and reloads.
func IsChallenge(body []byte) bool {
	if len(body) > 32<<10 || !looksHTML(body) {
		return false
	}
	if text := invisible.ReplaceAll(body, nil); len(bytes.Join(bytes.Fields(text), nil)) > 200 {
		return false // a real page, even if its scripts touch cookies
	}
	for _, m := range challengeMarks {
		if bytes.Contains(body, m) {
			return true
		}
	}
	return bytes.Contains(body, []byte("document.cookie")) &&
		(bytes.Contains(body, []byte("location.reload")) || bytes.Contains(body, []byte("location.href")) || bytes.Contains(body, []byte("location.replace")))
}

// invisible matches what a browser does not show as text: scripts, styles, tags.
var invisible = regexp.MustCompile(`(?is)<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<[^>]*>|&nbsp;`)

func looksHTML(body []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<script")) || bytes.Contains(head, []byte("<body"))
}
