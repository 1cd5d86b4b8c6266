package fetch

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/gongwen/gongwen/internal/testsite"
)

// site serves ../testdata/site like a government web server, with the
// failures described in its README, and logs every request.
type site struct {
	srv   *httptest.Server // the government site
	off   *httptest.Server // another host, linked but out of scope
	files *testsite.Site

	mu        sync.Mutex
	log       []request
	gen       int // counts resets, so that a request still in flight across one does not write into the new log
	offHits   int
	onRequest func(n int) // called with the number of requests so far
}

type request struct {
	Path   string // path and query
	At     time.Time
	Status int
}

const (
	flakyPage = testsite.FlakyPage
	slowPage  = testsite.SlowPage
	loopPage  = testsite.LoopPage
	blockPage = testsite.BlockPage
	bigFile   = testsite.BigFile
)

func newSite(t testing.TB) *site {
	s := &site{}
	s.off = httptest.NewServer(testsite.Offsite(func() {
		s.mu.Lock()
		s.offHits++
		s.mu.Unlock()
	}))
	s.files = &testsite.Site{Dir: filepath.Join("..", "testdata", "site"), Offsite: s.off.URL, Slow: true}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	t.Cleanup(s.off.Close)
	return s
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w, status: 200}
	s.mu.Lock()
	n, gen := len(s.log)+1, s.gen
	s.log = append(s.log, request{Path: r.URL.RequestURI(), At: time.Now()})
	hook := s.onRequest
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		// A slow page the client gave up on can finish after reset.
		if gen == s.gen {
			s.log[n-1].Status = sw.status
		}
	}()
	if hook != nil {
		hook(n)
	}
	s.files.ServeHTTP(sw, r)
}

// requests returns the log so far.
func (s *site) requests() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]request(nil), s.log...)
}

// setOnRequest sets the hook under the lock: requests still in flight read it.
func (s *site) setOnRequest(f func(n int)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onRequest = f
}

func (s *site) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
	s.gen++
}
