package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

// startServe runs gongwen serve on the fixtures and returns its base URL.
func startServe(t *testing.T) string {
	t.Helper()
	return startServeData(t, fixtureData(t))
}

// startServeData runs gongwen serve on the index in data and returns its base URL.
func startServeData(t *testing.T, data string) string {
	t.Helper()
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
	getJSON(t, base+"/api/search?kind=notices", 400, &e)
	if !strings.Contains(e.Error, "notice (通知公告)") {
		t.Errorf("kind=notices: error %q, want the nearest kinds", e.Error)
	}
	getJSON(t, base+"/api/indicators?name="+url.QueryEscape("调解成功率")+"&issuer="+url.QueryEscape("洛阳司法局"), 400, &e)
	if !strings.Contains(e.Error, "洛阳市司法局") {
		t.Errorf("issuer=洛阳司法局: error %q, want the nearest issuers", e.Error)
	}
	var byLabel struct{ Total int }
	getJSON(t, base+"/api/search?kind="+url.QueryEscape("通知公告"), 200, &byLabel)
	if byLabel.Total == 0 {
		t.Error("kind=通知公告 found nothing")
	}
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
	for _, tt := range []struct {
		region string
		total  int
		facet  string // the region facet's first term
	}{
		{"河南省开封市", 5, "河南省开封市"},
		{"410000", 27, "河南省驻马店市"},
		{"浙江", 4, "浙江省宁波市"},
	} {
		getJSON(t, base+"/api/search?region="+url.QueryEscape(tt.region), 200, &res)
		if res.Total != tt.total || len(res.Facets["region"]) == 0 || res.Facets["region"][0].Term != tt.facet {
			t.Errorf("region=%s: total %d, region facet %v; want %d, first %s", tt.region, res.Total, res.Facets["region"], tt.total, tt.facet)
		}
	}
	var inZhejiang struct {
		Indicators []struct{ Issuer string }
	}
	getJSON(t, base+"/api/indicators?name="+url.QueryEscape("调解成功率")+"&region="+url.QueryEscape("浙江省"), 200, &inZhejiang)
	if len(inZhejiang.Indicators) == 0 {
		t.Error("no 调解成功率 in 浙江省")
	}
	for _, in := range inZhejiang.Indicators {
		if !strings.HasPrefix(in.Issuer, "杭州市") && !strings.HasPrefix(in.Issuer, "宁波市") {
			t.Errorf("调解成功率 in 浙江省 from %s", in.Issuer)
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

// TestServeCompare asks the serve mux for the routes it mounts from
// package export: the comparison table as JSON and its chart.
func TestServeCompare(t *testing.T) {
	ix, err := index.Open(fixtureData(t))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	srv := httptest.NewServer(serveHandler(ix))
	defer srv.Close()
	indicator := url.QueryEscape("调解成功率")

	// cell returns the text of the cell of row and column, or "" when the
	// table lacks either.
	type table struct {
		By      string
		Rows    []string
		Columns []string
		Cells   [][]struct{ Text string }
	}
	cell := func(tb table, row, col string) string {
		i, j := slices.Index(tb.Rows, row), slices.Index(tb.Columns, col)
		if i < 0 || j < 0 {
			return ""
		}
		return tb.Cells[i][j].Text
	}
	tests := []struct {
		by, row, col, want string
	}{
		{"issuer", "南阳市司法局", "2021", "97.3%"},
		{"issuer", "驻马店市人民政府", "2019", "85.3%"},
		{"region", "河南省南阳市", "2021", "97.3%"},
		{"region", "浙江省杭州市", "2020", "98.3%"},
		{"year", "2023", "郑州市人民政府", "98%"},
	}
	for _, tt := range tests {
		var tb table
		getJSON(t, srv.URL+"/api/compare?indicator="+indicator+"&by="+tt.by, 200, &tb)
		if tb.By != tt.by {
			t.Errorf("by=%s: table by %q", tt.by, tb.By)
		}
		if got := cell(tb, tt.row, tt.col); got != tt.want {
			t.Errorf("by=%s: cell %s/%s = %q, want %q (rows %q, columns %q)", tt.by, tt.row, tt.col, got, tt.want, tb.Rows, tb.Columns)
		}
	}

	resp, err := http.Get(srv.URL + "/compare.svg?indicator=" + indicator + "&by=region")
	if err != nil {
		t.Fatal(err)
	}
	svg, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("chart: %s, %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"<svg", "河南省南阳市", "浙江省杭州市", "</svg>"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("chart lacks %s: %.300s", want, svg)
		}
	}

	var e struct{ Error string }
	getJSON(t, srv.URL+"/api/compare?indicator="+url.QueryEscape("不存在的指标"), 404, &e)
	getJSON(t, srv.URL+"/api/compare?indicator="+indicator+"&by=month", 400, &e)
	if !strings.Contains(e.Error, "issuer, region or year") {
		t.Errorf("by=month: error %q", e.Error)
	}
	getJSON(t, srv.URL+"/compare.svg", 400, &e)
	getJSON(t, srv.URL+"/api/compare?indicator="+indicator+"&region="+url.QueryEscape("火星"), 400, &e)
	if !strings.Contains(e.Error, "nearest") {
		t.Errorf("region=火星: error %q, want the nearest regions", e.Error)
	}
	// The page and the API of index/web are still there.
	var res struct{ Total int }
	getJSON(t, srv.URL+"/api/search?q="+indicator, 200, &res)
	if res.Total == 0 {
		t.Error("search through the serve mux found nothing")
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

// newBrowser starts headless Chromium for the test.
func newBrowser(t *testing.T, bin string) context.Context {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	return ctx
}

// TestBrowserForm opens a 政府信息公开工作年度报告 in the page: its form
// with the check that fails and the warnings, and its tables drawn as
// tables with their merged headings.
func TestBrowserForm(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install chromium)")
	}
	data := filepath.Join(t.TempDir(), "data")
	report := "../../testdata/reports/xxgk-lanxi-2024-gbk.html"
	var out, errOut bytes.Buffer
	if err := cmdIngest(context.Background(), []string{"--data", data, report}, &out, &errOut); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errOut.String())
	}
	body, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	base := startServeData(t, data)
	ctx := newBrowser(t, bin)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/#doc="+extract.ContentID(body)),
		chromedp.WaitVisible(chromedp.CSS("#document .form"))); err != nil {
		t.Fatal(err)
	}
	form, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#document .form")))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"政府信息公开工作年度报告", "1 not ok", "review.total = sum of parts: 0 ≠", "requests.new.total: the text says",
		"natural", "carried_forward", "suit_after_review"} {
		if !strings.Contains(form, w) {
			t.Errorf("form view lacks %q:\n%s", w, form)
		}
	}
	tables, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#document .doc-table figcaption")].map(e => e.textContent)`))
	if err != nil || len(tables) != 3 || !strings.Contains(tables[1], "收到和处理政府信息公开申请情况") {
		t.Errorf("tables %q, %v", tables, err)
	}
	span, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const th = [...document.querySelectorAll("#document .doc-table th")].find(e => e.textContent === "法人或其他组织"); return th ? th.getAttribute("colspan") : ""; })()`))
	if err != nil || span != "5" {
		t.Errorf("法人或其他组织 spans %q columns, want 5 (%v)", span, err)
	}
}

// TestBrowser drives the search page in headless Chromium: type a query,
// see highlighted results, apply a facet, page, open a document, compare
// one of its indicators across places and years.
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install chromium)")
	}
	base := startServe(t)
	ctx := newBrowser(t, bin)

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
	// click finds and clicks an element in one step in the page, so that a
	// render replacing the node between a lookup and a click cannot fail it.
	click := func(sel string) chromedp.Action[chromedp.Void] {
		q, _ := json.Marshal(sel)
		return poll(`(() => { const e = document.querySelector(` + string(q) + `); if (!e) return false; e.click(); return true; })()`)
	}

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
		click(`#facets a[data-term="南阳市司法局"]`),
		poll(`document.querySelector(".summary") && document.querySelector(".summary").textContent.startsWith("共 1 篇")`))
	if s := text(".hit h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("after the facet: first hit %q", s)
	}

	do("remove the filter and page forward",
		click(".chip"),
		poll(`!location.hash.includes("issuer") && document.querySelector("#next")`),
		click("#next"),
		poll(`location.hash.includes("offset=10") && document.querySelector(".summary").textContent.includes("11–")`))

	do("apply the region facet",
		chromedp.Navigate(base+"/#"),
		// Only a hash change: wait for the first page to be rendered again.
		poll(`!location.hash.includes("offset") && document.querySelector(".summary") && document.querySelector(".summary").textContent.includes(" 1–")`),
		click(`#facets ul[data-facet="region"] a[data-term="河南省开封市"]`),
		poll(`location.hash.includes("region=") && document.querySelector(".summary").textContent.startsWith("共 5 篇")`))
	if s := text(".chip"); s != "region: 河南省开封市 ✕" {
		t.Errorf("region chip %q", s)
	}
	issuers, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".hit .meta")].map(m => m.textContent)`))
	if err != nil || len(issuers) != 5 {
		t.Fatalf("hits in 开封: %q, %v", issuers, err)
	}
	for _, m := range issuers {
		if !strings.HasPrefix(m, "开封市") {
			t.Errorf("hit in 河南省开封市 from %s", m)
		}
	}
	if s := strings.Fields(text(`#facets ul[data-facet="region"]`)); !slices.Equal(s, []string{"河南省开封市", "5"}) {
		t.Errorf("region facet after the click: %q", s)
	}
	if active, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.querySelector('#facets a.active[data-term="河南省开封市"]')`)); !active || err != nil {
		t.Errorf("the region facet term is not marked active (%v)", err)
	}

	do("open a document",
		chromedp.Navigate(base+"/#q="+url.QueryEscape("人民调解委员会")),
		// Only a hash change: wait for the hits of the query (their marks),
		// not those of the region still on the page.
		poll(`document.querySelector(".hit mark") !== null`),
		click(".hit-title"),
		chromedp.WaitVisible(chromedp.CSS("#document h2")))
	if s := text("#document h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("document title %q", s)
	}
	metadata := text("#document .metadata")
	for _, w := range []string{"南阳市司法局", "河南省南阳市", "宛司〔2022〕11号", "2022-03-05"} {
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

	// compareTable reads the comparison table as rows of cell texts.
	compareTable := func() [][]string {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](
			`JSON.stringify([...document.querySelectorAll(".compare-table tr")].map(r => [...r.children].map(c => c.textContent)))`))
		if err != nil {
			t.Fatal(err)
		}
		var rows [][]string
		if err := json.Unmarshal([]byte(raw), &rows); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	// cell returns the text at row label and column label.
	cell := func(rows [][]string, row, col string) string {
		if len(rows) == 0 {
			return ""
		}
		j := slices.Index(rows[0], col)
		for _, r := range rows[1:] {
			if r[0] == row && j > 0 && j < len(r) {
				return r[j]
			}
		}
		return ""
	}
	chartLoaded := poll(`(() => { const img = document.querySelector("#compare-chart");
		return img && img.complete && img.naturalWidth > 0; })()`)

	do("compare an indicator of the document",
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#document .compare-link")].find(a => a.textContent === "调解成功率").click()`),
		chromedp.WaitVisible(chromedp.CSS(".compare-table")),
		chartLoaded)
	rows := compareTable()
	if got := rows[0]; !slices.Equal(got, []string{"发布机关 Issuer", "2019", "2020", "2021", "2022", "2023", "2024"}) {
		t.Errorf("compare by issuer: header %q", got)
	}
	for _, c := range []struct{ row, col, want string }{
		{"南阳市司法局", "2021", "97.3%"}, {"驻马店市人民政府", "2019", "85.3%*"}, {"驻马店市人民政府", "2024", ""}, // * marks several values
	} {
		if got := cell(rows, c.row, c.col); got != c.want {
			t.Errorf("compare by issuer: %s %s = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	if s := text("#compare h2"); s != "对比 Compare: 调解成功率" {
		t.Errorf("compare heading %q", s)
	}

	do("switch to regions",
		click(`.by button[data-by="region"]`),
		poll(`location.hash.includes("by=region") && document.querySelector(".compare-table th") &&
			document.querySelector(".compare-table th").textContent === "地区 Region"`),
		chartLoaded)
	rows = compareTable()
	if got := cell(rows, "河南省南阳市", "2021"); got != "97.3%" {
		t.Errorf("compare by region: 河南省南阳市 2021 = %q, want 97.3%%; rows %q", got, rows)
	}
	src, err = chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("#compare-chart"), "src"))
	if err != nil || !strings.Contains(src.Value, "by=region") || !strings.HasPrefix(src.Value, "/compare.svg?") {
		t.Errorf("chart src %q, %v", src.Value, err)
	}

	do("back to the document (the switch is not a step back)",
		click("#compare-back"),
		chromedp.WaitVisible(chromedp.CSS("#document h2")))
	do("back to the results",
		click("#back"),
		chromedp.WaitVisible(chromedp.CSS(".hit-title")))

	do("compare from the compare box",
		chromedp.SendKeys(chromedp.CSS("#compare-q"), "调解成功率\r"),
		poll(`location.hash.includes("compare=")`),
		chromedp.WaitVisible(chromedp.CSS(".compare-table")),
		chartLoaded)
	if got := cell(compareTable(), "南阳市司法局", "2021"); got != "97.3%" {
		t.Errorf("compare from the box: 南阳市司法局 2021 = %q", got)
	}
	do("open the document of a value",
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll(".compare-table td a")].find(a => a.textContent === "97.3%").click()`),
		chromedp.WaitVisible(chromedp.CSS("#document h2")))
	if s := text("#document h2"); s != "南阳市人民调解工作情况通报" {
		t.Errorf("document of 97.3%%: %q", s)
	}

	do("kinds are labelled in Chinese and English",
		chromedp.Navigate(base+"/#"),
		chromedp.WaitVisible(chromedp.CSS(`#facets a[data-term="fzzf-report"]`)))
	if s := text(`#facets a[data-term="fzzf-report"]`); !strings.Contains(s, "法治政府建设年度报告") || !strings.Contains(s, "rule-of-law report") {
		t.Errorf("kind facet %q", s)
	}
}
