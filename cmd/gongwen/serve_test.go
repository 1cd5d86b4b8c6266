package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// startServe runs gongwen serve on the fixtures and returns its base URL.
func startServe(t *testing.T) string {
	t.Helper()
	data := fixtureData(t)
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	var out bytes.Buffer
	go func() {
		done <- runServe(ctx, serveOptions{data: data, addr: "127.0.0.1:0", ready: func(a string) { addr <- a }}, &out, io.Discard)
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case a := <-addr:
		return "http://" + a
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	return ""
}

func getJSON(t *testing.T, u string, wantStatus int, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != wantStatus {
		body, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET %s: %s, want %d: %s", u, resp.Status, wantStatus, body)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
}

func TestServeAPI(t *testing.T) {
	base := startServe(t)
	var res struct {
		Total int
		Hits  []struct {
			ID, Title string
			Fragments []string
		}
		Facets map[string][]struct{ Term string }
	}
	getJSON(t, base+"/api/search?q="+url.QueryEscape("处理"), 200, &res)
	if res.Total == 0 || !strings.Contains(strings.Join(res.Hits[0].Fragments, ""), "<mark>处理</mark>") {
		t.Fatalf("search 处理: %+v", res)
	}
	var doc struct {
		ID, Title string
		Text      string
	}
	getJSON(t, base+"/api/documents/"+res.Hits[0].ID, 200, &doc)
	if doc.ID != res.Hits[0].ID || !strings.Contains(doc.Text, "待处理") {
		t.Errorf("document: %+v", doc)
	}
	var e struct{ Error string }
	getJSON(t, base+"/api/documents/nosuchid", 404, &e)
	getJSON(t, base+"/api/search?q="+url.QueryEscape("。。"), 400, &e)
	if !strings.Contains(e.Error, "punctuation") {
		t.Errorf("error %q", e.Error)
	}
	getJSON(t, base+"/api/search?limit=x", 400, &e)
	var inds struct {
		Indicators []struct {
			DocID string `json:"doc_id"`
			Value float64
		}
	}
	getJSON(t, base+"/api/indicators?name="+url.QueryEscape("调解成功率>=95"), 200, &inds)
	if len(inds.Indicators) == 0 {
		t.Fatal("no indicators")
	}
	for _, in := range inds.Indicators {
		if in.Value < 95 {
			t.Errorf("indicator value %g < 95", in.Value)
		}
	}
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "公文检索") {
		t.Errorf("page: %.200s", page)
	}
}

// chromium returns the path of a Chromium binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives the search page in headless Chromium: type a query,
// see highlighted results, apply a facet, page, open a document.
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install chromium)")
	}
	base := startServe(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	poll := func(expr string) chromedp.Action[chromedp.Void] { return chromedp.Poll[chromedp.Void](expr) }

	do("open the page (every document is listed)",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.CSS(".hit")))
	do("type a query",
		chromedp.SendKeys(chromedp.CSS("#q"), "调解\r"), // Enter submits the form
		poll(`location.hash.includes("q=")`),
		chromedp.WaitVisible(chromedp.CSS(".hit mark")))
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll(".hit mark")].map(m => m.textContent).join(",")`))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range strings.Split(marks, ",") {
		if m != "调解" {
			t.Errorf("marked %q, want 调解 (marks %s)", m, marks)
		}
	}
	if s := text(".summary"); !strings.Contains(s, "document") {
		t.Errorf("summary %q", s)
	}

	do("apply the issuer facet",
		chromedp.Click(chromedp.CSS(`#facets a[data-term="南阳市司法局"]`)),
		poll(`document.querySelector(".summary") && document.querySelector(".summary").textContent.startsWith("共 1 篇")`))
	if s := text(".hit h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("after the facet: first hit %q", s)
	}

	do("remove the filter and page forward",
		chromedp.Click(chromedp.CSS(".chip")),
		poll(`!location.hash.includes("issuer") && document.querySelector("#next")`),
		chromedp.Click(chromedp.CSS("#next")),
		poll(`location.hash.includes("offset=10") && document.querySelector(".summary").textContent.includes("11–")`))

	do("open a document",
		chromedp.Navigate(base+"/#q="+url.QueryEscape("人民调解委员会")),
		chromedp.WaitVisible(chromedp.CSS(".hit-title")),
		chromedp.Click(chromedp.CSS(".hit-title")),
		chromedp.WaitVisible(chromedp.CSS("#document h2")))
	if s := text("#document h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("document title %q", s)
	}
	metadata := text("#document .metadata")
	for _, w := range []string{"南阳市司法局", "宛司〔2022〕11号", "2022-03-05"} {
		if !strings.Contains(metadata, w) {
			t.Errorf("metadata lacks %s: %q", w, metadata)
		}
	}
	inds := text("#document .indicators-table")
	for _, w := range []string{"调解成功率", "97.3", "人民调解委员会", "4,210"} {
		if !strings.Contains(inds, w) {
			t.Errorf("indicator table lacks %s: %q", w, inds)
		}
	}
	src, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#source-link"), "href"))
	if err != nil || src.Value != "https://www.example.gov.cn/special/mediation-committee.html" {
		t.Errorf("source link %q, %v", src.Value, err)
	}
	do("back to the results",
		chromedp.Click(chromedp.CSS("#back")),
		chromedp.WaitVisible(chromedp.CSS(".hit-title")))
}
