package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

var (
	fixturesOnce sync.Once
	fixtures     *index.Index
	fixturesErr  error
)

// fixtureIndex returns an index in memory of the documents of
// ../testdata/index, built once.
func fixtureIndex(t *testing.T) *index.Index {
	t.Helper()
	fixturesOnce.Do(func() {
		paths, err := filepath.Glob("../testdata/index/*.json")
		if err != nil || len(paths) < 30 {
			fixturesErr = err
			if err == nil {
				fixturesErr = os.ErrNotExist
			}
			return
		}
		var docs []*extract.Document
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				fixturesErr = err
				return
			}
			var doc extract.Document
			if err := json.Unmarshal(raw, &doc); err != nil {
				fixturesErr = err
				return
			}
			docs = append(docs, &doc)
		}
		fixtures, fixturesErr = newIndex(docs)
	})
	if fixturesErr != nil {
		t.Fatal(fixturesErr)
	}
	return fixtures
}

// newIndex returns an index in memory of docs.
func newIndex(docs []*extract.Document) (*index.Index, error) {
	ix, err := index.NewMem()
	if err != nil {
		return nil, err
	}
	b := ix.NewBatch()
	for _, d := range docs {
		if _, err := b.Add(d); err != nil {
			return nil, err
		}
	}
	return ix, b.Commit()
}

// serve serves ix with Handler until the test ends and returns its URL.
func serve(t *testing.T, ix *index.Index) string {
	t.Helper()
	srv := httptest.NewServer(Handler(ix))
	t.Cleanup(srv.Close)
	return srv.URL
}

// getJSON gets u, checks the status and decodes the JSON answer into v.
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

// get returns the status, content type and body of u.
func get(t *testing.T, u string) (int, string, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

func TestAPI(t *testing.T) {
	base := serve(t, fixtureIndex(t))
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
	var forms []struct {
		Form string
		Keys []string
	}
	getJSON(t, base+"/api/forms", 200, &forms)
	if len(forms) == 0 || len(forms[0].Keys) == 0 {
		t.Errorf("/api/forms: %+v", forms)
	}
	status, ctype, page := get(t, base+"/")
	if status != 200 || !strings.HasPrefix(ctype, "text/html") || !strings.Contains(string(page), "公文检索") {
		t.Errorf("page: %d %s %.200s", status, ctype, page)
	}
}

// TestCompare asks for the comparison of an indicator: the table as JSON
// and CSV, its long form, and the chart.
func TestCompare(t *testing.T) {
	base := serve(t, fixtureIndex(t))
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
		getJSON(t, base+"/api/compare?indicator="+indicator+"&by="+tt.by, 200, &tb)
		if tb.By != tt.by {
			t.Errorf("by=%s: table by %q", tt.by, tb.By)
		}
		if got := cell(tb, tt.row, tt.col); got != tt.want {
			t.Errorf("by=%s: cell %s/%s = %q, want %q (rows %q, columns %q)", tt.by, tt.row, tt.col, got, tt.want, tb.Rows, tb.Columns)
		}
	}

	status, ctype, body := get(t, base+"/api/compare?indicator="+indicator+"&by=region&format=csv")
	if status != 200 || !strings.HasPrefix(ctype, "text/csv") || !strings.HasPrefix(string(body), "region,") || !strings.Contains(string(body), "河南省南阳市,") {
		t.Errorf("format=csv: %d %s %.200s", status, ctype, body)
	}
	var long []struct {
		Place string
		Value float64
	}
	getJSON(t, base+"/api/compare?indicator="+indicator+"&long=1", 200, &long)
	if len(long) == 0 || long[0].Place == "" {
		t.Errorf("long=1: %+v", long)
	}

	status, ctype, svg := get(t, base+"/compare.svg?indicator="+indicator+"&by=region")
	if status != 200 || ctype != "image/svg+xml" {
		t.Errorf("chart: %d, %s", status, ctype)
	}
	for _, want := range []string{"<svg", "Noto Sans CJK SC", "河南省南阳市", "浙江省杭州市", "97.3", "</svg>"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("chart lacks %s: %.300s", want, svg)
		}
	}

	var e struct{ Error string }
	getJSON(t, base+"/api/compare?indicator="+url.QueryEscape("不存在的指标"), 404, &e)
	getJSON(t, base+"/compare.svg?indicator="+url.QueryEscape("不存在的指标"), 404, &e)
	getJSON(t, base+"/api/compare?indicator="+indicator+"&by=month", 400, &e)
	if !strings.Contains(e.Error, "issuer, region or year") {
		t.Errorf("by=month: error %q", e.Error)
	}
	getJSON(t, base+"/compare.svg", 400, &e)
	getJSON(t, base+"/api/compare?indicator="+indicator+"&year=x", 400, &e)
	getJSON(t, base+"/api/compare?indicator="+indicator+"&region="+url.QueryEscape("火星"), 400, &e)
	if !strings.Contains(e.Error, "nearest") {
		t.Errorf("region=火星: error %q, want the nearest regions", e.Error)
	}
}
