package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/gongwen/gongwen/fetch"
)

func ExampleClient_Get() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/zwgk/t20250117_1.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<title>关于2024年度法治政府建设工作情况的报告</title>")
	}))
	defer srv.Close()

	var c fetch.Client // the zero value works: 1 request/s per host, retries, timeouts
	page, err := c.Get(context.Background(), srv.URL+"/zwgk/t20250117_1.html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.Status, page.ContentType, len(page.Body), "bytes")

	_, err = c.Get(context.Background(), srv.URL+"/zwgk/missing.html")
	fmt.Println(err.(*fetch.Error).Status)
	// Output:
	// 200 text/html; charset=utf-8 70 bytes
	// 404
}

func ExampleCrawler() {
	// A column of two list pages, one report and its PDF.
	pages := map[string]string{
		"/zwgk/ndbg/index.html": `<li><a href="202501/t20250117_1.html">2024年度报告</a> 2025-01-17</li>
			<script>createPageHTML(2, 0, "index", "html");</script>`,
		"/zwgk/ndbg/index_1.html":            `<li><a href="202401/t20240110_2.html">2023年度报告</a> 2024-01-10</li>`,
		"/zwgk/ndbg/202501/t20250117_1.html": `<a href="P020250117.pdf">报告全文.pdf</a>`,
		"/zwgk/ndbg/202501/P020250117.pdf":   "%PDF-1.4 …",
		"/zwgk/ndbg/202401/t20240110_2.html": `<p>全文</p>`,
		"/robots.txt":                        "User-agent: *\nDisallow: /admin/\n",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, body)
	}))
	defer srv.Close()

	dir, _ := os.MkdirTemp("", "gongwen-raw")
	defer os.RemoveAll(dir)
	store, _ := fetch.OpenStore(dir)
	c := &fetch.Crawler{Store: store, Client: &fetch.Client{Rate: 50}}
	rep, err := c.Crawl(context.Background(), []string{srv.URL + "/zwgk/ndbg/index.html"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range rep.URLs {
		fmt.Println(u.Outcome, u.Kind, strings.TrimPrefix(u.URL, srv.URL))
	}
	rec, _ := store.Record(srv.URL + "/zwgk/ndbg/202501/t20250117_1.html")
	fmt.Println("attachments:", strings.ReplaceAll(strings.Join(rec.Attachments, " "), srv.URL, ""))
	// Output:
	// new page /zwgk/ndbg/202401/t20240110_2.html
	// new file /zwgk/ndbg/202501/P020250117.pdf
	// new page /zwgk/ndbg/202501/t20250117_1.html
	// new list /zwgk/ndbg/index.html
	// new list /zwgk/ndbg/index_1.html
	// attachments: /zwgk/ndbg/202501/P020250117.pdf
}
