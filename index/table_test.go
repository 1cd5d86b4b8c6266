package index

import (
	"context"
	"testing"

	"github.com/gongwen/gongwen/extract"
	"github.com/gongwen/gongwen/extract/form"
	"github.com/gongwen/gongwen/extract/table"
)

// TestTableText checks that the words of table cells are found: readers
// write each row of a table in the text, cells split by tabs, and the text
// is indexed; and that the tables and forms of a document come back from
// the index whole, for the export and the web page.
func TestTableText(t *testing.T) {
	doc := &extract.Document{ID: "t1", Title: "丰城市2024年国民经济和社会发展统计公报", Issuer: "丰城市统计局",
		Text: "二、农业\n表1 主要农产品产量\n产品\t产量（万吨）\t比上年增长（%）\n粮食\t64.12\t1.8\n蔬菜及食用菌\t71.40\t4.6\n三、工业",
		Tables: []table.Table{{Caption: "表1 主要农产品产量", HeaderRows: 1, Start: 16, Rows: [][]string{
			{"产品", "产量（万吨）", "比上年增长（%）"}, {"粮食", "64.12", "1.8"}, {"蔬菜及食用菌", "71.40", "4.6"}}}},
		Forms: []form.Form{{Form: "xxgk-annual-report", Edition: 2021, Values: map[string]float64{"requests.new.total": 31},
			Cells: map[string][3]int{"requests.new.total": {0, 1, 1}}, Checks: []form.Check{{Check: "c", OK: true}}}},
	}
	other := &extract.Document{ID: "t2", Title: "另一份报告", Issuer: "某局", Text: "全年粮食总产量稳定。"}
	ix := newTestIndex(t, []*extract.Document{doc, other})
	ctx := context.Background()
	for _, q := range []string{"食用菌", "蔬菜及食用菌", "比上年增长"} {
		res, err := ix.Search(ctx, Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || res.Hits[0].ID != "t1" {
			t.Errorf("search %q: %d hits %v, want the document with the table", q, res.Total, hitIDs(res))
		}
	}
	got, err := ix.Document("t1")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Tables) != 1 || got.Tables[0].Rows[2][0] != "蔬菜及食用菌" || len(got.Forms) != 1 ||
		got.Forms[0].Values["requests.new.total"] != 31 || got.Forms[0].Cells["requests.new.total"] != [3]int{0, 1, 1} {
		t.Errorf("stored document lost its tables or forms: %+v %+v", got.Tables, got.Forms)
	}
}
