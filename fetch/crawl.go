package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// Outcomes of a URL in a crawl report.
const (
	OutcomeNew        = "new"          // fetched for the first time
	OutcomeChanged    = "changed"      // fetched, and the body differs from the stored one
	OutcomeUnchanged  = "unchanged"    // 304 Not Modified, or the same body again
	OutcomeFailed     = "failed"       // HTTP error, timeout, too large, wrong file type …
	OutcomeBlocked    = "blocked"      // anti-bot answer (412, JavaScript challenge)
	OutcomeDisallowed = "disallowed"   // robots.txt forbids it: not requested
	OutcomeOutOfScope = "out-of-scope" // a detail or file link outside --scope: not requested
	OutcomeSkipped    = "skipped"      // over --max-pages or older than --since: not requested
)

// Crawler fetches columns of government sites into a Store: list pages
// and their pagination, the detail pages they link, and the attachments of
// those. Set Store; the other fields have working defaults.
type Crawler struct {
	Client      *Client   // nil means a zero Client (1 request/s per host)
	Store       *Store    // required
	Scope       string    // "path" (default: the seed's host and directory), "host", or a regexp URLs must match
	Depth       int       // detail-page hops from a list: 1 (the default) fetches the details of lists, 2 also the articles they link
	MaxPages    int       // list and detail pages fetched at most (attachments not counted); 0 means no limit
	Since       time.Time // skip details dated earlier and stop paging past them; zero means no limit
	Concurrency int       // hosts crawled at the same time; 0 means 4 (one request at a time per host)
	KeepState   bool      // keep the frontier after a complete crawl; remove it later with Store.RemoveCrawl

	// Progress, if set, is called after every URL (from one goroutine at a time).
	Progress func(Progress)
}

// Progress is a snapshot of a running crawl.
type Progress struct {
	Fetched int   // URLs answered (200 or 304)
	Queued  int   // URLs waiting
	Errors  int   // failed or blocked URLs
	Bytes   int64 // body bytes downloaded
	Elapsed time.Duration
}

// Report lists every URL of a crawl with its outcome.
type Report struct {
	ID       string         `json:"id"` // names the saved frontier of this crawl in the store
	Seeds    []string       `json:"seeds"`
	Started  time.Time      `json:"started"`
	Finished time.Time      `json:"finished"`
	Complete bool           `json:"complete"` // false if the crawl was interrupted: run it again to resume
	Counts   map[string]int `json:"counts"`   // outcome → URLs
	URLs     []Result       `json:"urls"`
}

// Result is the outcome of one URL.
type Result struct {
	URL     string `json:"url"`
	Kind    string `json:"kind"`
	Parent  string `json:"parent,omitempty"`
	Outcome string `json:"outcome"`
	Status  int    `json:"status,omitempty"`
	Error   string `json:"error,omitempty"`
	SHA256  string `json:"sha256,omitempty"`
	Size    int64  `json:"size,omitempty"`
}

// Changed returns the results whose outcome is new or changed: what a
// downstream step has to (re)process.
func (r *Report) Changed() []Result {
	var out []Result
	for _, u := range r.URLs {
		if u.Outcome == OutcomeNew || u.Outcome == OutcomeChanged {
			out = append(out, u)
		}
	}
	return out
}

// item is a URL waiting in the frontier.
type item struct {
	URL    string `json:"url"`
	Kind   string `json:"kind"`
	Parent string `json:"parent,omitempty"`
	Depth  int    `json:"depth"`
	Seed   int    `json:"seed"`           // index into the seeds, for the scope
	Form   string `json:"form,omitempty"` // POST this (URL-encoded) form instead of a GET
}

// state is the frontier of a crawl, kept in a log (see frontier.go).
type state struct {
	ID      string    `json:"id"`
	Seeds   []string  `json:"seeds"`
	Started time.Time `json:"started"`
	Queue   []item    `json:"queue"`
	Results []Result  `json:"results"`
	Bytes   int64     `json:"bytes"`
}

