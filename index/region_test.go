package index

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/region"
)

func resolve(t *testing.T, issuer string) *region.Region {
	t.Helper()
	r, ok := region.Resolve(issuer)
	if !ok {
		return nil
	}
	return &r
}

func TestRegionTerms(t *testing.T) {
	tests := []struct {
		issuer string
		facet  string
		path   []string
	}{
		{"驻马店市人民政府", "河南省驻马店市", []string{"河南省", "河南省驻马店市", "410000", "411700"}},
		{"杭州市西湖区留下街道办事处", "浙江省杭州市",
			[]string{"浙江省", "浙江省杭州市", "浙江省杭州市西湖区", "浙江省杭州市西湖区留下街道", "330000", "330100", "330106", "330106009"}},
		{"上海市杨浦区人民政府", "上海市杨浦区", []string{"上海市", "上海市杨浦区", "310000", "310100", "310110"}},
		{"上海市人民政府", "上海市", []string{"上海市", "310000", "310100"}},
		{"湖北省司法厅", "湖北省", []string{"湖北省", "420000"}},
		{"仙桃市人民政府", "湖北省仙桃市", []string{"湖北省", "湖北省仙桃市", "420000", "429004"}},
		{"国务院", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.issuer, func(t *testing.T) {
			var r region.Region
			if p := resolve(t, tt.issuer); p != nil {
				r = *p
			}
			if got := regionFacet(r); got != tt.facet {
				t.Errorf("regionFacet = %q, want %q", got, tt.facet)
			}
			path := regionPath(r)
			if !slices.Equal(path, tt.path) {
				t.Errorf("regionPath = %q, want %q", path, tt.path)
			}
			if tt.facet != "" && !slices.Contains(path, tt.facet) {
				t.Errorf("the facet term %q is not in the path %q: a click on it would find nothing", tt.facet, path)
			}
		})
	}
}

// facetCounts returns the facet as a map of term to count.
func facetCounts(res *Result, name string) map[string]int {
	m := map[string]int{}
	for _, f := range res.Facets[name] {
		m[f.Term] = f.Count
	}
	return m
}

// TestSearchRegion checks the region facet and filter on the fixtures,
// whose issuers are city bodies of Henan, Zhejiang and Sichuan and one
// national body.
func TestSearchRegion(t *testing.T) {
	docs := fixtureDocs(t)
	ix := newTestIndex(t, docs)
	ctx := context.Background()

	byID := byIDs(docs)
	want := map[string]int{} // facet term -> documents
	for _, d := range docs {
		if d.Region == nil {
			if d.Issuer != "国务院" {
				t.Fatalf("fixture %s (%s) has no region; run go test ./index -update", d.ID, d.Issuer)
			}
			continue
		}
		want[d.Region.Province+d.Region.City]++
	}
	res, err := ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	if got := facetCounts(res, "region"); !maps.Equal(got, want) {
		t.Errorf("region facet = %v, want %v", got, want)
	}

	// count returns the number of fixture documents with a region inside
	// the one in.
	count := func(in func(r *region.Region) bool) int {
		n := 0
		for _, d := range docs {
			if d.Region != nil && in(d.Region) {
				n++
			}
		}
		return n
	}
	henan := count(func(r *region.Region) bool { return r.ProvinceCode == "410000" })
	kaifeng := count(func(r *region.Region) bool { return r.CityCode == "410200" })
	zhejiang := count(func(r *region.Region) bool { return r.Province == "浙江省" })
	if henan == 0 || kaifeng == 0 || zhejiang == 0 || kaifeng == henan {
		t.Fatalf("fixtures: %d in Henan, %d in Kaifeng, %d in Zhejiang", henan, kaifeng, zhejiang)
	}
	tests := []struct {
		name     string
		q        Query
		total    int
		province string // of every hit, when not ""
		facet    string // the only region facet term, when not ""
	}{
		{name: "province by name", q: Query{Region: "河南省"}, total: henan, province: "河南省"},
		{name: "province by short name", q: Query{Region: "河南"}, total: henan, province: "河南省"},
		{name: "province by code", q: Query{Region: "410000"}, total: henan, province: "河南省"},
		{name: "province by short code", q: Query{Region: "41"}, total: henan, province: "河南省"},
		{name: "city as in the facet", q: Query{Region: "河南省开封市"}, total: kaifeng, facet: "河南省开封市"},
		{name: "city by name", q: Query{Region: "开封市"}, total: kaifeng, facet: "河南省开封市"},
		{name: "city by code", q: Query{Region: "410200"}, total: kaifeng, facet: "河南省开封市"},
		{name: "city by short code", q: Query{Region: " 4102 "}, total: kaifeng, facet: "河南省开封市"},
		{name: "another province", q: Query{Region: "浙江省"}, total: zhejiang, province: "浙江省"},
		{name: "with words", q: Query{Region: "河南省", Text: "调解委员会"}, total: 1, facet: "河南省南阳市"},
		{name: "with an indicator", q: Query{Region: "浙江省", Indicator: "调解成功率"}, province: "浙江省"},
		{name: "a place with no documents", q: Query{Region: "湖北省"}, total: 0},
		{name: "a county with no documents", q: Query{Region: "建德市"}, total: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Limit = 100
			res, err := ix.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if tt.q.Indicator == "" && res.Total != tt.total || tt.q.Indicator != "" && res.Total == 0 {
				t.Errorf("total %d, want %d: %v", res.Total, tt.total, titles(res))
			}
			for _, h := range res.Hits {
				if r := byID[h.ID].Region; tt.province != "" && (r == nil || r.Province != tt.province) {
					t.Errorf("hit %s from %v, want %s", h.Title, r, tt.province)
				}
			}
			if tt.facet != "" {
				if got := facetCounts(res, "region"); len(got) != 1 || got[tt.facet] != res.Total {
					t.Errorf("region facet %v, want %s (%d)", got, tt.facet, res.Total)
				}
			}
		})
	}

	// A value that is no division and no document's place is an error that
	// names the nearest places, not an empty result.
	for _, tt := range []struct{ region, suggest string }{
		{"火星", ""}, {"990000", ""}, {"开风市", "河南省开封市"}, {"三都镇", "浙江省杭州市建德市三都镇"},
	} {
		_, err := ix.Search(ctx, Query{Region: tt.region})
		if !errors.Is(err, ErrBadQuery) || !strings.Contains(err.Error(), tt.suggest) {
			t.Errorf("--region %s: %v, want a bad query naming %s", tt.region, err, tt.suggest)
		}
		if _, err := ix.Indicators(ctx, IndicatorFilter{Name: "调解成功率", Region: tt.region}, 10); !errors.Is(err, ErrBadQuery) {
			t.Errorf("indicators in %s: %v, want a bad query", tt.region, err)
		}
	}

	// The indicator records carry the region too.
	vals, err := ix.Indicators(ctx, IndicatorFilter{Name: "调解成功率", Region: "杭州"}, 100)
	if err != nil {
		t.Fatal(err)
	}
	all, err := ix.Indicators(ctx, IndicatorFilter{Name: "调解成功率"}, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(vals) == 0 || len(vals) == len(all) {
		t.Fatalf("调解成功率 in 杭州: %d values of %d", len(vals), len(all))
	}
	for _, v := range vals {
		if r := extract.RegionOf(byID[v.DocID]); r.City != "杭州市" {
			t.Errorf("value %g of %s from %s, want 杭州市", v.Value, v.Issuer, r.Name())
		}
	}
}

