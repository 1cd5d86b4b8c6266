// Package testsite serves testdata/site the way government web servers
// behave, failures included (see testdata/site/README.md): for the crawler's
// tests, the README's tour and trying gongwen crawl by hand
// (go run ./testdata/site).
package testsite

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The pages whose behaviour no static file can show.
const (
	FlakyPage = "/zwgk/ndbg/202406/t20240605_1004.html" // 500 twice, then the page
	SlowPage  = "/zwgk/ndbg/202402/t20240201_1006.html" // answers only when the client gives up (if Slow)
	LoopPage  = "/zwgk/ndbg/202401/t20240115_1007.html" // a redirect loop
	BlockPage = "/zwgk/ndbg/202312/t20231201_1008.html" // a 412 anti-bot challenge
	BigFile   = "/zwgk/ndbg/202303/big.pdf"             // 512 KB of PDF
)

// Site serves the files of Dir. Links to http://OFFSITE in its pages point
// to Offsite, another host.
type Site struct {
	Dir     string
	Offsite string
	Slow    bool // SlowPage hangs until the client gives up (else it is a missing page)

	mu   sync.Mutex
	hits map[string]int
}

var gbkMeta = regexp.MustCompile(`charset=(gb2312|gbk)`)

// modified is the Last-Modified of every file, so that runs agree.
var modified = time.Date(2025, 1, 17, 8, 0, 0, 0, time.UTC)

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.hits == nil {
		s.hits = map[string]int{}
	}
	s.hits[r.URL.Path]++
	hits := s.hits[r.URL.Path]
	s.mu.Unlock()

	switch p := r.URL.Path; p {
	case FlakyPage:
		if hits <= 2 {
			http.Error(w, "Internal Server Error", http.StatusInternalServerError)
			return
		}
	case SlowPage:
		if s.Slow {
			select { // a minute at most, so that a server never waits for ever
			case <-time.After(time.Minute):
			case <-r.Context().Done():
			}
			return
		}
	case LoopPage:
		http.Redirect(w, r, "/zwgk/ndbg/loop/b", http.StatusFound) // within the scope: the loop, not the scope, ends it
		return
	case "/zwgk/ndbg/loop/b":
		http.Redirect(w, r, LoopPage, http.StatusMovedPermanently)
		return
	case BlockPage:
		w.WriteHeader(http.StatusPreconditionFailed)
		fmt.Fprint(w, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><script type="text/javascript">$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=28341;</script></head></html>`)
		return
	case BigFile:
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n"))
		w.Write(bytes.Repeat([]byte("0"), 512<<10))
		return
	}
	name := filepath.Join(s.Dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))
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
		data = bytes.ReplaceAll(data, []byte("http://OFFSITE"), []byte(s.Offsite))
		if gbkMeta.Match(data) { // like old sites: GBK bytes, charset only in <meta>
			if gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(data); err == nil {
				data = gbk
			}
		} else {
			ctype += "; charset=utf-8"
		}
	}
	sum := sha256.Sum256(data)
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sum[:8]))
	http.ServeContent(w, r, name, modified, bytes.NewReader(data))
}

// Offsite answers every request with a page of another host, which a
// crawler must never ask for.
func Offsite(hits func()) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hits != nil {
			hits()
		}
		fmt.Fprint(w, "<html>off-site</html>")
	})
}