// Crawl crawls from the seed URLs until the frontier is empty or ctx ends.
// A crawl with the same seeds and options that was interrupted is resumed
// from its saved frontier. The returned report is complete unless ctx
// ended, in which case the error is ctx.Err(). Failed URLs are in the
// report, not in the error.
func (c *Crawler) Crawl(ctx context.Context, seeds []string) (*Report, error) {
	if c.Store == nil {
		return nil, errors.New("crawl: no store")
	}
	if len(seeds) == 0 {
		return nil, errors.New("crawl: no URL to start from")
	}
	r := &run{c: c, client: c.Client, seen: map[string]bool{}, busy: map[string]bool{}, robots: map[string]*robotstxt.RobotsData{}}
	if r.client == nil {
		r.client = &Client{}
	}
	for _, s := range seeds {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("crawl: %q is not an http(s) URL", s)
		}
		r.seeds = append(r.seeds, u)
	}
	switch c.Scope {
	case "", "path", "host":
	default:
		re, err := regexp.Compile(c.Scope)
		if err != nil {
			return nil, fmt.Errorf("crawl: --scope is neither host, path nor a valid regexp: %w", err)
		}
		r.scope = re
	}
	id := c.id(seeds)
	st, err := c.Store.loadState(id)
	if err != nil {
		return nil, err
	}
	log, err := c.Store.openFrontier(id)
	if err != nil {
		return nil, err
	}
	defer log.close()
	r.log = log
	if st == nil {
		st = &state{ID: id, Seeds: seeds, Started: time.Now().UTC()}
		for i, s := range seeds {
			if slices.Contains(seeds[:i], s) {
				continue
			}
			it := item{URL: s, Kind: KindList, Seed: i}
			switch {
			case FileType(s) != "":
				it.Kind = KindFile
			case IsArticle(s):
				it.Kind, it.Depth = KindPage, 1 // a detail page is one hop from its list
			}
			st.Queue = append(st.Queue, it)
		}
		// Saved now, so that what a killed crawl stores counts as its own.
		if err := log.start(st); err != nil {
			return nil, err
		}
	}
	r.st = st
	for _, it := range st.Queue {
		r.seen[it.URL] = true
	}
	for _, res := range st.Results {
		r.seen[res.URL] = true
		r.count(res)
	}
	r.start = time.Now()
	r.cond = sync.NewCond(&r.mu)
	stop := context.AfterFunc(ctx, func() {
		r.mu.Lock()
		r.cond.Broadcast()
		r.mu.Unlock()
	})
	defer stop()

	workers := c.Concurrency
	if workers <= 0 {
		workers = 4
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.work(ctx)
		}()
	}
	wg.Wait()

	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &Report{ID: id, Seeds: st.Seeds, Started: st.Started, Finished: time.Now().UTC(), Counts: map[string]int{}}
	rep.URLs = slices.Clone(st.Results)
	slices.SortFunc(rep.URLs, func(a, b Result) int { return strings.Compare(a.URL, b.URL) })
	for _, u := range rep.URLs {
		rep.Counts[u.Outcome]++
	}
	if r.err != nil {
		return rep, r.err
	}
	if ctx.Err() != nil || len(st.Queue) > 0 {
		return rep, ctx.Err()
	}
	rep.Complete = true
	if !c.KeepState {
		if err := c.Store.RemoveCrawl(id); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// id names a crawl by its seeds and the options that change what it fetches.
func (c *Crawler) id(seeds []string) string {
	key := fmt.Sprintf("%q %q %d %d %s", seeds, c.Scope, c.Depth, c.MaxPages, c.Since.Format(time.DateOnly))
	return hashString(key)[:16]
}

// run is the shared state of one Crawl call.
type run struct {
	c      *Crawler
	client *Client
	seeds  []*url.URL
	scope  *regexp.Regexp
	start  time.Time

	mu       sync.Mutex
	cond     *sync.Cond
	st       *state
	log      *frontierLog
	seen     map[string]bool // URLs queued or done
	busy     map[string]bool // hosts with a request in flight
	inflight int
	pages    int // list and detail pages requested, for MaxPages
	claimed  int // pages in flight
	fetched  int
	errors   int
	err      error // a store failure: stops the crawl
	robots   map[string]*robotstxt.RobotsData
}

func (r *run) count(res Result) {
	switch res.Outcome {
	case OutcomeNew, OutcomeChanged, OutcomeUnchanged:
		r.fetched++
	case OutcomeFailed, OutcomeBlocked:
		r.errors++
	default:
		return // not requested
	}
	if res.Kind != KindFile {
		r.pages++
	}
}

func hostOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return u.Host
}