func byIDs(docs []*extract.Document) map[string]*extract.Document {
	m := map[string]*extract.Document{}
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}

// TestSearchRegionLevels indexes issuers of every level, and a document
// extracted before regions existed, and checks where the facet counts them
// and what the filter finds.
func TestSearchRegionLevels(t *testing.T) {
	issuers := []string{
		"上海市杨浦区人民政府", "上海市杨浦区五角场街道办事处", "上海市人民政府", "湖北省司法厅", "仙桃市人民政府",
		"国务院", "杭州市西湖区留下街道办事处",
	}
	var docs []*extract.Document
	for i, is := range issuers {
		docs = append(docs, &extract.Document{ID: is, Title: is + "关于2024年工作情况的报告", Issuer: is, Text: "工作情况", ReportYear: 2024,
			Region: resolve(t, is), National: is == "国务院", Indicators: []extract.Indicator{{Name: "办理事项", Value: float64(i), Unit: "件", Text: "件"}}})
	}
	docs = append(docs,
		&extract.Document{ID: "old", Title: "开封市人民政府工作报告", Issuer: "开封市人民政府", Text: "工作情况"},
		&extract.Document{ID: "old-no-issuer", Title: "2024年上海市杨浦区政府信息公开工作年度报告", Text: "工作情况"})
	ix := newTestIndex(t, docs)
	ctx := context.Background()

	res, err := ix.Search(ctx, Query{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"上海市杨浦区": 3, "上海市": 1, "湖北省": 1, "湖北省仙桃市": 1, "浙江省杭州市": 1, "河南省开封市": 1, "全国": 1}
	if got := facetCounts(res, "region"); !maps.Equal(got, want) {
		t.Errorf("region facet = %v, want %v", got, want)
	}

	for _, tt := range []struct {
		region string
		want   []string // ids
	}{
		{"上海市", []string{"old-no-issuer", "上海市人民政府", "上海市杨浦区五角场街道办事处", "上海市杨浦区人民政府"}},
		{"310000", []string{"old-no-issuer", "上海市人民政府", "上海市杨浦区五角场街道办事处", "上海市杨浦区人民政府"}},
		{"上海市杨浦区", []string{"old-no-issuer", "上海市杨浦区五角场街道办事处", "上海市杨浦区人民政府"}},
		{"杨浦区", []string{"old-no-issuer", "上海市杨浦区五角场街道办事处", "上海市杨浦区人民政府"}},
		{"310110", []string{"old-no-issuer", "上海市杨浦区五角场街道办事处", "上海市杨浦区人民政府"}},
		{"湖北省", []string{"仙桃市人民政府", "湖北省司法厅"}},
		{"湖北省仙桃市", []string{"仙桃市人民政府"}},
		{"浙江省杭州市西湖区留下街道", []string{"杭州市西湖区留下街道办事处"}},
		{"330106009", []string{"杭州市西湖区留下街道办事处"}},
		{"河南省", []string{"old"}},
		{"national", []string{"国务院"}},
		{"全国", []string{"国务院"}},
	} {
		t.Run(tt.region, func(t *testing.T) {
			res, err := ix.Search(ctx, Query{Region: tt.region, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			got := hitIDs(res)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("--region %s found %q, want %q", tt.region, got, tt.want)
			}
			vals, err := ix.Indicators(ctx, IndicatorFilter{Name: "办理事项", Region: tt.region}, 100)
			if err != nil {
				t.Fatal(err)
			}
			var valDocs []string
			for _, v := range vals {
				valDocs = append(valDocs, v.DocID)
			}
			slices.Sort(valDocs)
			if wantVals := slices.DeleteFunc(slices.Clone(tt.want), func(id string) bool { return id == "old" || id == "old-no-issuer" }); !slices.Equal(valDocs, wantVals) {
				t.Errorf("indicators in %s from %q, want %q", tt.region, valDocs, wantVals)
			}
		})
	}
}
