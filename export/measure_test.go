package export

import (
	"context"
	"slices"
	"testing"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/index"
)

// TestFormKeys: the table cells of a recognised form carry the form key as
// their measure (requests.new.total); a comparison and a filter on the key
// find them by measure, whatever the cell's name says.
func TestFormKeys(t *testing.T) {
	ix, err := index.NewMem()
	if err != nil {
		t.Fatal(err)
	}
	doc := func(id, issuer string, year int, value float64) *extract.Document {
		return &extract.Document{ID: id, Title: issuer + "政府信息公开工作年度报告", Issuer: issuer, ReportYear: year,
			Kind: "xxgk-annual-report", Text: "…",
			Indicators: []extract.Indicator{
				{Name: "本年新收政府信息公开申请数量总计", Measure: "requests.new.total", Value: value, Unit: "件", Text: "", Kind: extract.KindCount,
					CellRef: &extract.CellRef{Table: 0, Row: 2, Col: 7}},
				{Name: "本年新收政府信息公开申请数量自然人", Measure: "requests.new.natural", Value: value - 10, Unit: "件", Kind: extract.KindCount},
			}}
	}
	b := ix.NewBatch()
	for _, d := range []*extract.Document{
		doc("a1", "开封市人民政府", 2023, 80), doc("a2", "开封市人民政府", 2024, 120), doc("b1", "洛阳市人民政府", 2024, 310),
	} {
		if _, err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()

	tab, err := CompareIndex(ctx, ix, "requests.new.total", ByRegion, Where{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for i, r := range tab.Rows {
		for j, c := range tab.Cells[i] {
			if c != nil {
				got[r+" "+tab.Columns[j]] = c.Text
			}
		}
	}
	want := map[string]string{"河南省开封市 2023": "80件", "河南省开封市 2024": "120件", "河南省洛阳市 2024": "310件"}
	if tab.Measure != "requests.new.total" || len(got) != len(want) || tab.Others != nil {
		t.Errorf("measure %q, others %v, cells %v; want %v", tab.Measure, tab.Others, got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}

	res, err := ix.Search(ctx, index.Query{Indicator: "requests.new.total>100"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"a2", "b1"}) {
		t.Errorf("requests.new.total>100 found %v, want [a2 b1]", ids)
	}
}