// work claims queued URLs whose host is idle until the frontier is empty.
func (r *run) work(ctx context.Context) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for {
		if ctx.Err() != nil || r.err != nil {
			return
		}
		i := slices.IndexFunc(r.st.Queue, func(it item) bool { return !r.busy[hostOf(it.URL)] })
		if i < 0 {
			if r.inflight == 0 {
				r.cond.Broadcast()
				return
			}
			r.cond.Wait()
			continue
		}
		it := r.st.Queue[i]
		if i == 0 {
			r.st.Queue = r.st.Queue[1:] // the usual case, without moving the rest
		} else {
			r.st.Queue = slices.Delete(r.st.Queue, i, i+1)
		}
		// r.pages counts finished pages; claimed ones count too, against MaxPages.
		page := boolInt(it.Kind != KindFile)
		if page == 1 && r.c.MaxPages > 0 && r.pages+r.claimed >= r.c.MaxPages {
			r.finish(Result{URL: it.URL, Kind: it.Kind, Parent: it.Parent, Outcome: OutcomeSkipped, Error: "over --max-pages"}, nil, nil, 0)
			continue
		}
		host := hostOf(it.URL)
		r.busy[host] = true
		r.inflight++
		r.claimed += page
		r.mu.Unlock()
		res, found, skips, n, ok := r.process(ctx, it)
		r.mu.Lock()
		r.busy[host] = false
		r.inflight--
		r.claimed -= page
		if ok {
			r.finish(res, found, skips, n)
		} else { // interrupted: put it back for the next run
			r.st.Queue = slices.Insert(r.st.Queue, min(i, len(r.st.Queue)), it)
		}
		r.cond.Broadcast()
	}
}

