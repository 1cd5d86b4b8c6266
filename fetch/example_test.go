package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

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
