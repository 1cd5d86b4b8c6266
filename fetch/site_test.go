package fetch

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// site serves ../testdata/site like a government web server, with the
// failures described in its README, and logs every request.
type site struct {
	srv *httptest.Server // the government site
	off *httptest.Server // another host, linked but out of scope

	mu        sync.Mutex
	log       []request
	hits      map[string]int
	offHits   int
	onRequest func(n int) // called with the number of requests so far
}

type request struct {
	Path   string // path and query
	At     time.Time
	Status int
}

const (
	flakyPage = "/zwgk/ndbg/202406/t20240605_1004.html"
	slowPage  = "/zwgk/ndbg/202402/t20240201_1006.html"
	loopPage  = "/zwgk/ndbg/202401/t20240115_1007.html"
	blockPage = "/zwgk/ndbg/202312/t20231201_1008.html"
	bigFile   = "/zwgk/ndbg/202303/big.pdf"
)

var gbkMeta = regexp.MustCompile(`charset=(gb2312|gbk)`)

func newSite(t testing.TB) *site {
	s := &site{hits: map[string]int{}}
	s.off = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.offHits++
		s.mu.Unlock()
		fmt.Fprint(w, "<html>off-site</html>")
	}))
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
	s.hits[r.URL.Path]++
	hits := s.hits[r.URL.Path]
	n := len(s.log) + 1
	s.log = append(s.log, request{Path: r.URL.RequestURI(), At: time.Now()})
	hook := s.onRequest
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.log[n-1].Status = sw.status
		s.mu.Unlock()
	}()
	if hook != nil {
		hook(n)
	}
	s.serve(sw, r, hits)
}

func (s *site) serve(w http.ResponseWriter, r *http.Request, hits int) {
	switch p := r.URL.Path; p {
	case flakyPage:
		if hits <= 2 {
			http.Error(w, "Internal Server Error", http.StatusInternalServerError)
			return
		}
	case slowPage:
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
		return
	case loopPage:
		http.Redirect(w, r, "/zwgk/ndbg/loop/b", http.StatusFound) // within the scope: the loop, not the scope, ends it
		return
	case "/zwgk/ndbg/loop/b":
		http.Redirect(w, r, loopPage, http.StatusMovedPermanently)
		return
	case blockPage:
		w.WriteHeader(http.StatusPreconditionFailed)
		fmt.Fprint(w, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><script type="text/javascript">$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=28341;</script></head></html>`)
		return
	case bigFile:
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n"))
		w.Write(bytes.Repeat([]byte("0"), 512<<10))
		return
	}
	name := filepath.Join("..", "testdata", "site", filepath.FromSlash(r.URL.Path))
	if strings.HasSuffix(r.URL.Path, "/") {
		name = filepath.Join(name, "index.html")
	}
	if pn := r.URL.Query().Get("pageNum"); pn != "" && pn != "1" {
		name = strings.TrimSuffix(name, ".html") + "_p" + pn + ".html"
	}
	data, err := os.ReadFile(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ctype := map[string]string{
		".html": "text/html",
		".txt":  "text/plain; charset=utf-8",
		".pdf":  "application/pdf",
		".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	}[path.Ext(name)]
	if strings.HasSuffix(name, ".html") {
		data = bytes.ReplaceAll(data, []byte("http://OFFSITE"), []byte(s.off.URL))
		if gbkMeta.Match(data) { // like old sites: GBK bytes, charset only in <meta>
			if data, err = simplifiedchinese.GBK.NewEncoder().Bytes(data); err != nil {
				panic(err)
			}
		} else {
			ctype += "; charset=utf-8"
		}
	}
	sum := sha256.Sum256(data)
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sum[:8]))
	http.ServeContent(w, r, name, time.Date(2025, 1, 17, 8, 0, 0, 0, time.UTC), bytes.NewReader(data))
}

// requests returns the log so far.
func (s *site) requests() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]request(nil), s.log...)
}

func (s *site) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}