// finish records a result, the new URLs to fetch and the links not to
// fetch, and appends them to the frontier's log. r.mu is held.
func (r *run) finish(res Result, found []item, skips []Result, bytes int64) {
	var ev events
	ev.result(res, bytes)
	r.st.Results = append(r.st.Results, res)
	r.count(res)
	r.st.Bytes += bytes
	// A list page whose details were all seen before (a site that answers
	// every page number with the last page) ends the paging.
	fresh := 0
	for _, f := range found {
		if f.Kind != KindList && !r.seen[f.URL] {
			fresh++
		}
	}
	for _, f := range found {
		if !r.seen[f.URL] && (f.Kind != KindList || fresh > 0) {
			r.seen[f.URL] = true
			r.st.Queue = append(r.st.Queue, f)
			ev.queue(f)
		}
	}
	for _, s := range skips {
		if !r.seen[s.URL] {
			r.seen[s.URL] = true
			r.st.Results = append(r.st.Results, s)
			ev.result(s, 0)
		}
	}
	if err := r.log.append(ev); err != nil && r.err == nil {
		r.err = err
	}
	if r.c.Progress != nil {
		r.c.Progress(Progress{Fetched: r.fetched, Queued: len(r.st.Queue) + r.inflight, Errors: r.errors, Bytes: r.st.Bytes, Elapsed: time.Since(r.start)})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// process fetches one URL, stores it and returns its result, the URLs it
// links to fetch and not to fetch, and the bytes downloaded. ok is false
// if ctx ended first.
func (r *run) process(ctx context.Context, it item) (res Result, found []item, skips []Result, n int64, ok bool) {
	res = Result{URL: it.URL, Kind: it.Kind, Parent: it.Parent}
	fail := func(err error) (Result, []item, []Result, int64, bool) {
		if ctx.Err() != nil {
			return res, nil, nil, 0, false
		}
		res.Outcome, res.Error = OutcomeFailed, err.Error()
		var fe *Error
		if errors.As(err, &fe) {
			res.Status = fe.Status
		}
		if errors.Is(err, ErrBlocked) {
			res.Outcome = OutcomeBlocked
		}
		return res, nil, nil, 0, true
	}
	u, err := url.Parse(it.URL)
	if err != nil {
		return fail(err)
	}
	allowed, err := r.allowed(ctx, Dotless(u))
	if err != nil {
		return fail(err)
	}
	if !allowed {
		res.Outcome, res.Error = OutcomeDisallowed, "disallowed by robots.txt"
		return res, nil, nil, 0, true
	}
	// Every hop of a redirect must be in scope and allowed by robots.txt, as a link would.
	ctx = WithRedirectCheck(ctx, func(next *url.URL) error {
		if !r.inScope(it, next.String(), it.Kind == KindFile) {
			return ErrOutOfScope
		}
		ok, err := r.allowed(ctx, next)
		switch {
		case err != nil:
			return err
		case !ok:
			return ErrDisallowed
		}
		return nil
	})

	store := r.c.Store
	prev, err := store.Record(it.URL)
	if err != nil {
		return fail(err)
	}
	rec, body, outcome, n, err := r.fetch(ctx, it, prev)
	if err != nil {
		res, found, skips, n, ok := fail(err)
		switch {
		case !errors.Is(err, ErrRedirect):
		case errors.Is(err, ErrOutOfScope):
			res.Outcome = OutcomeOutOfScope
		case errors.Is(err, ErrDisallowed):
			res.Outcome = OutcomeDisallowed
		}
		return res, found, skips, n, ok
	}
	res.Outcome, res.Status = outcome, rec.Status

	if it.Kind != KindFile && mayHaveLinks(rec.ContentType, body) {
		base := it.URL
		if rec.FinalURL != "" {
			base = rec.FinalURL
		}
		links, err := ParseLinks(base, rec.ContentType, body)
		if err == nil {
			found, skips = r.follow(it, links)
		}
		rec.Attachments = nil
		for _, f := range found {
			if f.Kind == KindFile {
				rec.Attachments = append(rec.Attachments, f.URL)
			}
		}
	}
	var put []byte
	if n > 0 || !store.HasBody(rec.SHA256) {
		put = body
	}
	if err := store.Put(rec, put); err != nil {
		return fail(err)
	}
	res.SHA256, res.Size = rec.SHA256, rec.Size
	return res, found, skips, n, true
}

// fetch returns the record and body of it and whether it is new, changed
// or unchanged. It asks the server with the validators of prev, unless
// this very crawl stored it already (then killed before saving the
// frontier), in which case the stored copy is taken.
func (r *run) fetch(ctx context.Context, it item, prev *Record) (rec *Record, body []byte, outcome string, downloaded int64, err error) {
	store := r.c.Store
	if prev != nil && !prev.FetchedAt.Before(r.st.Started) && store.HasBody(prev.SHA256) {
		body, err = store.Body(prev.SHA256)
		switch {
		case !prev.FirstSeen.Before(r.st.Started):
			outcome = OutcomeNew
		case !prev.ChangedAt.Before(r.st.Started):
			outcome = OutcomeChanged
		default:
			outcome = OutcomeUnchanged
		}
		return prev, body, outcome, 0, err
	}

	var etag, lastMod string
	if prev != nil && store.HasBody(prev.SHA256) {
		etag, lastMod = prev.ETag, prev.LastModified
	}
	var page *Page
	if it.Form != "" {
		form, _ := url.ParseQuery(it.Form)
		page, err = r.client.PostForm(ctx, it.URL, form)
	} else {
		page, err = r.client.GetIfChanged(ctx, it.URL, etag, lastMod)
	}
	if err != nil {
		return nil, nil, "", 0, err
	}
	rec = &Record{URL: it.URL, Kind: it.Kind, Parent: it.Parent, Status: page.Status, ContentType: page.ContentType,
		ETag: page.ETag, LastModified: page.LastModified, FirstSeen: page.FetchedAt, ChangedAt: page.FetchedAt, FetchedAt: page.FetchedAt}
	if page.FinalURL != it.URL {
		rec.FinalURL = page.FinalURL
	}
	if page.Status == http.StatusNotModified {
		if etag == "" && lastMod == "" {
			return nil, nil, "", 0, &Error{URL: it.URL, Status: page.Status, Err: errors.New("answer to an unconditional request")}
		}
		rec.ContentType, rec.SHA256, rec.Size = prev.ContentType, prev.SHA256, prev.Size
		rec.FirstSeen, rec.ChangedAt = prev.FirstSeen, prev.ChangedAt
		body, err = store.Body(prev.SHA256)
		return rec, body, OutcomeUnchanged, 0, err
	}
	if it.Kind == KindFile {
		if err := CheckType(FileType(it.URL), page.Body); err != nil {
			return nil, nil, "", 0, &Error{URL: it.URL, Status: page.Status, Err: err}
		}
	}
	outcome = OutcomeNew
	if prev != nil {
		rec.FirstSeen, rec.ChangedAt = prev.FirstSeen, prev.ChangedAt
		outcome = OutcomeUnchanged // a server without validators sent the same bytes
		if hashBytes(page.Body) != prev.SHA256 {
			rec.ChangedAt = page.FetchedAt
			outcome = OutcomeChanged
		}
	}
	return rec, page.Body, outcome, int64(len(page.Body)), nil
}

func hashBytes(b []byte) string { return hashString(string(b)) }

// mayHaveLinks reports whether a page body is worth parsing for links:
// anything but a file type (PDF, Office, images), whatever the server
// says, since some servers send HTML as text/plain.
func mayHaveLinks(contentType string, body []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "html") {
		return true
	}
	if strings.HasPrefix(ct, "image/") || strings.HasPrefix(ct, "application/") && !strings.Contains(ct, "octet-stream") {
		return false
	}
	for _, t := range []string{"pdf", "docx", "doc"} {
		if CheckType(t, body) == nil {
			return false
		}
	}
	return true
}

// follow turns the links of a fetched page into frontier items: its
// attachments, the details of a list (within the depth) and the next list
// page, or into reported skips when out of scope or too old.
func (r *run) follow(it item, links *Links) (found []item, skips []Result) {
	since := ""
	if !r.c.Since.IsZero() {
		since = r.c.Since.Format(time.DateOnly)
	}
	for _, a := range links.Attachments {
		if !r.inScope(it, a.URL, true) {
			skips = append(skips, Result{URL: a.URL, Kind: KindFile, Parent: it.URL, Outcome: OutcomeOutOfScope, Error: "outside --scope"})
			continue
		}
		found = append(found, item{URL: a.URL, Kind: KindFile, Parent: it.URL, Depth: it.Depth, Seed: it.Seed})
	}
	depth := max(r.c.Depth, 1)
	dated, recent := 0, 0
	if it.Depth < depth {
		for _, d := range links.Details {
			switch {
			case !r.inScope(it, d.URL, false):
				skips = append(skips, Result{URL: d.URL, Kind: KindPage, Parent: it.URL, Outcome: OutcomeOutOfScope, Error: "outside --scope"})
			case since != "" && d.Date != "" && d.Date < since:
				dated++
				skips = append(skips, Result{URL: d.URL, Kind: KindPage, Parent: it.URL, Outcome: OutcomeSkipped, Error: "dated " + d.Date + ", before --since"})
			default:
				if d.Date != "" {
					dated++
					recent++
				}
				found = append(found, item{URL: d.URL, Kind: KindPage, Parent: it.URL, Depth: it.Depth + 1, Seed: it.Seed})
			}
		}
	}
	// Follow the next list page unless this page had nothing for us or
	// everything on it is older than --since.
	// A Hanweb list asks dataproxy.jsp, outside the column, with a form
	// that every later group of records repeats.
	form := it.Form
	if links.NextForm != nil {
		form = links.NextForm.Encode()
	}
	inScope := r.inScope(it, links.Next, false) || form != "" && hostOf(links.Next) == hostOf(it.URL)
	if it.Kind == KindList && links.Next != "" && inScope &&
		(len(links.Details) > 0 || len(links.Attachments) > 0) && !(dated > 0 && recent == 0) {
		found = append(found, item{URL: links.Next, Kind: KindList, Parent: it.URL, Depth: it.Depth, Seed: it.Seed, Form: form})
	}
	return found, skips
}

var hanwebColumn = regexp.MustCompile(`/col/col(\d+)/`)

// inScope applies --scope to a link found on the page of it. Files may
// also live anywhere on the host of the page linking them.
func (r *run) inScope(it item, link string, file bool) bool {
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	u = Dotless(u)
	link = u.String()
	if file && u.Host == hostOf(it.URL) && r.scope == nil {
		return true
	}
	if r.scope != nil {
		return r.scope.MatchString(link) || (file && u.Host == hostOf(it.URL))
	}
	seed := r.seeds[it.Seed]
	if u.Host != seed.Host {
		return false
	}
	if r.c.Scope == "host" {
		return true
	}
	dir := seed.Path
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir) + "/"
	}
	if strings.HasPrefix(u.Path, dir) {
		return true
	}
	// Hanweb lists live at /col/col1229/index.html, their articles at /art/…/art_1229_….html.
	if m := hanwebColumn.FindStringSubmatch(seed.Path); m != nil {
		return strings.Contains(u.Path, "/art_"+m[1]+"_")
	}
	return false
}

// allowed checks robots.txt, fetched once per host and crawl. A missing
// robots.txt (4xx) allows everything; a server error (5xx) nothing.
func (r *run) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	r.mu.Lock()
	rd := r.robots[key]
	r.mu.Unlock()
	if rd == nil {
		status, body := 200, []byte(nil)
		page, err := r.client.Get(ctx, key+"/robots.txt")
		var fe *Error
		switch {
		case err == nil:
			body = page.Body
		case ctx.Err() != nil:
			return false, ctx.Err()
		case errors.As(err, &fe) && fe.Status != 0:
			status = fe.Status
		default:
			status = 404 // unreachable: the page request will fail on its own
		}
		rd, err = robotstxt.FromStatusAndBytes(status, body)
		if err != nil {
			rd, _ = robotstxt.FromStatusAndBytes(404, nil)
		}
		if g := rd.FindGroup("gongwen"); g != nil && g.CrawlDelay > 0 {
			r.client.SlowDown(u.Host, g.CrawlDelay)
		}
		r.mu.Lock()
		r.robots[key] = rd
		r.mu.Unlock()
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return rd.TestAgent(p, "gongwen"), nil
}

// SaveReport writes rep as JSON under reports/ and returns the file name.
func (s *Store) SaveReport(rep *Report) (string, error) {
	data, err := marshalJSON(rep)
	if err != nil {
		return "", err
	}
	name := filepath.Join(s.Dir, "reports", "crawl-"+rep.Finished.Format("20060102T150405Z")+"-"+rep.ID[:6]+".json")
	if err := writeFileAtomic(name, data); err != nil {
		return "", err
	}
	return name, nil
}
